/**
 * render: ReportModel → .docx bytes. The only module that knows Word. Accessibility is built
 * in: real Heading styles, list numbering, header rows marked, the language set, and every
 * colour paired with a word.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LevelFormat,
  LevelSuffix,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { zipSync, type Zippable } from 'fflate';
import type { Chart } from '../model/chart.js';
import type { AppendixBlock, BodyBlock, Line, ReportModel, Table as TableModel, TableCell as CellModel } from '../model/report.js';
import { CHART_SIZE, chartPng } from './chart.js';
import { Drawings } from './drawings.js';
import { coreXml, fixZipTimes } from './normalise.js';
import {
  BODY_SIZE,
  FONT,
  HEADING1_SIZE,
  HEADING2_SIZE,
  LANDSCAPE_MARGIN,
  LANDSCAPE_TEXT_WIDTH,
  NUMBERING,
  NUMBER_INDENT,
  PAGE,
  PORTRAIT_TEXT_WIDTH,
  SWATCH,
  TABLE_BORDER,
  TABLE_HEADER_FILL,
  TABLE_SIZE,
  TABLE_TEXT_STYLE,
} from './theme.js';

type Align = 'left' | 'center' | 'right';

/** Chart pictures of one document: a marker run here, the picture once the XML is written (drawings.ts). */
class Images {
  readonly drawings = new Drawings();

  /** A picture of the chart at its display size, or narrower to fit `maxWidth` pixels, in proportion. */
  run(chart: Chart, maxWidth = Infinity): TextRun {
    const scale = Math.min(1, maxWidth / CHART_SIZE.width);
    const shown = { width: Math.floor(CHART_SIZE.width * scale), height: Math.floor(CHART_SIZE.height * scale) };
    return new TextRun(this.drawings.mark(chart, chartKey(chart), shown));
  }
}

/** Left and right margin of a table cell, in twips. */
const CELL_MARGIN = 85;
/** Twips per pixel at 96 pixels an inch. */
const TWIPS_PER_PX = 15;

/** A chart shown in two places (a narrower picture is the same image shown smaller) is drawn once. */
export const chartKey = (c: Chart) => JSON.stringify(c);

/** Every chart a report shows, each once. */
export function chartsOf(model: ReportModel): Chart[] {
  const out = new Map<string, Chart>();
  const add = (c: Chart) => {
    const k = chartKey(c);
    if (!out.has(k)) out.set(k, c);
  };
  for (const a of model.appendices) {
    for (const b of a.blocks) {
      if (b.kind === 'charts') b.charts.forEach(add);
      if (b.kind === 'table') for (const r of b.table.rows) for (const cell of r) (cell.charts ?? []).forEach(add);
    }
  }
  return [...out.values()];
}

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** Runs carry only what differs from their paragraph's style: fewer elements, smaller XML, faster packs. */
function runs(line: Line, extra: { color?: string } = {}): TextRun[] {
  return line.map((r) =>
    r.bold || r.superscript || extra.color
      ? new TextRun({
          text: r.text,
          ...(r.bold ? { bold: true } : {}),
          ...(r.superscript ? { superScript: true } : {}),
          ...(extra.color ? { color: extra.color } : {}),
        })
      : new TextRun(r.text),
  );
}

const spacing = { after: 160 };

function heading1(text: string, options: { numbered?: boolean; pageBreakBefore?: boolean } = {}): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.HEADING_1,
    keepNext: true,
    ...(options.pageBreakBefore ? { pageBreakBefore: true } : {}),
    ...(options.numbered ? { numbering: { reference: NUMBERING.sections, level: 0 } } : {}),
    children: [new TextRun({ text })],
  });
}

function heading2(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: [new TextRun({ text })] });
}

function headerTable(model: ReportModel): Table {
  const label = 2977;
  const value = PORTRAIT_TEXT_WIDTH - label;
  const cellMargins = { top: 60, bottom: 60, left: 0, right: 113 };
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

function dataTable(t: TableModel, textWidth: number, images: Images): Table {
  const widths = t.columns.map((c) => Math.round(c.width * textWidth));
  widths[widths.length - 1]! += textWidth - widths.reduce((a, b) => a + b, 0);
  const border = { style: BorderStyle.SINGLE, size: 4, color: TABLE_BORDER };
  const cell = (c: CellModel, w: number, align: Align | undefined) => {
    const sw = c.swatch ? SWATCH[c.swatch] : undefined;
    const a = c.align ?? align ?? 'left';
    return new TableCell({
      width: { size: w, type: WidthType.DXA },
      ...(sw ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: sw.fill } } : {}),
      // One paragraph per cell, its lines separated by line breaks: half the elements of a
      // paragraph per line, which matters in a tracker of two thousand rows.
      children: [
        new Paragraph({
          style: TABLE_TEXT_STYLE,
          ...(a !== 'left' ? { alignment: ALIGN[a] } : {}),
          children: (c.lines.length > 0 ? c.lines : [[{ text: '' }]]).flatMap((l, k) => {
            const rs = runs(l, sw ? { color: sw.color } : {});
            return k === 0 ? rs : [new TextRun({ break: 1 }), ...rs];
          }),
        }),
        // Within the cell, less its margins: LibreOffice crops a picture wider than its cell.
        ...(c.charts ?? []).map((chart) => new Paragraph({ style: TABLE_TEXT_STYLE, children: [images.run(chart, (w - 2 * CELL_MARGIN) / TWIPS_PER_PX)] })),
      ],
    });
  };
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: { top: 40, bottom: 40, left: CELL_MARGIN, right: CELL_MARGIN },
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
              children: [new Paragraph({ style: TABLE_TEXT_STYLE, alignment: ALIGN[c.align ?? 'left'], children: [new TextRun({ text: c.header, bold: true })] })],
            }),
        ),
      }),
      // Rows may break across pages: a row held whole leaves half a page empty before a long one.
      // The header row repeats on each page.
      ...t.rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, widths[i]!, t.columns[i]?.align)) })),
    ],
  });
}

function bodyBlocks(blocks: readonly BodyBlock[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const b of blocks) {
    if (b.kind === 'section') out.push(heading1(b.text, { numbered: true }));
    else if (b.kind === 'subheading') out.push(heading2(b.text));
    else {
      if (b.line.length > 0) {
        out.push(new Paragraph({ numbering: { reference: NUMBERING.sections, level: 1 }, spacing, children: runs(b.line) }));
      }
      b.bullets.forEach((item, i) =>
        out.push(
          new Paragraph({
            numbering: { reference: NUMBERING.bullets, level: 0 },
            spacing: { after: i === b.bullets.length - 1 ? 160 : 60 },
            children: runs(item),
          }),
        ),
      );
    }
  }
  return out;
}

/** Side margins of a chart grid's cells, in twips: the charts stand 0.2 cm apart at least. */
const GRID_MARGIN = 57;

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
                  new Paragraph({ spacing: { line: 240, lineRule: LineRuleType.AUTO }, children: [images.run(chart, (w - 2 * GRID_MARGIN) / TWIPS_PER_PX)] }),
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
    margins: { top: 0, bottom: 113, left: GRID_MARGIN, right: GRID_MARGIN },
    tableLook: { firstRow: false, lastRow: false, firstColumn: false, lastColumn: false, noHBand: true, noVBand: true },
    rows,
  });
}

function appendixBlocks(blocks: readonly AppendixBlock[], textWidth: number, images: Images): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  blocks.forEach((b, i) => {
    if (b.kind === 'subheading') out.push(heading2(b.text));
    // A line that introduces a table (a priority's lead) stays on the page of the table's start.
    else if (b.kind === 'text') out.push(new Paragraph({ spacing, keepNext: blocks[i + 1]?.kind === 'table', children: runs(b.line) }));
    else if (b.kind === 'charts') {
      if (b.charts.length === 0) return;
      out.push(chartGrid(b.charts, textWidth, images, b.notes));
      out.push(new Paragraph({ spacing: { after: 120 }, children: [] }));
    } else {
      out.push(dataTable(b.table, textWidth, images));
      out.push(new Paragraph({ spacing: { after: 120 }, children: [] }));
    }
  });
  return out;
}

function footer(): { default: Footer } {
  return {
    default: new Footer({
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
        }),
      ],
    }),
  };
}

function numberingConfig() {
  const para = { indent: { left: NUMBER_INDENT, hanging: NUMBER_INDENT } };
  return [
    {
      reference: NUMBERING.sections,
      levels: [
        { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, suffix: LevelSuffix.TAB, style: { paragraph: para } },
        { level: 1, format: LevelFormat.DECIMAL, text: '%1.%2', alignment: AlignmentType.LEFT, suffix: LevelSuffix.TAB, style: { paragraph: para } },
      ],
    },
    {
      reference: NUMBERING.recommendations,
      levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT, suffix: LevelSuffix.TAB, style: { paragraph: para } }],
    },
    {
      reference: NUMBERING.bullets,
      levels: [
        {
          level: 0,
          format: LevelFormat.BULLET,
          text: '\u2022',
          alignment: AlignmentType.LEFT,
          suffix: LevelSuffix.TAB,
          style: { paragraph: { indent: { left: NUMBER_INDENT + 425, hanging: 425 } } },
        },
      ],
    },
  ];
}

const description = (model: ReportModel) => `${model.title}. Produced by boardpack.`;

export function buildDocument(model: ReportModel, images = new Images()): Document {
  const portrait = { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } } };
  const m = LANDSCAPE_MARGIN;
  const landscape = { page: { size: { ...portrait.page.size, orientation: PageOrientation.LANDSCAPE }, margin: { top: m, bottom: m, left: m, right: m } } };
  const main: (Paragraph | Table)[] = [
    headerTable(model),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
    heading1('Summary of issues'),
    ...model.summary.map((l) => new Paragraph({ spacing, children: runs(l) })),
    heading1('Recommendation(s)'),
    ...model.recommendations.map(
      (l) => new Paragraph({ numbering: { reference: NUMBERING.recommendations, level: 0 }, spacing, children: runs(l) }),
    ),
    ...bodyBlocks(model.body),
  ];
  const sections: ISectionOptions[] = [
    { properties: portrait, footers: footer(), children: main },
    ...model.appendices.map((a) => ({
      properties: landscape,
      footers: footer(),
      children: [heading1(`Appendix ${a.number} \u2013 ${a.title}`), ...appendixBlocks(a.blocks, LANDSCAPE_TEXT_WIDTH, images)],
    })),
  ];
  return new Document({
    title: model.title,
    subject: model.subject,
    creator: model.creator,
    lastModifiedBy: model.creator,
    keywords: model.keywords,
    description: description(model),
    features: { updateFields: false },
    styles: {
      default: {
        document: { run: { font: FONT, size: BODY_SIZE, language: { value: 'en-GB' } }, paragraph: { spacing: { line: 276, lineRule: LineRuleType.AUTO } } },
        // Outline levels 0 and 1 (Word: levels 1 and 2): PDF export makes bookmarks and heading tags from them.
        heading1: { run: { font: FONT, size: HEADING1_SIZE, bold: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, outlineLevel: 0 } },
        heading2: { run: { font: FONT, size: HEADING2_SIZE, bold: true, color: '000000' }, paragraph: { spacing: { before: 200, after: 120 }, keepNext: true, outlineLevel: 1 } },
        listParagraph: { run: { font: FONT, size: BODY_SIZE } },
      },
      paragraphStyles: [
        { id: TABLE_TEXT_STYLE, name: 'Table Text', basedOn: 'Normal', quickFormat: true, run: { size: TABLE_SIZE }, paragraph: { spacing: { line: 252, lineRule: LineRuleType.AUTO } } },
      ],
    },
    numbering: { config: numberingConfig() },
    sections,
  });
}

/** Draws a chart as PNG. */
export type DrawChart = (chart: Chart) => Promise<Uint8Array>;

/** A report's package before its chart images are in: the parts, and which chart each image path awaits. */
export interface CompiledReport {
  readonly parts: Parts;
  readonly images: ReadonlyMap<string, Chart>;
}

/** Builds the report's document and writes its XML; the chart images are added by packageReport. */
export function compileReport(model: ReportModel): CompiledReport {
  const core = coreXml({
    title: model.title,
    subject: model.subject,
    creator: model.creator,
    keywords: model.keywords,
    description: description(model),
    date: model.date,
    language: model.language,
  });
  const images = new Images();
  const parts = compileParts(buildDocument(model, images), [{ path: 'docProps/core.xml', data: core }]);
  const { drawings } = images;
  if (drawings.count > 0) {
    parts.set(DOCUMENT, drawings.placeInDocument(textPart(parts, DOCUMENT)));
    parts.set(DOCUMENT_RELS, drawings.addRelationships(textPart(parts, DOCUMENT_RELS)));
    if (!/Extension="png"/.test(textPart(parts, CONTENT_TYPES))) throw new Error('docx no longer declares the png content type');
  }
  return { parts, images: drawings.imageParts() };
}

const DOCUMENT = 'word/document.xml';
const DOCUMENT_RELS = 'word/_rels/document.xml.rels';
const CONTENT_TYPES = '[Content_Types].xml';

function textPart(parts: Parts, path: string): string {
  const data = parts.get(path);
  if (typeof data !== 'string') throw new Error(`docx wrote ${path} ${data === undefined ? 'nowhere' : 'as bytes'}`);
  return data;
}

/** The .docx bytes, once each chart is drawn; identical for identical models whatever the clock or zone. */
export async function packageReport(report: CompiledReport, draw: DrawChart): Promise<Uint8Array> {
  const parts = new Map(report.parts);
  const drawn = [...report.images].map(([p, chart]) => [p, draw(chart)] as const);
  for (const [p, png] of drawn) parts.set(p, await png);
  return packageParts(parts, new Set(report.images.keys()));
}

/** The report as .docx bytes, its charts drawn by `draw` (here, in this thread, unless told). */
export async function renderDocx(model: ReportModel, draw: DrawChart = chartPng): Promise<Uint8Array> {
  return packageReport(compileReport(model), draw);
}

type Parts = Map<string, string | Uint8Array>;

/**
 * The package's parts, by path, in docx's order, before zipping. docx keeps its compiler
 * private; the version is pinned and render tests read every part back, so a change of shape
 * fails there.
 */
function compileParts(doc: Document, overrides: { path: string; data: string }[]): Parts {
  const compiler = (Packer as unknown as { compiler?: { compile(file: Document, prettify: undefined, overrides: unknown[]): Parts } }).compiler;
  if (typeof compiler?.compile !== 'function') throw new Error('docx no longer exposes Packer.compiler: check the pinned docx version');
  return compiler.compile(doc, undefined, overrides);
}

const encoder = new TextEncoder();
/** Dates of zip entries: fixZipTimes writes 1980-01-01 00:00 whatever is given; noon keeps any zone on that day. */
const ZIP_TIME = new Date(1980, 0, 1, 12);

/**
 * Zips the parts: XML deflated as docx would, images stored. Deflating resvg's PNGs again
 * saves 9% of their bytes for about a millisecond each: 0.7 s of the main thread's time in
 * the stress pack, for files 1 MB smaller.
 */
function packageParts(parts: Parts, images: ReadonlySet<string>): Uint8Array {
  const files: Zippable = {};
  for (const [p, data] of parts) {
    const bytes = typeof data === 'string' ? encoder.encode(data) : data;
    files[p] = images.has(p) ? [bytes, { level: 0 }] : bytes;
  }
  return fixZipTimes(zipSync(files, { level: 6, mtime: ZIP_TIME }));
}
