/**
 * The importer on real, published Ofsted reports, read from ../shared (never copied into the
 * project): the eight sample PDFs with their expected lists, and the 2014 seed report's text.
 * They sit beside every checkout this project is built and tested in.
 */
import { createHash } from 'node:crypto';
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
  const expected = existsSync(path.join(SAMPLES, 'expected.json'))
    ? (JSON.parse(readFileSync(path.join(SAMPLES, 'expected.json'), 'utf8')) as Expected[])
    : [];

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

/**
 * The matcher's evaluation labels its actions against what the importer reads from the two seed
 * texts; these digests of (section, ref, text) are of what it read when they were labelled, so
 * any change to the importer that changes those findings fails here, not later in eval:match.
 */
describe.runIf(existsSync(path.join(SEEDS, 'ofsted-inspection-report-2014.txt')))('the seed texts the matcher is evaluated on', () => {
  it.each([
    ['ofsted-inspection-report-2014.txt', 32, 'e832167887034a16b8a4f6d46508ac11e0d9f8a871c72d6863d973f1f6c1c427'],
    ['ofsted-monitoring-visit-letter-2024-11.txt', 9, '50f1b92074c3f0c8584c54544b931ae82ad3d9631a2b0f06bb9adbdb4e800f74'],
  ])('%s gives the %i findings it always gave', async (file, n, digest) => {
    const pages = await readPublication(path.join(SEEDS, file), new Diagnostics());
    const { findings } = importText(pages!).parsed;
    expect(findings).toHaveLength(n);
    expect(
      createHash('sha256')
        .update(findings.map((f) => [f.section, f.ref, norm(f.text)].join('\t')).join('\n'))
        .digest('hex'),
    ).toBe(digest);
  });
});
