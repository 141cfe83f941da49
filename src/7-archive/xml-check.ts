/**
 * Every XML part of every report of a pack, parsed as XML before the pack is archived: a
 * report Word or LibreOffice cannot open must never reach the archive, where it could only be
 * replaced by a reissue.
 */
import { unzipSync } from 'fflate';
import { DOCX } from '../6-render/formats.js';
import { wellFormedError } from './well-formed.js';
import type { PackFile } from './manifest.js';

export interface XmlProblem {
  /** The report, by its name in the pack. */
  readonly file: string;
  /** The part inside it, e.g. word/document.xml. */
  readonly part: string;
  readonly message: string;
}

/** Where a part is not UTF-8 or not well-formed XML (with namespaces); empty when every part is. */
export function checkPackXml(files: readonly PackFile[]): XmlProblem[] {
  const problems: XmlProblem[] = [];
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  for (const f of files) {
    if (!f.name.endsWith(DOCX.extension)) continue;
    let parts: Record<string, Uint8Array>;
    try {
      parts = unzipSync(f.bytes);
    } catch (e) {
      problems.push({ file: f.name, part: '(the zip)', message: `not a zip: ${(e as Error).message}` });
      continue;
    }
    for (const [part, bytes] of Object.entries(parts)) {
      if (!/\.(xml|rels)$/.test(part)) continue;
      let text: string;
      try {
        text = utf8.decode(bytes);
      } catch {
        problems.push({ file: f.name, part, message: 'not UTF-8' });
        continue;
      }
      const error = wellFormedError(text);
      if (error) problems.push({ file: f.name, part, message: error });
    }
  }
  return problems;
}
