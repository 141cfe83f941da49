/** The package: docx's parts compiled, charts' images added, zipped with fixed dates. */
import { Packer, type Document } from 'docx';
import { zipSync, type Zippable } from 'fflate';
import { fixZipTimes } from '../normalise.js';

export const DOCUMENT = 'word/document.xml';
export const DOCUMENT_RELS = 'word/_rels/document.xml.rels';
export const CONTENT_TYPES = '[Content_Types].xml';

export function textPart(parts: Parts, path: string): string {
  const data = parts.get(path);
  if (typeof data !== 'string') throw new Error(`docx wrote ${path} ${data === undefined ? 'nowhere' : 'as bytes'}`);
  return data;
}

export type Parts = Map<string, string | Uint8Array>;

/**
 * The package's parts, by path, in docx's order, before zipping. docx keeps its compiler
 * private; the version is pinned and render tests read every part back, so a change of shape
 * fails there.
 */
export function compileParts(doc: Document, overrides: { path: string; data: string }[]): Parts {
  const compiler = (Packer as unknown as { compiler?: { compile(file: Document, prettify: undefined, overrides: unknown[]): Parts } })
    .compiler;
  if (typeof compiler?.compile !== 'function') throw new Error('docx no longer exposes Packer.compiler: check the pinned docx version');
  return compiler.compile(doc, undefined, overrides);
}

const encoder = new TextEncoder();
/** Dates of zip entries: fixZipTimes writes 1980-01-01 00:00 whatever is given; noon keeps any zone on that day. */
const ZIP_TIME = new Date(1980, 0, 1, 12);

/**
 * Zips the parts: XML deflated as docx would, images stored. Deflating resvg's PNGs again
 * saves 9% of their bytes for about a millisecond each: 0.7 s of the main thread's time in
 * the stress pack, for files 1 MB smaller.
 */
export function packageParts(parts: Parts, images: ReadonlySet<string>): Uint8Array {
  const files: Zippable = {};
  for (const [p, data] of parts) {
    const bytes = typeof data === 'string' ? encoder.encode(data) : data;
    files[p] = images.has(p) ? [bytes, { level: 0 }] : bytes;
  }
  return fixZipTimes(zipSync(files, { level: 6, mtime: ZIP_TIME }));
}
