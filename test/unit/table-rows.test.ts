/**
 * Data tables' body rows are written as XML by render/docx/rows.ts, not by docx. Here they are
 * compared with what docx itself writes for the same rows, built as render built them before:
 * the same bytes, for every kind of cell the model has.
 */
import { Document, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { describe, expect, it } from 'vitest';
import type { Chart } from '../../src/model/chart.js';
import type { Table as TableModel, TableCell as CellModel } from '../../src/model/report.js';
import { DOCUMENT, compileParts, textPart } from '../../src/6-render/docx/package.js';
import { Images } from '../../src/6-render/docx/images.js';
import { TableRows } from '../../src/6-render/docx/rows.js';
import { appendixBlocks } from '../../src/6-render/docx/tables.js';
import { ALIGN, runs } from '../../src/6-render/docx/text.js';
import { LAYOUT, SWATCH, TABLE_TEXT_STYLE, TWIPS_PER_PX } from '../../src/6-render/theme.js';

const WIDTH = 14570;

/** The cell as render built it with docx before rows.ts. */
function docxCell(c: CellModel, w: number, align: 'left' | 'center' | 'right' | undefined, images: Images): TableCell {
  const sw = c.swatch ? SWATCH[c.swatch] : undefined;
  const a = c.align ?? align ?? 'left';
  return new TableCell({
    width: { size: w, type: WidthType.DXA },
    ...(sw ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: sw.fill } } : {}),
    children: [
      new Paragraph({
        style: TABLE_TEXT_STYLE,
        ...(a !== 'left' ? { alignment: ALIGN[a] } : {}),
        children: (c.lines.length > 0 ? c.lines : [[{ text: '' }]]).flatMap((l, k) => {
          const rs = runs(l, sw ? { color: sw.color } : {});
          return k === 0 ? rs : [new TextRun({ break: 1 }), ...rs];
        }),
      }),
      ...(c.charts ?? []).map(
        (chart) => new Paragraph({ style: TABLE_TEXT_STYLE, children: [images.run(chart, (w - 2 * LAYOUT.cellMargin) / TWIPS_PER_PX)] }),
      ),
    ],
  });
}

function documentXml(children: (Paragraph | Table)[]): string {
  return textPart(compileParts(new Document({ sections: [{ children }] }), []), DOCUMENT);
}

/** The body rows docx writes: every row of the table. */
function byDocx(t: TableModel, widths: number[]): string {
  const images = new Images();
  const xml = documentXml([
    new Table({
      rows: t.rows.map((r) => new TableRow({ children: r.map((c, i) => docxCell(c, widths[i]!, t.columns[i]?.align, images)) })),
    }),
  ]);
  return xml.slice(xml.indexOf('<w:tr>'), xml.lastIndexOf('</w:tr>') + 7);
}

/** The body rows render writes now: every row after the header row. */
function byRender(t: TableModel): string {
  const images = new Images();
  const rows = new TableRows();
  const xml = rows.placeInDocument(documentXml(appendixBlocks([{ kind: 'table', table: t }], WIDTH, images, rows)));
  return xml.slice(xml.indexOf('<w:tr>', xml.indexOf('</w:tr>')), xml.lastIndexOf('</w:tr>') + 7);
}

const chart = (title: string): Chart => ({
  title,
  alt: `${title} rose`,
  unit: '%',
  decimals: 1,
  points: [
    { month: '2026-09', value: 1 },
    { month: '2026-10', value: 2 },
  ],
});

const table: TableModel = {
  caption: 'every kind of cell',
  columns: [
    { header: 'Ref', width: 0.2 },
    { header: 'Text', width: 0.5 },
    { header: 'RAG', width: 0.3, align: 'center' },
  ],
  rows: [
    [
      { lines: [[{ text: 'P1.1' }]] },
      { lines: [[{ text: 'Plain' }], [{ text: 'Answers: ', bold: true }, { text: 'R1' }]] },
      { lines: [[{ text: 'Red', bold: true }]], swatch: 'red' },
    ],
    [{ lines: [] }, { lines: [[]] }, { lines: [[{ text: '' }]], swatch: 'grey' }],
    [
      { lines: [[{ text: '19' }, { text: 'th', superscript: true }]] },
      { lines: [[{ text: 'Tom & "Jerry" <b> it\'s > \u00e9\u2013\u{1F600}  spaced  ' }]] },
      { lines: [[{ text: '3rd', superscript: true, bold: true }]], swatch: 'amber', align: 'right' },
    ],
    [
      { lines: [[{ text: 'left' }]], align: 'left' },
      { lines: [[{ text: 'with charts' }]], charts: [chart('A'), chart('B')] },
      { lines: [[{ text: 'Green' }]], swatch: 'green', charts: [chart('A')] },
    ],
    [
      { lines: [[{ text: 'a' }], [{ text: 'b' }], [{ text: 'c' }]] },
      { lines: [[{ text: 'x' }, { text: 'y', bold: true }, { text: 'z' }]], align: 'center' },
      { lines: [[{ text: 'Blue' }]], swatch: 'blue' },
    ],
  ],
};

describe('table rows written without docx', () => {
  it('are the bytes docx writes for the same rows', () => {
    const widths = [2914, 7285, 4371];
    expect(byRender(table)).toBe(byDocx(table, widths));
  });

  it('leave no marker behind, and a table without rows has only its header row', () => {
    const xml = byRender(table);
    expect(xml).not.toMatch(/\uE000T/);
    const images = new Images();
    const rows = new TableRows();
    const empty = documentXml(appendixBlocks([{ kind: 'table', table: { ...table, rows: [] } }], WIDTH, images, rows));
    expect(rows.count).toBe(0);
    expect(empty.match(/<w:tr>/g)).toHaveLength(1);
  });
});
