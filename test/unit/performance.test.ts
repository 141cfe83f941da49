import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics/index.js';
import type { Cell, CellValue, SheetTable } from '../../src/1-load/workbook.js';
import { sniffWorkbook } from '../../src/1-load/workbook.js';
import {
  columnLetters,
  columnNumber,
  parseMonthHeading,
  rangeProblem,
  readIndicators,
  readValue,
} from '../../src/2-validate/performance.js';
import type { IndicatorSpec } from '../../src/model/types.js';

const text = (value: string): CellValue => ({ kind: 'text', value });
const num = (value: number, percentFormat = false): CellValue => ({ kind: 'number', value, percentFormat, dateFormat: false });
const cell = (address: string, value: CellValue): Cell => {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  return { address, row: Number(m[2]), col: columnNumber(m[1]!), value };
};
/** A sheet of the given cells, as the workbook loader would hand it over. */
function sheetOf(cells: readonly Cell[], file: string, sheet: string): SheetTable {
  const rows = new Map<number, Map<number, Cell>>();
  for (const c of cells) {
    if (!rows.has(c.row)) rows.set(c.row, new Map());
    rows.get(c.row)!.set(c.col, c);
  }
  return { file, sheet, rows };
}

describe('month headings as exports write them', () => {
  it.each([
    [{ kind: 'date', value: new Date(Date.UTC(2024, 10, 1)) } as CellValue, '2024-11'],
    [num(45597), '2024-11'], // Excel serial for 1 November 2024
    [text('Nov-24'), '2024-11'],
    [text('Nov 2024'), '2024-11'],
    [text('November 2024'), '2024-11'],
    [text('Sept 2024'), '2024-09'],
    [text('2024-11'), '2024-11'],
    [text('11/2024'), '2024-11'],
    [text('Indicator'), undefined],
    [num(2024), undefined], // a year, not a serial
    [text('2024-13'), undefined],
  ])('%o → %s', (v, month) => {
    expect(parseMonthHeading(v)).toBe(month);
  });
});

describe('cell values', () => {
  it.each([
    [num(0.125, true), '%', { value: 12.5 }],
    [num(0.24, true), '%', { value: 24 }], // no 24.000000000000004
    [num(42), '%', { value: 42 }],
    [text('42%'), '%', { value: 42 }],
    [text('42.0 %'), '%', { value: 42 }],
    [text(' 1,234,567 '), 'count', { value: 1234567 }],
    [text('1,234.5'), 'count', { value: 1234.5 }],
    [text('-.5'), 'score', { value: -0.5 }],
    [num(431), 'days', { value: 431 }],
  ] as const)('%o in %s reads as a number', (v, unit, expected) => {
    expect(readValue(v, unit)).toEqual(expected);
  });

  it.each([
    [{ kind: 'empty' } as CellValue],
    [text('n/a')],
    [text('-')],
    [text('*')],
    [text('c')],
    [{ kind: 'error', value: '#DIV/0!' } as CellValue],
    [{ kind: 'formula-without-result', formula: 'A1/B1' } as CellValue],
  ])('%o is no value, with a reason', (v) => {
    expect(readValue(v, '%')).toHaveProperty('noValue');
  });

  it('text that is not a number is unreadable', () => {
    expect(readValue(text('about 40'), '%')).toEqual({ unreadable: 'about 40' });
    expect(readValue(text('1.234,5'), 'count')).toEqual({ unreadable: '1.234,5' });
    expect(readValue(text('1 234'), 'count')).toEqual({ unreadable: '1 234' });
  });

  it('reads a decimal comma as a decimal, never as a number ten times larger, and says so', () => {
    expect(readValue(text('12,5'), '%')).toEqual({ value: 12.5, note: '"12,5" read as 12.5 (a decimal comma)' });
    expect(readValue(text('12,5%'), '%')).toEqual({ value: 12.5, note: '"12,5%" read as 12.5 (a decimal comma)' });
    expect(readValue(text('0,125'), 'ratio')).toEqual({ value: 0.125, note: '"0,125" read as 0.125 (a decimal comma)' });
    expect(readValue(text('-1,25'), 'score')).toEqual({ value: -1.25, note: '"-1,25" read as -1.25 (a decimal comma)' });
    // One comma before three digits is a thousand in the UK: read so, and the other reading named.
    expect(readValue(text('1,234'), 'count')).toEqual({
      value: 1234,
      note: '"1,234" read as 1234 (a comma between thousands); if the comma is a decimal mark, write 1.234',
    });
  });

  it('refuses NaN and Infinity in a number cell', () => {
    expect(readValue(num(Number.NaN), '%')).toEqual({ unreadable: 'NaN' });
    expect(readValue(num(Number.POSITIVE_INFINITY), 'count')).toEqual({ unreadable: 'Infinity' });
  });

  it('knows the range of each unit, and the catalogue may set another', () => {
    expect(rangeProblem(100, { unit: '%' })).toBeUndefined();
    expect(rangeProblem(100.1, { unit: '%' })).toBe('is above 100, the most a percentage can be');
    expect(rangeProblem(-0.1, { unit: '%' })).toBe('is below 0, the least a percentage can be');
    expect(rangeProblem(140, { unit: '%', max: 200 })).toBeUndefined();
    expect(rangeProblem(-20, { unit: '%', min: -50 })).toBeUndefined();
    expect(rangeProblem(-1, { unit: 'count' })).toBe('is below 0, the least a count can be');
    expect(rangeProblem(10_001, { unit: 'rate per 10,000' })).toBe('is above 10000, the most a rate per 10,000 can be');
    expect(rangeProblem(-40, { unit: 'score' })).toBeUndefined();
    expect(rangeProblem(1e308, { unit: 'score' })).toBe('is too large to be a value of any indicator');
    expect(rangeProblem(Number.POSITIVE_INFINITY, { unit: 'count' })).toBe('is too large to be a value of any indicator');
  });
});

describe('columns', () => {
  it('converts letters and numbers both ways', () => {
    expect(columnNumber('A')).toBe(1);
    expect(columnNumber('Z')).toBe(26);
    expect(columnNumber('AB')).toBe(28);
    expect(columnLetters(28)).toBe('AB');
    expect(columnLetters(703)).toBe('AAA');
  });
});

describe('sniffing files that are not workbooks', () => {
  it('names what the file is', () => {
    expect(sniffWorkbook(new Uint8Array())).toMatch(/empty/);
    expect(sniffWorkbook(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toMatch(/password-protected.*old \.xls/);
    expect(sniffWorkbook(new TextEncoder().encode('id,name,Nov-24\nCSC01,x,3\n'))).toMatch(/CSV/);
    expect(sniffWorkbook(new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toBeUndefined();
  });
});

describe('readIndicators', () => {
  const table = (cells: Cell[]) => sheetOf(cells, 'perf.xlsx', 'S');
  const spec: IndicatorSpec = { id: 'K1', unit: '%', decimals: 1, polarity: 'higher', tolerance: 0 };

  it('reads a row under a title row, warning at each cell without a value', () => {
    const d = new Diagnostics();
    const t = table([
      cell('A1', text('Export title')),
      cell('A2', text('Ref')),
      cell('B2', text('Name')),
      cell('C2', text('Sep-26')),
      cell('D2', text('Oct-26')),
      cell('E2', text('Nov-26')),
      cell('A3', text('K1')),
      cell('B3', text('Things')),
      cell('C3', num(0.5, true)),
      cell('D3', text('n/a')),
      cell('A4', text('ZZ9')),
    ]);
    const [k1] = readIndicators(t, { headerRow: 2, idColumn: 'A', nameColumn: 'B' }, [spec], '2026-11', d);
    expect(k1!.name).toBe('Things');
    expect(k1!.series).toEqual([
      { month: '2026-09', value: 50, cell: 'S!C3' },
      { month: '2026-10', value: null, cell: 'S!D3' },
      { month: '2026-11', value: null, cell: 'S!E3' },
    ]);
    expect(d.all.map((x) => [x.code, x.place?.cell])).toEqual([
      ['indicator-not-in-catalogue', 'S!A4'],
      ['indicator-no-value', 'S!D3'],
      ['indicator-no-value', 'S!E3'],
    ]);
  });

  it('reports a header row without months at the header row', () => {
    const d = new Diagnostics();
    readIndicators(table([cell('A1', text('Ref')), cell('B1', text('Name'))]), { headerRow: 1, idColumn: 'A' }, [spec], '2026-11', d);
    expect(d.all[0]).toMatchObject({ code: 'workbook-header-missing', place: { cell: 'S!B1' } });
  });

  it('reports text that is not a number as an error at its cell', () => {
    const d = new Diagnostics();
    readIndicators(
      table([cell('A1', text('Ref')), cell('B1', text('Nov-26')), cell('A2', text('K1')), cell('B2', text('high'))]),
      { headerRow: 1, idColumn: 'A' },
      [spec],
      '2026-11',
      d,
    );
    expect(d.all[0]).toMatchObject({ code: 'indicator-value-unreadable', severity: 'error', place: { cell: 'S!B2' } });
  });

  it('reports a missing period column and duplicate indicator rows', () => {
    const d = new Diagnostics();
    readIndicators(
      table([
        cell('A1', text('Ref')),
        cell('B1', text('Sep-26')),
        cell('A2', text('K1')),
        cell('B2', num(3)),
        cell('A3', text('K1')),
        cell('B3', num(4)),
      ]),
      { headerRow: 1, idColumn: 'A' },
      [spec],
      '2026-11',
      d,
    );
    expect(d.all.map((x) => [x.code, x.place?.cell])).toEqual([
      ['workbook-period-missing', 'S!B1'],
      ['workbook-duplicate-indicator', 'S!A3'],
    ]);
  });
});

describe('the long layout: one row per indicator and month', () => {
  const rows = (cells: Cell[]) => sheetOf(cells, 'long.xlsx', 'L');
  const spec: IndicatorSpec = { id: 'K1', unit: '%', decimals: 1, polarity: 'higher', tolerance: 0 };
  const mapping = { layout: 'long' as const, headerRow: 1, idColumn: 'A', nameColumn: 'B', monthColumn: 'C', valueColumn: 'D' };

  it('builds each series over every month, a missing row being no value', () => {
    const d = new Diagnostics();
    const t = rows([
      cell('A1', text('Ref')),
      cell('C1', text('Month')),
      cell('D1', text('Value')),
      cell('A2', text('K1')),
      cell('B2', text('Thing')),
      cell('C2', text('Sep-26')),
      cell('D2', num(0.4, true)),
      cell('A3', text('K2')),
      cell('C3', text('Oct-26')),
      cell('D3', num(3)),
      cell('A4', text('K1')),
      cell('C4', text('Nov-26')),
      cell('D4', text('n/a')),
    ]);
    const [k1] = readIndicators(t, mapping, [spec, { ...spec, id: 'K2' }], '2026-11', d);
    expect(k1!.name).toBe('Thing');
    expect(k1!.series).toEqual([
      { month: '2026-09', value: 40, cell: 'L!D2' },
      { month: '2026-10', value: null },
      { month: '2026-11', value: null, cell: 'L!D4' },
    ]);
    expect(d.all.map((x) => [x.code, x.place?.cell])).toEqual([['indicator-no-value', 'L!D4']]);
  });

  it('reports a month given twice and a month it cannot read, at their cells', () => {
    const d = new Diagnostics();
    readIndicators(
      rows([
        cell('A2', text('K1')),
        cell('C2', text('Nov-26')),
        cell('D2', num(1)),
        cell('A3', text('K1')),
        cell('C3', text('Nov-26')),
        cell('D3', num(2)),
        cell('A4', text('K1')),
        cell('C4', text('soon')),
        cell('D4', num(3)),
      ]),
      mapping,
      [spec],
      '2026-11',
      d,
    );
    expect(d.all.map((x) => [x.code, x.place?.cell])).toEqual([
      ['workbook-duplicate-indicator', 'L!D3'],
      ['workbook-month-unreadable', 'L!C4'],
    ]);
  });
});

describe('the long layout reads the same columns as the wide', () => {
  const t = (cells: Cell[]) => sheetOf(cells, 'long.xlsx', 'L');
  const mapping = {
    layout: 'long' as const,
    headerRow: 1,
    idColumn: 'A',
    nameColumn: 'B',
    monthColumn: 'C',
    valueColumn: 'D',
    unitColumn: 'E',
    polarityColumn: 'F',
    targetColumn: 'G',
    toleranceColumn: 'H',
    englandColumn: 'I',
    neighboursColumn: 'J',
  };
  const row = (r: number, id: string, month: string, value: CellValue, more: [string, CellValue][] = []) => [
    cell(`A${r}`, text(id)),
    cell(`C${r}`, text(month)),
    cell(`D${r}`, value),
    ...more.map(([col, v]) => cell(`${col}${r}`, v)),
  ];

  it('fills a catalogue entry from its row for the latest month up to the period, and reads an indicator the sheet describes', () => {
    const d = new Diagnostics();
    const catalogue: IndicatorSpec[] = [{ id: 'K1', unit: '%', decimals: 1, polarity: 'higher', tolerance: 0 }];
    const got = readIndicators(
      t([
        ...row(2, 'K1', 'Oct-26', num(0.5, true), [
          ['G', num(0.6, true)],
          ['I', num(0.55, true)],
        ]),
        ...row(3, 'K1', 'Nov-26', num(0.62, true), [
          ['G', num(0.7, true)],
          ['H', num(5)],
          ['I', num(0.58, true)],
          ['J', num(0.6, true)],
        ]),
        ...row(4, 'K1', 'Dec-26', num(0.9, true), [['G', num(0.99, true)]]),
        ...row(5, 'K9', 'Nov-26', num(14), [
          ['E', text('days')],
          ['F', text('lower is better')],
          ['G', num(10)],
        ]),
        ...row(6, 'K7', 'garbage', num(1)),
      ]),
      mapping,
      catalogue,
      '2026-11',
      d,
    );
    expect(got.map((i) => i.id)).toEqual(['K1', 'K9']);
    // Read from the November row: the December one is after the period.
    expect(got[0]).toMatchObject({ target: 70, tolerance: 5, comparators: { england: 58, statisticalNeighbours: 60 } });
    expect(got[1]).toMatchObject({ unit: 'days', polarity: 'lower', target: 10 });
    expect(got[1]!.series.find((o) => o.month === '2026-11')).toEqual({ month: '2026-11', value: 14, cell: 'L!D5' });
    // K7 is in neither: warned of once at its first row, its unreadable month not reported.
    expect(d.all.map((x) => [x.code, x.place?.cell])).toEqual([['indicator-not-in-catalogue', 'L!A6']]);
  });
});

describe('indicator facts from the sheet', () => {
  const table = (cells: Cell[]) => sheetOf(cells, 'f.xlsx', 'S');
  const mapping = {
    headerRow: 1,
    idColumn: 'A',
    nameColumn: 'B',
    unitColumn: 'C',
    polarityColumn: 'D',
    targetColumn: 'E',
    englandColumn: 'F',
  };
  const t = table([
    cell('A1', text('Ref')),
    cell('B1', text('Name')),
    cell('C1', text('Unit')),
    cell('D1', text('Polarity')),
    cell('E1', text('Target')),
    cell('F1', text('England')),
    cell('G1', text('Nov-26')),
    cell('A2', text('K1')),
    cell('B2', text('Known')),
    cell('C2', text('%')),
    cell('D2', text('Higher')),
    cell('E2', num(0.8, true)),
    cell('F2', num(0.75, true)),
    cell('G2', num(0.7, true)),
    cell('A3', text('K9')),
    cell('B3', text('Sheet only')),
    cell('C3', text('days')),
    cell('D3', text('Lower is better')),
    cell('E3', num(300)),
    cell('G3', num(320)),
    cell('A4', text('K8')),
    cell('B4', text('No polarity')),
    cell('G4', num(1)),
  ]);

  it('fills targets and comparators the catalogue lacks, and reports sheet rows that describe themselves', () => {
    const d = new Diagnostics();
    const out = readIndicators(t, mapping, [{ id: 'K1', unit: '%', decimals: 1, polarity: 'higher', tolerance: 0 }], '2026-11', d);
    expect(out.map((i) => i.id)).toEqual(['K1', 'K9']);
    expect(out[0]).toMatchObject({ target: 80, comparators: { england: 75 }, name: 'Known' });
    expect(out[1]).toMatchObject({ name: 'Sheet only', unit: 'days', polarity: 'lower', target: 300 });
    expect(out[1]!.series[0]!.value).toBe(320);
    expect(d.all.map((x) => [x.code, x.place?.cell])).toEqual([['indicator-not-in-catalogue', 'S!A4']]);
  });

  it('keeps what the catalogue says over the sheet', () => {
    const out = readIndicators(
      t,
      mapping,
      [{ id: 'K1', unit: '%', decimals: 1, polarity: 'higher', tolerance: 0, target: 90 }],
      '2026-11',
      new Diagnostics(),
    );
    expect(out[0]!.target).toBe(90);
  });
});
