/**
 * Text of a PDF, page by page and line by line, through pdf.js (Mozilla's maintained PDF
 * library; pure JavaScript, no external binaries). Lines are rebuilt from text items by their
 * baseline, which is how the reader sees them.
 */
import type { Diagnostics } from '../diagnostics/index.js';

export interface PdfText {
  /** Lines of each page, in reading order. */
  readonly pages: readonly (readonly string[])[];
}

export async function readPdfText(file: string, bytes: Uint8Array, diags: Diagnostics): Promise<PdfText | undefined> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc: Awaited<ReturnType<typeof getDocument>['promise']>;
  try {
    doc = await getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch (e) {
    const name = (e as { name?: string }).name;
    const why = name === 'PasswordException' ? 'it is password-protected' : `it is not a readable PDF (${(e as Error).message})`;
    diags.report('import-unreadable', `cannot read ${file}: ${why}`, { place: { file } });
    return undefined;
  }
  const pages: string[][] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const content = await page.getTextContent();
    // Lines by baseline; a line's height is its largest font size.
    const rows: { y: number; h: number; text: string }[] = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str === '') continue;
      const y = item.transform[5] as number;
      const h = Math.abs(item.transform[3] as number) || item.height;
      const last = rows[rows.length - 1];
      if (last && Math.abs(last.y - y) <= 2) {
        last.text += item.str;
        last.h = Math.max(last.h, h);
      } else rows.push({ y, h, text: item.str });
    }
    pages.push(withParagraphGaps(inReadingOrder(rows)));
    page.cleanup();
  }
  await doc.destroy();
  return { pages };
}

/**
 * Rows top to bottom. A PDF may draw its text in any order: some reports draw a page's heading
 * after the page's paragraphs, which read in drawing order put the heading under them. A page
 * already drawn top to bottom is left as it is.
 */
function inReadingOrder(rows: { y: number; h: number; text: string }[]): { y: number; h: number; text: string }[] {
  if (rows.every((r, i) => i === 0 || r.y <= rows[i - 1]!.y + 2)) return rows;
  const sorted = rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => b.r.y - a.r.y || a.i - b.i)
    .map((x) => x.r);
  const out: { y: number; h: number; text: string }[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.y - r.y) <= 2) {
      last.text += r.text;
      last.h = Math.max(last.h, r.h);
    } else out.push({ ...r });
  }
  return out;
}

/**
 * Text items carry no paragraph breaks; a blank line is put where the space between two
 * lines is clearly more than the page's usual line spacing, as a reader sees a new paragraph.
 */
function withParagraphGaps(rows: readonly { y: number; h: number; text: string }[]): string[] {
  const steps: number[] = [];
  for (let i = 1; i < rows.length; i++) {
    const d = rows[i - 1]!.y - rows[i]!.y;
    if (d > 0) steps.push(Math.round(d * 10) / 10);
  }
  const sorted = [...steps].sort((a, b) => a - b);
  const usual = sorted[Math.floor(sorted.length / 4)] ?? 0;
  const out: string[] = [];
  rows.forEach((r, i) => {
    const d = i > 0 ? rows[i - 1]!.y - r.y : 0;
    if (i > 0 && (d <= 0 || d > usual * 1.35)) out.push('');
    out.push(r.text);
  });
  return out;
}
