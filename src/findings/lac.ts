/**
 * 2012 to 2013 inspections of looked after children services, and of safeguarding and looked
 * after children services: the bullets under "Areas for improvement", grouped by when the
 * council must act ("Immediately:", "Within three months:", "Within six months:"). The group is
 * kept in the section ("Areas for improvement: Within three months"); refs are R1, R2 ... in
 * order across the report. Where a report has a list for safeguarding and another for looked
 * after children, the section says which ("Safeguarding Areas for improvement: Immediately").
 */
import { blocksOf, flat, startsUpper, type Block } from './blocks.js';
import { joinLines, type Line } from './lines.js';
import type { ParsedFinding, ParseResult } from './parse.js';

const HEAD = /^areas for improvement\s*:?$/i;
const GROUP = /^(immediately|within (?:one|two|three|four|six|nine|twelve|\d{1,2}) months?)\s*:?$/i;
/** "In order to improve ..., the local authority should take the following action." */
const LEAD_IN = /\bfollowing action|\bin order to improve\b/i;
/** The part of the report a list belongs to, when there are two. */
const PART =
  /^(safeguarding|looked after children|services for looked after children|the effectiveness of services for looked after children|overall effectiveness of (?:the )?safeguarding)/i;

export const isLacHeadingLine = (l: Line) => !l.bullet && (HEAD.test(l.text) || GROUP.test(l.text));

interface List {
  readonly head: number;
  readonly items: { group: string; parts: string[]; page: number }[];
}

export function parseLac(lines: readonly Line[]): ParseResult {
  const blocks = blocksOf(lines, isLacHeadingLine);
  const lists: List[] = [];
  for (let k = 0; k < blocks.length; k++) {
    if (blocks[k]!.kind !== 'text' || !HEAD.test(flat(blocks[k]!))) continue;
    const list = readList(blocks, k);
    if (list.items.length > 0) lists.push(list);
  }
  if (lists.length === 0) {
    return {
      framework: 'lac',
      findings: [],
      notes: [],
      error:
        'an inspection of looked after children services, but no "Areas for improvement" list grouped "Immediately" / "Within three months" / "Within six months" was found in it',
    };
  }
  const findings: ParsedFinding[] = [];
  let r = 0;
  for (const list of lists) {
    const part = lists.length > 1 ? partOf(blocks, list.head) : '';
    for (const it of list.items)
      findings.push({ ref: `R${++r}`, section: `${part}Areas for improvement: ${it.group}`, text: joinLines(it.parts), page: it.page });
  }
  return { framework: 'lac', findings, notes: [] };
}

function readList(blocks: readonly Block[], head: number): List {
  const items: List['items'] = [];
  let group: string | undefined;
  let glyph: string | undefined;
  for (let k = head + 1; k < blocks.length; k++) {
    const b = blocks[k]!;
    const text = flat(b);
    if (b.kind === 'text' && GROUP.test(text)) {
      const g = text.replace(/\s*:\s*$/, '');
      group = g.charAt(0).toUpperCase() + g.slice(1);
      continue;
    }
    // The numbered lead-in sentence before the first group.
    if (group === undefined && b.kind === 'numbered' && LEAD_IN.test(text)) continue;
    if (b.kind === 'bullet' && group !== undefined) {
      const last = items[items.length - 1];
      if (last && glyph !== undefined && b.glyph !== glyph) last.parts.push(...b.parts);
      else {
        glyph ??= b.glyph;
        items.push({ group, parts: [...b.parts], page: b.page });
      }
      continue;
    }
    break;
  }
  return { head, items };
}

/** The nearest heading above a list that says whose list it is. */
function partOf(blocks: readonly Block[], head: number): string {
  for (let k = head - 1; k >= 0; k--) {
    const b = blocks[k]!;
    const t = flat(b);
    if (b.kind !== 'text' || b.parts.length > 2 || !startsUpper(t) || /[.;:,]$/.test(t)) continue;
    const m = PART.exec(t);
    if (m) return /safeguarding/i.test(m[1]!) ? 'Safeguarding ' : 'Looked after children ';
  }
  return '';
}
