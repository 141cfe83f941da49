/** What `findings import` says of a file that is not a report it can read: the file named as what it is. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics/index.js';
import { IMPORT_LIMITS, readPublication } from '../../src/findings/import.js';

const dir = mkdtempSync(path.join(tmpdir(), 'boardpack-import-'));
async function said(name: string, bytes: Uint8Array | string | null): Promise<string> {
  const file = path.join(dir, name);
  if (bytes === null) mkdirSync(file);
  else writeFileSync(file, bytes);
  const d = new Diagnostics();
  const pages = await readPublication(file, d);
  expect(pages).toBeUndefined();
  expect(d.all).toHaveLength(1);
  expect(d.all[0]!.code).toBe('import-unreadable');
  return d.all[0]!.message;
}

describe('findings import refuses what is not a report, and says what it is', () => {
  it('an empty file', async () => expect(await said('empty.pdf', '')).toMatch(/the file is empty/));
  it('text named .pdf', async () =>
    expect(await said('text.pdf', 'What needs to improve?\n- The timeliness of plans.\n')).toMatch(/named \.pdf but holds plain text/));
  it('a web page named .pdf', async () =>
    expect(await said('page.pdf', '<!DOCTYPE html><html><body>Report</body></html>')).toMatch(/web page \(HTML\)/));
  it('UTF-16 text, with and without a byte order mark', async () => {
    expect(await said('bom.txt', new Uint8Array([0xff, 0xfe, 0x57, 0, 0x68, 0, 0x61, 0, 0x74, 0]))).toMatch(
      /UTF-16 \(little-endian, with a byte order mark\)/,
    );
    const plain = Buffer.from('What needs to improve? The timeliness of plans.', 'utf16le');
    expect(await said('nobom.txt', plain)).toMatch(/UTF-16 \(little-endian, without a byte order mark\)/);
  });
  it('Windows-1252 text', async () =>
    expect(await said('latin.txt', new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x0a]))).toMatch(/Windows-1252/));
  it('a folder', async () => expect(await said('folder.pdf', null)).toMatch(/it is a folder/));
  it('text far larger than a report, at once and without reading it into memory', async () => {
    const big = Buffer.alloc(IMPORT_LIMITS.textBytes + 1, 'a');
    expect(await said('big.txt', big)).toMatch(/MB of text, and boardpack reads at most 2\.0 MB/);
    const huge = Buffer.alloc(IMPORT_LIMITS.pdfBytes + 1, 'a');
    expect(await said('huge.txt', huge)).toMatch(/boardpack reads at most 25 MB/);
  });
});
