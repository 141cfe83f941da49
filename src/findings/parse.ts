/**
 * Finds the list of what a council must improve in the text of an Ofsted publication. Pure:
 * lines in, findings out. Every finding's text is the publication's own, lines joined; nothing
 * is reworded, merged or invented.
 *
 * The kind of publication is told once, from its title page (or, for text without one, from
 * the headings it has), and only that kind's parser reads it:
 * - 2018 onwards (ILACS), full and short inspections: see ilacs.ts;
 * - 2013 to 2017 single inspections and board reviews (SIF): see sif.ts;
 * - 2012 to 2013 inspections of (safeguarding and) looked after children services: see lac.ts;
 * - monitoring and focused visit letters: see letter.ts.
 * A publication of another kind, or one whose list is not where its kind puts it, gets an
 * error naming what was looked for, never a list.
 */
import { ILACS_HEAD, parseIlacs } from './ilacs.js';
import { isLacHeadingLine, parseLac } from './lac.js';
import { parseLetter } from './letter.js';
import type { Line } from './lines.js';
import { parseSif } from './sif.js';

/** ilacs: 2018 onwards; sif: 2013 to 2017; lac: 2012 to 2013 (looked after children); letter: visits. */
export type Framework = 'ilacs' | 'sif' | 'lac' | 'letter';

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
  /**
   * Set when no list can be given: the publication is not of a kind the importer knows, or its
   * list is not where its kind puts it. Says what was looked for.
   */
  readonly error?: string;
}

const UNKNOWN =
  'not an Ofsted publication the importer knows: it looked for the title of an inspection of local authority children\u2019s services (2018 onwards), ' +
  'of services for children in need of help and protection, children looked after and care leavers (2013 to 2017), or of (safeguarding and) looked after children services (2012 to 2013), ' +
  'for a monitoring or focused visit letter, and for a "What needs to improve", "Areas for improvement" or "Recommendations" list, and found none';

const SIF_LIST =
  /^(what does the (local authority|lscb|.{0,60}?board) need to improve\s*\??\d?|priority and immediate action|areas for improvement|recommendations)\s*:?\s*$/i;

/** The kind of publication, from its first page; for text with no title, from its headings. */
export function detectFramework(lines: readonly Line[]): Framework | undefined {
  const front = lines
    .slice(0, 40)
    .filter((l) => l.page <= 2)
    .map((l) => l.text)
    .join(' ')
    .replace(/\s+/g, ' ')
    .toLowerCase();
  // A letter with a "What needs to improve" list is read as that list, as it always was.
  if (lines.slice(0, 40).some((l) => /^(dear\b|monitoring visit to\b|focused visit to\b)/i.test(l.text)))
    return lines.some((l) => ILACS_HEAD.test(l.text)) ? 'ilacs' : 'letter';
  // The title is the first of these the front page names (later lines may recall an earlier inspection).
  const titles: [Framework, RegExp][] = [
    ['lac', /inspection of (safeguarding and )?(services for )?looked after children(['’]s)? services/],
    [
      'sif',
      /inspection of services for children in need of help and protection|review of the effectiveness of the local safeguarding children board/,
    ],
    ['ilacs', /inspection of children['’]s social care services|local authority children['’]s services/],
  ];
  const found = titles
    .map(([f, re]) => [f, front.search(re)] as const)
    .filter(([, at]) => at >= 0)
    .sort((a, b) => a[1] - b[1]);
  if (found.length > 0) return found[0]![0];
  // No title page (a text copied from a report): the headings say which.
  if (lines.some((l) => ILACS_HEAD.test(l.text))) return 'ilacs';
  if (
    lines.some(
      (l, i) =>
        /^areas for improvement\s*:?$/i.test(l.text) &&
        lines.slice(i + 1, i + 6).some((x) => isLacHeadingLine(x) && /^(immediately|within)/i.test(x.text)),
    )
  )
    return 'lac';
  if (lines.some((l) => SIF_LIST.test(l.text))) return 'sif';
  if (lines.some((l) => /monitoring visit|focused visit/i.test(l.text))) return 'letter';
  return undefined;
}

export function parseFindings(lines: readonly Line[], framework: Framework | undefined = detectFramework(lines)): ParseResult {
  switch (framework) {
    case 'ilacs':
      return parseIlacs(lines);
    case 'sif': {
      const front = lines
        .filter((l) => l.page <= 2)
        .slice(0, 40)
        .map((l) => l.text)
        .join(' ')
        .replace(/\s+/g, ' ');
      const boardOnly =
        /review of the effectiveness of the local safeguarding children board/i.test(front) &&
        !/inspection of services for children in need/i.test(front);
      const parsed = parseSif(lines, { boardOnly });
      if (parsed.findings.length > 0) return parsed;
      return {
        ...parsed,
        error:
          'a 2013 to 2017 single inspection report, but no numbered or bulleted list under "Priority and immediate action", "Areas for improvement" or "Recommendations" was found in it',
      };
    }
    case 'lac':
      return parseLac(lines);
    case 'letter':
      return parseLetter(lines);
    default:
      return { framework: undefined, findings: [], notes: [], error: UNKNOWN };
  }
}
