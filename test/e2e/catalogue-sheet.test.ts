/**
 * The indicator catalogue kept as a sheet of the performance export instead of in config.yml:
 * the same pack either way, and every unreadable catalogue cell named at Sheet!Cell.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, inject, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { IndicatorSpec } from '../../src/model/types.js';
import { build, validate } from '../../src/pipeline/build.js';
import { workspace, type Workspace } from '../helpers/workspace.js';

const XLSX = 'examples/wexcombe/performance.xlsx';
const HEADINGS = [
  'Ref',
  'Indicator name',
  'Definition',
  'Unit',
  'DP',
  'Polarity',
  'Target',
  'Amber tolerance',
  'England',
  'Stat neighbours',
  'Comparator period',
];

/** Moves config.yml's catalogue into a "Catalogue" sheet, keeping `keep` entries in config.yml. */
async function catalogueToSheet(w: Workspace, change: (ws: ExcelJS.Worksheet) => void = () => {}, keep = 0): Promise<IndicatorSpec[]> {
  const config = parse(w.read('config.yml')) as { indicators: IndicatorSpec[]; performance: Record<string, unknown> };
  const moved = config.indicators.slice(keep);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(w.dir, XLSX));
  const ws = wb.addWorksheet('Catalogue');
  ws.getCell('A1').value = 'Indicator catalogue, 2026-27';
  ws.getRow(2).values = HEADINGS;
  moved.forEach((s, i) => {
    ws.getRow(i + 3).values = [
      s.id,
      s.name,
      s.definition,
      s.unit,
      s.decimals,
      s.polarity,
      s.target,
      s.tolerance,
      s.comparators?.england,
      s.comparators?.statisticalNeighbours,
      s.comparators?.period,
    ];
  });
  change(ws);
  await wb.xlsx.writeFile(path.join(w.dir, XLSX));
  config.indicators = config.indicators.slice(0, keep);
  config.performance['catalogue'] = { sheet: 'Catalogue', headerRow: 2 };
  w.write('config.yml', stringify(config));
  return moved;
}

describe('the catalogue as a sheet', () => {
  it('builds the same reports as the catalogue in config.yml', async () => {
    // The example as built once for the run (test/helpers/example-pack.ts), catalogue in config.yml.
    const example = JSON.parse(readFileSync(path.join(inject('exampleDir'), 'packs/2026-10/manifest.json'), 'utf8')) as {
      outputs: { path: string; sha256: string }[];
    };
    const after = workspace();
    const moved = await catalogueToSheet(after);
    expect(moved.length).toBe(15);
    const b = await build({ configPath: after.config });
    expect(b.diagnostics.all.filter((d) => d.severity === 'error')).toEqual([]);
    // Same report bytes: only the manifest differs, by its inputs' checksums.
    expect(b.files!.filter((f) => f.name.endsWith('.docx')).map((f) => f.sha256)).toEqual(example.outputs.map((o) => o.sha256));
  });

  it('names each unreadable cell, an unknown heading and a missing column', async () => {
    const w = workspace();
    await catalogueToSheet(w, (ws) => {
      ws.getCell('F3').value = 'sideways';
      ws.getCell('G4').value = 'high';
      ws.getCell('D5').value = 'furlongs';
      ws.getCell('L2').value = 'Owner';
    });
    const diags = (await validate({ configPath: w.config })).all;
    const at = (code: string) => diags.filter((d) => d.code === code).map((d) => `${d.place?.cell} ${d.message}`);
    expect(at('catalogue-value-invalid')).toEqual([
      'Catalogue!F3 CSC01: polarity "sideways" is not higher, lower or contextual',
      'Catalogue!G4 CSC02: target "high" is not a number',
      'Catalogue!D5 CSC03: unit "furlongs" is not one boardpack knows',
    ]);
    expect(at('catalogue-heading-unknown')).toEqual([expect.stringMatching(/^Catalogue!L2 catalogue heading "Owner"/)]);

    const v = workspace();
    await catalogueToSheet(v, (ws) => {
      ws.getCell('F2').value = 'Notes';
    });
    const missing = (await validate({ configPath: v.config })).all.filter((d) => d.code === 'catalogue-column-missing');
    expect(missing.map((d) => `${d.place?.cell} ${d.message}`)).toEqual([
      'Catalogue!A2 the catalogue sheet has no polarity column in row 2',
    ]);
  });

  it('refuses an indicator given both in the sheet and in config.yml, and a missing catalogue sheet', async () => {
    const w = workspace();
    await catalogueToSheet(
      w,
      (ws) => {
        ws.getCell('A3').value = 'CSC00';
        ws.getCell('A4').value = 'CSC00';
      },
      0,
    );
    const dup = (await validate({ configPath: w.config })).all.filter((d) => d.code === 'indicator-duplicate-id');
    expect(dup.map((d) => `${d.place?.cell} ${d.message}`)).toEqual([
      expect.stringMatching(/^Catalogue!A4 indicator id "CSC00" appears twice in the catalogue sheet \(first at A3\)/),
    ]);

    const both = workspace();
    const config = parse(both.read('config.yml')) as { indicators: IndicatorSpec[] };
    const first = config.indicators[0]!.id;
    await catalogueToSheet(both, () => {}, 1);
    // Put the first indicator in the sheet as well.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(both.dir, XLSX));
    wb.getWorksheet('Catalogue')!.getCell('A3').value = first;
    await wb.xlsx.writeFile(path.join(both.dir, XLSX));
    const twice = (await validate({ configPath: both.config })).all.filter((d) => d.code === 'indicator-duplicate-id');
    expect(twice.map((d) => `${d.place?.cell} ${d.message}`)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Catalogue!A3 indicator id "${first}" is in the catalogue sheet and also under indicators: in config.yml \\(line \\d+\\)`,
        ),
      ),
    ]);

    const gone = workspace();
    await catalogueToSheet(gone);
    gone.edit('config.yml', 'sheet: Catalogue', 'sheet: Catalog');
    const missing = (await validate({ configPath: gone.config })).all.filter((d) => d.code === 'workbook-sheet-missing');
    expect(missing.map((d) => `${d.message} | ${d.hint}`)).toEqual([
      expect.stringMatching(/no sheet "Catalog"; it has "Scorecard", "Catalogue" \| set performance.catalogue.sheet in config.yml/),
    ]);
    // No cascade: actions that measure indicators are not called unknown when the catalogue could not be read.
    expect((await validate({ configPath: gone.config })).all.filter((d) => d.code === 'action-unknown-indicator')).toEqual([]);
  });
});
