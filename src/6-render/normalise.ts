/**
 * Byte-identical .docx for identical content. Two things would carry the clock: core.xml
 * (which we supply ourselves, dated from the inputs) and the zip entries' modification times,
 * which are patched in place to 1980-01-01 00:00, leaving the compressed data untouched.
 * Drawing ids and image relationship ids are numbered by render/drawings.ts, in order.
 */
import { zipDirectory } from '../model/zip-directory.js';

export interface CoreProperties {
  readonly title: string;
  readonly subject: string;
  readonly creator: string;
  readonly keywords: string;
  readonly description: string;
  /** YYYY-MM-DD */
  readonly date: string;
  readonly language: string;
}

/** Text for XML content or a double-quoted attribute. */
export const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** docProps/core.xml with dates from the inputs and the language set (docx offers neither). */
export function coreXml(p: CoreProperties): string {
  const stamp = `${p.date}T00:00:00Z`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(p.title)}</dc:title><dc:subject>${escapeXml(p.subject)}</dc:subject><dc:creator>${escapeXml(p.creator)}</dc:creator>` +
    `<cp:keywords>${escapeXml(p.keywords)}</cp:keywords><dc:description>${escapeXml(p.description)}</dc:description>` +
    `<cp:lastModifiedBy>${escapeXml(p.creator)}</cp:lastModifiedBy><cp:revision>1</cp:revision><dc:language>${escapeXml(p.language)}</dc:language>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** DOS date for 1980-01-01 (year 0, month 1, day 1) and time 00:00:00. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;

/**
 * Sets every entry's modification time, in the local headers and the central directory, to
 * 1980-01-01 00:00. Throws on a zip it does not understand rather than write a wrong one.
 */
export function fixZipTimes(zip: Uint8Array): Uint8Array {
  const out = new Uint8Array(zip);
  const v = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const entries = zipDirectory(out);
  if (!entries) throw new Error('fixZipTimes: no readable central directory');
  for (const { at, local } of entries) {
    v.setUint16(at + 12, DOS_TIME, true);
    v.setUint16(at + 14, DOS_DATE, true);
    if (v.getUint32(local, true) !== 0x04034b50) throw new Error('fixZipTimes: bad local header');
    v.setUint16(local + 10, DOS_TIME, true);
    v.setUint16(local + 12, DOS_DATE, true);
  }
  return out;
}
