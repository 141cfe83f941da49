/**
 * Interprets the performance export: finds the month columns, reads each indicator's row and
 * turns cell values into numbers, warning at `Sheet!Cell` for every value it cannot use.
 */
import { suggestion, type Diagnostics, type Place } from '../diagnostics/index.js';
import type { Cell, CellValue, SheetTable } from '../1-load/workbook.js';
import { MONTHS, monthId } from '../model/period.js';
import type { IndicatorSpec } from '../model/types.js';
import type { Indicator, Observation } from '../model/types.js';

export interface SheetMapping {
  readonly layout?: 'wide' | 'long';
  readonly unitColumn?: string;
  readonly polarityColumn?: string;
  readonly targetColumn?: string;
  readonly toleranceColumn?: string;
  readonly englandColumn?: string;
  readonly neighboursColumn?: string;
  readonly monthColumn?: string;
  readonly valueColumn?: string;
  readonly headerRow: number;
  readonly idColumn: string;
  readonly nameColumn?: string;
  readonly firstMonthColumn?: string;
  readonly lastMonthColumn?: string;
}

export function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

export function columnLetters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

const MONTH_NAMES = MONTHS.map((m) => m.toLowerCase());

function monthFromName(name: string): number | undefined {
  const n = name.toLowerCase();
  const i = MONTH_NAMES.findIndex((m) => m === n || (n.length >= 3 && m.startsWith(n)) || (n === 'sept' && m === 'september'));
  return i < 0 ? undefined : i + 1;
}

function fullYear(y: string): number {
  const n = Number(y);
  return y.length === 2 ? 2000 + n : n;
}

/** Excel serial day number to a YYYY-MM month (UTC: serials carry no time zone). */
export function monthFromSerial(serial: number): string {
  const d = new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 864e5);
  return monthId(d.getUTCFullYear(), d.getUTCMonth() + 1);
}

/** A month heading in any of the forms exports use, or undefined. */
export function parseMonthHeading(v: CellValue): string | undefined {
  switch (v.kind) {
    case 'date':
      return monthId(v.value.getUTCFullYear(), v.value.getUTCMonth() + 1);
    case 'number':
      // Serials between 1982 and 2119 only: a bare 2024 is a year, not a month.
      return v.value > 30000 && v.value < 80000 ? monthFromSerial(v.value) : undefined;
    case 'text': {
      const t = v.value.trim();
      let m = /^(\d{4})[-/](\d{1,2})(?:[-/]\d{1,2})?$/.exec(t);
      if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? monthId(Number(m[1]), Number(m[2])) : undefined;
      m = /^(\d{1,2})[-/](\d{4})$/.exec(t);
      if (m) return Number(m[1]) >= 1 && Number(m[1]) <= 12 ? monthId(Number(m[2]), Number(m[1])) : undefined;
      m = /^([A-Za-z]+)\.?[\s\-/']*(\d{2}|\d{4})$/.exec(t);
      if (m) {
        const month = monthFromName(m[1]!);
        return month ? monthId(fullYear(m[2]!), month) : undefined;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

const NO_VALUE = new Set(['n/a', 'na', '-', '–', '—', '*', 'c', 'x', 'z', ':', '..', 'nil']);

/** Rounds away binary noise such as 24.000000000000004 from fraction × 100. */
const clean = (x: number) => Math.round(x * 1e9) / 1e9;

/** `note`: how a value written with a comma was read, for a warning at its cell. */
type ValueReading = { value: number; note?: string } | { noValue: string } | { unreadable: string };

/**
 * A number written as text: "42", "-3.5", ".5", "1,234,567.5" (commas between thousands), and a
 * decimal comma ("12,5" is 12.5, never 125), each reading that could be mistaken said in `note`.
 */
export function parseNumberText(text: string): { value: number; note?: string } | undefined {
  const m = /^([-+]?)(.*?)\s*%?$/.exec(text.trim());
  if (!m) return undefined;
  const [, sign, body] = m as unknown as [string, string, string];
  const n = (digits: string) => clean(Number(`${sign}${digits}`));
  if (/^(\d+(\.\d+)?|\.\d+)$/.test(body)) return { value: n(body) };
  if (/^[1-9]\d{0,2}(,\d{3})+(\.\d+)?$/.test(body)) {
    const value = n(body.replace(/,/g, ''));
    // "1,234": a thousand and more in the UK, 1.234 where the comma is the decimal mark.
    if (/^\d+,\d{3}$/.test(body)) {
      return {
        value,
        note: `"${text.trim()}" read as ${value} (a comma between thousands); if the comma is a decimal mark, write ${n(body.replace(',', '.'))}`,
      };
    }
    return { value };
  }
  if (/^\d+,\d+$/.test(body)) {
    const value = n(body.replace(',', '.'));
    return { value, note: `"${text.trim()}" read as ${value} (a decimal comma)` };
  }
  return undefined;
}

/** The values a unit can take; the catalogue's min and max replace them. */
export const UNIT_RANGE: Record<IndicatorSpec['unit'], { readonly min?: number; readonly max?: number; readonly what: string }> = {
  '%': { min: 0, max: 100, what: 'a percentage' },
  'rate per 10,000': { min: 0, max: 10_000, what: 'a rate per 10,000' },
  days: { min: 0, what: 'a number of days' },
  count: { min: 0, what: 'a count' },
  cases: { min: 0, what: 'a caseload' },
  ratio: { min: 0, what: 'a ratio' },
  score: { what: 'a score' },
};
/** No measure a board sees is this large; 1e308 is a fault in the export, not a figure. */
export const MAX_MAGNITUDE = 1e9;

/**
 * Why `v` cannot be a value of the indicator ("is above 100, the most a percentage can be"), or
 * undefined when it can. The caller says the value first, as the user wrote it.
 */
export function rangeProblem(v: number, spec: Pick<IndicatorSpec, 'unit' | 'min' | 'max'>): string | undefined {
  if (!Number.isFinite(v) || Math.abs(v) > MAX_MAGNITUDE) return 'is too large to be a value of any indicator';
  const unit = UNIT_RANGE[spec.unit];
  const min = spec.min ?? unit.min;
  const max = spec.max ?? unit.max;
  const whose = spec.min !== undefined || spec.max !== undefined ? 'the catalogue allows' : `${unit.what} can be`;
  if (min !== undefined && v < min) return `is below ${min}, the least ${whose}`;
  if (max !== undefined && v > max) return `is above ${max}, the most ${whose}`;
  return undefined;
}

/** A cell's value as the user sees it in the export, for messages. */
function shownValue(v: CellValue | undefined, read: number, unit: string): string {
  if (v?.kind === 'text') return `"${v.value.trim()}"`;
  if (v?.kind === 'number' && v.percentFormat && unit === '%')
    return Number.isFinite(read) ? `${read}%` : `${v.value} (a fraction shown as a percentage)`;
  return String(v?.kind === 'number' ? v.value : read);
}

/** One cell's value in the indicator's unit. */
export function readValue(v: CellValue, unit: string): ValueReading {
  switch (v.kind) {
    case 'number':
      // NaN and Infinity reach here from a cell written <v>NaN</v>: not numbers a report can show.
      if (!Number.isFinite(v.value)) return { unreadable: String(v.value) };
      return { value: clean(v.percentFormat && unit === '%' ? v.value * 100 : v.value) };
    case 'empty':
      return { noValue: 'empty cell read as no value' };
    case 'error':
      return { noValue: `error value ${v.value} read as no value` };
    case 'formula-without-result':
      return {
        noValue: `formula =${v.formula} has no calculated result; read as no value (open and save the file in Excel to calculate it)`,
      };
    case 'text': {
      const t = v.value.trim();
      if (NO_VALUE.has(t.toLowerCase())) return { noValue: `"${t}" read as no value` };
      return parseNumberText(t) ?? { unreadable: t };
    }
    case 'boolean':
      return { unreadable: String(v.value).toUpperCase() };
    case 'date':
      return { unreadable: v.value.toISOString().slice(0, 10) };
  }
}

export function cellText(v: CellValue | undefined): string {
  if (!v) return '';
  if (v.kind === 'text') return v.value.trim();
  if (v.kind === 'number') return String(v.value);
  return '';
}

const UNIT_WORDS: Record<string, IndicatorSpec['unit']> = {
  '%': '%',
  percent: '%',
  percentage: '%',
  pct: '%',
  rate: 'rate per 10,000',
  'rate per 10,000': 'rate per 10,000',
  'rate per 10k': 'rate per 10,000',
  'per 10,000': 'rate per 10,000',
  days: 'days',
  day: 'days',
  count: 'count',
  number: 'count',
  no: 'count',
  ratio: 'ratio',
  score: 'score',
  cases: 'cases',
};
const POLARITY_WORDS: Record<string, IndicatorSpec['polarity']> = {
  higher: 'higher',
  high: 'higher',
  h: 'higher',
  up: 'higher',
  'higher is better': 'higher',
  'high is good': 'higher',
  lower: 'lower',
  low: 'lower',
  l: 'lower',
  down: 'lower',
  'lower is better': 'lower',
  'low is good': 'lower',
  contextual: 'contextual',
  context: 'contextual',
  c: 'contextual',
  'n/a': 'contextual',
  none: 'contextual',
};

/** The unit a cell names (`%`, `rate`, `days` ...), if it names one. */
export const unitIn = (v: CellValue | undefined): IndicatorSpec['unit'] | undefined => UNIT_WORDS[cellText(v).toLowerCase()];
/** The polarity a cell names (`higher`, `lower is better`, `down` ...), if it names one. */
export const polarityIn = (v: CellValue | undefined): IndicatorSpec['polarity'] | undefined => POLARITY_WORDS[cellText(v).toLowerCase()];

/** A catalogue entry's comparators holding only the figures given; undefined when none is. */
export function comparatorsOf(c: {
  england?: number | undefined;
  statisticalNeighbours?: number | undefined;
  period?: string | undefined;
}): IndicatorSpec['comparators'] {
  const out = {
    ...(c.england !== undefined ? { england: c.england } : {}),
    ...(c.statisticalNeighbours !== undefined ? { statisticalNeighbours: c.statisticalNeighbours } : {}),
    ...(c.period ? { period: c.period } : {}),
  };
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * What a row's own columns say about its indicator (unit, polarity, target, tolerance,
 * comparators), for filling what the catalogue leaves out.
 */
function rowFacts(cells: ReadonlyMap<number, Cell>, mapping: SheetMapping, unitHint: IndicatorSpec['unit'] | undefined) {
  const at = (col?: string) => (col ? cells.get(columnNumber(col))?.value : undefined);
  const unit = unitIn(at(mapping.unitColumn));
  const polarity = polarityIn(at(mapping.polarityColumn));
  const u = unitHint ?? unit ?? '%';
  const num = (col?: string) => {
    const v = at(col);
    if (!v) return undefined;
    const r = readValue(v, u);
    return 'value' in r ? r.value : undefined;
  };
  return {
    unit,
    polarity,
    target: num(mapping.targetColumn),
    tolerance: num(mapping.toleranceColumn),
    england: num(mapping.englandColumn),
    neighbours: num(mapping.neighboursColumn),
  };
}

/** The catalogue entry with the gaps the sheet can fill filled. */
function withSheetFacts(spec: IndicatorSpec, facts: ReturnType<typeof rowFacts>): IndicatorSpec {
  const comparators = comparatorsOf({ england: facts.england, statisticalNeighbours: facts.neighbours, ...(spec.comparators ?? {}) });
  return {
    ...spec,
    ...(spec.target === undefined && facts.target !== undefined ? { target: facts.target } : {}),
    ...(spec.tolerance === 0 && facts.tolerance !== undefined ? { tolerance: facts.tolerance } : {}),
    ...(comparators ? { comparators } : {}),
  };
}

/** One month's value of an indicator, with a warning or error at its cell when it has none. */
function observe(
  table: SheetTable,
  address: string,
  value: CellValue | undefined,
  spec: IndicatorSpec,
  month: string,
  diags: Diagnostics,
): Observation {
  const where = `${table.sheet}!${address}`;
  const place: Place = { file: table.file, cell: where };
  const reading = readValue(value ?? { kind: 'empty' }, spec.unit);
  if ('value' in reading) {
    if (reading.note) diags.report('indicator-value-comma', `${spec.id} ${month}: ${reading.note}`, { place });
    const problem = rangeProblem(reading.value, spec);
    if (!problem) return { month, value: reading.value, cell: where };
    diags.report('indicator-value-out-of-range', `${spec.id} ${month}: ${shownValue(value, reading.value, spec.unit)} ${problem}`, {
      place,
      hint:
        spec.min !== undefined || spec.max !== undefined || UNIT_RANGE[spec.unit].max === undefined
          ? 'check the cell in the export'
          : `check the cell in the export; if ${spec.id}'s values can go beyond this, give it min: or max: in the catalogue`,
    });
  } else if ('noValue' in reading) diags.report('indicator-no-value', `${spec.id} ${month}: ${reading.noValue}`, { place });
  else {
    diags.report('indicator-value-unreadable', `${spec.id} ${month}: "${reading.unreadable}" is not a number`, {
      place,
      hint: 'enter a number, a percentage such as 42%, or leave it blank or "n/a" for no value',
    });
  }
  return { month, value: null, cell: where };
}

/** The row an indicator's own columns are read from, and where its id stands. */
interface IndicatorRow {
  readonly cells: ReadonlyMap<number, Cell>;
  readonly idAddress: string;
}

/**
 * Each indicator the sheet reports, in catalogue order then sheet order: a catalogue entry with
 * the gaps its row fills filled, or, with a polarity column, an indicator the sheet describes
 * itself. Ids in neither are warned of at their cell. Shared by both layouts, so the long one
 * reads the unit, target, tolerance and comparator columns exactly as the wide one does.
 */
function resolveSpecs(
  table: SheetTable,
  rows: ReadonlyMap<string, IndicatorRow>,
  mapping: SheetMapping,
  catalogue: readonly IndicatorSpec[],
  diags: Diagnostics,
  ignored: string,
): { readonly spec: IndicatorSpec; readonly row?: IndicatorRow }[] {
  const specs = new Map(catalogue.map((s) => [s.id, s]));
  const nameCol = mapping.nameColumn ? columnNumber(mapping.nameColumn) : undefined;
  const sheetOnly: { spec: IndicatorSpec; row: IndicatorRow }[] = [];
  for (const [id, row] of rows) {
    if (specs.has(id)) continue;
    const facts = mapping.polarityColumn ? rowFacts(row.cells, mapping, undefined) : undefined;
    if (facts?.polarity) {
      // The sheet describes the indicator itself: report it as if the catalogue listed it.
      const name = nameCol ? cellText(row.cells.get(nameCol)?.value) : '';
      const comparators = comparatorsOf({ england: facts.england, statisticalNeighbours: facts.neighbours });
      const spec: IndicatorSpec = {
        id,
        ...(name ? { name } : {}),
        unit: facts.unit ?? '%',
        decimals: 1,
        polarity: facts.polarity,
        tolerance: facts.tolerance ?? 0,
        ...(facts.target !== undefined ? { target: facts.target } : {}),
        ...(comparators ? { comparators } : {}),
      };
      sheetOnly.push({ spec, row });
      continue;
    }
    // A sheet of junk can have a million such rows: past those shown, they are only counted.
    if (diags.saturated('indicator-not-in-catalogue')) diags.count('indicator-not-in-catalogue');
    else {
      diags.report(
        'indicator-not-in-catalogue',
        `indicator "${id}" is not in the indicator catalogue; ${ignored}${suggestion(id, specs.keys())}`,
        {
          place: { file: table.file, cell: `${table.sheet}!${row.idAddress}` },
          hint: 'add it to the catalogue (indicators: in config.yml, or the catalogue sheet) to report it',
        },
      );
    }
  }
  return [
    ...catalogue.map((given) => {
      const row = rows.get(given.id);
      return row ? { spec: withSheetFacts(given, rowFacts(row.cells, mapping, given.unit)), row } : { spec: given };
    }),
    ...sheetOnly,
  ];
}

export function readIndicators(
  table: SheetTable,
  mapping: SheetMapping,
  catalogue: readonly IndicatorSpec[],
  period: string,
  diags: Diagnostics,
): Indicator[] {
  if (mapping.layout === 'long') return readLongIndicators(table, mapping, catalogue, period, diags);
  const place = (cell: string): Place => ({ file: table.file, cell: `${table.sheet}!${cell}` });
  const header = table.rows.get(mapping.headerRow) ?? new Map<number, Cell>();
  const idCol = columnNumber(mapping.idColumn);
  const nameCol = mapping.nameColumn ? columnNumber(mapping.nameColumn) : undefined;
  const first = mapping.firstMonthColumn ? columnNumber(mapping.firstMonthColumn) : undefined;
  const last = mapping.lastMonthColumn ? columnNumber(mapping.lastMonthColumn) : undefined;

  const monthCols: { col: number; month: string }[] = [];
  for (const cell of [...header.values()].sort((a, b) => a.col - b.col)) {
    if (cell.col === idCol || cell.col === nameCol) continue;
    if (first !== undefined && cell.col < first) continue;
    if (last !== undefined && cell.col > last) continue;
    const month = parseMonthHeading(cell.value);
    if (month) monthCols.push({ col: cell.col, month });
    else if (first !== undefined) {
      diags.report('workbook-month-unreadable', `header "${cellText(cell.value)}" is not a month; column skipped`, {
        place: place(cell.address),
        hint: 'write month headings as dates or as text like "Nov-24", "November 2024" or "2024-11"',
      });
    }
  }
  if (monthCols.length === 0) {
    diags.report('workbook-header-missing', `row ${mapping.headerRow} holds no month headings`, {
      place: place(`${columnLetters(first ?? Math.max(idCol, nameCol ?? 0) + 1)}${mapping.headerRow}`),
      hint: 'set performance.headerRow in config.yml to the row with the month headings',
    });
    return [];
  }
  const seenMonth = new Map<string, number>();
  for (const mc of monthCols) {
    const prev = seenMonth.get(mc.month);
    if (prev !== undefined) {
      diags.report(
        'workbook-month-unreadable',
        `month ${mc.month} appears twice in the header (also column ${columnLetters(prev)}); this column is skipped`,
        {
          place: place(`${columnLetters(mc.col)}${mapping.headerRow}`),
        },
      );
    } else seenMonth.set(mc.month, mc.col);
  }
  const columns = monthCols.filter((mc) => seenMonth.get(mc.month) === mc.col).sort((a, b) => (a.month < b.month ? -1 : 1));
  if (!columns.some((c) => c.month === period)) {
    diags.report(
      'workbook-period-missing',
      `the header has no column for ${period}, the pack period (months run ${columns[0]!.month} to ${columns[columns.length - 1]!.month})`,
      {
        place: place(`${columnLetters(columns[columns.length - 1]!.col)}${mapping.headerRow}`),
        hint: 'export the latest month, or set period in config.yml to a month the export covers',
      },
    );
  }

  const rowsById = new Map<string, IndicatorRow & { readonly row: number }>();
  for (const [rowNumber, cells] of [...table.rows.entries()].sort((a, b) => a[0] - b[0])) {
    if (rowNumber <= mapping.headerRow) continue;
    const idCell = cells.get(idCol);
    const id = cellText(idCell?.value);
    if (!id) continue;
    const earlier = rowsById.get(id);
    if (earlier) {
      diags.report('workbook-duplicate-indicator', `indicator ${id} has a second row (first at row ${earlier.row})`, {
        place: place(idCell!.address),
        hint: 'remove one of the rows',
      });
      continue;
    }
    rowsById.set(id, { row: rowNumber, cells, idAddress: idCell!.address });
  }

  const out: Indicator[] = [];
  for (const { spec, row } of resolveSpecs(table, rowsById, mapping, catalogue, diags, 'row ignored')) {
    const found = row ? rowsById.get(spec.id) : undefined;
    if (!found) {
      out.push(withoutData(spec, table, diags, { file: table.file, cell: `${table.sheet}!${mapping.idColumn}:${mapping.idColumn}` }));
      continue;
    }
    const series: Observation[] = [];
    for (const { col, month } of columns) {
      const address = `${columnLetters(col)}${found.row}`;
      const cell = found.cells.get(col);
      series.push(observe(table, address, cell?.value, spec, month, diags));
    }
    const sheetName = nameCol ? cellText(found.cells.get(nameCol)?.value) : '';
    out.push({ ...spec, name: spec.name ?? (sheetName || spec.id), series });
  }
  return out;
}

/** A catalogue indicator the sheet has no row for: reported, with no data, and said so. */
function withoutData(spec: IndicatorSpec, table: { readonly sheet: string }, diags: Diagnostics, place: Place): Indicator {
  diags.report(
    'indicator-missing-row',
    `catalogue indicator ${spec.id} has no row in sheet "${table.sheet}"; it is reported with no data`,
    {
      place,
    },
  );
  return { ...spec, name: spec.name ?? spec.id, series: [] };
}

/**
 * The long layout: one row per indicator and month. A month with no row for an indicator has
 * no value (there is no cell to name); a month given twice is an error at the second row.
 */
function readLongIndicators(
  table: SheetTable,
  mapping: SheetMapping,
  catalogue: readonly IndicatorSpec[],
  period: string,
  diags: Diagnostics,
): Indicator[] {
  const place = (cell: string): Place => ({ file: table.file, cell: `${table.sheet}!${cell}` });
  if (!mapping.monthColumn || !mapping.valueColumn) {
    diags.report('workbook-header-missing', 'the long layout needs monthColumn and valueColumn under performance: in config.yml', {
      place: { file: table.file },
    });
    return [];
  }
  const idCol = columnNumber(mapping.idColumn);
  const nameCol = mapping.nameColumn ? columnNumber(mapping.nameColumn) : undefined;
  const monthCol = columnNumber(mapping.monthColumn);
  const valueCol = columnNumber(mapping.valueColumn);
  // First every indicator's rows, by month; then what each is (its own columns are read from
  // its row for the latest month up to the period, as the wide layout reads its one row);
  // then the values, read as that indicator's unit.
  type Group = {
    first: IndicatorRow;
    rows: Map<string, { r: number; cells: ReadonlyMap<number, Cell> }>;
    unreadable: { r: number; text: string }[];
  };
  const byId = new Map<string, Group>();
  const months = new Set<string>();
  for (const [r, cells] of [...table.rows.entries()].sort((a, b) => a[0] - b[0])) {
    if (r <= mapping.headerRow) continue;
    const id = cellText(cells.get(idCol)?.value);
    if (!id) continue;
    const group: Group = byId.get(id) ?? { first: { cells, idAddress: `${mapping.idColumn}${r}` }, rows: new Map(), unreadable: [] };
    byId.set(id, group);
    const month = parseMonthHeading(cells.get(monthCol)?.value ?? { kind: 'empty' });
    if (!month) {
      // Said only of indicators that are reported: the rows of an unknown one are ignored whole.
      group.unreadable.push({ r, text: cellText(cells.get(monthCol)?.value) });
      continue;
    }
    const earlier = group.rows.get(month);
    if (earlier) {
      diags.report(
        'workbook-duplicate-indicator',
        `${id} has a second row for ${month} (first at ${table.sheet}!${mapping.valueColumn}${earlier.r})`,
        {
          place: place(`${mapping.valueColumn}${r}`),
        },
      );
      continue;
    }
    group.rows.set(month, { r, cells });
  }
  const factsRows = new Map<string, IndicatorRow>();
  for (const [id, group] of byId) {
    const latest =
      [...group.rows.keys()]
        .filter((m) => m <= period)
        .sort()
        .pop() ?? [...group.rows.keys()].sort().pop();
    const row = latest ? group.rows.get(latest)! : undefined;
    factsRows.set(id, row ? { cells: row.cells, idAddress: group.first.idAddress } : group.first);
  }
  const resolved = resolveSpecs(table, factsRows, mapping, catalogue, diags, 'its rows are ignored');
  for (const { spec, row } of resolved) {
    if (!row) continue;
    const group = byId.get(spec.id)!;
    for (const m of group.rows.keys()) months.add(m);
    for (const u of group.unreadable) {
      diags.report('workbook-month-unreadable', `${spec.id}: "${u.text}" is not a month; row skipped`, {
        place: place(`${mapping.monthColumn}${u.r}`),
      });
    }
  }
  const all = [...months].sort();
  if (all.length > 0 && !all.includes(period)) {
    diags.report('workbook-period-missing', `no row is for ${period}, the pack period (months run ${all[0]} to ${all[all.length - 1]})`, {
      place: { file: table.file },
    });
  }
  return resolved.map(({ spec, row }) => {
    const group = row ? byId.get(spec.id) : undefined;
    if (!group) return withoutData(spec, table, diags, { file: table.file });
    const name = nameCol ? cellText(group.first.cells.get(nameCol)?.value) : '';
    const series = all.map((m): Observation => {
      const at = group.rows.get(m);
      if (!at) return { month: m, value: null };
      return observe(table, `${mapping.valueColumn}${at.r}`, at.cells.get(valueCol)?.value, spec, m, diags);
    });
    return { ...spec, name: spec.name ?? (name || spec.id), series };
  });
}
