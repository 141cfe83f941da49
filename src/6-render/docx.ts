/**
 * render: ReportModel → .docx bytes. The only module that knows Word. Accessibility is built
 * in: real Heading styles, list numbering, header rows marked, the language set, and every
 * colour paired with a word. The parts: docx/text.ts (paragraphs and headings), docx/tables.ts
 * (tables and the chart grid), docx/rows.ts (data tables' body rows, written without docx),
 * docx/styles.ts (styles, numbering, footer), docx/images.ts (chart pictures), docx/package.ts
 * (parts and zip); every measure is in theme.ts.
 */
import { Document, PageOrientation, Paragraph, type ISectionOptions, type Table } from 'docx';
import type { Chart } from '../model/chart.js';
import type { ReportModel } from '../model/report.js';
import { chartPng } from './chart.js';
import { Images } from './docx/images.js';
import { TableRows } from './docx/rows.js';
import { CONTENT_TYPES, DOCUMENT, DOCUMENT_RELS, compileParts, packageParts, textPart, type Parts } from './docx/package.js';
import { STYLES, footer, numberingConfig } from './docx/styles.js';
import { appendixBlocks, headerTable } from './docx/tables.js';
import { bodyBlocks, heading1, runs, spacing } from './docx/text.js';
import { coreXml } from './normalise.js';
import { LANDSCAPE_MARGIN, LANDSCAPE_TEXT_WIDTH, LANGUAGE, LAYOUT, NUMBERING, PAGE } from './theme.js';

export { chartKey, chartsOf } from './docx/images.js';

const description = (model: ReportModel) => `${model.title}. Produced by boardpack.`;

export function buildDocument(model: ReportModel, images = new Images(), rows = new TableRows()): Document {
  const portrait = {
    page: {
      size: { width: PAGE.width, height: PAGE.height },
      margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
    },
  };
  const m = LANDSCAPE_MARGIN;
  const landscape = {
    page: { size: { ...portrait.page.size, orientation: PageOrientation.LANDSCAPE }, margin: { top: m, bottom: m, left: m, right: m } },
  };
  const main: (Paragraph | Table)[] = [
    headerTable(model),
    new Paragraph({ spacing: { after: LAYOUT.tableAfter }, children: [] }),
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
      children: [heading1(`Appendix ${a.number} \u2013 ${a.title}`), ...appendixBlocks(a.blocks, LANDSCAPE_TEXT_WIDTH, images, rows)],
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
    styles: STYLES,
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
    language: LANGUAGE,
  });
  const images = new Images();
  const rows = new TableRows();
  const parts = compileParts(buildDocument(model, images, rows), [{ path: 'docProps/core.xml', data: core }]);
  if (rows.count > 0) parts.set(DOCUMENT, rows.placeInDocument(textPart(parts, DOCUMENT)));
  const { drawings } = images;
  if (drawings.count > 0) {
    parts.set(DOCUMENT, drawings.placeInDocument(textPart(parts, DOCUMENT)));
    parts.set(DOCUMENT_RELS, drawings.addRelationships(textPart(parts, DOCUMENT_RELS)));
    if (!/Extension="png"/.test(textPart(parts, CONTENT_TYPES))) throw new Error('docx no longer declares the png content type');
  }
  return { parts, images: drawings.imageParts() };
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
