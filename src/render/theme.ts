/** House style, defined once: fonts, sizes, page geometry and the RAG palette. */
import type { Swatch } from '../model/report.js';

export const FONT = 'Arial';
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
