/**
 * The body rows of data tables, written as XML here rather than by docx. docx makes an object
 * tree of every row, cell, paragraph and run and then serialises it: for the tracker of a plan
 * of 50,000 actions that was 60 s and 4 GB, most of it garbage collection. Rows are plain here
 * (a few elements, no ids, no relationships), so they are written straight to text, byte for
 * byte as docx writes them (test/unit/table-rows.test.ts compares the two), and the document
 * holds a marker row where they go until its XML exists, as drawings.ts does for pictures.
 */
import type { Line, TableCell as CellModel } from '../../model/report.js';
import { SWATCH, TABLE_TEXT_STYLE } from '../theme.js';
import type { Images } from './images.js';

/** U+E000 never reaches render in text (xml-text.ts removes it); the T keeps it apart from a picture's marker. */
const MARK = '\uE000';

type Align = 'left' | 'center' | 'right';

/** What docx's serialiser escapes in text and attributes; control characters it drops. */
const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
const ESCAPED = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;
export const escapeXmlAsDocx = (s: string) =>
  /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/.test(s) ? s.replace(ESCAPED, (c) => ESCAPES[c] ?? '') : s;

const STYLE = `<w:pStyle w:val="${TABLE_TEXT_STYLE}"/>`;
const BREAK = '<w:r><w:br/></w:r>';

function run(text: string, props: string): string {
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${escapeXmlAsDocx(text)}</w:t></w:r>`;
}

/** As runs() in text.ts: a run carries only what differs from the paragraph's style. */
function lineXml(line: Line, color: string | undefined): string {
  let out = '';
  for (const r of line) {
    out += run(
      r.text,
      (r.bold ? '<w:b/><w:bCs/>' : '') +
        (color ? `<w:color w:val="${color}"/>` : '') +
        (r.superscript ? '<w:vertAlign w:val="superscript"/>' : ''),
    );
  }
  return out;
}

/** One cell: its lines in one paragraph, separated by line breaks, then a paragraph per chart. */
export function cellXml(c: CellModel, width: number, align: Align | undefined, images: Images, chartWidth: number): string {
  const sw = c.swatch ? SWATCH[c.swatch] : undefined;
  const a = c.align ?? align ?? 'left';
  const lines = c.lines.length > 0 ? c.lines : [[{ text: '' }]];
  let body = '';
  lines.forEach((l, k) => {
    if (k > 0) body += BREAK;
    body += lineXml(l, sw?.color);
  });
  let charts = '';
  for (const chart of c.charts ?? []) charts += `<w:p><w:pPr>${STYLE}</w:pPr>${run(images.mark(chart, chartWidth), '')}</w:p>`;
  return (
    `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${width}"/>${sw ? `<w:shd w:fill="${sw.fill}" w:color="auto" w:val="clear"/>` : ''}</w:tcPr>` +
    `<w:p><w:pPr>${STYLE}${a !== 'left' ? `<w:jc w:val="${a}"/>` : ''}</w:pPr>${body}</w:p>${charts}</w:tc>`
  );
}

/** The rows of each data table of one document, in document order, until its XML is written. */
export class TableRows {
  private readonly tables: string[] = [];

  /** Keeps a table's rows; the marker text goes in the one row docx writes in their place. */
  mark(rowsXml: string): string {
    this.tables.push(rowsXml);
    return `${MARK}T${this.tables.length}${MARK}`;
  }

  get count(): number {
    return this.tables.length;
  }

  /** document.xml with each marker row replaced by the rows it stands for. */
  placeInDocument(xml: string): string {
    const pieces: string[] = [];
    let from = 0;
    for (let n = 1; n <= this.tables.length; n++) {
      const at = xml.indexOf(`${MARK}T${n}${MARK}`, from);
      const start = at < 0 ? -1 : xml.lastIndexOf('<w:tr>', at);
      const end = at < 0 ? -1 : xml.indexOf('</w:tr>', at);
      if (start < from || end < 0) throw new Error(`table rows ${n} of ${this.tables.length}: the marker row was not written as expected`);
      pieces.push(xml.slice(from, start), this.tables[n - 1]!);
      this.tables[n - 1] = '';
      from = end + '</w:tr>'.length;
    }
    pieces.push(xml.slice(from));
    return pieces.join('');
  }
}
