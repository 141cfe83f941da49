/**
 * Broken copies of the example, one mistake each: every run must name the file and line (or
 * sheet and cell) with a useful message, fail, and write nothing.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { build, validate } from '../../src/pipeline/build.js';
import { cli as run } from '../helpers/cli.js';
import { ROOT, workspace, type Workspace } from '../helpers/workspace.js';

const PLAN = 'examples/wexcombe/plan.yml';
const ILACS = 'examples/wexcombe/findings/ilacs-2025.yml';
const XLSX = 'examples/wexcombe/performance.xlsx';
const BODY = 'templates/improvement-board/body.hbs';

interface Case {
  name: string;
  break: (w: Workspace) => void | Promise<void>;
  code: string;
  /** File the error must name, relative to the workspace. */
  file: string;
  /** Expected line (from the fixture) or cell. */
  at: (w: Workspace) => { line: number } | { cell: string } | { fileOnly: true };
  message: RegExp;
}

async function editWorkbook(w: Workspace, change: (ws: ExcelJS.Worksheet) => void) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(w.dir, XLSX));
  change(wb.getWorksheet('Scorecard')!);
  await wb.xlsx.writeFile(path.join(w.dir, XLSX));
}

const CASES: Case[] = [
  {
    name: 'YAML syntax: a badly indented line in the plan',
    break: (w) =>
      w.edit(
        PLAN,
        '        owner: Head of MASH and Assessment\n        due: 2025-09-30',
        '        owner: Head of MASH and Assessment\n       due: 2025-09-30',
      ),
    code: 'yaml-syntax',
    file: PLAN,
    at: (w) => ({ line: w.lineOf(PLAN, '       due: 2025-09-30') }),
    message: /./,
  },
  {
    name: 'unknown status, with did-you-mean',
    break: (w) => w.edit(PLAN, 'status: at-risk\n        answers: [MV1-2026-P4]', 'status: at risk\n        answers: [MV1-2026-P4]'),
    code: 'schema-invalid-value',
    file: PLAN,
    at: (w) => ({ line: w.lineOf(PLAN, 'status: at risk') }),
    message: /"at risk".*one of complete, on-track, at-risk, off-track, not-started \(did you mean "at-risk"\?\)/,
  },
  {
    name: 'impossible date',
    break: (w) => w.edit(PLAN, 'due: 2026-09-30\n        status: at-risk', 'due: 2026-09-31\n        status: at-risk'),
    code: 'schema-invalid-date',
    file: PLAN,
    at: (w) => ({ line: w.lineOf(PLAN, 'due: 2026-09-31') }),
    message: /"2026-09-31", which is not a date in the calendar/,
  },
  {
    name: 'duplicate action id',
    break: (w) => w.edit(PLAN, '- id: P1.4', '- id: P1.3'),
    code: 'action-duplicate-id',
    file: PLAN,
    at: (w) => ({
      line:
        w
          .read(PLAN)
          .split('\n')
          .findIndex((l, i, all) => l.includes('- id: P1.3') && all.slice(0, i).some((x) => x.includes('- id: P1.3'))) + 1,
    }),
    message: /action id "P1.3" is used twice \(first at line \d+\)/,
  },
  {
    name: 'answers names an unknown finding, with did-you-mean',
    break: (w) => w.edit(PLAN, 'answers: [MV1-2026-P7]', 'answers: [MV1-P7]'),
    code: 'action-unknown-finding',
    file: PLAN,
    at: (w) => ({ line: w.lineOf(PLAN, 'answers: [MV1-P7]') }),
    message: /action P2.4 answers unknown finding "MV1-P7" \(did you mean "MV1-2026-P7"\?\)/,
  },
  {
    name: 'measures names an unknown indicator, with did-you-mean',
    break: (w) => w.edit(PLAN, 'measures: [CSC15]', 'measures: [CSC51]'),
    code: 'action-unknown-indicator',
    file: PLAN,
    at: (w) => ({ line: w.lineOf(PLAN, 'measures: [CSC51]') }),
    message: /action P2.6 measures unknown indicator "CSC51" \(did you mean "CSC15"\?\)/,
  },
  {
    name: 'a required field is missing',
    break: (w) => w.edit(PLAN, '        owner: Participation Lead\n', ''),
    code: 'schema-missing-field',
    file: PLAN,
    at: (w) => ({ line: w.lineOf(PLAN, '- id: P3.7') }),
    message: /missing required field `owner`/,
  },
  {
    name: 'a misspelt key in config.yml',
    break: (w) => w.edit('config.yml', 'packDate:', 'packdate:'),
    code: 'schema-unknown-field',
    file: 'config.yml',
    at: (w) => ({ line: w.lineOf('config.yml', 'packdate:') }),
    message: /unknown field `packdate`.*did you mean "packDate"/,
  },
  {
    name: 'two findings with one id',
    break: (w) => w.edit(ILACS, 'id: ILACS-2025-R8', 'id: ILACS-2025-R7'),
    code: 'finding-duplicate-id',
    file: ILACS,
    at: (w) => ({ line: w.read(ILACS).split('\n').lastIndexOf('  - id: ILACS-2025-R7') + 1 }),
    message: /finding id "ILACS-2025-R7" is used twice/,
  },
  {
    name: 'the plan names a register that does not exist',
    break: (w) => w.edit(PLAN, 'findings/mv1-2026.yml', 'findings/mv2-2026.yml'),
    code: 'file-not-found',
    file: PLAN,
    at: (w) => ({ line: w.lineOf(PLAN, 'findings/mv2-2026.yml') }),
    message: /findings register .*examples\/wexcombe\/findings\/mv2-2026.yml does not exist/,
  },
  {
    name: 'a tab used for indentation',
    break: (w) => w.edit(ILACS, '    ref: R3', '\tref: R3'),
    code: 'yaml-syntax',
    file: ILACS,
    at: (w) => ({ line: w.lineOf(ILACS, '\tref: R3') }),
    message: /tab/i,
  },
  {
    name: 'a performance cell holds text that is not a number',
    break: (w) =>
      editWorkbook(w, (ws) => {
        ws.getCell('K9').value = 'about 5';
      }),
    code: 'indicator-value-unreadable',
    file: XLSX,
    at: () => ({ cell: 'Scorecard!K9' }),
    message: /CSC06 2026-05: "about 5" is not a number/,
  },
  {
    name: 'the configured sheet is not in the workbook',
    break: (w) => w.edit('config.yml', 'sheet: Scorecard', 'sheet: Score card'),
    code: 'workbook-sheet-missing',
    file: XLSX,
    at: () => ({ fileOnly: true }),
    message: /no sheet "Score card"; it has "Scorecard"/,
  },
  {
    name: 'a CSV renamed .xlsx',
    break: (w) => w.write(XLSX, 'Ref,Indicator,Nov-25\nCSC01,Re-referrals,27.5\n'),
    code: 'workbook-not-xlsx',
    file: XLSX,
    at: () => ({ fileOnly: true }),
    message: /text \(CSV\?\) renamed \.xlsx/,
  },
  {
    name: 'a password-protected workbook (an OLE container)',
    break: (w) =>
      writeFileSync(
        path.join(w.dir, XLSX),
        Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]),
      ),
    code: 'workbook-not-xlsx',
    file: XLSX,
    at: () => ({ fileOnly: true }),
    message: /password-protected/,
  },
  {
    name: 'a truncated workbook',
    break: (w) => writeFileSync(path.join(w.dir, XLSX), readFileSync(path.join(w.dir, XLSX)).subarray(0, 3000)),
    code: 'workbook-not-xlsx',
    file: XLSX,
    at: () => ({ fileOnly: true }),
    message: /damaged or truncated/,
  },
  {
    name: 'the header row is not where config.yml says',
    break: (w) => w.edit('config.yml', 'headerRow: 3', 'headerRow: 2'),
    code: 'workbook-header-missing',
    file: XLSX,
    at: () => ({ cell: 'Scorecard!C2' }),
    message: /row 2 holds no month headings/,
  },
  {
    name: 'a template uses a helper that does not exist',
    break: (w) => w.edit(BODY, '{{lower directionLabel}}', '{{lowercase directionLabel}}'),
    code: 'template-unknown-helper',
    file: BODY,
    at: (w) => ({ line: w.lineOf(BODY, '{{lowercase directionLabel}}') }),
    message: /unknown helper "lowercase"/,
  },
  {
    name: 'a template uses a variable that does not exist',
    break: (w) => w.edit(BODY, 'due {{dueText}}): {{update}}', 'due {{dueText}}): {{statusText}}'),
    code: 'template-missing-variable',
    file: BODY,
    at: (w) => ({ line: w.lineOf(BODY, '{{statusText}}') }),
    message: /"statusText" is not defined/,
  },
  {
    name: 'a template block left open',
    break: (w) => w.edit(BODY, '- {{area}}: {{gradeLower}}\n{{/each}}', '- {{area}}: {{gradeLower}}'),
    code: 'template-syntax',
    file: BODY,
    at: (w) => ({ line: w.lineOf(BODY, '{{#each otherJudgements}}') }),
    message: /does not parse: \{\{#each\}\} opened here is closed by \{\{\/if\}\}/,
  },
];

function expectAt(d: Diagnostic | undefined, c: Case, w: Workspace): void {
  expect(d, `no ${c.code} diagnostic`).toBeDefined();
  expect(d!.place?.file).toBe(path.join(w.dir, c.file).replace(`${process.cwd()}/`, ''));
  const at = c.at(w);
  if ('line' in at) {
    expect(at.line).toBeGreaterThan(0);
    expect(d!.place?.line).toBe(at.line);
    expect(d!.place?.column).toBeGreaterThan(0);
  }
  if ('cell' in at) expect(d!.place?.cell).toBe(at.cell);
  expect(d!.message).toMatch(c.message);
}

describe('bad input: the place, the message, and nothing written', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const w = workspace();
    await c.break(w);
    const result = await build({ configPath: w.config });
    const d = result.diagnostics.all.find((x) => x.code === c.code && x.severity === 'error');
    expectAt(d, c, w);
    expect(result.packDir).toBeUndefined();
    expect(w.packsExist()).toBe(false);
    // validate finds the same error.
    const v = await validate({ configPath: w.config });
    expect(v.all.some((x) => x.code === c.code && x.severity === 'error')).toBe(true);
  });
});

describe('the command line with bad input', () => {
  const cli = path.join(ROOT, 'dist/cli/main.js');

  it('prints every diagnostic together, errors first, exits 1, without a stack trace or output', async () => {
    const w = workspace();
    w.edit(PLAN, 'answers: [MV1-2026-P7]', 'answers: [MV1-P7]');
    w.edit(PLAN, 'measures: [CSC15]', 'measures: [CSC51]');
    const r = await run(w.dir, 'build');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n');
    expect(lines[0]).toMatch(
      /^examples\/wexcombe\/plan\.yml:\d+:\d+ error: action P2\.4 answers unknown finding "MV1-P7" \(did you mean "MV1-2026-P7"\?\) \[action-unknown-finding\]$/,
    );
    expect(r.stderr).toMatch(/plan\.yml:\d+:\d+ error: action P2\.6 measures unknown indicator "CSC51"/);
    expect(r.stderr.indexOf(' error: ')).toBeLessThan(r.stderr.indexOf(' warning: '));
    expect(r.stderr).toMatch(/build failed: 2 errors, \d+ warnings; nothing was written/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(w.packsExist()).toBe(false);
  });

  it('reports problems in the plan, the templates and the workbook in one run', async () => {
    const w = workspace();
    w.edit(PLAN, 'status: at-risk\n        answers: [MV1-2026-P4]', 'status: at risk\n        answers: [MV1-2026-P4]');
    w.edit(BODY, '{{lower directionLabel}}', '{{lowercase directionLabel}}');
    w.edit('config.yml', 'sheet: Scorecard', 'sheet: Score card');
    const d = await validate({ configPath: w.config });
    expect(
      d.all
        .filter((x) => x.severity === 'error')
        .map((x) => x.code)
        .sort(),
    ).toEqual(['schema-invalid-value', 'template-unknown-helper', 'workbook-sheet-missing']);
  });

  it('exits 1 for a missing config file and 2 for a wrong command line', async () => {
    const w = workspace();
    const missing = await run(w.dir, 'validate', '--config', 'nope.yml');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('nope.yml error: config file nope.yml does not exist');
    const usage = await run(w.dir, 'build', '--period', '2026-13');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--period must be a month written YYYY-MM');
    // The process itself, as a shell sees it: its exit status, and the usage on stderr.
    const unknown = spawnSync(process.execPath, [cli, 'bulid'], { cwd: w.dir, encoding: 'utf8' });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command 'bulid'/);
    expect(unknown.stdout).toBe('');
  });

  it('validate of the example writes nothing and exits 0', async () => {
    const w = workspace();
    const r = await run(w.dir, 'validate');
    expect(r.status).toBe(0);
    const out = r.stdout;
    expect(out).toMatch(/^valid: 0 errors, \d+ warnings/);
    expect(w.packsExist()).toBe(false);
  });
});
