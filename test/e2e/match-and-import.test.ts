/** The match and findings import commands as a user runs them. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline/build.js';
import { cli } from '../helpers/cli.js';
import { docxParts, docxText, workspace } from '../helpers/workspace.js';

const run = cli;
const PLAN = 'examples/wexcombe/plan.yml';

describe('boardpack match', () => {
  it('--json prints the documented shape: linked, source and at most five suggestions per action', async () => {
    const w = workspace();
    const r = await run(w.dir, 'match', '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as {
      actions: { id: string; linked: string[]; source: string; suggestions: { finding: string; score: number; because: string[] }[] }[];
      findings: { id: string; actions: string[] }[];
    };
    expect(Object.keys(out)).toEqual(['actions', 'findings', 'noneBelow']);
    expect(out.actions).toHaveLength(25);
    for (const a of out.actions) {
      // An action called none also says the score a possible link needed (and if it was council business).
      expect(Object.keys(a)).toEqual(['id', 'linked', 'source', 'suggestions', ...(a.source === 'none' ? ['neededScore'] : [])]);
      expect(['explicit', 'matched', 'possible', 'none']).toContain(a.source);
      expect(a.suggestions.length).toBeLessThanOrEqual(5);
      for (const s of a.suggestions) expect(Object.keys(s)).toEqual(['finding', 'score', 'because']);
      const scores = a.suggestions.map((s) => s.score);
      expect([...scores].sort((x, y) => y - x)).toEqual(scores);
    }
    const p43 = out.actions.find((a) => a.id === 'P4.3')!;
    expect(p43).toMatchObject({ source: 'matched', linked: ['ILACS-2025-R7'] });
    expect(p43.suggestions[0]!.because).toEqual(expect.arrayContaining(['theme: workforce', 'workforce']));
    expect(out.actions.find((a) => a.id === 'P1.5')).toMatchObject({ source: 'possible', linked: ['ILACS-2025-R1'] });
    expect(out.actions.find((a) => a.id === 'P1.1')).toMatchObject({ source: 'explicit', linked: ['ILACS-2025-R1'] });
    expect(out.findings.find((f) => f.id === 'ILACS-2025-R7')?.actions).toEqual(['P4.1', 'P4.2', 'P4.3']);
  });

  it('prints a review table and the findings no action answers', async () => {
    const w = workspace();
    w.edit(PLAN, 'answers: [MV1-2026-P7]', 'answers: []');
    const r = await run(w.dir, 'match');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^action\s+finding\s+score\s+link\s+why/);
    expect(r.stdout).toMatch(/P4\.3\s+ILACS-2025-R7\s+0\.\d\d\s+matched\s+theme: workforce/);
    // A possible link is shown with its runner-up on the next line.
    expect(r.stdout).toMatch(/P1\.5\s+ILACS-2025-R1\s+0\.\d\d\s+possible\s+.*\n\s+\S+\s+0\.\d\d\s+or\s/);
    expect(r.stdout).toMatch(/\d+ actions: \d+ linked in the plan, \d+ matched, \d+ possible \(to be confirmed\), \d+ answer no finding/);
  });

  it('--write adds the accepted matches to the plan and nothing else', async () => {
    const w = workspace();
    const before = w.read(PLAN);
    const r = await run(w.dir, 'match', '--write');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('wrote answers: for P4.3');
    const after = w.read(PLAN);
    const added = after.split('\n').filter((l) => !before.split('\n').includes(l));
    // Only confident matches are written; P1.5, a possible link, is left for a person to decide.
    expect(added).toEqual([
      expect.stringMatching(
        /^ {8}answers: \[ILACS-2025-R7\] {2}# suggested by boardpack match \(score 0\.\d\d: .*workforce.*\); check it$/,
      ),
    ]);
    expect(after.split('\n').length).toBe(before.split('\n').length + 1);
    // Now explicit, the action is no longer matched.
    const again = JSON.parse((await run(w.dir, 'match', '--json')).stdout) as { actions: { id: string; source: string }[] };
    expect(again.actions.find((a) => a.id === 'P4.3')?.source).toBe('explicit');
  });

  it('--plan and --findings override config.yml', async () => {
    const w = workspace();
    w.write(
      'other-plan.yml',
      `title: Other\npriorities:\n  - id: X\n    title: Workforce\n    lead: L\n    actions:\n      - { id: X.1, action: Cap caseloads at eighteen children for each social worker in the assessment teams, owner: O, due: 2026-01-31, status: on-track }\n`,
    );
    const r = await run(w.dir, 'match', '--json', '--plan', 'other-plan.yml', '--findings', 'examples/wexcombe/findings/mv1-2026.yml');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { actions: { id: string; linked: string[] }[]; findings: { id: string }[] };
    expect(out.findings.map((f) => f.id).every((id) => id.startsWith('MV1-2026-'))).toBe(true);
    expect(out.actions[0]).toMatchObject({ id: 'X.1', linked: ['MV1-2026-P13'] });
  });

  it("--plan still reads the council's name and indicator catalogue from config.yml, so it scores as build does", async () => {
    const w = workspace();
    const viaConfig = await run(w.dir, 'match', '--json');
    const viaPlan = await run(w.dir, 'match', '--json', '--plan', PLAN);
    expect(viaPlan.status).toBe(0);
    expect(viaPlan.stdout).toBe(viaConfig.stdout);
    // With a config.yml that is not valid, the plan stands alone.
    w.write('config.yml', '');
    const alone = await run(w.dir, 'match', '--json', '--plan', PLAN);
    expect(alone.status).toBe(0);
  });

  it('reports a broken plan with its place and exits 1', async () => {
    const w = workspace();
    w.edit(PLAN, 'status: at-risk\n        answers: [MV1-2026-P4]', 'status: at risk\n        answers: [MV1-2026-P4]');
    const r = await run(w.dir, 'match');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/plan\.yml:\d+:\d+ error: `status` of P1\.3 is "at risk"/);
  });
});

describe('build with matched links', () => {
  it('shows a confident match as suggested and a possible one as to be confirmed, in the findings section and the tracker', async () => {
    const w = workspace();
    const result = await build({ configPath: w.config });
    expect(result.diagnostics.all.find((d) => d.code === 'action-matched')?.message).toMatch(/P4\.3 .*ILACS-2025-R7/);
    const doc = docxText(docxParts(readFileSync(path.join(w.dir, 'packs/2026-10/improvement-board-2026-10.docx')))['word/document.xml']!);
    expect(doc).toContain('P4.3 complete (suggested)');
    expect(doc).toContain('Answers: ILACS-2025-R7 (suggested)');
    expect(result.diagnostics.all.find((d) => d.code === 'action-possible')?.message).toMatch(/P1\.5 .*may answer ILACS-2025-R1/);
    expect(doc).toContain('the matcher suggests P1.5 may answer it too, to be confirmed');
    expect(doc).toContain('P1.5 overdue (possible, to be confirmed)');
    expect(doc).toContain('Answers: ILACS-2025-R1 (possible, to be confirmed)');
  });
});

describe('boardpack findings import', () => {
  it('writes a register from a text report, and refuses bad arguments', async () => {
    const w = workspace();
    writeFileSync(
      path.join(w.dir, 'report.txt'),
      [
        'Inspection of Harbourside local authority children\u2019s services',
        'Inspection dates: 3 to 14 March 2025',
        '',
        'What needs to improve?',
        '\u2022 The timeliness of strategy meetings.',
        '\u2022 The sufficiency of local foster homes.',
        '',
        'Help and protection',
        '1. Text.',
      ].join('\n'),
    );
    const ok = await run(w.dir, 'findings', 'import', 'report.txt', '--id', 'ILACS-2025B');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('wrote findings/ILACS-2025B.yml: 2 findings');
    expect(w.read('findings/ILACS-2025B.yml')).toContain('id: ILACS-2025B-R2');
    expect((await run(w.dir, 'findings', 'import', 'report.txt', '--id', 'bad id')).status).toBe(2);
    expect((await run(w.dir, 'findings', 'import', 'report.txt')).status).toBe(2);
    const missing = await run(w.dir, 'findings', 'import', 'nope.pdf', '--id', 'X');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('nope.pdf error: nope.pdf does not exist');
  });
});
