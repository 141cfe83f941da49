/**
 * Reads the performance export into plain rows of cells. Interpretation (which column is a
 * month, what a value means) belongs to validate; this only gets the cells out safely.
 */
import type ExcelJS from 'exceljs';
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { unzipSync } from 'fflate';
import { crc32 } from 'node:zlib';
import type { Diagnostics } from '../diagnostics/index.js';
import { zipDirectory, type ZipEntry } from '../model/zip-directory.js';
import { decodeExcelEscapes, forbiddenIn, forbiddenMessage, stripForbidden } from '../model/xml-chars.js';

/**
 * exceljs's streaming workbook reader, loaded alone: the package's entry point also loads the
 * writers, which cost 220 ms of start-up a build never uses. Streaming a sheet's rows, rather
 * than loading the whole workbook model, reads a large export in half the time and memory
 * (3,000 indicators × 72 months: 0.76 s and 108 MB against 1.5 s and 231 MB) and gives the same
 * cells; merged cells other than the top-left one hold nothing, as interpretation expects.
 *
 * The zip itself is not read by exceljs's stream (unzipper, paused and resumed, a temporary
 * file for each sheet that comes before the shared strings): with it, a sound file failed now
 * and then under the tests' load as "damaged or truncated (Cannot read properties of undefined
 * (reading 'sheets'))", the workbook part not read (3 full test runs in 6; not reproduced
 * alone, so its exact cause inside the stream is not known). The bytes are in memory anyway:
 * fflate unpacks one part at a time and the reader is handed them in the order it needs
 * (relationships, workbook, shared strings, styles, then each sheet), so no sheet waits in a
 * temporary file either; 0 failures in the runs since. Its parsing methods are
 * private; exceljs is pinned (4.4.0) and the reading tests run on every change of it.
 */
const require = createRequire(import.meta.url);
interface StreamedSheet extends AsyncIterable<ExcelJS.Row> {
  readonly name: string;
}
interface WorkbookParts {
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { name: string; rId: string }[] };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: Readable, sheetNo: string): Iterable<{ eventType: string; value: StreamedSheet }>;
}
const loadStreamReader = () =>
  require('exceljs/lib/stream/xlsx/workbook-reader.js') as new (
    input: undefined,
    options: object,
  ) => WorkbookParts;
const STREAM_OPTIONS = { sharedStrings: 'cache', styles: 'cache', worksheets: 'emit', hyperlinks: 'ignore', entries: 'ignore' };
const SHEET_PART = /^xl\/worksheets\/sheet(\d+)\.xml$/;
/**
 * A part that would unpack to more than this is refused, not unpacked: eight times the sheet of
 * the largest export measured (3,000 indicators × 72 months, 30 MB), and far less than a zip
 * bomb's gigabytes. A 300 MB sheet is read in 6 s at 750 MB.
 */
const LARGEST_PART = 256 * 1024 * 1024;

class PartTooLarge extends Error {}

/**
 * A part's name as the reader asks for it: writers differ in case, and some put a slash in front
 * or write backslashes, which Excel reads all the same.
 */
const partKey = (name: string) => name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();

/** Each part by partKey, with its name in the file and its CRC-32, in the file's order. */
function directory(bytes: Uint8Array): Map<string, ZipEntry> | undefined {
  const entries = zipDirectory(bytes);
  return entries && new Map(entries.map((e) => [partKey(e.name), e]));
}

/**
 * One part, unpacked and checked against its CRC-32. fflate trusts the size the directory gives:
 * a part longer than its stated size was cut short there, silently (the sheet's first rows read,
 * the rest lost); the checksum tells.
 */
function unpack(bytes: Uint8Array, part: ZipEntry): Uint8Array {
  const got = unzipSync(bytes, {
    filter: (f) => {
      if (f.name !== part.name) return false;
      if (f.originalSize > LARGEST_PART) {
        throw new PartTooLarge(
          `its part ${f.name} would unpack to ${Math.round(f.originalSize / 1048576)} MB, over the ${LARGEST_PART / 1048576} MB boardpack reads`,
        );
      }
      return true;
    },
  })[part.name]!;
  if (crc32(got) >>> 0 !== part.crc >>> 0) throw new Error(`its part ${part.name} does not match its checksum`);
  return got;
}

/**
 * A part in 64 KB pieces, as a stream would give it: the parser turns each piece into events at
 * once, so a sheet handed over whole held all its events in memory (the 3.4 MB export's peak
 * rose from 400 MB to 1.2 GB). Each piece ends on a whole character: the parser decodes each
 * piece alone, and a character cut in two became two U+FFFD.
 */
function* chunks(part: Uint8Array): Generator<Buffer> {
  const PIECE = 64 * 1024;
  for (let at = 0; at < part.length; ) {
    let to = Math.min(at + PIECE, part.length);
    // Back off the UTF-8 continuation bytes (10xxxxxx) to the start of the character.
    while (to < part.length && to > at + 1 && (part[to]! & 0xc0) === 0x80) to--;
    yield Buffer.from(part.buffer, part.byteOffset + at, to - at);
    at = to;
  }
}

/** A sheet that is not asked for, named and not unpacked. */
const unread = (name: string): StreamedSheet => ({ name, async *[Symbol.asyncIterator]() {} });

/**
 * The workbook's sheets in the order the file holds them, each with its rows still to read; a
 * sheet whose name `wanted` refuses is not unpacked.
 */
async function* worksheets(bytes: Uint8Array, wanted: (name: string) => boolean): AsyncGenerator<StreamedSheet> {
  const dir = directory(bytes);
  if (!dir) {
    unzipSync(bytes, { filter: () => false }); // throws fflate's own account of what is wrong
    throw new Error('its table of contents cannot be read');
  }
  const stream = (key: string) => {
    const part = dir.get(key);
    return part ? Readable.from(chunks(unpack(bytes, part))) : undefined;
  };
  const reader = new (loadStreamReader())(undefined, STREAM_OPTIONS);
  const rels = stream('xl/_rels/workbook.xml.rels');
  if (rels) await reader._parseRels(rels);
  // Some writers (openpyxl) give targets from the zip's root, "/xl/worksheets/sheet1.xml"; the
  // reader looks sheets up by the target relative to xl/, as Excel writes it.
  for (const r of reader.workbookRels ?? []) r.Target = r.Target.replace(/^\/xl\//i, '');
  const workbook = stream('xl/workbook.xml');
  if (workbook) await reader._parseWorkbook(workbook);
  const strings = stream('xl/sharedstrings.xml');
  if (strings) for await (const _ of reader._parseSharedStrings(strings)) void _;
  const styles = stream('xl/styles.xml');
  if (styles) await reader._parseStyles(styles);
  for (const [key, part] of dir) {
    const sheetNo = SHEET_PART.exec(key)?.[1];
    if (sheetNo === undefined) continue;
    // The sheet's name, from the workbook part, as exceljs finds it.
    const rel = reader.workbookRels?.find((r) => r.Target.toLowerCase() === `worksheets/sheet${sheetNo}.xml`);
    const name = rel && reader.model?.sheets?.find((s) => s.rId === rel.Id)?.name;
    if (name !== undefined && !wanted(name)) {
      yield unread(name);
      continue;
    }
    for (const { eventType, value } of reader._parseWorksheet(Readable.from(chunks(unpack(bytes, part))), sheetNo)) {
      if (eventType === 'worksheet') yield value;
    }
  }
}

/** A cell value reduced to what interpretation needs. */
export type CellValue =
  | { kind: 'empty' }
  | { kind: 'number'; value: number; percentFormat: boolean; dateFormat: boolean }
  | { kind: 'text'; value: string }
  | { kind: 'date'; value: Date }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'error'; value: string }
  | { kind: 'formula-without-result'; formula: string };

export interface Cell {
  /** `C4` */
  readonly address: string;
  readonly row: number;
  readonly col: number;
  readonly value: CellValue;
}

export interface SheetTable {
  readonly file: string;
  readonly sheet: string;
  /** Rows by 1-based row number; each row's cells by 1-based column number. */
  readonly rows: ReadonlyMap<number, ReadonlyMap<number, Cell>>;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

/** What a file that is not an .xlsx seems to be, so the message can say so. */
export function sniffWorkbook(bytes: Uint8Array): string | undefined {
  if (bytes.length === 0) return 'the file is empty';
  if (startsWith(bytes, OLE)) {
    return 'the file is a password-protected workbook or an old .xls; save it from Excel as an unprotected .xlsx';
  }
  if (!startsWith(bytes, ZIP)) {
    const head = new TextDecoder().decode(bytes.slice(0, 200));
    if (/^[\x09\x0a\x0d\x20-\x7e]*$/.test(head) && head.includes(',')) {
      return 'the file is text (CSV?) renamed .xlsx; open it in Excel and save it as .xlsx';
    }
    return 'the file is not an .xlsx workbook';
  }
  return undefined;
}

function plainValue(v: ExcelJS.CellValue, numFmt: string): CellValue {
  if (v === null || v === undefined) return { kind: 'empty' };
  if (typeof v === 'number') {
    return {
      kind: 'number',
      value: v,
      percentFormat: numFmt.includes('%'),
      dateFormat: /(^|[^\\"])(d|m{3,}|y{2,})/i.test(numFmt.replace(/"[^"]*"/g, '')),
    };
  }
  if (typeof v === 'string') {
    // Excel writes a character XML cannot hold as _x0001_; read as Excel reads it.
    const text = decodeExcelEscapes(v);
    return text.trim() === '' ? { kind: 'empty' } : { kind: 'text', value: text };
  }
  if (typeof v === 'boolean') return { kind: 'boolean', value: v };
  if (v instanceof Date) return { kind: 'date', value: v };
  if (typeof v === 'object') {
    if ('error' in v) return { kind: 'error', value: String(v.error) };
    if ('richText' in v) return plainValue(v.richText.map((r) => r.text).join(''), numFmt);
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as { result?: ExcelJS.CellValue }).result;
      if (result === undefined) {
        const f = 'formula' in v ? v.formula : (v as { sharedFormula: string }).sharedFormula;
        return { kind: 'formula-without-result', formula: String(f) };
      }
      return plainValue(result, numFmt);
    }
    if ('text' in v) return plainValue((v as { text: string }).text, numFmt);
  }
  return { kind: 'text', value: String(v) };
}

/**
 * Parses workbook bytes and returns the named sheet's cells, or undefined after reporting why
 * not. Every failure of a broken file becomes one diagnostic naming the file.
 */
export async function readSheet(file: string, bytes: Uint8Array, sheetName: string, diags: Diagnostics): Promise<SheetTable | undefined> {
  return (await readSheets(file, bytes, [{ name: sheetName, setting: 'performance.sheet' }], diags))?.get(sheetName);
}

/**
 * Parses the workbook once and returns each named sheet's cells; a missing sheet is reported
 * with the config.yml setting that names it. Undefined when the file itself cannot be read.
 */
export async function readSheets(
  file: string,
  bytes: Uint8Array,
  wanted: readonly { readonly name: string; readonly setting: string }[],
  diags: Diagnostics,
): Promise<Map<string, SheetTable> | undefined> {
  const sniffed = sniffWorkbook(bytes);
  if (sniffed) {
    diags.report('workbook-not-xlsx', `cannot read the performance export: ${sniffed}`, { place: { file } });
    return undefined;
  }
  const names: string[] = [];
  const out = new Map<string, SheetTable>();
  const want = new Set(wanted.map((w) => w.name));
  try {
    for await (const sheet of worksheets(bytes, (name) => want.has(name))) {
      names.push(sheet.name);
      if (want.has(sheet.name) && !out.has(sheet.name)) out.set(sheet.name, await sheetTable(file, sheet, diags));
      // A sheet not asked for is read past, row by row, holding nothing.
      else for await (const row of sheet) void row;
    }
  } catch (e) {
    if (e instanceof PartTooLarge) {
      diags.report('file-too-large', `cannot read the performance export: ${e.message}`, {
        place: { file },
        hint: 'export only the indicators and months the reports need, or check that this is the export',
      });
      return undefined;
    }
    const why = e instanceof Error ? e.message : String(e);
    diags.report('workbook-not-xlsx', `cannot read the performance export: the workbook is damaged or truncated (${why})`, {
      place: { file },
      hint: 'export it again from the performance system',
    });
    return undefined;
  }
  if (names.length === 0) {
    diags.report(
      'workbook-not-xlsx',
      'cannot read the performance export: it has no worksheets (a Word or other Office file renamed .xlsx?)',
      {
        place: { file },
      },
    );
    return undefined;
  }
  for (const { name, setting } of wanted) {
    if (out.has(name)) continue;
    diags.report('workbook-sheet-missing', `the workbook has no sheet "${name}"; it has ${names.map((n) => `"${n}"`).join(', ')}`, {
      place: { file },
      hint: `set ${setting} in config.yml to one of these`,
    });
  }
  return out;
}

async function sheetTable(file: string, sheet: StreamedSheet, diags: Diagnostics): Promise<SheetTable> {
  const rows = new Map<number, Map<number, Cell>>();
  for await (const row of sheet) {
    const cells = new Map<number, Cell>();
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      let value = plainValue(cell.value, cell.numFmt ?? '');
      if (value.kind === 'text') {
        const found = forbiddenIn(value.value);
        if (found.length > 0) {
          diags.report('text-forbidden-character', forbiddenMessage(found.map((f) => f.char)), {
            place: { file, cell: `${sheet.name}!${cell.address}` },
            hint: 'delete it in the export, or in the system it comes from',
          });
          const text = stripForbidden(value.value);
          value = text.trim() === '' ? { kind: 'empty' } : { kind: 'text', value: text };
        }
      }
      cells.set(colNumber, { address: cell.address, row: row.number, col: colNumber, value });
    });
    if (cells.size > 0) rows.set(row.number, cells);
  }
  return { file, sheet: sheet.name, rows };
}
