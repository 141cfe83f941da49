/**
 * Lines of an Ofsted publication made ready for parsing: running headers and footers, page
 * numbers and blank lines dropped, bullet glyphs recognised, whatever the source (PDF text or
 * a .txt with form feeds).
 */

export interface Line {
  /** Text without its bullet glyph, trimmed. */
  readonly text: string;
  /** The line started with a bullet glyph. */
  readonly bullet: boolean;
  /** That glyph: a list's sub-bullets are drawn with another glyph than its items. */
  readonly glyph?: string;
  /** A blank line (or a page break) came before it. */
  readonly afterGap: boolean;
  /** 1-based page, for review notes. */
  readonly page: number;
}

/**
 * Bullet glyphs seen in Ofsted PDFs and their text exports: Unicode bullets, Symbol and
 * Wingdings glyphs mapped to the private use area (U+F0B7, U+F06E, U+F02D ...), and the letters
 * they become when a PDF is copied as text (o, §, ®).
 */
const BULLET =
  /^\s*(?:[\u2022\u2023\u2043\u2219\u25A0-\u25FF\u2700-\u27BF\u00B7\u2013\u2014\u2015\u2212\u2500-\u257F*§®]|\s\u0336|[\uE000-\uF8FF]|-(?=\s)|o(?=\s))\s*/;

const PAGE_NUMBER = /^\s*(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?\s*$/i;

/** Footer-like text that repeats on many pages, ignoring the digits that change. */
const shape = (s: string) => s.trim().replace(/\d+/g, '#').replace(/\s+/g, ' ').toLowerCase();

export function preparePages(pages: readonly (readonly string[])[]): Line[] {
  const counts = new Map<string, number>();
  for (const page of pages) {
    for (const s of new Set(page.map(shape))) if (s) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  // A line on a third of the pages (and at least three) is a running header or footer.
  const repeated = (s: string) => pages.length >= 3 && (counts.get(shape(s)) ?? 0) >= Math.max(3, pages.length / 3);
  const out: Line[] = [];
  let gap = true;
  pages.forEach((page, p) => {
    gap = true;
    for (const raw of page) {
      const s = raw.replace(/[\u00A0\u2000-\u200B\u202F\uFEFF]/g, ' ').replace(/\f/g, '');
      if (s.trim() === '' || PAGE_NUMBER.test(s) || repeated(s)) {
        gap = true;
        continue;
      }
      const m = BULLET.exec(s);
      const bullet = m !== null && s.slice(m[0].length).trim() !== '' && !/^\s*-\d/.test(s);
      const glyph = bullet ? m![0].trim() || m![0] : undefined;
      out.push({ text: (bullet ? s.slice(m![0].length) : s).trim(), bullet, ...(glyph ? { glyph } : {}), afterGap: gap, page: p + 1 });
      gap = false;
    }
  });
  return out;
}

/** Splits a plain-text export into pages at form feeds. */
export function pagesOfText(text: string): string[][] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\f')
    .map((p) => p.split('\n'));
}

/**
 * Joins an item's lines as printed: a line break is a space, except after a hyphen that ends a
 * line ("multi-" / "agency" is "multi-agency"). Nothing is added or corrected.
 */
export function joinLines(parts: readonly string[]): string {
  let out = '';
  for (const p of parts) {
    const t = p.trim();
    if (!t) continue;
    if (out === '') out = t;
    else if (/[A-Za-z]-$/.test(out) && /^[A-Za-z]/.test(t)) out += t;
    else out += ` ${t}`;
  }
  return out.replace(/\s+/g, ' ').trim();
}
