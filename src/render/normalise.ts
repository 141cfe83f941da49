/**
 * Makes a packed .docx byte-identical for identical content. docx stamps the clock into
 * core.xml, dates zip entries "now" in local time, and numbers drawings and some relationship
 * ids from process-wide counters or random ids; each is replaced by something derived from the
 * content or the inputs.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

export interface NormaliseOptions {
  /** YYYY-MM-DD: the document's created and modified date. */
  readonly date: string;
  readonly language: string;
}

/** Local-time fields, so the DOS timestamp reads 1980-01-01 00:00 in every zone. */
const ZIP_EPOCH = new Date(1980, 0, 1, 0, 0, 0);

export function normaliseDocx(bytes: Uint8Array, options: NormaliseOptions): Uint8Array {
  const parts = unzipSync(bytes);
  const names = Object.keys(parts);
  const xmlNames = names.filter((n) => n.endsWith('.xml') || n.endsWith('.rels'));
  const text = new Map(xmlNames.map((n) => [n, strFromU8(parts[n]!)]));

  // Relationship ids that are not rId<n> (random ids from hyperlinks) become rIdN<k>.
  const renames = new Map<string, string>();
  for (const n of xmlNames.filter((x) => x.endsWith('.rels'))) {
    for (const m of text.get(n)!.matchAll(/Id="([^"]+)"/g)) {
      const id = m[1]!;
      if (!/^rId\d+$/.test(id) && !renames.has(id)) renames.set(id, `rIdN${renames.size + 1}`);
    }
  }
  for (const n of xmlNames) {
    let s = text.get(n)!;
    for (const [from, to] of renames) s = s.split(`"${from}"`).join(`"${to}"`);
    if (n.startsWith('word/')) {
      let k = 0;
      s = s.replace(/(<wp:docPr\b[^>]*?\bid=")\d+"/g, (_m, pre: string) => `${pre}${++k}"`);
    }
    if (n === 'docProps/core.xml') {
      const stamp = `${options.date}T00:00:00Z`;
      s = s
        .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${stamp}$2`)
        .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${stamp}$2`);
      if (!s.includes('<dc:language>')) s = s.replace('</cp:coreProperties>', `<dc:language>${options.language}</dc:language></cp:coreProperties>`);
    }
    text.set(n, s);
  }

  const out: Zippable = {};
  for (const n of names) {
    const data = text.has(n) ? strToU8(text.get(n)!) : parts[n]!;
    out[n] = [data, { mtime: ZIP_EPOCH, level: 6 }];
  }
  return zipSync(out);
}
