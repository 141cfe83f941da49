/**
 * Consistency checks on an imported register that need no expected list: what a correct list
 * of findings always satisfies, whatever the report. They are written apart from the parser and
 * share none of its patterns, so that a parser mistake is not also the check's blind spot.
 *
 * Each check passes or fails once per report; a failure names the items that break it.
 */

export interface CheckedItem {
  readonly ref: string;
  readonly section: string;
  readonly text: string;
}

export interface CheckInput {
  readonly framework: string | undefined;
  readonly findings: readonly CheckedItem[];
  /** What the importer said about the report (why a list is empty, decoys left out ...). */
  readonly notes: readonly string[];
  /** The importer refused the report (unreadable, not a report it knows), and said why. */
  readonly error?: string;
}

export interface CheckFailure {
  readonly check: CheckName;
  readonly ref?: string;
  readonly detail: string;
}

export const CHECKS = {
  numbering: 'printed paragraph numbers run on by one within a list',
  'reused-ref': 'no ref is used twice in the register',
  'r-refs': 'position refs run R1, R2 ... Rn without a gap',
  'too-short': 'no item shorter than a phrase (two words, 15 characters)',
  'too-long': 'no item longer than a page (3,000 characters)',
  heading: 'no item is, or ends with, a heading',
  'contents-line': 'no item is a contents line',
  footnote: 'no item is or holds a footnote',
  'header-footer': 'no item holds a running header, footer or page number',
  'judgement-row': 'no item is a judgement table row',
  decoy: 'no item says there is nothing to improve',
  'cut-off': 'no item stops in the middle of a sentence',
  'silently-empty': 'an empty register says why',
} as const;
export type CheckName = keyof typeof CHECKS;

const GRADES = '(outstanding|good|requires improvement(?: to be good)?|inadequate)';
const HEADINGS = [
  'what needs to improve',
  'what does the .{1,80} need to improve',
  'areas for improvement',
  'areas for priority action',
  'priority and immediate action',
  'recommendations',
  'section \\d+\\b.*',
  'summary for children and young people',
  'information about this (inspection|local authority area)',
  'key strengths and weaknesses.*',
  'the inspection judgements.*',
  'judgement grade',
  'contents',
  'next steps',
  'immediately',
  'within (three|six) months',
];
const HEADING_WHOLE = new RegExp(`^(${HEADINGS.join('|')})\\s*[?:]?\\s*\\d{0,2}$`, 'i');
/** A heading run onto the end of an item: "... and care. Areas for improvement". */
const HEADING_TAIL = new RegExp(`[.;:!?)]\\s+(${HEADINGS.join('|')})\\s*[?:]?\\s*\\d{0,2}$`, 'i');

const CONTENTS =
  /(\.\s*){4,}|…{2,}|^(what|areas|priority|recommendations|section|summary|information|contents|the effectiveness)\b[^.]{0,100}\s\d{1,3}$/i;
const FOOTNOTE = /(have|has) been cross-referenced with|www\.|https?:\/\/|\.gov\.uk|crown copyright|©|\bisbn\b|further information about/i;
const HEADER_FOOTER = new RegExp(
  [
    "inspection of .{0,60}local authority children['’]s services",
    'report published',
    'inspection dates?\\s*:',
    'page \\d+ of \\d+',
    '\\b\\d{1,2}(?: \\w+)?(?: \\d{4})? (?:to|–|-) \\d{1,2} \\w+ \\d{4}\\s+\\d{1,3}\\b',
    'inspection of services for children in need of help and protection',
    'children looked after and care leavers and review of the effectiveness',
    '[.;]\\s+\\d{1,3}$',
  ].join('|'),
  'i',
);
const JUDGEMENT_ROW = new RegExp(`^[^.;]{0,120}\\b${GRADES}\\s*$`, 'i');
const DECOY =
  /\b(did not (find|identify) any|there (are|were) no (areas|recommendations|priority)|no (areas|recommendations) for|no priority (and immediate )?action)\b/i;
const CUT_OFF = /(\b(the|a|an|and|or|of|to|for|with|that|in|on|by|from|as|be|is|are|their|its|which|who)|[-,])$/i;

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

export function checkRegister(r: CheckInput): { run: number; failures: CheckFailure[] } {
  const failures: CheckFailure[] = [];
  const fail = (check: CheckName, detail: string, ref?: string) => failures.push({ check, detail, ...(ref !== undefined ? { ref } : {}) });
  const items = r.findings;

  // Numbered refs: consecutive within a list (a run of items in one section).
  for (let i = 1; i < items.length; i++) {
    const a = items[i - 1]!;
    const b = items[i]!;
    if (a.section !== b.section || !/^\d+$/.test(a.ref) || !/^\d+$/.test(b.ref)) continue;
    if (Number(b.ref) !== Number(a.ref) + 1) fail('numbering', `${a.ref} is followed by ${b.ref} in ${b.section}`, b.ref);
  }
  const seen = new Set<string>();
  for (const f of items) {
    if (seen.has(f.ref)) fail('reused-ref', `${f.ref} is used twice`, f.ref);
    seen.add(f.ref);
  }
  const rRefs = items.filter((f) => /^R\d+$/.test(f.ref)).map((f) => f.ref);
  rRefs.forEach((ref, k) => {
    if (ref !== `R${k + 1}`) fail('r-refs', `item ${k + 1} of the position-numbered items is ${ref}`, ref);
  });

  for (const f of items) {
    const t = f.text.trim();
    if (words(t) < 2 || t.length < 15) fail('too-short', `"${t}"`, f.ref);
    if (t.length > 3000) fail('too-long', `${t.length} characters`, f.ref);
    if (HEADING_WHOLE.test(t) || HEADING_TAIL.test(t)) fail('heading', `"${tail(t)}"`, f.ref);
    if (CONTENTS.test(t)) fail('contents-line', `"${tail(t)}"`, f.ref);
    if (FOOTNOTE.test(t)) fail('footnote', `"${around(t, FOOTNOTE)}"`, f.ref);
    if (HEADER_FOOTER.test(t)) fail('header-footer', `"${around(t, HEADER_FOOTER)}"`, f.ref);
    if (JUDGEMENT_ROW.test(t)) fail('judgement-row', `"${tail(t)}"`, f.ref);
    if (DECOY.test(t)) fail('decoy', `"${around(t, DECOY)}"`, f.ref);
    if (CUT_OFF.test(t)) fail('cut-off', `"${tail(t)}"`, f.ref);
  }
  if (items.length === 0 && !r.error && r.notes.length === 0)
    fail('silently-empty', `no findings and no word why (framework ${r.framework ?? 'none'})`);
  return { run: Object.keys(CHECKS).length, failures };
}

const tail = (t: string) => (t.length > 90 ? `...${t.slice(-87)}` : t);
function around(t: string, re: RegExp): string {
  const m = re.exec(t);
  if (!m || t.length <= 90) return t;
  const from = Math.max(0, m.index - 40);
  return `${from > 0 ? '...' : ''}${t.slice(from, from + 90)}${from + 90 < t.length ? '...' : ''}`;
}
