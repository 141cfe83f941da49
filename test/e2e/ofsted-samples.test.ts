/**
 * The importer on real, published Ofsted reports, read from ../shared (never copied into the
 * project): the eight sample PDFs with their expected lists, and the 2014 seed report's text.
 * They sit beside every checkout this project is built and tested in.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics/index.js';
import { importText, readPublication } from '../../src/findings/import.js';
import { ROOT } from '../helpers/workspace.js';

const SAMPLES = process.env['BOARDPACK_SAMPLES'] ?? path.join(ROOT, '../shared/ofsted-samples');
const SEEDS = path.join(ROOT, '../shared/seeds');
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

interface Expected {
  file: string;
  findings: { ref: string; section: string; text: string }[];
}

describe.runIf(existsSync(path.join(SAMPLES, 'expected.json')))('published Ofsted PDFs', () => {
  const expected = existsSync(path.join(SAMPLES, 'expected.json')) ? (JSON.parse(readFileSync(path.join(SAMPLES, 'expected.json'), 'utf8')) as Expected[]) : [];

  it.each(expected.map((e) => [e.file, e] as const))('%s: every expected finding, exactly, and nothing else', async (_f, e) => {
    const pages = await readPublication(path.join(SAMPLES, e.file), new Diagnostics());
    const { parsed } = importText(pages!);
    expect(parsed.findings.map((f) => [f.section, f.ref, norm(f.text)])).toEqual(e.findings.map((f) => [f.section, f.ref, norm(f.text)]));
  });
});

describe.runIf(existsSync(path.join(SEEDS, 'ofsted-inspection-report-2014.txt')))('the 2014 seed report (text)', () => {
  it('gives paragraphs 66 to 91 and 183 to 188: 32 findings', async () => {
    const pages = await readPublication(path.join(SEEDS, 'ofsted-inspection-report-2014.txt'), new Diagnostics());
    const { parsed } = importText(pages!);
    const refs = parsed.findings.map((f) => Number(f.ref));
    expect(refs).toEqual([...Array.from({ length: 26 }, (_, i) => 66 + i), ...Array.from({ length: 6 }, (_, i) => 183 + i)]);
  });
});
