/**
 * The indicator catalogue kept as a sheet of the performance export, one row per indicator,
 * its columns found by their headings. Each row becomes what an entry under `indicators:` in
 * config.yml would be, and every cell that cannot be read is named at Sheet!Cell.
 */
import type { Diagnostics, Place } from '../diagnostics/index.js';
import type { Cell, CellValue, SheetTable } from '../1-load/workbook.js';
import type { IndicatorSpec } from '../model/types.js';
import { cellText, comparatorsOf, polarityIn, rangeProblem, readValue, unitIn } from './performance.js';

type Field =
  | 'id'
  | 'name'
  | 'definition'
  | 'unit'
  | 'decimals'
  | 'polarity'
  | 'target'
  | 'tolerance'
  | 'england'
  | 'statisticalNeighbours'
  | 'period'
  | 'min'
  | 'max';

/** Headings by field, compared in lower case with anything but letters and digits removed. */
const HEADINGS: Record<Field, readonly string[]> = {
  id: ['id', 'ref', 'reference', 'indicatorid', 'indicatorref', 'code', 'kpi', 'kpiref'],
  name: ['name', 'indicator', 'indicatorname', 'title', 'measure'],
  definition: ['definition', 'description', 'whatiscounted'],
  unit: ['unit', 'units'],
  decimals: ['decimals', 'dp', 'decimalplaces'],
  polarity: ['polarity', 'goodis', 'betteris', 'direction', 'goodperformance'],
  target: ['target'],
  tolerance: ['tolerance', 'ambertolerance', 'amberband', 'amber'],
  england: ['england', 'englandaverage', 'national', 'nationalaverage'],
  statisticalNeighbours: ['statisticalneighbours', 'statneighbours', 'neighbours', 'sn', 'statisticalneighbouraverage'],
  period: ['period', 'comparatorperiod', 'comparatorsperiod', 'benchmarkperiod', 'comparatoryear'],
  min: ['min', 'minimum', 'lowest'],
  max: ['max', 'maximum', 'highest'],
};
const READABLE = [
  'id',
  'name',
  'definition',
  'unit',
  'decimals',
  'polarity',
  'target',
  'tolerance',
  'England',
  'statistical neighbours',
  'period',
  'min',
  'max',
];
const normal = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
const FIELD_BY_HEADING = new Map(Object.entries(HEADINGS).flatMap(([f, hs]) => hs.map((h) => [h, f as Field])));

export interface CatalogueRow {
  readonly spec: IndicatorSpec;
  /** Where the row's id is, for messages about the indicator. */
  readonly place: Place;
}

export function readCatalogueSheet(table: SheetTable, headerRow: number, diags: Diagnostics): CatalogueRow[] {
  const place = (cell: string): Place => ({ file: table.file, cell: `${table.sheet}!${cell}` });
  const header = table.rows.get(headerRow) ?? new Map<number, Cell>();
  const columns = new Map<Field, Cell>();
  for (const cell of [...header.values()].sort((a, b) => a.col - b.col)) {
    const text = cellText(cell.value);
    if (!text) continue;
    const field = FIELD_BY_HEADING.get(normal(text));
    if (!field) {
      diags.report('catalogue-heading-unknown', `catalogue heading "${text}" is not one boardpack reads; column ignored`, {
        place: place(cell.address),
        hint: `headings read: ${READABLE.join(', ')}`,
      });
    } else if (columns.has(field)) {
      diags.report(
        'catalogue-heading-unknown',
        `catalogue heading "${text}" repeats column ${columns.get(field)!.address.replace(/\d+$/, '')}; column ignored`,
        {
          place: place(cell.address),
        },
      );
    } else columns.set(field, cell);
  }
  for (const required of ['id', 'polarity'] as const) {
    if (!columns.has(required)) {
      diags.report('catalogue-column-missing', `the catalogue sheet has no ${required} column in row ${headerRow}`, {
        place: place(`A${headerRow}`),
        hint: `give a column the heading "${HEADINGS[required][0]}", or set performance.catalogue.headerRow to the row with the headings`,
      });
    }
  }
  if (!columns.has('id') || !columns.has('polarity')) return [];

  const out: CatalogueRow[] = [];
  const seen = new Map<string, string>();
  for (const [rowNumber, cells] of [...table.rows.entries()].sort((a, b) => a[0] - b[0])) {
    if (rowNumber <= headerRow) continue;
    const at = (f: Field) => {
      const col = columns.get(f)?.col;
      return col === undefined
        ? undefined
        : { cell: cells.get(col), address: `${columns.get(f)!.address.replace(/\d+$/, '')}${rowNumber}` };
    };
    const text = (f: Field) => cellText(at(f)?.cell?.value);
    const id = text('id');
    if (!id) continue;
    const idPlace = place(at('id')!.address);
    if (seen.has(id)) {
      diags.report('indicator-duplicate-id', `indicator id "${id}" appears twice in the catalogue sheet (first at ${seen.get(id)})`, {
        place: idPlace,
        hint: 'remove one of the rows',
      });
      continue;
    }
    seen.set(id, at('id')!.address);
    let ok = true;
    const bad = (f: Field, message: string, hint: string) => {
      ok = false;
      diags.report('catalogue-value-invalid', `${id}: ${message}`, { place: place(at(f)!.address), hint });
    };

    const polarityText = text('polarity');
    const polarity = polarityIn(at('polarity')?.cell?.value);
    if (!polarity)
      bad(
        'polarity',
        polarityText ? `polarity "${polarityText}" is not higher, lower or contextual` : 'polarity is empty',
        'write higher, lower or contextual',
      );

    const unitText = text('unit');
    const unit = unitText ? unitIn(at('unit')?.cell?.value) : '%';
    if (!unit) bad('unit', `unit "${unitText}" is not one boardpack knows`, 'write %, rate per 10,000, days, count, ratio, score or cases');

    const number = (f: Field, v: CellValue | undefined, inUnit: string): number | undefined => {
      if (!v || v.kind === 'empty') return undefined;
      const r = readValue(v, inUnit);
      if ('value' in r) {
        if (r.note)
          diags.report('indicator-value-comma', `${id}: ${f === 'statisticalNeighbours' ? 'statistical neighbours' : f} ${r.note}`, {
            place: place(at(f)!.address),
          });
        return r.value;
      }
      if ('noValue' in r) return undefined;
      bad(
        f,
        `${f === 'statisticalNeighbours' ? 'statistical neighbours' : f} "${r.unreadable}" is not a number`,
        'write a number, or leave the cell empty',
      );
      return undefined;
    };
    const u = unit ?? '%';
    const target = number('target', at('target')?.cell?.value, u);
    const tolerance = number('tolerance', at('tolerance')?.cell?.value, u);
    if (tolerance !== undefined && tolerance < 0)
      bad('tolerance', `tolerance ${tolerance} is below zero`, 'write the width of the amber band, zero or more');
    const england = number('england', at('england')?.cell?.value, u);
    const neighbours = number('statisticalNeighbours', at('statisticalNeighbours')?.cell?.value, u);
    const decimals = number('decimals', at('decimals')?.cell?.value, 'count');
    if (decimals !== undefined && !(Number.isInteger(decimals) && decimals >= 0 && decimals <= 4))
      bad('decimals', `decimals ${decimals} is not a whole number from 0 to 4`, 'write 0, 1, 2, 3 or 4');
    const min = number('min', at('min')?.cell?.value, u);
    const max = number('max', at('max')?.cell?.value, u);
    if (min !== undefined && max !== undefined && min >= max)
      bad('max', `max ${max} is not above min ${min}`, 'give the lowest and highest values the indicator can have');
    // The target and comparators are values of the indicator, in the same range as its figures.
    if (unit) {
      const limits = { unit, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
      for (const [f, v] of [
        ['target', target],
        ['england', england],
        ['statisticalNeighbours', neighbours],
      ] as const) {
        const problem = v === undefined ? undefined : rangeProblem(v, limits);
        if (problem)
          bad(
            f,
            `${f === 'statisticalNeighbours' ? 'statistical neighbours' : f} ${v} ${problem}`,
            'check the figure; it is in the unit of the indicator',
          );
      }
    }
    if (!ok) continue;

    const name = text('name');
    const definition = text('definition');
    const period = at('period')?.cell?.value;
    const periodText = period?.kind === 'number' ? String(period.value) : cellText(period);
    const comparators = comparatorsOf({ england, statisticalNeighbours: neighbours, period: periodText });
    out.push({
      place: idPlace,
      spec: {
        id,
        ...(name ? { name } : {}),
        ...(definition ? { definition } : {}),
        unit: u as IndicatorSpec['unit'],
        decimals: decimals ?? 1,
        polarity: polarity!,
        ...(target !== undefined ? { target } : {}),
        tolerance: tolerance ?? 0,
        ...(min !== undefined ? { min } : {}),
        ...(max !== undefined ? { max } : {}),
        ...(comparators ? { comparators } : {}),
      },
    });
  }
  return out;
}
