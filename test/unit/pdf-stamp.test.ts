/**
 * The PDF stamp: a PDF converted at two different times gives the same bytes once stamped, with
 * every date the pack date and a cross-reference table that still finds every object. The PDFs
 * here are made by hand in the shape LibreOffice writes (classic xref table, Info dictionary,
 * XMP metadata, a compressed ICC profile with its own creation date and MD5).
 */
import { createHash } from 'node:crypto';
import { unzlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { PdfStampError, stampPdf } from '../../src/6-render/pdf-stamp.js';
import { converted } from '../helpers/libreoffice-pdf.js';

const latin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const text = (b: Uint8Array) => Buffer.from(b).toString('latin1');

/** Every object the stamped PDF's table lists, found where it says. */
function objectsFound(pdf: string): number[] {
  const xref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(pdf)![1]);
  expect(pdf.slice(xref, xref + 4)).toBe('xref');
  const rows = [...pdf.slice(xref).matchAll(/^(\d{10}) (\d{5}) n $/gm)];
  return rows.map((r, i) => {
    expect(pdf.startsWith(`${i + 1} 0 obj`, Number(r[1]))).toBe(true);
    return i + 1;
  });
}

describe('stampPdf', () => {
  it('gives the same bytes for the same document converted at different times', () => {
    const a = stampPdf(converted('20261202060151'), '2026-11-12');
    const b = stampPdf(converted('20270315231259'), '2026-11-12');
    expect(text(a)).not.toBe(text(converted('20261202060151')));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('sets every date to the pack date, once-escaped XMP, a fresh /ID, and a table that finds every object', () => {
    const out = text(stampPdf(converted('20261202060151'), '2026-11-12'));
    expect(out).toContain('/CreationDate(D:20261112000000Z)');
    expect(out).toContain('<xmp:CreateDate>2026-11-12T00:00:00Z</xmp:CreateDate>');
    expect(out).toContain('<dc:title>Children&apos;s Services</dc:title>');
    expect(out).not.toContain('DocChecksum');
    expect(out).toMatch(/\/ID \[ <([0-9A-F]{32})>\n<\1> \]/);
    expect(objectsFound(out)).toEqual([1, 2, 3, 4, 5, 6]);
    // Each stream's /Length is the length of its data.
    for (const m of out.matchAll(/\/Length (\d+)>>\nstream\n/g)) {
      const start = m.index + m[0].length;
      expect(out.slice(start + Number(m[1]), start + Number(m[1]) + 10)).toBe('\nendstream');
    }
  });

  it('dates the colour profile and computes its MD5 again, as the ICC specification defines it', () => {
    const out = text(stampPdf(converted('20261202060151'), '2026-11-12'));
    const m = /5 0 obj\n<<\/N 3\s*\/Length (\d+)>>\nstream\n/.exec(out)!;
    const profile = latin1(out.slice(m.index + m[0].length, m.index + m[0].length + Number(m[1])));
    const v = new DataView(profile.buffer, profile.byteOffset);
    expect([0, 1, 2, 3, 4, 5].map((i) => v.getUint16(24 + i * 2))).toEqual([2026, 11, 12, 0, 0, 0]);
    const zeroed = profile.slice();
    zeroed.fill(0, 44, 48);
    zeroed.fill(0, 64, 68);
    zeroed.fill(0, 84, 100);
    expect(Buffer.from(profile.subarray(84, 100)).toString('hex')).toBe(createHash('md5').update(zeroed).digest('hex'));
    // The object that held the compressed profile's length (which varies with the time of day)
    // holds the length written now.
    expect(/6 0 obj\n(\d+)\nendobj/.exec(out)?.[1]).toBe(String(profile.length));
    // Unchanged apart from the date and the MD5.
    const before = unzlibSync(latin1(/stream\n([\s\S]*?)\nendstream/.exec(text(converted('20261202060151')).split('5 0 obj')[1]!)![1]!));
    expect(Buffer.from(profile.subarray(100)).equals(Buffer.from(before.subarray(100)))).toBe(true);
  });

  it('refuses a PDF it cannot read safely, rather than guess', () => {
    expect(() => stampPdf(latin1('not a pdf'), '2026-11-12')).toThrow(PdfStampError);
    // An incremental update: a second body and table after the first, its trailer pointing back.
    const first = text(converted('20261202060151'));
    const prev = /startxref\n(\d+)/.exec(first)![1];
    const update = `3 0 obj\n<</Producer(edited)>>\nendobj\nxref\n3 1\n${String(first.length).padStart(10, '0')} 00000 n \ntrailer\n<</Size 7/Root 1 0 R/Info 3 0 R/Prev ${prev}>>\nstartxref\n${first.length + 36}\n%%EOF\n`;
    expect(() => stampPdf(latin1(first + update), '2026-11-12')).toThrow(/updated incrementally|cross-reference/);
    // A time stamp it cannot find is an error, not a PDF that differs at every build.
    expect(() => stampPdf(latin1(first.replace(/xmp:CreateDate/g, 'xmp:CreateDatX')), '2026-11-12')).toThrow(
      /the XMP CreateDate not found/,
    );
    expect(() => stampPdf(converted('20261202060151'), '12/11/2026')).toThrow(PdfStampError);
  });
});
