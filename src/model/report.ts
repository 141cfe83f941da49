import type { Chart } from './chart.js';

/**
 * The report model: what a committee report says and in what structure, with no knowledge of
 * Word. compose produces it; render turns it into .docx. Plain data, so a test can render
 * from a JSON fixture.
 */

export interface Inline {
  readonly text: string;
  readonly bold?: boolean;
  readonly superscript?: boolean;
}

/** A line of runs; a cell or paragraph may hold several lines. */
export type Line = readonly Inline[];

/** Colours are named by meaning; render owns the palette. */
export type Swatch = 'red' | 'amber' | 'green' | 'blue' | 'grey';

export interface TableCell {
  readonly lines: readonly Line[];
  /** Small trend charts under the text. */
  readonly charts?: readonly Chart[];
  readonly swatch?: Swatch;
  /** Centre short values such as RAG words. */
  readonly align?: 'left' | 'center' | 'right';
}

export interface TableColumn {
  readonly header: string;
  /** Share of the text width, 0–1; the columns of a table add up to 1. */
  readonly width: number;
  readonly align?: 'left' | 'center' | 'right';
}

export interface Table {
  /** Said before the table, for screen readers and the reader scanning pages. */
  readonly caption: string;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly TableCell[])[];
}

export type BodyBlock =
  /** A numbered section heading: 1., 2., ... */
  | { readonly kind: 'section'; readonly text: string }
  /** An unnumbered subheading inside a section. */
  | { readonly kind: 'subheading'; readonly text: string }
  /** A numbered paragraph (1.1, 1.2 ...) with the bullets that belong to it. */
  | { readonly kind: 'paragraph'; readonly line: Line; readonly bullets: readonly Line[] };

export type AppendixBlock =
  | { readonly kind: 'subheading'; readonly text: string }
  | { readonly kind: 'text'; readonly line: Line }
  | { readonly kind: 'table'; readonly table: Table }
  /** Trend charts, each with its caption and, where given, a note under it (what is counted). */
  | { readonly kind: 'charts'; readonly charts: readonly Chart[]; readonly notes?: readonly string[] };

export interface Appendix {
  readonly number: number;
  readonly title: string;
  readonly blocks: readonly AppendixBlock[];
}

export interface ReportModel {
  readonly id: string;
  /** Name of its file in the pack, without an extension: the writer adds its format's. */
  readonly name: string;
  /** Document title: core properties and what a PDF viewer shows. */
  readonly title: string;
  readonly subject: string;
  readonly creator: string;
  readonly keywords: string;
  /** Date for the document's created/modified stamps: from the inputs, never the clock. */
  readonly date: string;
  readonly header: readonly { readonly label: string; readonly lines: readonly Line[] }[];
  readonly summary: readonly Line[];
  readonly recommendations: readonly Line[];
  readonly body: readonly BodyBlock[];
  readonly appendices: readonly Appendix[];
}
