/** Tables: the header table, data tables, the chart grid, and an appendix's blocks in order. */
import {
  BorderStyle,
  LineRuleType,
  Paragraph,
  ShadingType,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Chart } from '../../model/chart.js';
import type { AppendixBlock, ReportModel, Table as TableModel } from '../../model/report.js';
import { LAYOUT, PORTRAIT_TEXT_WIDTH, TABLE_BORDER, TABLE_HEADER_FILL, TABLE_SIZE, TABLE_TEXT_STYLE, TWIPS_PER_PX } from '../theme.js';
import type { Images } from './images.js';
import { cellXml, type TableRows } from './rows.js';
import { ALIGN, heading2, runs, spacing } from './text.js';

export function headerTable(model: ReportModel): Table {
  const label = LAYOUT.headerLabelWidth;
  const value = PORTRAIT_TEXT_WIDTH - label;
  const cellMargins = LAYOUT.headerCellMargins;
  return new Table({
    width: { size: PORTRAIT_TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [label, value],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: model.header.map(
      (h, i) =>
        new TableRow({
          // The first row is marked as a header row: assistive technology then reads the
          // table as label/value pairs, and checkers find a header on every table.
          tableHeader: i === 0,
          cantSplit: true,
          children: [
            new TableCell({
              width: { size: label, type: WidthType.DXA },
              margins: cellMargins,
              children: [new Paragraph({ children: [new TextRun({ text: h.label, bold: true })] })],
            }),
            new TableCell({
              width: { size: value, type: WidthType.DXA },
              margins: cellMargins,
              children: (h.lines.length > 0 ? h.lines : [[{ text: '' }]]).map((l) => new Paragraph({ children: runs(l) })),
            }),
          ],
        }),
    ),
  });
}

/**
 * Body rows: one paragraph per cell, its lines separated by line breaks (half the elements of
 * a paragraph per line, which matters in a tracker of thousands of rows); within the cell, less
 * its margins, each chart: LibreOffice crops a picture wider than its cell.
 */
function bodyRowsXml(t: TableModel, widths: readonly number[], images: Images): string {
  const parts: string[] = [];
  for (const r of t.rows) {
    let row = '<w:tr>';
    r.forEach((c, i) => {
      row += cellXml(c, widths[i]!, t.columns[i]?.align, images, (widths[i]! - 2 * LAYOUT.cellMargin) / TWIPS_PER_PX);
    });
    parts.push(`${row}</w:tr>`);
  }
  return parts.join('');
}

const markerRow = (marker: string) =>
  new TableRow({ children: [new TableCell({ children: [new Paragraph({ children: [new TextRun(marker)] })] })] });

function dataTable(t: TableModel, textWidth: number, images: Images, rows: TableRows): Table {
  const widths = t.columns.map((c) => Math.round(c.width * textWidth));
  widths[widths.length - 1]! += textWidth - widths.reduce((a, b) => a + b, 0);
  const border = { style: BorderStyle.SINGLE, size: 4, color: TABLE_BORDER };
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { top: LAYOUT.cellMarginY, bottom: LAYOUT.cellMarginY, left: LAYOUT.cellMargin, right: LAYOUT.cellMargin },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: t.columns.map(
          (c, i) =>
            new TableCell({
              width: { size: widths[i]!, type: WidthType.DXA },
              shading: { type: ShadingType.CLEAR, color: 'auto', fill: TABLE_HEADER_FILL },
              children: [
                new Paragraph({
                  style: TABLE_TEXT_STYLE,
                  alignment: ALIGN[c.align ?? 'left'],
                  children: [new TextRun({ text: c.header, bold: true })],
                }),
              ],
            }),
        ),
      }),
      // Rows may break across pages: a row held whole leaves half a page empty before a long one.
      // The header row repeats on each page. The body rows are written by rows.ts, in one
      // marker row's place.
      ...(t.rows.length > 0 ? [markerRow(rows.mark(bodyRowsXml(t, widths, images)))] : []),
    ],
  });
}

/**
 * Charts two to a row, each at its full size (CHART_SIZE, whose text is 8 pt or more on paper
 * only at that size), in a borderless layout table. Each chart's caption is text above it in
 * the same cell, and a row never splits across pages, so a caption cannot part from its chart;
 * the alt text is on the picture. A layout table: no header row, and tblLook turns off every
 * header, first-column and banding look, so nothing presents it as a table of data.
 */
function chartGrid(charts: readonly Chart[], textWidth: number, images: Images, notes: readonly string[] = []): Table {
  const widths = [Math.floor(textWidth / 2), textWidth - Math.floor(textWidth / 2)];
  const rows: TableRow[] = [];
  for (let i = 0; i < charts.length; i += 2) {
    rows.push(
      new TableRow({
        cantSplit: true,
        children: widths.map((w, k) => {
          const chart = charts[i + k];
          return new TableCell({
            width: { size: w, type: WidthType.DXA },
            children: chart
              ? [
                  // The caption is text, not part of the image: readers and search see it. Not
                  // keep-with-next: with it, LibreOffice started the grid on a new page though its
                  // first row fitted; the unsplittable row keeps caption and chart together.
                  new Paragraph({ children: [new TextRun({ text: chart.title, bold: true, size: TABLE_SIZE })] }),
                  ...(notes[i + k] ? [new Paragraph({ style: TABLE_TEXT_STYLE, children: [new TextRun({ text: notes[i + k]! })] })] : []),
                  // Single line spacing: the picture sets the line's height, with nothing added.
                  new Paragraph({
                    spacing: { line: LAYOUT.singleLine, lineRule: LineRuleType.AUTO },
                    children: [images.run(chart, (w - 2 * LAYOUT.gridMargin) / TWIPS_PER_PX)],
                  }),
                ]
              : [new Paragraph({ children: [] })],
          });
        }),
      }),
    );
  }
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    margins: { top: 0, bottom: LAYOUT.gridRowAfter, left: LAYOUT.gridMargin, right: LAYOUT.gridMargin },
    tableLook: { firstRow: false, lastRow: false, firstColumn: false, lastColumn: false, noHBand: true, noVBand: true },
    rows,
  });
}

export function appendixBlocks(
  blocks: readonly AppendixBlock[],
  textWidth: number,
  images: Images,
  rows: TableRows,
): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  blocks.forEach((b, i) => {
    if (b.kind === 'subheading') out.push(heading2(b.text));
    // A line that introduces a table (a priority's lead) stays on the page of the table's start.
    else if (b.kind === 'text') out.push(new Paragraph({ spacing, keepNext: blocks[i + 1]?.kind === 'table', children: runs(b.line) }));
    else if (b.kind === 'charts') {
      if (b.charts.length === 0) return;
      out.push(chartGrid(b.charts, textWidth, images, b.notes));
      out.push(new Paragraph({ spacing: { after: LAYOUT.tableAfter }, children: [] }));
    } else {
      out.push(dataTable(b.table, textWidth, images, rows));
      out.push(new Paragraph({ spacing: { after: LAYOUT.tableAfter }, children: [] }));
    }
  });
  return out;
}
