/**
 * The example's reports as a reader gets them: converted to PDF by LibreOffice (installed by
 * .ci/run), their pages counted and each page's use of the paper measured. Skipped where
 * LibreOffice or poppler is missing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { existingWorkspace } from '../helpers/workspace.js';

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
  return files.map((file, i) => {
    const pgm = readFileSync(path.join(dir, file));
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

const converted: Record<string, Page[]> = {};

beforeAll(async () => {
  if (!tools) return;
  const w = existingWorkspace(inject('exampleDir'));
  const out = mkdtempSync(path.join(tmpdir(), 'boardpack-pdf-'));
  const docs = ['improvement-board-2026-10.docx', 'scrutiny-committee-2026-10.docx'].map((f) => path.join(w.dir, 'packs/2026-10', f));
  // A profile of its own, so a LibreOffice already running elsewhere does not take the job.
  execFileSync('soffice', [`-env:UserInstallation=file://${out}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', out, ...docs], {
    stdio: 'ignore',
    timeout: 120_000,
  });
  for (const d of docs) {
    const pdf = path.join(out, path.basename(d).replace(/\.docx$/, '.pdf'));
    readFileSync(pdf);
    converted[path.basename(d)] = pages(pdf);
  }
}, 180_000);

describe.runIf(tools)('the example reports as printed', () => {
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
