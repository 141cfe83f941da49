/**
 * 2013 to 2017 single inspections (SIF) and reviews of the local safeguarding children board:
 * the lists under "Priority and immediate action", "Areas for improvement" and
 * "Recommendations", for the local authority and for the board, in every layout the reports
 * use: with or without a "What does the local authority need to improve?" heading, numbered
 * paragraphs (refs are Ofsted's numbers, which the board's list continues) or unnumbered
 * bullets (refs R1, R2 ... counted across the report), theme sub-headings, "X should ..."
 * sentences, sub-bullets inside an item.
 *
 * A list runs from its heading over items and theme sub-headings, and ends at any other
 * heading or at a paragraph that directs nothing.
 */
import { blocksOf, flat, isDirective, isStatement, startsUpper, type Block } from './blocks.js';
import { joinLines, type Line } from './lines.js';
import type { ParsedFinding, ParseResult } from './parse.js';

const SIF_HEAD = /^what does the (local authority|lscb|.{0,60}?board) need to improve\s*\??\d?$/i;
const SUBSECTION = /^(priority and immediate action|areas for improvement|recommendations)\s*:?\s*$/i;
/** Headings that never sit inside a list: after them the report has moved on. */
const LIST_END =
  /^(information about this (inspection|local authority area)|summary for children and young people|key strengths and weaknesses|section \d|the inspection judgements|summary of (the )?(inspection|findings)|inspection findings|executive summary|contents$|inspection judgements? (about|on)|.*\bstrengths$)/i;
/** A heading that opens the board's part of the report. */
const BOARD_HEADING = /safeguarding children board|\blscb\b|safeguarding board|^section 2\b/i;
/** "The following recommendations are ...", "..., the local authority should take the following action:". */
const LEAD_IN = /\b(following (recommendations|actions?|areas?)|recommendations (are|set out)|should take the following)\b/i;
const DECOY = /\b(did not (find|identify) any|there (are|were) no|^no) (areas|recommendations|priority)/i;

/** A line that is a list heading stands alone, even when the PDF sets no space around it. */
export const isSifHeadingLine = (l: Line) => !l.bullet && (SIF_HEAD.test(l.text) || SUBSECTION.test(l.text));

function sectionName(raw: string): string {
  const s = raw
    .replace(/\s*:\s*$/, '')
    .trim()
    .toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Short, standing alone, not a sentence: a heading (a list's theme, or the next part's title). */
function isHeadingLike(b: Block): boolean {
  const t = flat(b);
  return b.kind === 'text' && b.parts.length <= 2 && t.length <= 100 && startsUpper(t) && !/[.;:,]$/.test(t) && !/\s\d{1,3}$/.test(t);
}

export interface SifOptions {
  /** The report is a review of the board alone: its lists are the board's. */
  readonly boardOnly?: boolean;
}

export function parseSif(lines: readonly Line[], options: SifOptions = {}): ParseResult {
  const blocks = blocksOf(lines, isSifHeadingLine);
  const notes: string[] = [];
  const out: ParsedFinding[] = [];
  let rNext = 1;
  let board = options.boardOnly === true;
  /** The local authority's lists are done: a board heading from now on opens the board's part. */
  let laDone = false;
  let list: { section: string; style?: 'numbered' | 'bullet'; glyph?: string; lastRef?: number; theme?: string } | undefined;
  let item: { ref: string; parts: string[]; page: number; section: string; theme?: string } | undefined;

  /**
   * Some PDFs carry a heading twice: once where it is printed, once run on at the end of the
   * item before it ("... missing from home and care. Areas for improvement"). The run-on copy
   * is the heading's, not the finding's.
   */
  const dropRunOnHeading = (heading: string) => {
    const last = item ? item.parts.length - 1 : -1;
    const line = item?.parts[last];
    // `heading` is a block's flat text: single-spaced and trimmed already.
    if (!item || line === undefined || heading.length === 0) return;
    const t = line.replace(/\s+/g, ' ').trimEnd();
    if (t.length <= heading.length || !t.toLowerCase().endsWith(heading.toLowerCase())) return;
    const before = t.slice(0, t.length - heading.length);
    // Only after the end of a sentence: a heading's words inside a sentence are the sentence's.
    if (!/[.;:]\s+$/.test(before)) return;
    item.parts[last] = before.trimEnd();
    notes.push(`the heading "${heading}" was also printed at the end of item ${item.ref}; it was left out there.`);
  };
  const closeItem = () => {
    if (!item) return;
    const text = joinLines(item.parts);
    if (text) out.push({ ref: item.ref, section: item.section, text, ...(item.theme ? { theme: item.theme } : {}), page: item.page });
    item = undefined;
  };
  const closeList = () => {
    closeItem();
    if (list && out.length > 0 && !board) laDone = true;
    list = undefined;
  };
  const isItem = (b: Block | undefined) => b !== undefined && (b.kind === 'numbered' || b.kind === 'bullet');
  /** The block after a heading starts a list: an item, or a theme then an item, or a decoy. */
  const listFollows = (k: number) => {
    const b = blocks[k];
    if (!b) return false;
    if (isItem(b)) return true;
    if (DECOY.test(flat(b))) return true;
    if (b.kind === 'text' && LEAD_IN.test(flat(b)) && isItem(blocks[k + 1])) return true;
    return isHeadingLike(b) && !SUBSECTION.test(flat(b)) && isItem(blocks[k + 1]);
  };
  const open = (section: string) => {
    closeList();
    list = { section: board ? `LSCB ${section}` : section };
  };
  /** A heading inside a list is a theme when the list goes on after it, numbered on from the last item. */
  const isTheme = (k: number) => {
    if (!list || !isHeadingLike(blocks[k]!) || LIST_END.test(flat(blocks[k]!))) return false;
    const next = blocks[k + 1];
    if (!next || !isItem(next) || isStatement(flat(next))) return false;
    // Not plainly a direction ("Receive regular reports ..."): the list must go on after it.
    const after = blocks[k + 2];
    if (!isDirective(flat(next)) && !(after && isItem(after) && isDirective(flat(after)))) return false;
    if (next.kind === 'numbered') return list.style !== 'bullet' && (list.lastRef === undefined || Number(next.ref) === list.lastRef + 1);
    return list.style !== 'numbered';
  };
  /**
   * Text at the foot of a page, with the list going on at the top of the next: a footnote
   * (or a page's running footer) printed between two items.
   */
  const isFootnote = (k: number) => {
    const b = blocks[k]!;
    const after = lines[b.last + 1];
    if (!list || !after || after.page === lines[b.last]!.page) return false;
    let next = blocks[k + 1];
    if (next && next.kind === 'text' && isHeadingLike(next) && !LIST_END.test(flat(next))) next = blocks[k + 2];
    if (!next) return false;
    if (next.kind === 'numbered')
      return list.style !== 'bullet' && list.lastRef !== undefined && Number(next.ref) === list.lastRef + 1 && isDirective(flat(next));
    return next.kind === 'bullet' && list.style === 'bullet' && isDirective(flat(next));
  };
  /** A numbered line that is a heading, with bullets under it. */
  const isNumberedTheme = (k: number) => {
    const b = blocks[k]!;
    const t = flat(b);
    return (
      b.parts.length === 1 &&
      t.length <= 100 &&
      startsUpper(t) &&
      !/[.;:,]$/.test(t) &&
      !isDirective(t) &&
      blocks[k + 1]?.kind === 'bullet' &&
      list?.style !== 'numbered'
    );
  };
  /**
   * A numbered paragraph that directs nothing ends the list, unless it is the list's first
   * (its heading says what it is) and does not state how things are, or the list goes on
   * straight after it: "The impact of training requires more monitoring" between two
   * directions is one of them.
   */
  const endsList = (k: number, first: boolean) => {
    const b = blocks[k]!;
    const text = flat(b);
    if (isDirective(text) || (first && !isStatement(text))) return false;
    const next = blocks[k + 1];
    return !(next?.kind === 'numbered' && Number(next.ref) === Number(b.ref) + 1 && isDirective(flat(next)));
  };

  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k]!;
    const text = flat(b);
    if (b.kind === 'text') {
      if (SIF_HEAD.test(text) || SUBSECTION.test(text)) dropRunOnHeading(text);
      if (SIF_HEAD.test(text)) {
        closeList();
        board = options.boardOnly === true || !/local authority/i.test(text);
        if (listFollows(k + 1)) open('Areas for improvement');
        continue;
      }
      if (SUBSECTION.test(text)) {
        if (listFollows(k + 1)) open(sectionName(text));
        else if (list) closeList();
        continue;
      }
      if (list && DECOY.test(text)) {
        notes.push(`"${text}" says there is nothing to list; it was left out.`);
        continue;
      }
      if (list && isTheme(k)) {
        closeItem();
        list.theme = text;
        continue;
      }
      if (list && list.style === undefined && LEAD_IN.test(text)) continue;
      if (list && isFootnote(k)) {
        notes.push(
          `the text at the foot of page ${b.page} ("${text.length > 60 ? `${text.slice(0, 57)}...` : text}") is a footnote inside the list; it was left out.`,
        );
        continue;
      }
      if (list) closeList();
      if (laDone && !board && isHeadingLike(b) && BOARD_HEADING.test(text)) board = true;
      continue;
    }
    if (!list) continue;
    if (b.kind === 'bullet') {
      if (item && (list.style === 'numbered' || (list.glyph !== undefined && b.glyph !== list.glyph))) {
        // A sub-bullet: part of the item above it.
        item.parts.push(...b.parts);
        continue;
      }
      if (list.style === 'numbered') {
        closeList();
        continue;
      }
      closeItem();
      list.style = 'bullet';
      list.glyph ??= b.glyph;
      if (DECOY.test(text)) {
        notes.push(`"${text}" says there is nothing to list; it was left out.`);
        continue;
      }
      item = { ref: `R${rNext++}`, parts: [...b.parts], page: b.page, section: list.section, ...(list.theme ? { theme: list.theme } : {}) };
      continue;
    }
    // A numbered paragraph.
    if (isNumberedTheme(k)) {
      // "1. Quality and effectiveness of practice", then bullets: the number heads a theme.
      closeItem();
      list.style = 'bullet';
      list.theme = text;
      continue;
    }
    const n = Number(b.ref);
    if (list.style === 'bullet' || (list.lastRef !== undefined && n <= list.lastRef)) {
      closeList();
      continue;
    }
    closeItem();
    if (DECOY.test(text)) {
      notes.push(`paragraph ${b.ref} ("${text}") is numbered like a finding but says there is none; it was left out.`);
      list.lastRef = n;
      continue;
    }
    if (endsList(k, list.lastRef === undefined)) {
      closeList();
      continue;
    }
    list.style = 'numbered';
    list.lastRef = n;
    item = { ref: b.ref!, parts: [...b.parts], page: b.page, section: list.section, ...(list.theme ? { theme: list.theme } : {}) };
  }
  closeList();
  return { framework: 'sif', findings: dedupe(out), notes };
}

/** A ref given twice (a list printed twice) is kept once. */
function dedupe(items: readonly ParsedFinding[]): ParsedFinding[] {
  const seen = new Set<string>();
  return items.filter((f) => !seen.has(f.ref) && seen.add(f.ref));
}
