/**
 * The example's reports as a reader gets them: converted to PDF by LibreOffice, their pages
 * counted and each page's use of the paper measured. `npm run test:pdf` runs this file (and
 * .ci/run, which installs LibreOffice and poppler); `npm test` leaves it out, as the real
 * conversions were a quarter of the suite's CPU time. Without the tools it fails, saying what to install.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createHash } from 'node:crypto';
import { PDF_EXPORT_FILTER, stampPdf } from '../../src/6-render/index.js';
import { Diagnostics } from '../../src/diagnostics/index.js';
import { convertToPdf, findPdfConverter } from '../../src/io/libreoffice.js';
import { verifyPack } from '../../src/pipeline/archived.js';
import { build } from '../../src/pipeline/build.js';
import { workspace } from '../helpers/workspace.js';

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const tools = has('soffice') && has('pdftotext') && has('pdfinfo');

interface Page {
  readonly number: number;
  readonly height: number;
  /** Lowest text on the page above the footer, as a share of the text area used. */
  readonly used: number;
  readonly firstLine: string;
}

/**
 * How far down each page is used: the lowest ink above the footer, read from a small greyscale
 * bitmap of the page (so charts count, not only text), as a share of the text area. One
 * pdftoppm run draws every page of the PDF.
 */
function inkUsed(pdf: string, sizes: readonly { width: number; height: number }[]): number[] {
  const dpi = 24;
  const dir = mkdtempSync(path.join(tmpdir(), 'boardpack-pgm-'));
  execFileSync('pdftoppm', ['-gray', '-r', String(dpi), pdf, path.join(dir, 'page')]);
  // page-1.pgm or page-01.pgm ...: sorted by the page number, whatever the padding.
  const files = readdirSync(dir).sort((a, b) => Number(/(\d+)\.pgm$/.exec(a)![1]) - Number(/(\d+)\.pgm$/.exec(b)![1]));
  expect(files).toHaveLength(sizes.length);
  const bitmaps = files.map((f) => readFileSync(path.join(dir, f)));
  rmSync(dir, { recursive: true, force: true });
  return bitmaps.map((pgm, i) => {
    const { width, height } = sizes[i]!;
    // P5 header: "P5\n<w> <h>\n255\n", then one byte a pixel.
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'))!;
    const [w, h] = [Number(header[1]), Number(header[2])];
    const data = pgm.subarray(header[0].length);
    const margin = width > height ? 56.7 : 72;
    const px = (pt: number) => Math.round((pt / 72) * dpi);
    const top = px(margin);
    const bottom = h - px(margin);
    let lowest = top;
    for (let y = top; y < bottom; y++) {
      for (let x = 0; x < w; x++) {
        if (data[y * w + x]! < 200) {
          lowest = y;
          break;
        }
      }
    }
    return (lowest - top) / (bottom - top);
  });
}

/** Each page's first line of text and how much of it is used. */
function pages(pdf: string): Page[] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const read = html
    .split('<page ')
    .slice(1)
    .map((p, i) => {
      const height = Number(/height="([\d.]+)"/.exec(p)![1]);
      const width = Number(/width="([\d.]+)"/.exec(p)![1]);
      const words = [...p.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        y0: Number(m[1]),
        w: m[3]!,
      }));
      const top = Math.min(...words.map((x) => x.y0));
      const firstLine = words
        .filter((x) => x.y0 < top + 4)
        .map((x) => x.w)
        .join(' ');
      return { number: i + 1, height, width, firstLine };
    });
  const used = inkUsed(pdf, read);
  return read.map(({ number, height, firstLine }, i) => ({ number, height, used: used[i]!, firstLine }));
}

const REPORTS = ['improvement-board-2026-10', 'scrutiny-committee-2026-10'];
const converted: Record<string, Page[]> = {};
let packDir = '';
let pdfs: Record<string, string> = {};
/** The committee report converted a second time, by another LibreOffice run, for the reproducibility test. */
let again: Promise<Uint8Array> | undefined;

beforeAll(async () => {
  if (!tools) throw new Error('npm run test:pdf needs LibreOffice and poppler: apt-get install libreoffice-writer-nogui poppler-utils');
  // The example built as a clerk publishes it: each report also as PDF/A, by LibreOffice.
  const w = workspace();
  // The shared example pack's Word report is the same file the build below makes: converted
  // alongside it, so the two LibreOffice runs overlap.
  const docx = {
    name: 'scrutiny-committee-2026-10.docx',
    bytes: readFileSync(path.join(inject('exampleDir'), 'packs/2026-10/scrutiny-committee-2026-10.docx')),
  };
  const found = findPdfConverter();
  if (!('converter' in found)) throw new Error(found.problem);
  again = convertToPdf(found.converter, [docx], PDF_EXPORT_FILTER).then((m) => stampPdf(m.get(docx.name)!, '2026-11-12'));
  again.catch(() => undefined);
  const r = await build({ configPath: w.config, pdf: true });
  expect(r.diagnostics.all.filter((d) => d.severity === 'error')).toEqual([]);
  packDir = r.packDir!;
  pdfs = Object.fromEntries(REPORTS.map((n) => [n, readFileSync(path.join(packDir, `${n}.pdf`), 'latin1')]));
  for (const n of REPORTS) converted[`${n}.docx`] = pages(path.join(packDir, `${n}.pdf`));
}, 180_000);

describe('the example reports as printed', () => {
  it('the board report takes at most 18 pages and the committee report at most 12', () => {
    expect(converted['improvement-board-2026-10.docx']!.length).toBeLessThanOrEqual(18);
    expect(converted['scrutiny-committee-2026-10.docx']!.length).toBeLessThanOrEqual(12);
  });

  it.each(['improvement-board-2026-10.docx', 'scrutiny-committee-2026-10.docx'])(
    '%s: no page is less than half used, but before a new appendix or at the end',
    (name) => {
      const ps = converted[name]!;
      const thin = ps.filter((p, i) => p.used < 0.5 && i < ps.length - 1 && !/^Appendix \d/.test(ps[i + 1]!.firstLine));
      expect(thin.map((p) => `page ${p.number}: ${Math.round(p.used * 100)}% used`)).toEqual([]);
    },
  );
});

describe('build --pdf', () => {
  it('lists each PDF in the manifest with its digest, and the LibreOffice that made it; verify accepts the pack', () => {
    const m = JSON.parse(readFileSync(path.join(packDir, 'manifest.json'), 'utf8')) as {
      tool: { pdf?: string };
      outputs: { path: string; sha256: string; report: string }[];
    };
    expect(m.tool.pdf).toMatch(/^LibreOffice \d/);
    expect(m.outputs.map((o) => o.path)).toEqual([...REPORTS.map((n) => `${n}.docx`), ...REPORTS.map((n) => `${n}.pdf`)]);
    for (const o of m.outputs)
      expect(
        createHash('sha256')
          .update(readFileSync(path.join(packDir, o.path)))
          .digest('hex'),
      ).toBe(o.sha256);
    expect(m.outputs.find((o) => o.path.endsWith('.pdf'))?.report).toBe('improvement-board');
    const d = new Diagnostics();
    expect(verifyPack(packDir, d)?.outputs).toHaveLength(4);
    expect(d.all).toEqual([]);
  });

  it.each(REPORTS)('%s.pdf is PDF/A-2b and PDF/UA, tagged, in British English, titled, and dated with the pack date', (name) => {
    const pdf = pdfs[name]!;
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(pdf).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(pdf).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(pdf).toMatch(/\/MarkInfo\s*<<\s*\/Marked true\s*>>/);
    expect(pdf).toContain('/StructTreeRoot');
    expect(pdf).toContain('/Lang(en-GB)');
    expect(pdf).toMatch(/\/DisplayDocTitle true/);
    expect(pdf).toContain('/CreationDate(D:20261112000000Z)');
    expect(pdf).toContain('<xmp:CreateDate>2026-11-12T00:00:00Z</xmp:CreateDate>');
    expect(pdf).not.toMatch(/&amp;apos;/);
  });

  it('gives every chart its alternative text, the trend in words', () => {
    const pdf = pdfs['improvement-board-2026-10']!;
    const alts = [...pdf.matchAll(/\/Alt\s*<([0-9a-fA-F]+)>/g)].map((m) =>
      Buffer.from(m[1]!, 'hex')
        .swap16()
        .toString('utf16le')
        .replace(/^\uFEFF/, ''),
    );
    expect(alts.length).toBe(15);
    for (const a of alts) expect(a).toMatch(/^[A-Z].* - (Rose|Fell|Stayed|Held|Was) .* in [A-Z][a-z]+ \d{4}/);
  });

  it('converts the same report to the same bytes again', async () => {
    const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    expect(sha(await again!)).toBe(sha(readFileSync(path.join(packDir, 'scrutiny-committee-2026-10.pdf'))));
  });
});
