/**
 * 2018 onwards (ILACS): the bullets under "What needs to improve", in any of the ways reports
 * write that heading; refs R1, R2 ... Sub-bullets (drawn with another glyph, under an item
 * that ends with a colon) stay with their item. A short inspection (one week on site) is told
 * from a full one (two weeks) by its inspection dates.
 */
import { MONTHS } from '../model/period.js';
import { isComplete, startsUpper } from './blocks.js';
import { joinLines, type Line } from './lines.js';
import type { ParseResult } from './parse.js';

export const ILACS_HEAD = /^what needs to improve\s*[?:]?\s*\d{0,2}\s*$/i;
const NUMBERED_PARA = /^\d{1,3}\.\s/;

export function parseIlacs(lines: readonly Line[]): ParseResult {
  const kind = inspectionKind(lines);
  const head = lines.findIndex((l) => ILACS_HEAD.test(l.text));
  if (head < 0) {
    if (allOutstanding(lines)) {
      const note =
        'the report has no "What needs to improve" section: every judgement is outstanding and it lists nothing to improve; read the report to confirm.';
      return { framework: 'ilacs', ...(kind ? { kind } : {}), findings: [], notes: [note] };
    }
    return {
      framework: 'ilacs',
      ...(kind ? { kind } : {}),
      findings: [],
      notes: [],
      error: 'an ILACS inspection report, but no "What needs to improve" heading was found in it',
    };
  }
  const notes: string[] = [];
  const items: { parts: string[]; page: number; subs?: boolean }[] = [];
  let i = head + 1;
  const first = lines[i];
  if (!first?.bullet) {
    notes.push('"What needs to improve" is followed by prose, not a list: no findings were taken from it; read the report to confirm.');
    return { framework: 'ilacs', ...(kind ? { kind } : {}), findings: [], notes };
  }
  const glyph = first.glyph;
  const nextNumbered = (k: number) => lines.slice(k + 1, k + 4).some((l) => /^1\.\s/.test(l.text));
  for (; i < lines.length; i++) {
    const l = lines[i]!;
    const cur = items[items.length - 1];
    if (l.bullet) {
      // A sub-bullet: another glyph than the list's, under an item that introduces it.
      if (cur && glyph !== undefined && l.glyph !== glyph && (cur.subs || /:$/.test(cur.parts[cur.parts.length - 1]!.trim()))) {
        cur.parts.push(l.text);
        cur.subs = true;
      } else items.push({ parts: [l.text], page: l.page });
      continue;
    }
    // The list ends at the next paragraph or heading: after a blank line or a page break, a
    // line in capitals once the item has ended its sentence (or before paragraph 1).
    const ends = NUMBERED_PARA.test(l.text) || (startsUpper(l.text) && l.afterGap && (isComplete(cur!.parts) || nextNumbered(i)));
    if (ends) break;
    cur!.parts.push(l.text);
  }
  return {
    framework: 'ilacs',
    ...(kind ? { kind } : {}),
    findings: items.map((it, k) => ({ ref: `R${k + 1}`, section: 'What needs to improve', text: joinLines(it.parts), page: it.page })),
    notes,
  };
}

const MONTH = MONTHS.join('|');
const DAY_MONTH = new RegExp(`(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH})(?:\\s+(\\d{4}))?`, 'gi');

/**
 * "Inspection dates: 24 to 28 March 2025" is a short inspection (a week on site); "3 to 14
 * March 2025" or "25 November 2019 to 6 December 2019" a full one (two weeks).
 */
export function inspectionKind(lines: readonly Line[]): 'full' | 'short' | undefined {
  const front = lines.slice(0, 60);
  const at = front.findIndex((l) => /^inspection dates?\s*:/i.test(l.text));
  if (at < 0) return undefined;
  const text = `${front[at]!.text} ${front[at + 1]?.text ?? ''}`.replace(/^inspection dates?\s*:\s*/i, '');
  const lead = /^(\d{1,2})(?:st|nd|rd|th)?\s*(?:to|–|-)\s*/i.exec(text);
  const dates = [...text.matchAll(DAY_MONTH)].map((m) => ({
    day: Number(m[1]),
    month: monthIndex(m[2]!),
    year: m[3] ? Number(m[3]) : undefined,
  }));
  if (dates.length === 0) return undefined;
  const end = dates[lead ? 0 : 1] ?? dates[0]!;
  const start = lead ? { day: Number(lead[1]), month: end.month, year: end.year } : dates[0]!;
  const year = end.year ?? start.year ?? 2000;
  const from = Date.UTC(start.year ?? (start.month > end.month ? year - 1 : year), start.month, start.day);
  const to = Date.UTC(year, end.month, end.day);
  const days = Math.round((to - from) / 86_400_000);
  if (days < 0 || days > 40) return undefined;
  return days <= 7 ? 'short' : 'full';
}

const monthIndex = (name: string) => MONTHS.findIndex((m) => m.toLowerCase() === name.toLowerCase());

/** The judgement table, before paragraph 1, grades every judgement outstanding. */
function allOutstanding(lines: readonly Line[]): boolean {
  const front: string[] = [];
  for (const l of lines) {
    if (NUMBERED_PARA.test(l.text)) break;
    front.push(l.text);
  }
  const grades = front.flatMap((t) =>
    [...t.matchAll(/(outstanding|good|requires improvement|inadequate)\s*$/gi)].map((m) => m[1]!.toLowerCase()),
  );
  return grades.length >= 3 && grades.every((g) => g === 'outstanding');
}
