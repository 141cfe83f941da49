/**
 * Edits of the example's performance export at the level of its XML, so a case can put into a
 * cell what no spreadsheet program would write (1e308, NaN, a control character), and big
 * exports generated as they are zipped, a few megabytes of memory whatever their size.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, Zip, ZipDeflate, zipSync } from 'fflate';
import type { Workspace } from '../helpers/workspace.js';

export const XLSX = 'examples/wexcombe/performance.xlsx';
const SHEET = 'xl/worksheets/sheet1.xml';

/** Rewrites parts of the example workbook; `edit` gets and returns each part's text. */
export function editParts(w: Workspace, edit: (parts: Record<string, string>) => void): void {
  const file = path.join(w.dir, XLSX);
  const raw = unzipSync(readFileSync(file));
  const text: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(raw)) if (/\.(xml|rels)$/.test(name)) text[name] = strFromU8(bytes);
  edit(text);
  for (const [name, t] of Object.entries(text)) raw[name] = strToU8(t);
  writeFileSync(file, zipSync(raw, { level: 6 }));
}

/** Replaces cell `ref` of the Scorecard sheet by `cellXml` (a whole <c> element, `{ref}` standing for its reference). */
export function setCell(w: Workspace, ref: string, cellXml: string): void {
  editParts(w, (parts) => {
    const sheet = parts[SHEET]!;
    const re = new RegExp(`<c r="${ref}"(?: [^>]*)?(?:/>|>.*?</c>)`);
    if (!re.test(sheet)) throw new Error(`no cell ${ref} in the example sheet`);
    parts[SHEET] = sheet.replace(re, cellXml.replaceAll('{ref}', ref));
  });
}

/** A number as the cell's stored value, keeping the cell's style (a percentage stays one). */
export function setNumber(w: Workspace, ref: string, v: string): void {
  editParts(w, (parts) => {
    const sheet = parts[SHEET]!;
    const re = new RegExp(`(<c r="${ref}"[^>]*>)<v>[^<]*</v>`);
    if (!re.test(sheet)) throw new Error(`no value cell ${ref} in the example sheet`);
    parts[SHEET] = sheet.replace(re, `$1<v>${v}</v>`);
  });
}

/** A text cell, written inline. */
export function setText(w: Workspace, ref: string, text: string): void {
  setCell(w, ref, `<c r="{ref}" t="inlineStr"><is><t>${text}</t></is></c>`);
}

/** Column letters of a 1-based column number. */
export function columnLetters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/**
 * The example workbook with its sheet rewritten as it is zipped: `rows(push)` pushes the XML of
 * the sheet's rows (the example's own rows are given first as `own`), in pieces of any size.
 */
export function generateSheet(w: Workspace, rows: (own: string[], push: (xml: string) => void) => void): number {
  const file = path.join(w.dir, XLSX);
  const raw = unzipSync(readFileSync(file));
  const sheet = strFromU8(raw[SHEET]!);
  const open = sheet.indexOf('<sheetData>') + '<sheetData>'.length;
  const close = sheet.indexOf('</sheetData>');
  const own = sheet
    .slice(open, close)
    .split('</row>')
    .filter(Boolean)
    .map((r) => `${r}</row>`);
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, data) => {
    if (err) throw err;
    chunks.push(data);
  });
  for (const [name, bytes] of Object.entries(raw)) {
    if (name === SHEET) continue;
    const f = new ZipDeflate(name, { level: 6 });
    zip.add(f);
    f.push(bytes, true);
  }
  const f = new ZipDeflate(SHEET, { level: 6 });
  zip.add(f);
  // The dimension Excel writes is dropped: it would be wrong for the rows generated.
  f.push(strToU8(sheet.slice(0, open).replace(/<dimension[^>]*\/>/, '')));
  let buffer = '';
  rows(own, (xml) => {
    buffer += xml;
    if (buffer.length > 1 << 20) {
      f.push(strToU8(buffer));
      buffer = '';
    }
  });
  f.push(strToU8(buffer));
  f.push(strToU8(sheet.slice(close)), true);
  zip.end();
  const bytes = Buffer.concat(chunks);
  writeFileSync(file, bytes);
  return bytes.byteLength;
}
