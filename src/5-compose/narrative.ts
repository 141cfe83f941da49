/**
 * The small markup that narrative templates write, turned into report blocks:
 *
 *   # Heading          a numbered section (1., 2., ...)
 *   ## Subheading      an unnumbered subheading; paragraph numbering carries on
 *   - item             a bullet, belonging to the paragraph above it
 *   **bold**           bold text
 *   a blank line       ends a paragraph; lines of one paragraph are joined with a space
 */
import type { BodyBlock, Inline, Line } from '../model/report.js';

export function parseInline(text: string): Line {
  const runs: Inline[] = [];
  const parts = text.split(/(\*\*[^*]+\*\*)/);
  for (const part of parts) {
    if (!part) continue;
    if (part.startsWith('**') && part.endsWith('**') && part.length > 4) runs.push({ text: part.slice(2, -2), bold: true });
    else runs.push({ text: part });
  }
  return runs;
}

const BULLET = /^\s*[-*•]\s+/;

interface RawBlock {
  kind: 'section' | 'subheading' | 'paragraph';
  text: string;
  bullets: string[];
  /** 1-based line in the rendered text, for error messages. */
  line: number;
}

function rawBlocks(text: string): RawBlock[] {
  const out: RawBlock[] = [];
  let current: RawBlock | undefined;
  let inBullets = false;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') {
      current = undefined;
      return;
    }
    const heading = /^(#{1,2})\s*(.*)$/.exec(line);
    if (heading) {
      out.push({ kind: heading[1] === '#' ? 'section' : 'subheading', text: heading[2]!.trim(), bullets: [], line: i + 1 });
      current = undefined;
      return;
    }
    if (BULLET.test(line)) {
      const item = line.replace(BULLET, '');
      // A bullet list after a blank line still belongs to the paragraph above it.
      const owner = current ?? [...out].reverse().find((b) => b.kind === 'paragraph');
      if (owner && owner.kind === 'paragraph' && (current || out[out.length - 1] === owner)) {
        owner.bullets.push(item);
        current = owner;
      } else {
        current = { kind: 'paragraph', text: '', bullets: [item], line: i + 1 };
        out.push(current);
      }
      inBullets = true;
      return;
    }
    if (current && current.kind === 'paragraph' && inBullets) {
      // A continuation line of the last bullet.
      const last = current.bullets.length - 1;
      if (raw.startsWith(' ') || raw.startsWith('\t')) {
        current.bullets[last] = `${current.bullets[last]} ${line}`;
        return;
      }
      current = undefined;
    }
    inBullets = false;
    if (current) current.text = `${current.text} ${line}`;
    else {
      current = { kind: 'paragraph', text: line, bullets: [], line: i + 1 };
      out.push(current);
    }
  });
  return out;
}

export interface ParsedNarrative {
  readonly blocks: BodyBlock[];
  /** Lines (in the rendered text) of headings with no text. */
  readonly emptyHeadings: number[];
}

export function parseNarrative(text: string): ParsedNarrative {
  const emptyHeadings: number[] = [];
  const blocks: BodyBlock[] = [];
  for (const b of rawBlocks(text)) {
    if (b.kind !== 'paragraph') {
      if (b.text === '') emptyHeadings.push(b.line);
      else blocks.push({ kind: b.kind, text: b.text });
    } else {
      blocks.push({ kind: 'paragraph', line: parseInline(b.text.trim()), bullets: b.bullets.map(parseInline) });
    }
  }
  return { blocks, emptyHeadings };
}

/** Paragraphs only (headings ignored): for the summary. */
export function parseParagraphs(text: string): Line[] {
  return rawBlocks(text)
    .filter((b) => b.kind === 'paragraph')
    .flatMap((b) => [...(b.text.trim() ? [parseInline(b.text.trim())] : []), ...b.bullets.map(parseInline)]);
}

/** One item per bullet, or per paragraph when there are no bullets: for recommendations. */
export function parseItems(text: string): Line[] {
  return parseParagraphs(text.replace(/^\s*\d+[.)]\s+/gm, '- '));
}

interface MarkupRule {
  readonly re: RegExp;
  readonly what: string;
  readonly hint: string;
  /** Supported in recommendations, where each numbered line is one recommendation. */
  readonly exceptRecommendations?: boolean;
}

/** Markdown an author may reach for that the narrative prints as written. */
const UNSUPPORTED: readonly MarkupRule[] = [
  { re: /^\s*(#{3,})\s/, what: 'a third-level heading (###)', hint: 'use # for a numbered section or ## for a subheading' },
  {
    re: /^\s*\|.*\|\s*$/,
    what: 'a table row (| ... |)',
    hint: 'tables belong in the appendices; write the figures as sentences or bullets',
  },
  { re: /^\s*>\s?/, what: 'a quotation (>)', hint: 'write it as a paragraph' },
  {
    re: /^\s*\d+[.)]\s+\S/,
    what: 'a numbered line',
    hint: 'paragraphs are numbered for you; use - for a bullet',
    exceptRecommendations: true,
  },
  { re: /\[[^\]\n]+\]\([^)\n]+\)/, what: 'a link ([text](address))', hint: 'write the address in full in the text' },
  { re: /(^|[^*\w])\*(?!\s)[^*\n]+(?<!\s)\*(?!\*)/, what: 'italic (*text*)', hint: 'only **bold** is supported' },
  { re: /__[^_\n]+__/, what: 'underscore bold (__text__)', hint: 'write **bold**' },
  { re: /`[^`\n]+`/, what: 'code (`text`)', hint: 'write it as plain text' },
  { re: /~~[^~\n]+~~/, what: 'struck-through text (~~text~~)', hint: 'remove it or write it plainly' },
  {
    re: /<\/?[a-zA-Z][a-zA-Z0-9]*(\s[^>]*)?\/?>/,
    what: 'an HTML tag',
    hint: 'write plain text; use **bold**, # and ## headings and - bullets',
  },
];

export interface MarkupProblem {
  /** 1-based line and column in the template's text. */
  readonly line: number;
  readonly column: number;
  readonly what: string;
  readonly hint: string;
}

/**
 * Markup in a template's own text that the narrative does not support, found before rendering
 * so the author sees the template line. What {{...}} prints is not known until it renders;
 * mustaches and comments are blanked first, keeping columns.
 */
export function unsupportedMarkup(templateText: string, recommendations: boolean): MarkupProblem[] {
  const blanked = templateText.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}|\{\{[\s\S]*?\}\}/g, (m) => m.replace(/[^\n]/g, ' '));
  const out: MarkupProblem[] = [];
  blanked.split(/\r?\n/).forEach((line, i) => {
    for (const rule of UNSUPPORTED) {
      if (recommendations && rule.exceptRecommendations) continue;
      const m = rule.re.exec(line);
      if (!m) continue;
      // Italic's pattern starts with the character before the *.
      const at = rule.what.startsWith('italic') ? m.index + (m[1]?.length ?? 0) : m.index + Math.max(0, m[0].search(/\S/));
      out.push({ line: i + 1, column: at + 1, what: rule.what, hint: rule.hint });
    }
  });
  return out;
}
