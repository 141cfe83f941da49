/**
 * Finds the list of what a council must improve in the text of an Ofsted publication. Pure:
 * lines in, findings out. Every finding's text is the publication's own, lines joined; nothing
 * is reworded, merged or invented.
 *
 * Three shapes are recognised:
 * - 2018 onwards (ILACS): bullets under "What needs to improve", in any of the ways reports
 *   write that heading; refs R1, R2 ...
 * - 2013 to 2017 (single inspection framework): numbered paragraphs under "Priority and
 *   immediate action", "Areas for improvement" or "Recommendations", for the local authority
 *   and for the safeguarding board; refs are Ofsted's paragraph numbers.
 * - Monitoring and focused visit letters: prose; each paragraph of the findings that states a
 *   weakness becomes a finding marked for review; refs are paragraph numbers within the letter.
 */
import { joinLines, type Line } from './lines.js';

export type Framework = 'ilacs' | 'sif' | 'letter';

export interface ParsedFinding {
  readonly ref: string;
  readonly section: string;
  readonly text: string;
  /** A theme sub-heading inside the list, when the report has them. */
  readonly theme?: string;
  /** Set when a person should confirm it is a finding (letters). */
  readonly review?: boolean;
  readonly page: number;
}

export interface ParseResult {
  readonly framework: Framework | undefined;
  /** ILACS: a full inspection (two weeks on site) or a short one (one week). */
  readonly kind?: 'full' | 'short';
  readonly findings: readonly ParsedFinding[];
  /** What a person should know: a heading with no list, decoys dropped, and so on. */
  readonly notes: readonly string[];
}

const TERMINAL = /[.)!?]["’”']?$/;
const startsUpper = (s: string) => /^[A-Z]/.test(s);
const isComplete = (parts: readonly string[]) => parts.length > 0 && TERMINAL.test(parts[parts.length - 1]!.trim());

// ---------------------------------------------------------------------------------------------
// ILACS

const ILACS_HEAD = /^what needs to improve\s*[?:]?\s*\d{0,2}\s*$/i;
const NUMBERED_PARA = /^\d{1,3}\.\s/;

function parseIlacs(lines: readonly Line[], head: number): ParseResult {
  const notes: string[] = [];
  const items: { parts: string[]; page: number }[] = [];
  let i = head + 1;
  const first = lines[i];
  if (!first || !first.bullet) {
    notes.push('"What needs to improve" is followed by prose, not a list: no findings were taken from it; read the report to confirm.');
    return { framework: 'ilacs', findings: [], notes };
  }
  const nextNumbered = (k: number) => lines.slice(k + 1, k + 4).some((l) => /^1\.\s/.test(l.text));
  for (; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.bullet) {
      items.push({ parts: [l.text], page: l.page });
      continue;
    }
    const cur = items[items.length - 1]!;
    const ends =
      NUMBERED_PARA.test(l.text) ||
      (startsUpper(l.text) && isComplete(cur.parts)) ||
      (startsUpper(l.text) && l.afterGap && nextNumbered(i));
    if (ends) break;
    cur.parts.push(l.text);
  }
  return {
    framework: 'ilacs',
    findings: items.map((it, k) => ({ ref: `R${k + 1}`, section: 'What needs to improve', text: joinLines(it.parts), page: it.page })),
    notes,
  };
}

// ---------------------------------------------------------------------------------------------
// Single inspection framework (2013 to 2017)

const SIF_HEAD = /^what does the (local authority|lscb|.{0,60}?board) need to improve\s*\??\s*$/i;
const SUBSECTION = /^(priority and immediate action|areas for improvement|recommendations)\s*:?\s*$/i;
const BOARD_NAME = /safeguarding children|\(LSCB\)/i;
/** Contents lines end with a page number; they are not headings. */
const CONTENTS_LINE = /\s\d{1,3}$/;
/**
 * A short block of at most two lines, standing alone, without a full stop: a heading. The board
 * section's heading (worded differently in every report) is recognised by it.
 */
function isBoardHeading(lines: readonly Line[], i: number): boolean {
  const l = lines[i]!;
  if (!l.afterGap || CONTENTS_LINE.test(l.text) || !BOARD_NAME.test(l.text + ' ' + (lines[i + 1]?.text ?? ''))) return false;
  const block = [l];
  for (let k = i + 1; k < lines.length && !lines[k]!.afterGap; k++) block.push(lines[k]!);
  const text = block.map((b) => b.text).join(' ');
  return block.length <= 2 && text.length <= 120 && !/[.;:,]$/.test(text);
}

/**
 * Findings are directions: an imperative ("Ensure ...", "With partners, improve ...") or a
 * sentence with "should", "must" or "need to". Other numbered paragraphs (strengths, summary
 * judgements) end a list.
 */
const IMPERATIVES = new Set(
  ('accelerate act address agree align analyse assess assure audit build challenge check clarify collect commission complete ' +
    'consider continue coordinate co-ordinate deliver develop embed enable engage ensure establish evaluate expand extend focus ' +
    'identify implement improve increase introduce involve listen maintain make monitor plan prioritise prioritize promote ' +
    'provide publish put raise record reduce refresh revise review secure seek set share strengthen support sustain tackle take ' +
    'test track undertake understand update use work achieve apply appoint arrange bring capture carry close collaborate ' +
    'communicate conduct confirm consolidate create define demonstrate design determine devise disseminate document drive ' +
    'encourage enhance examine explore facilitate finalise gather give hold inform invest keep launch lead learn manage map ' +
    'measure meet minimise offer oversee pilot prepare prevent produce progress protect pursue reassess recruit redesign ' +
    'reinforce remove report resolve resource respond restructure retain safeguard scrutinise shape simplify specify ' +
    'stabilise standardise streamline target train transform verify widen write').split(' '),
);
function isDirective(text: string): boolean {
  const first = text.split(/(?<=\.)\s/)[0] ?? text;
  if (/\b(should|must|needs? to)\b/i.test(first)) return true;
  // "When plans are made ..., ensure that ...": the imperative follows a clause.
  for (const m of first.matchAll(/,\s*([a-z-]+)/g)) if (IMPERATIVES.has(m[1]!)) return true;
  const lead = text
    .replace(/^(with|in partnership with|together with|working with)\b[^,]{0,80},\s*/i, '')
    .replace(/^(further|urgently|swiftly|rapidly|quickly|jointly|now|also|continue to)\s+/i, '');
  return IMPERATIVES.has((/^[A-Za-z-]+/.exec(lead)?.[0] ?? '').toLowerCase());
}
const NUMBERED = /^(\d{1,3})\.(?:\s+(.*))?$/;
const LIST_END = /^(information about this inspection|summary for children and young people|key strengths and weaknesses|section \d|the inspection judgements|summary of (the )?(inspection|findings))/i;
const DECOY = /\b(did not find any|there (are|were) no) (areas|recommendations|priority)/i;

const looksLikeTheme = (l: Line, next: Line | undefined) =>
  startsUpper(l.text) && l.text.length <= 70 && !/[.;:,]$/.test(l.text) && next !== undefined && NUMBERED.test(next.text) && !SUBSECTION.test(l.text);

function sectionName(raw: string): string {
  const s = raw.replace(/\s*:\s*$/, '').trim().toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function parseSif(lines: readonly Line[]): ParseResult {
  const notes: string[] = [];
  const out: ParsedFinding[] = [];
  let board = false;
  let inList = false;
  let section = '';
  let theme: string | undefined;
  let cur: { ref: string; parts: string[]; page: number; section: string; theme?: string } | undefined;
  const seen = new Set<string>();

  const close = () => {
    if (!cur) return;
    const text = joinLines(cur.parts);
    if (DECOY.test(text)) notes.push(`paragraph ${cur.ref} ("${text}") is numbered like a finding but says there is none; it was left out.`);
    else if (text && !seen.has(cur.ref)) {
      seen.add(cur.ref);
      out.push({ ref: cur.ref, section: cur.section, text, ...(cur.theme ? { theme: cur.theme } : {}), page: cur.page });
    }
    cur = undefined;
  };
  const listFollows = (k: number) => {
    for (const l of lines.slice(k + 1, k + 5)) {
      if (NUMBERED.test(l.text)) return true;
      if (!looksLikeTheme(l, lines[lines.indexOf(l) + 1]) && !SUBSECTION.test(l.text)) return false;
    }
    return false;
  };

  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    // The board's list always follows the council's; earlier mentions (title page) do not count.
    if (out.length > 0 && isBoardHeading(lines, i)) board = true;
    if (SIF_HEAD.test(l.text)) {
      close();
      inList = true;
      board = !/local authority/i.test(l.text);
      section = 'Areas for improvement';
      theme = undefined;
      continue;
    }
    if (SUBSECTION.test(l.text)) {
      if (listFollows(i) || (inList && lines[i + 1] && NUMBERED.test(lines[i + 1]!.text))) {
        close();
        inList = true;
        section = sectionName(l.text);
        theme = undefined;
      }
      continue;
    }
    if (!inList) continue;
    if (LIST_END.test(l.text)) {
      close();
      inList = false;
      continue;
    }
    const m = NUMBERED.exec(l.text);
    if (m) {
      close();
      // A numbered paragraph that directs nothing ends the list: the report has moved on.
      if (m[2] && !isDirective(m[2]) && !DECOY.test(m[2])) {
        inList = false;
        continue;
      }
      cur = { ref: m[1]!, parts: m[2] ? [m[2]] : [], page: l.page, section: board ? `LSCB ${section}` : section, ...(theme ? { theme } : {}) };
      continue;
    }
    if (looksLikeTheme(l, lines[i + 1]) && (!cur || isComplete(cur.parts) || l.afterGap)) {
      close();
      theme = l.text;
      continue;
    }
    if (!cur) continue;
    if (l.afterGap && startsUpper(l.text) && isComplete(cur.parts) && !l.bullet) {
      close();
      inList = false;
      continue;
    }
    cur.parts.push(l.text);
  }
  close();
  return { framework: 'sif', findings: out, notes };
}

// ---------------------------------------------------------------------------------------------
// Letters

const LETTER_START = /^(findings and evaluation of progress|headline findings|main findings|areas for priority action|areas for improvement|what needs to improve)/i;
const LETTER_END = /^(yours sincerely|i am copying this letter|this letter will be published)/i;
/** Words that mark a statement of weakness or of what must improve. */
const WEAKNESS = /\b(not (always|consistently|yet|sufficiently|routinely|reliably|enough)|too (many|much|long|often|slow|few|variable)|insufficient|inconsistent|weak(ness|er)?|poor|delay(s|ed)?|drift|lack(s|ing)?|limited|needs? to|must|should|fail(s|ed)?|unclear|variable|do(es)? not|has not|have not|is not|are not|fewer than|remain(s)? (too|high|low))\b/i;

function parseLetter(lines: readonly Line[]): ParseResult {
  const notes = ['Monitoring and focused visit letters have no list: each paragraph of the findings that states a weakness was taken as a finding and marked review: true. Keep the ones that are findings.'];
  const paragraphs: { parts: string[]; page: number }[] = [];
  let on = false;
  for (const l of lines) {
    if (LETTER_END.test(l.text)) break;
    if (!on) {
      if (LETTER_START.test(l.text)) on = true;
      continue;
    }
    if (LETTER_START.test(l.text)) continue;
    const last = paragraphs[paragraphs.length - 1];
    if (!last || (l.afterGap && isComplete(last.parts)) || l.bullet) paragraphs.push({ parts: [l.text], page: l.page });
    else last.parts.push(l.text);
  }
  const findings: ParsedFinding[] = [];
  paragraphs.forEach((p, k) => {
    const text = joinLines(p.parts);
    if (text.length < 40 || !WEAKNESS.test(text)) return;
    findings.push({ ref: String(k + 1), section: 'Findings and evaluation of progress', text, review: true, page: p.page });
  });
  return { framework: 'letter', findings, notes };
}

// ---------------------------------------------------------------------------------------------

export function detectFramework(lines: readonly Line[]): Framework | undefined {
  if (lines.some((l) => ILACS_HEAD.test(l.text))) return 'ilacs';
  if (lines.some((l) => SIF_HEAD.test(l.text) || SUBSECTION.test(l.text))) {
    const sif = parseSif(lines);
    if (sif.findings.length > 0) return 'sif';
  }
  if (lines.slice(0, 40).some((l) => /^dear\b/i.test(l.text)) || lines.some((l) => /monitoring visit|focused visit/i.test(l.text))) return 'letter';
  return undefined;
}

export function parseFindings(lines: readonly Line[], framework: Framework | undefined = detectFramework(lines)): ParseResult {
  if (framework === 'ilacs') {
    const head = lines.findIndex((l) => ILACS_HEAD.test(l.text));
    if (head < 0) return { framework, findings: [], notes: ['no "What needs to improve" heading was found'] };
    return parseIlacs(lines, head);
  }
  if (framework === 'sif') return parseSif(lines);
  if (framework === 'letter') return parseLetter(lines);
  return { framework: undefined, findings: [], notes: ['no list of what must improve was found: the text is not a recognised Ofsted inspection report or letter'] };
}
