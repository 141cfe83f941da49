/**
 * A PDF made by LibreOffice, made reproducible: the same document gives the same bytes whenever
 * and wherever it is converted (with the same LibreOffice). LibreOffice stamps each export with
 * the time of day in four places: the document information's CreationDate, the XMP metadata's
 * CreateDate, the colour profile PDF/A requires (its creation date and the MD5 that covers it),
 * and the trailer's /ID and /DocChecksum. Each is set here from the pack date, or from a digest
 * of the document, and the cross-reference table is written again for the new offsets.
 *
 * Pure: bytes in, bytes out. It reads the classic cross-reference table LibreOffice writes, and
 * refuses anything else (an xref stream, an incremental update) rather than guess.
 */
import { createHash } from 'node:crypto';
import { unzlibSync } from 'fflate';

export class PdfStampError extends Error {}

const latin1 = new TextDecoder('latin1');
const bytesOf = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));

interface PdfObject {
  readonly num: number;
  readonly gen: number;
  readonly start: number;
  /** Where the next object (or the cross-reference table) starts. */
  readonly end: number;
}

/** The in-use objects, in file order, and the trailer dictionary, from the classic xref table. */
function readStructure(text: string): { objects: PdfObject[]; trailer: string; xrefAt: number; size: number } {
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text);
  if (!start) throw new PdfStampError('no startxref at the end of the PDF');
  const xrefAt = Number(start[1]);
  if (text.slice(xrefAt, xrefAt + 4) !== 'xref') throw new PdfStampError('the PDF has no classic cross-reference table');

  const trailerAt = text.indexOf('trailer', xrefAt);
  if (trailerAt < 0) throw new PdfStampError('no trailer after the cross-reference table');
  const rows = text
    .slice(xrefAt + 4, trailerAt)
    .trim()
    .split(/\r?\n|\r/);
  const found: { num: number; gen: number; offset: number }[] = [];
  let size = 0;
  for (let i = 0; i < rows.length; ) {
    const head = /^(\d+)\s+(\d+)$/.exec(rows[i]!.trim());
    if (!head) throw new PdfStampError(`unreadable cross-reference subsection: ${rows[i]}`);
    const [first, count] = [Number(head[1]), Number(head[2])];
    for (let k = 0; k < count; k++) {
      const entry = /^(\d{10}) (\d{5}) ([nf])/.exec(rows[i + 1 + k] ?? '');
      if (!entry) throw new PdfStampError(`unreadable cross-reference entry for object ${first + k}`);
      if (entry[3] === 'n') found.push({ num: first + k, gen: Number(entry[2]), offset: Number(entry[1]) });
    }
    size = Math.max(size, first + count);
    i += 1 + count;
  }
  found.sort((a, b) => a.offset - b.offset);
  const objects = found.map((o, i) => ({ num: o.num, gen: o.gen, start: o.offset, end: found[i + 1]?.offset ?? xrefAt }));
  for (const o of objects) {
    if (!text.startsWith(`${o.num} ${o.gen} obj`, o.start)) throw new PdfStampError(`object ${o.num} is not where the table says`);
  }
  const trailer = /<<[\s\S]*>>/.exec(text.slice(trailerAt, start.index))?.[0];
  if (!trailer) throw new PdfStampError('no trailer dictionary');
  // An incremental update would leave objects this table does not describe.
  if (/\/Prev\s+\d+/.test(trailer)) throw new PdfStampError('the PDF has been updated incrementally');
  return { objects, trailer, xrefAt, size };
}

/** The dictionary and stream data of a stream object's text, or undefined when it has none. */
function splitStream(obj: string): { head: string; dict: string; data: string; tail: string } | undefined {
  const s = /^(\d+ \d+ obj\s*)(<<[\s\S]*?>>)\s*stream\r?\n/.exec(obj);
  if (!s) return undefined;
  const dataAt = s[0].length;
  const end = obj.lastIndexOf('endstream');
  if (end < dataAt) return undefined;
  // The data ends before the end-of-line that precedes endstream.
  const data = obj.slice(dataAt, end).replace(/\r?\n$/, '');
  return { head: s[1]!, dict: s[2]!, data, tail: obj.slice(dataAt + data.length) };
}

/** A stream object written again with new data, uncompressed, its /Length direct. */
function withData(parts: NonNullable<ReturnType<typeof splitStream>>, data: string): string {
  const dict = parts.dict
    .replace(/\/Length\s+\d+(?:\s+\d+\s+R)?/, '')
    .replace(/\/Filter\s*\/FlateDecode/, '')
    .replace(/\/DecodeParms\s*<<[^>]*>>/, '')
    .replace(/>>$/, `/Length ${data.length}>>`);
  return `${parts.head}${dict}\nstream\n${data}${parts.tail}`;
}

/**
 * An ICC profile with its creation date set and its profile ID (the MD5 of the profile with the
 * flags, rendering intent and ID fields zeroed, ICC.1:2010 7.2.18) computed again.
 */
function stampIcc(profile: Uint8Array, date: readonly [number, number, number]): Uint8Array {
  const p = profile.slice();
  const view = new DataView(p.buffer, p.byteOffset, p.byteLength);
  for (const [i, v] of [date[0], date[1], date[2], 0, 0, 0].entries()) view.setUint16(24 + i * 2, v);
  const forId = p.slice();
  forId.fill(0, 44, 48);
  forId.fill(0, 64, 68);
  forId.fill(0, 84, 100);
  p.set(createHash('md5').update(forId).digest(), 84);
  return p;
}

/** LibreOffice 7.4 escapes entities in XMP text twice (`&amp;apos;`): once is right. */
const unescapeTwice = (xml: string) => xml.replace(/&amp;(apos|quot|amp|lt|gt);/g, '&$1;');

/**
 * The PDF with every time stamp set from `date` (YYYY-MM-DD, the pack date, midnight UTC) and
 * its /ID from a digest of its content.
 */
export function stampPdf(pdf: Uint8Array, date: string): Uint8Array {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!d) throw new PdfStampError(`not a date: ${date}`);
  const [y, m, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const pdfDate = `D:${d[1]}${d[2]}${d[3]}000000Z`;
  const xmpDate = `${date}T00:00:00Z`;

  const text = latin1.decode(pdf);
  const { objects, trailer, size } = readStructure(text);
  const info = /\/Info\s+(\d+)\s+\d+\s+R/.exec(trailer)?.[1];
  const header = text.slice(0, objects[0]?.start ?? 0);

  // A stream written again gets a direct /Length; the object that held its old length (the
  // compressed profile's, which varies with the time of day) is given the new one.
  const lengths = new Map<number, number>();
  const rewrite = (stream: NonNullable<ReturnType<typeof splitStream>>, data: string) => {
    const ref = /\/Length\s+(\d+)\s+\d+\s+R/.exec(stream.dict);
    if (ref) lengths.set(Number(ref[1]), data.length);
    return withData(stream, data);
  };
  // Each time stamp LibreOffice writes, found and set: one not found would let the time of day
  // through, so it is an error rather than a PDF that differs at every build.
  const stamped = { info: 0, xmp: 0, profile: 0 };
  const firstPass = objects.map((o) => {
    let obj = text.slice(o.start, o.end);
    if (String(o.num) === info) {
      obj = obj.replace(/\/(CreationDate|ModDate)\s*\([^)]*\)/g, (_all, key: string) => {
        stamped.info++;
        return `/${key}(${pdfDate})`;
      });
      return obj;
    }
    const stream = splitStream(obj);
    if (!stream) return obj;
    if (/\/Type\s*\/Metadata/.test(stream.dict) && /\/Subtype\s*\/XML/.test(stream.dict)) {
      const xmp = unescapeTwice(stream.data).replace(/<xmp:(CreateDate|ModifyDate|MetadataDate)>[^<]*<\/xmp:\1>/g, (_all, key: string) => {
        stamped.xmp++;
        return `<xmp:${key}>${xmpDate}</xmp:${key}>`;
      });
      return rewrite(stream, xmp);
    }
    if (/\/N\s+[134]\b/.test(stream.dict)) {
      const flate = /\/FlateDecode/.test(stream.dict);
      if (!flate && /\/Filter/.test(stream.dict)) return obj;
      const profile = flate ? unzlibSync(bytesOf(stream.data)) : bytesOf(stream.data);
      // An ICC profile says so at byte 36 ("acsp"); any other /N stream is left as it is.
      if (latin1.decode(profile.subarray(36, 40)) !== 'acsp') return obj;
      stamped.profile++;
      return rewrite(stream, latin1.decode(stampIcc(profile, [y, m, day])));
    }
    return obj;
  });

  const missing = [
    ...(stamped.info === 0 ? ['the document information CreationDate'] : []),
    ...(stamped.xmp === 0 ? ['the XMP CreateDate'] : []),
    ...(stamped.profile === 0 ? ['the PDF/A colour profile'] : []),
  ];
  if (missing.length > 0) throw new PdfStampError(`${missing.join(', ')} not found: the PDF is not laid out as LibreOffice writes it`);
  const rewritten = firstPass.map((obj, i) => {
    const length = lengths.get(objects[i]!.num);
    return length === undefined ? obj : obj.replace(/^(\d+ \d+ obj\s*)\d+/, `$1${length}`);
  });

  // The document's own identifier, from what it holds: the same document, the same /ID.
  const digest = createHash('sha256');
  for (const r of rewritten) digest.update(bytesOf(r));
  const id = digest.digest('hex').slice(0, 32).toUpperCase();
  const newTrailer = trailer
    .replace(/\/ID\s*\[\s*<[0-9A-Fa-f]*>\s*<[0-9A-Fa-f]*>\s*\]/, `/ID [ <${id}>\n<${id}> ]`)
    .replace(/\/DocChecksum\s*\/[0-9A-Fa-f]+\s*/, '')
    .replace(/\/Size\s+\d+/, `/Size ${size}`);

  let out = header;
  const offsets = new Map<number, number>();
  for (const [i, o] of objects.entries()) {
    offsets.set(o.num, out.length);
    out += rewritten[i];
  }
  const xrefAt = out.length;
  const gens = new Map(objects.map((o) => [o.num, o.gen]));
  let table = `xref\n0 ${size}\n`;
  for (let n = 0; n < size; n++) {
    const at = offsets.get(n);
    const gen = gens.get(n) ?? (n === 0 ? 65535 : 0);
    table +=
      at === undefined
        ? `0000000000 ${String(gen).padStart(5, '0')} f \n`
        : `${String(at).padStart(10, '0')} ${String(gen).padStart(5, '0')} n \n`;
  }
  out += `${table}trailer\n${newTrailer}\nstartxref\n${xrefAt}\n%%EOF\n`;
  return bytesOf(out);
}
