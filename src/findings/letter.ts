/**
 * Monitoring and focused visit letters: prose; each paragraph of the findings that states a
 * weakness becomes a finding marked for review; refs are paragraph numbers within the letter.
 */
import { isComplete } from './blocks.js';
import { joinLines, type Line } from './lines.js';
import type { ParsedFinding, ParseResult } from './parse.js';

const LETTER_START =
  /^(findings and evaluation of progress|headline findings|main findings|areas for priority action|areas for improvement|what needs to improve)/i;
const LETTER_END = /^(yours sincerely|i am copying this letter|this letter will be published)/i;
/** Words that mark a statement of weakness or of what must improve. */
const WEAKNESS =
  /\b(not (always|consistently|yet|sufficiently|routinely|reliably|enough)|too (many|much|long|often|slow|few|variable)|insufficient|inconsistent|weak(ness|er)?|poor|delay(s|ed)?|drift|lack(s|ing)?|limited|needs? to|must|should|fail(s|ed)?|unclear|variable|do(es)? not|has not|have not|is not|are not|fewer than|remain(s)? (too|high|low))\b/i;

export function parseLetter(lines: readonly Line[]): ParseResult {
  const notes = [
    'Monitoring and focused visit letters have no list: each paragraph of the findings that states a weakness was taken as a finding and marked review: true. Keep the ones that are findings.',
  ];
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
