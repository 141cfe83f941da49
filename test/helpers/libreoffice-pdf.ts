/**
 * A PDF laid out as LibreOffice lays one out (classic cross-reference table, Info dictionary,
 * XMP metadata, a compressed ICC profile with its own creation date and MD5, trailer /ID and
 * /DocChecksum), "converted" at a given time: for the PDF stamp's tests and a stand-in LibreOffice.
 */
import { createHash } from 'node:crypto';
import { zlibSync } from 'fflate';

const latin1 = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const text = (b: Uint8Array) => Buffer.from(b).toString('latin1');

/** A profile header as lcms writes it: size, 'acsp' at 36, a creation date at 24, an MD5 at 84. */
export function iccProfile(when: readonly number[]): Uint8Array {
  const p = new Uint8Array(160);
  const v = new DataView(p.buffer);
  v.setUint32(0, p.length);
  p.set(latin1('mntrRGB XYZ '), 12);
  for (const [i, x] of when.entries()) v.setUint16(24 + i * 2, x);
  p.set(latin1('acsp'), 36);
  p.set(createHash('md5').update(p).digest(), 84);
  return p;
}

/** A PDF "converted" at `stamp` (YYYYMMDDhhmmss), laid out as LibreOffice lays one out. */
export function converted(stamp: string): Uint8Array {
  const [y, mo, d, h, mi, s] = [0, 4, 6, 8, 10, 12].map((i, k) => Number(stamp.slice(i, k === 0 ? 4 : i + 2)));
  const iso = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(8, 10)}:${stamp.slice(10, 12)}:${stamp.slice(12, 14)}Z`;
  const xmp = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:title>Children&amp;apos;s Services</dc:title><xmp:CreateDate>${iso}</xmp:CreateDate></x:xmpmeta><?xpacket end="w"?>`;
  const icc = text(zlibSync(iccProfile([y!, mo!, d!, h!, mi!, s!])));
  const bodies = [
    '<</Type/Catalog/Pages 2 0 R/Metadata 4 0 R/OutputIntents[<</S/GTS_PDFA1/DestOutputProfile 5 0 R>>]>>',
    '<</Type/Pages/Kids[]/Count 0>>',
    `<</Producer<FEFF004C>/CreationDate(D:${stamp}Z')>>`,
    `<</Type/Metadata/Subtype/XML/Length ${xmp.length}>>\nstream\n${xmp}\nendstream`,
    `<</N 3/Length 6 0 R/Filter/FlateDecode>>\nstream\n${icc}\nendstream`,
    String(icc.length),
  ];
  let out = '%PDF-1.6\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  bodies.forEach((b, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${b}\nendobj\n\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  const id = createHash('md5').update(stamp).digest('hex').toUpperCase();
  out += `trailer\n<</Size ${bodies.length + 1}/Root 1 0 R\n/Info 3 0 R\n/ID [ <${id}>\n<${id}> ]\n/DocChecksum /${id}\n>>\nstartxref\n${xref}\n%%EOF\n`;
  return latin1(out);
}
