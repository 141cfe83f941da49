/**
 * Lines grouped into the blocks a reader sees: a numbered paragraph, a bulleted item, or a run
 * of other text (a heading, a paragraph of prose). A block runs on over line breaks and page
 * breaks until the next paragraph starts, so that a list parser can judge a paragraph by all
 * of its text, not by its first line.
 */
import type { Line } from './lines.js';

export interface Block {
  readonly kind: 'numbered' | 'bullet' | 'text';
  /** The printed paragraph number of a numbered block. */
  readonly ref?: string;
  /** The glyph of a bulleted block. */
  readonly glyph?: string;
  /** The block's lines' texts, without number or glyph. */
  readonly parts: string[];
  /** Page of the first line. */
  readonly page: number;
  /** Index of the first line. */
  readonly first: number;
  /** Index of the last line. */
  last: number;
}

const TERMINAL = /[.)!?]["’”']?$/;
export const isComplete = (parts: readonly string[]) => parts.length > 0 && TERMINAL.test(parts[parts.length - 1]!.trim());
export const startsUpper = (s: string) => /^[A-Z]/.test(s);
const NUMBERED = /^(\d{1,3})\.(?:\s+(.*))?$/;

/**
 * After a blank line or a page break, does this line go on with the open block? It does when
 * the block has not ended a sentence and the line reads on: it starts in lower case, or it
 * opens a new page with a paragraph's worth of text (a heading at the top of a page is short
 * and stands alone).
 */
function readsOn(block: Block, lines: readonly Line[], i: number): boolean {
  const l = lines[i]!;
  if (isComplete(block.parts)) return false;
  if (/^[a-z(]/.test(l.text)) return true;
  if (l.page === lines[block.last]!.page) return false;
  let n = 1;
  for (let k = i + 1; k < lines.length && !lines[k]!.afterGap && !lines[k]!.bullet && !NUMBERED.test(lines[k]!.text); k++) n++;
  return n >= 3 || l.text.length >= 70 || TERMINAL.test(lines[i + n - 1]!.text);
}

/**
 * `isHeading` names the lines that are headings whatever their spacing: each is a block of
 * its own, and the block before it ends there.
 */
export function blocksOf(lines: readonly Line[], isHeading: (l: Line) => boolean = () => false): Block[] {
  const out: Block[] = [];
  let cur: Block | undefined;
  /** A number standing alone on its line: its text follows, after a blank line or not. */
  let awaiting = false;
  lines.forEach((l, i) => {
    if (isHeading(l)) {
      out.push({ kind: 'text', parts: [l.text], page: l.page, first: i, last: i });
      cur = undefined;
      awaiting = false;
      return;
    }
    const m = l.bullet ? null : NUMBERED.exec(l.text);
    if (m) {
      cur = { kind: 'numbered', ref: m[1]!, parts: m[2] ? [m[2]] : [], page: l.page, first: i, last: i };
      awaiting = !m[2];
      out.push(cur);
      return;
    }
    if (l.bullet) {
      cur = { kind: 'bullet', ...(l.glyph ? { glyph: l.glyph } : {}), parts: [l.text], page: l.page, first: i, last: i };
      awaiting = false;
      out.push(cur);
      return;
    }
    if (cur && (awaiting || !l.afterGap || readsOn(cur, lines, i))) {
      cur.parts.push(l.text);
      cur.last = i;
      awaiting = false;
      return;
    }
    cur = { kind: 'text', parts: [l.text], page: l.page, first: i, last: i };
    out.push(cur);
  });
  return out;
}

/** A block's text on one line. */
export const flat = (b: Block) => b.parts.join(' ').replace(/\s+/g, ' ').trim();

/**
 * Findings are directions: an imperative ("Ensure ...", "With partners, improve ...",
 * "Significantly reduce ...", "To improve ..."), an "X to do" line ("The panel chair to report
 * ..."), or a sentence with "should", "must" or "needs to".
 */
const IMPERATIVES = new Set(
  (
    'accelerate act address agree align analyse assess assure audit build challenge check clarify collect commission complete ' +
    'consider continue coordinate co-ordinate deliver develop embed enable engage ensure establish evaluate expand extend focus ' +
    'identify implement improve increase introduce involve listen maintain make monitor plan prioritise prioritize promote ' +
    'provide publish put raise record reduce refresh revise review secure seek set share strengthen support sustain tackle take ' +
    'test track undertake understand update use work achieve apply appoint arrange bring capture carry close collaborate ' +
    'communicate conduct confirm consolidate create define demonstrate design determine devise disseminate document drive ' +
    'encourage enhance examine explore facilitate finalise gather give hold inform invest keep launch lead learn manage map ' +
    'measure meet minimise offer oversee pilot prepare prevent produce progress protect pursue reassess recruit redesign ' +
    'reinforce remove report resolve resource respond restructure retain safeguard scrutinise shape simplify specify ' +
    'stabilise standardise streamline target train transform verify widen write sharpen evidence tighten broaden deepen ' +
    'expedite place help include comply consult revisit reduce reconsider rebuild renew refocus re-establish ' +
    'seize adopt allocate attend avoid begin compile deploy escalate hear notify obtain ' +
    'recognise reflect remedy replace require see select show stop tell think upskill visit receive collate integrate'
  ).split(' '),
);
/** Words ending like verbs ("-ise", "-ate") that are not. */
const NOT_VERBS = new Set(
  (
    'appropriate adequate accurate immediate private corporate separate ultimate intermediate inadequate inappropriate ' +
    'inaccurate late moderate desperate fortunate unfortunate legitimate proportionate disproportionate passionate ' +
    'compassionate literate deliberate subordinate considerate expertise otherwise enterprise state senate climate'
  ).split(' '),
);
const looksImperative = (word: string) => {
  const w = word.toLowerCase();
  return IMPERATIVES.has(w) || (/^[a-z-]{4,}(ise|ize|ate|ify)$/.test(w) && !NOT_VERBS.has(w));
};
const LEAD_IN = /^(with|in partnership with|together with|working with|in conjunction with|alongside)\b[^,]{0,80},\s*/i;
const ADVERB =
  /^(further|urgently|swiftly|rapidly|quickly|jointly|now|also|continue to|to|significantly|consistently|routinely|properly|fully|effectively|robustly|regularly|actively|clearly|systematically|promptly|immediately|comprehensively|appropriately|rigorously|thoroughly|better|more|closely|formally|collectively|proactively|carefully)\s+/i;
/** "should", "must", "needs to" (not "the need to"), "is needed", "are required". */
const MODAL = /\b(should|must|ought to|is to|are to)\b|(?<!\b(?:the|a|of|no|any|their|its)\s)\bneeds? to\b|\b(is|are) (needed|required)\b/i;
/** Words that open a statement, not a direction. */
const STATEMENT_START =
  /^(the|this|these|those|that|there|it|its|a|an|most|many|some|all|both|each|every|few|no|not|only|overall|in|on|at|since|while|although|despite|however|following|as|when|where|if|our|their|his|her|he|she|they|we|leaders|managers|staff|children|young|partners|social|senior|elected|inspectors)\b/i;

export function isDirective(text: string): boolean {
  const first = text.split(/(?<=[.;])\s/)[0] ?? text;
  if (MODAL.test(first)) return true;
  // "When plans are made ..., ensure that ...": the imperative follows a clause.
  for (const m of first.matchAll(/[,;:]\s*(?:and\s+)?([a-z-]+)/g)) if (IMPERATIVES.has(m[1]!)) return true;
  let lead = text.replace(LEAD_IN, '');
  for (let k = 0; k < 3 && ADVERB.test(lead) && !looksImperative(/^[A-Za-z-]+/.exec(lead)?.[0] ?? ''); k++) lead = lead.replace(ADVERB, '');
  if (looksImperative(/^[A-Za-z-]+/.exec(lead)?.[0] ?? '')) return true;
  // "The Adoption Panel Chair to report annually ...": a subject of a few words, then "to" and a verb.
  const m = /^(?:the|all|each|every)(?:\s+[A-Za-z’'-]+){1,5}?\s+to\s+([a-z-]+)/i.exec(first);
  return m !== null && looksImperative(m[1]!);
}

/** A paragraph that states how things are ("The board is ...", "Most children ..."), directing nothing. */
export const isStatement = (text: string) => !isDirective(text) && STATEMENT_START.test(text);
