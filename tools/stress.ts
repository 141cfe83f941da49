/**
 * A generated working folder far larger than any council's: 2,000 actions, 60 findings and
 * 300 indicators × 36 months. Values follow fixed formulas, so every run measures the same.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { addMonths } from '../src/model/period.js';
import { STATUSES } from '../src/model/schemas.js';

export interface StressSize {
  readonly actions: number;
  readonly findings: number;
  readonly indicators: number;
  readonly months: number;
}

export const STRESS: StressSize = { actions: 2000, findings: 60, indicators: 300, months: 36 };

/**
 * What else a real export holds beside the catalogue's indicators: rows of indicators the pack
 * does not report on, and commentary columns of text after the months. Read, and passed over.
 */
export interface StressExtras {
  readonly rows: number;
  readonly textColumns: number;
}

const WORDS = [
  'assessment',
  'planning',
  'supervision',
  'caseload',
  'foster',
  'care',
  'leavers',
  'education',
  'health',
  'audit',
  'threshold',
  'partners',
  'strategy',
  'workforce',
  'recruitment',
];
const phrase = (k: number, n: number) => Array.from({ length: n }, (_, i) => WORDS[(k * 7 + i * 3) % WORDS.length]).join(' ');

export async function writeStressFolder(
  dir: string,
  root: string,
  size: StressSize = STRESS,
  period = '2026-10',
  charts = true,
  extras: StressExtras = { rows: 0, textColumns: 0 },
): Promise<string> {
  mkdirSync(path.join(dir, 'findings'), { recursive: true });
  cpSync(path.join(root, 'templates'), path.join(dir, 'templates'), { recursive: true });

  const registers = 3;
  const perRegister = Math.ceil(size.findings / registers);
  const findingIds: string[] = [];
  for (let r = 0; r < registers; r++) {
    const id = `SRC${r + 1}`;
    const lines = [
      'source:',
      `  id: ${id}`,
      `  title: Generated publication ${r + 1}`,
      `  kind: ${r === 0 ? 'full-inspection' : 'monitoring-visit'}`,
      '  published: 2025-03-14',
      'findings:',
    ];
    for (let k = 0; k < perRegister && findingIds.length < size.findings; k++) {
      const fid = `${id}-R${k + 1}`;
      findingIds.push(fid);
      lines.push(
        `  - id: ${fid}`,
        `    ref: R${k + 1}`,
        '    section: What needs to improve?',
        `    text: The ${phrase(k + r, 8)} of children's services.`,
      );
    }
    writeFileSync(path.join(dir, 'findings', `${id}.yml`), `${lines.join('\n')}\n`);
  }

  const priorities = 20;
  const perPriority = Math.ceil(size.actions / priorities);
  const plan = [
    'title: Generated stress plan',
    'findings:',
    ...Array.from({ length: registers }, (_, r) => `  - findings/SRC${r + 1}.yml`),
    'priorities:',
  ];
  let n = 0;
  for (let p = 0; p < priorities; p++) {
    plan.push(`  - id: P${p + 1}`, `    title: Priority ${p + 1} ${phrase(p, 3)}`, '    lead: A Lead, Director', '    actions:');
    for (let a = 0; a < perPriority && n < size.actions; a++, n++) {
      plan.push(
        `      - id: P${p + 1}.${a + 1}`,
        `        action: Improve the ${phrase(n, 12)} for children and families.`,
        '        owner: Head of Service',
        `        due: ${2025 + (n % 3)}-${String((n % 12) + 1).padStart(2, '0')}-28`,
        `        status: ${STATUSES[n % STATUSES.length]}`,
        ...(n % 10 === 9 ? [] : [`        answers: [${findingIds[n % findingIds.length]}]`]),
        `        measures: [K${(n % size.indicators) + 1}]`,
        `        update: Progress this month on ${phrase(n + 1, 10)}.`,
      );
    }
  }
  writeFileSync(path.join(dir, 'plan.yml'), `${plan.join('\n')}\n`);

  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data');
  const first = addMonths(period, -(size.months - 1));
  const textColumns = Array.from({ length: extras.textColumns }, (_, k) => `Commentary ${k + 1}`);
  ws.getRow(1).values = ['Ref', 'Indicator', ...Array.from({ length: size.months }, (_, m) => addMonths(first, m)), ...textColumns];
  for (let i = 0; i < size.indicators + extras.rows; i++) {
    const row = ws.getRow(i + 2);
    // The catalogue's indicators first, then others the pack does not report on.
    row.getCell(1).value = i < size.indicators ? `K${i + 1}` : `X${i + 1 - size.indicators}`;
    row.getCell(2).value = `Indicator ${i + 1}`;
    for (let m = 0; m < size.months; m++) {
      const c = row.getCell(m + 3);
      c.value = Math.round((0.4 + 0.3 * Math.sin(i + m / 5)) * 1000) / 1000;
      c.numFmt = '0.0%';
    }
    for (let k = 0; k < extras.textColumns; k++) row.getCell(size.months + 3 + k).value = `Note ${i + 1}.${k + 1}: ${phrase(i + k, 6)}.`;
  }
  await wb.xlsx.writeFile(path.join(dir, 'performance.xlsx'));

  const catalogue = Array.from(
    { length: size.indicators },
    (_, i) =>
      `  - { id: K${i + 1}, unit: '%', polarity: ${i % 3 === 0 ? 'lower' : i % 3 === 1 ? 'higher' : 'contextual'}, target: ${40 + (i % 20)}, tolerance: 3, comparators: { england: 45 } }`,
  );
  const report = (id: string) => [
    `  - id: ${id}`,
    `    template: templates/${id}`,
    '    title: Stress report',
    '    meeting: { title: Stress Board, date: 2026-11-19 }',
    '    directors: [{ name: A Director, role: Director }]',
    '    portfolioHolders: [{ name: Cllr B }]',
    '    authors: [{ name: C Author, email: c@example.org }]',
  ];
  const config = [
    'council: Stress Test Council',
    `period: ${period}`,
    'packDate: 2026-11-12',
    'plan: plan.yml',
    `charts: ${charts}`,
    'performance: { file: performance.xlsx, sheet: Data, headerRow: 1, idColumn: A, nameColumn: B }',
    'indicators:',
    ...catalogue,
    'reports:',
    ...report('improvement-board'),
    ...report('scrutiny-committee'),
  ];
  writeFileSync(path.join(dir, 'config.yml'), `${config.join('\n')}\n`);
  return path.join(dir, 'config.yml');
}
