/** House style, defined once: fonts, sizes, page geometry and the RAG palette. */
import type { Swatch } from '../model/report.js';

export const FONT = 'Arial';
/** The reports' language, set in their styles and properties for spelling and screen readers. */
export const LANGUAGE = 'en-GB';
/** Half-points. */
export const BODY_SIZE = 24;
export const TABLE_SIZE = 22;
export const HEADING1_SIZE = 28;
export const HEADING2_SIZE = 24;

/** A4 in twips, 2.54 cm margins. */
export const PAGE = { width: 11906, height: 16838, margin: 1440 } as const;
/**
 * The appendices' landscape pages have 2 cm margins: their wide tables and charts gain a tenth
 * of a page each, which is what keeps the example's tracker to whole pages.
 */
export const LANDSCAPE_MARGIN = 1134;
export const PORTRAIT_TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
export const LANDSCAPE_TEXT_WIDTH = PAGE.height - 2 * LANDSCAPE_MARGIN;

/**
 * Fill and text colour per swatch; every pair reaches WCAG 4.5:1 (measured: white on C00000
 * 6.48, black on FFC000 12.8, black on 00B050 7.33, white on 0070C0 5.15, black on D9D9D9 15.4).
 */
export const SWATCH: Record<Swatch, { fill: string; color: string }> = {
  red: { fill: 'C00000', color: 'FFFFFF' },
  amber: { fill: 'FFC000', color: '000000' },
  green: { fill: '00B050', color: '000000' },
  blue: { fill: '0070C0', color: 'FFFFFF' },
  grey: { fill: 'D9D9D9', color: '000000' },
};

/** Paragraph style of table cells: smaller text set once, not on every run. */
export const TABLE_TEXT_STYLE = 'TableText';

export const TABLE_HEADER_FILL = 'D9D9D9';
export const TABLE_BORDER = '808080';

/** Numbering references. */
export const NUMBERING = { sections: 'sections', bullets: 'bullets', recommendations: 'recommendations' } as const;
/** Indent of numbered text, wide enough for "10.12" at 12 pt. */
export const NUMBER_INDENT = 851;

/** Layout measures of the Word document, in twips unless said. */
export const LAYOUT = {
  /** Left and right margin of a data table's cells. */
  cellMargin: 85,
  /** Top and bottom margin of a data table's cells. */
  cellMarginY: 40,
  /** Side margins of a chart grid's cells: the charts stand 0.2 cm apart at least. */
  gridMargin: 57,
  /** Space under a chart grid's row. */
  gridRowAfter: 113,
  /** The header table's label column (5.25 cm), its cells' margins. */
  headerLabelWidth: 2977,
  headerCellMargins: { top: 60, bottom: 60, left: 0, right: 113 },
  /** Space after a paragraph; after a bullet that is not its list's last. */
  paragraphAfter: 160,
  bulletAfter: 60,
  /** Space after a table, and after the header table. */
  tableAfter: 120,
  /** How far a bullet's text sits beyond the numbered text, and its hanging indent. */
  bulletIndent: 425,
  /** Line spacing in 240ths: body 1.15, table text 1.05, a chart's own line single. */
  bodyLine: 276,
  tableLine: 252,
  singleLine: 240,
  /** Heading spacing before and after. */
  heading1Spacing: { before: 240, after: 120 },
  heading2Spacing: { before: 200, after: 120 },
} as const;

/** Twips per pixel at 96 pixels an inch. */
export const TWIPS_PER_PX = 15;
