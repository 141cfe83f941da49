/**
 * Every sentence that cites a count is checked against the set it counts, on packs whose sets
 * are empty, single and large: what a director signs must be true of the figures.
 */
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics/index.js';
import type { Line, ReportModel } from '../../src/model/report.js';
import type { Facts } from '../../src/model/types.js';
import { prepare } from '../../src/pipeline/build.js';
import { workspace, type Workspace } from '../helpers/workspace.js';

const PLAN = 'examples/wexcombe/plan.yml';

const lineText = (l: Line) => l.map((r) => r.text).join('');
function prose(m: ReportModel): string {
  const body = m.body.flatMap((b) => (b.kind === 'paragraph' ? [lineText(b.line), ...b.bullets.map(lineText)] : [b.text]));
  return [...m.summary.map(lineText), ...m.recommendations.map(lineText), ...body].join('\n');
}

const WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
/** "no" → 0, "Nine" → 9, "13" → 13 */
const num = (s: string) => (/^\d+$/.test(s) ? Number(s) : WORDS.indexOf(s.toLowerCase()));

/** Every count-bearing sentence of the bundled templates, checked against the facts. */
function checkAgainst(text: string, f: Facts, name: string): number {
  let checked = 0;
  const expectCount = (re: RegExp, get: (m: RegExpMatchArray) => [number, number][]) => {
    for (const m of text.matchAll(re)) {
      for (const [said, truth] of get(m)) expect(said, `${name}: "${m[0]}"`).toBe(truth);
      checked++;
    }
  };
  const answered = f.findings.onTrack.length + f.findings.complete.length + f.findings.atRisk.length;
  const attention = f.actions.all.filter((a) => a.overdue || a.action.status === 'off-track' || a.action.status === 'at-risk').length;
  expectCount(/(\d+|[Nn]o|[A-Z][a-z]+) indicators? (?:is|are) below target \((\d+) red, (\d+) amber\)/g, (m) => [
    [num(m[1]!), f.indicators.belowTarget.length],
    [num(m[2]!), f.indicators.red.length],
    [num(m[3]!), f.indicators.amber.length],
  ]);
  expectCount(/the (\d+|no) indicators? below target \((\d+) red, (\d+) amber\)/g, (m) => [
    [num(m[1]!), f.indicators.belowTarget.length],
    [num(m[2]!), f.indicators.red.length],
    [num(m[3]!), f.indicators.amber.length],
  ]);
  expectCount(/(\d+|[Nn]o|[A-Z][a-z]+) actions? (?:needs?|is|are) (?:attention|off track, at risk or (?:past|overdue))/g, (m) => [
    [num(m[1]!), attention],
  ]);
  expectCount(/the (\d+|no) actions? off track, at risk or overdue/g, (m) => [[num(m[1]!), attention]]);
  expectCount(/answer (\d+) of the (\d+|no) Ofsted findings?/g, (m) => [
    [num(m[1]!), answered],
    [num(m[2]!), f.findings.all.length],
  ]);
  expectCount(/(\d+) (?:is|are) complete, (\d+) on track, (\d+) at risk, (\d+) off track and (\d+) not started/g, (m) => [
    [num(m[1]!), f.actions.complete.length],
    [num(m[2]!), f.actions.onTrack.length],
    [num(m[3]!), f.actions.atRisk.length],
    [num(m[4]!), f.actions.offTrack.length],
    [num(m[5]!), f.actions.notStarted.length],
  ]);
  expectCount(
    /(\d+) (?:has|have) every action complete, (\d+) (?:is|are) answered by actions on track and (\d+) (?:has|have) an action off track, at risk or overdue/g,
    (m) => [
      [num(m[1]!), f.findings.complete.length],
      [num(m[2]!), f.findings.onTrack.length],
      [num(m[3]!), f.findings.atRisk.length],
    ],
  );
  expectCount(/(\d+|[Nn]o|[A-Z][a-z]+) findings? (?:has|have) no action/g, (m) => [[num(m[1]!), f.findings.notAnswered.length]]);
  expectCount(/(\d+|[Nn]o|[A-Z][a-z]+) findings? (?:has|have) only a possible action/g, (m) => [
    [num(m[1]!), f.findings.unconfirmed.length],
  ]);
  expectCount(
    /(\d+) met (?:its target|their targets) in [A-Z][a-z]+ \d{4}, (\d+) (?:was|were) within tolerance of target \(amber\) and (\d+) (?:was|were) red; (\d+|no) (?:has|have) no target/g,
    (m) => [
      [num(m[1]!), f.indicators.green.length],
      [num(m[2]!), f.indicators.amber.length],
      [num(m[3]!), f.indicators.red.length],
      [num(m[4]!), f.indicators.noTarget.length],
    ],
  );
  expectCount(/(\d+|[Nn]o|[A-Z][a-z]+) indicators? (?:has|have) worsened three months running/g, (m) => [
    [num(m[1]!), f.indicators.worsenedThreeMonths.length],
  ]);
  expectCount(/(\d+|[Nn]o|[A-Z][a-z]+) actions? (?:is|are) past (?:its|their) due date and not complete/g, (m) => [
    [num(m[1]!), f.actions.overdue.length],
  ]);
  // Agreement at 0 and 1: never "1 actions", "1 are", "0 indicators".
  expect(text, name).not.toMatch(/\b1 (?:actions|indicators|findings|priorities)\b/);
  expect(text, name).not.toMatch(/\b1 (?:actions? )?(?:are|have)\b/);
  expect(text, name).not.toMatch(/\b0 (?:actions?|indicators?|findings?)\b/);
  return checked;
}

async function build(w: Workspace) {
  const diags = new Diagnostics();
  const out = await prepare({ configPath: w.config }, diags);
  expect(diags.errorCount, diags.all.map((d) => d.message).join('\n')).toBe(0);
  return out!;
}

describe('every count in the prose is the count of its set', () => {
  it('on the example: large sets', async () => {
    const { models, computed } = await build(workspace());
    const f = computed.facts;
    expect(f.indicators.belowTarget.length).toBeGreaterThan(5);
    expect(f.actions.overdue.length).toBeGreaterThan(5);
    for (const m of models) expect(checkAgainst(prose(m), f, m.id)).toBeGreaterThanOrEqual(4);
    // Ranked lists are ranked: furthest from target first, in tolerances.
    const board = prose(models.find((m) => m.id === 'improvement-board')!);
    const listed = [...board.matchAll(/^(.+?): [\d.]+%? (?:days )?against a target of/gm)].map((m) => m[1]);
    expect(listed.slice(0, 3)).toEqual(f.indicators.furthestFromTarget.slice(0, 3).map((r) => r.indicator.name));
  });

  it('when every set is empty', async () => {
    const w = workspace();
    w.edit(PLAN, /status: [a-z-]+/g, 'status: complete');
    w.edit('config.yml', /^ {4}target: [\d.]+\n/gm, '');
    const { models, computed } = await build(w);
    const f = computed.facts;
    expect([
      f.indicators.belowTarget.length,
      f.actions.overdue.length,
      f.actions.offTrackOrAtRisk.length,
      f.findings.atRisk.length,
    ]).toEqual([0, 0, 0, 0]);
    for (const m of models) {
      const t = prose(m);
      checkAgainst(t, f, m.id);
      expect(t).not.toMatch(/below target \(|off track, at risk or overdue, and the updates/);
    }
    const board = prose(models.find((m) => m.id === 'improvement-board')!);
    expect(board).toContain('No action is off track, at risk or past its due date.');
    expect(board).toContain('Every indicator with a target met it in October 2026.');
  });

  it('when each set holds one', async () => {
    const w = workspace();
    w.edit(PLAN, /status: [a-z-]+/g, 'status: complete');
    // One action off track and not yet due; one finding no action answers.
    w.edit(PLAN, 'due: 2027-03-31\n        status: complete', 'due: 2027-03-31\n        status: off-track');
    w.edit(PLAN, 'answers: [MV1-2026-P7]', 'answers: []');
    // One indicator with a target, and red.
    w.edit('config.yml', /^ {4}target: [\d.]+\n/gm, '');
    w.edit(
      'config.yml',
      "held a return home interview within 72 hours.'\n    unit: '%'\n    polarity: higher\n",
      "held a return home interview within 72 hours.'\n    unit: '%'\n    polarity: higher\n    target: 80\n",
    );
    const { models, computed } = await build(w);
    const f = computed.facts;
    expect([
      f.indicators.belowTarget.length,
      f.indicators.red.length,
      f.actions.offTrackOrAtRisk.length,
      f.findings.notAnswered.length,
    ]).toEqual([1, 1, 1, 1]);
    for (const m of models) checkAgainst(prose(m), f, m.id);
    const board = prose(models.find((m) => m.id === 'improvement-board')!);
    expect(board).toMatch(/1 indicator is below target \(1 red, 0 amber\)/);
    expect(board).toMatch(/One action needs attention because it is off track/);
    expect(board).toMatch(/One finding has no action in the plan/);
  });

  it('when a finding has only a possible action, which someone must confirm', async () => {
    const w = workspace();
    // ILACS-2025-R1 keeps only P1.5, which the matcher links as possible.
    w.edit(PLAN, /answers: \[ILACS-2025-R1\]/g, 'answers: []');
    const { models, computed } = await build(w);
    const f = computed.facts;
    expect(f.findings.unconfirmed.map((c) => c.finding.id)).toEqual(['ILACS-2025-R1']);
    for (const m of models) {
      checkAgainst(prose(m), f, m.id);
      // Counted where the findings are counted, never left out of them.
      expect(prose(m), m.id).toContain('One finding has only a possible action, which someone must confirm.');
    }
  });

  it('when the plan has one priority with one action', async () => {
    const w = workspace();
    const plan = w.read(PLAN);
    const firstAction = plan.indexOf('\n      - id: ');
    const secondAction = plan.indexOf('\n      - id: ', firstAction + 1);
    w.write(PLAN, `${plan.slice(0, secondAction)}\n`);
    const { models, computed } = await build(w);
    expect(computed.facts.actions.all.length).toBe(1);
    for (const m of models) checkAgainst(prose(m), computed.facts, m.id);
    const scrutiny = prose(models.find((m) => m.id === 'scrutiny-committee')!);
    expect(scrutiny).toMatch(/the plan's 1 action is answering/);
    expect(scrutiny).toMatch(/has 1 priority, with a named lead/);
    expect(scrutiny).toMatch(/The plan has one action, and it is (complete|on track|at risk|off track|not yet started)\./);
    expect(scrutiny).toMatch(/Its one action is (complete|not yet complete)\./);
    expect(scrutiny).not.toMatch(/of the 1 action under this priority/);
  });

  it('when no action of a priority is complete', async () => {
    const w = workspace();
    w.edit(PLAN, /status: [a-z-]+/g, 'status: on-track');
    const { models, computed } = await build(w);
    expect(computed.facts.actions.complete).toHaveLength(0);
    const scrutiny = prose(models.find((m) => m.id === 'scrutiny-committee')!);
    expect(scrutiny).toMatch(/None of the 5 actions under this priority is complete yet\./);
    expect(scrutiny).not.toMatch(/\bNo of the\b/);
  });
});
