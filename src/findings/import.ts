/**
 * `boardpack findings import`: an Ofsted publication (.pdf or .txt) in, a findings register out.
 * Reading is at this edge; parsing and building are pure.
 */
import path from 'node:path';
import { parse as parseYamlText } from 'yaml';
import type { Diagnostics } from '../diagnostics/index.js';
import { decodeUtf8 } from '../io/encoding.js';
import { fileExists, pathInfo, readBytes, writeFileAtomically } from '../io/files.js';
import { readPdfText } from '../1-load/pdf-text.js';
import { sha256 } from '../model/digest.js';
import { FindingsRegisterSchema, type FindingsRegisterInput } from '../model/schemas.js';
import { pagesOfText, preparePages } from './lines.js';
import { parseFindings, type Framework, type ParseResult } from './parse.js';
import { buildRegister, judgementsOf, registerYaml, sourceFacts } from './register.js';

export interface ImportOptions {
  readonly file: string;
  readonly id: string;
  readonly out?: string;
  readonly title?: string;
  readonly published?: string;
  readonly kind?: FindingsRegisterInput['source']['kind'];
}

export interface ImportOutcome {
  readonly out?: string;
  readonly framework?: Framework;
  readonly register?: FindingsRegisterInput;
  readonly notes: readonly string[];
}

/**
 * Largest publication read: Ofsted's reports are under 1 MB as PDF and their text about 100 KB,
 * so anything far larger is the wrong file (and a 44 MB text would take minutes and gigabytes).
 */
export const IMPORT_LIMITS = { pdfBytes: 25 * 1024 * 1024, textBytes: 2 * 1024 * 1024 } as const;

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/** Reads a publication's pages of text, from a PDF or a text export; says what it is when it is neither. */
export async function readPublication(file: string, diags: Diagnostics): Promise<string[][] | undefined> {
  const place = { file };
  const refuse = (message: string, hint: string) => {
    diags.report('import-unreadable', `cannot read ${file}: ${message}`, { place, hint });
    return undefined;
  };
  const st = pathInfo(file);
  if (!st) {
    diags.report('file-not-found', `${file} does not exist`, { place });
    return undefined;
  }
  if (st.kind !== 'file')
    return refuse(
      st.kind === 'folder' ? 'it is a folder, not a file' : 'it is not a regular file',
      "give the path of the report's PDF (or its text)",
    );
  if (st.size === 0) return refuse('the file is empty', "download the report's PDF again from Ofsted's site");
  if (st.size > IMPORT_LIMITS.pdfBytes) {
    return refuse(
      `it is ${mb(st.size)}, and boardpack reads at most ${mb(IMPORT_LIMITS.pdfBytes)} (an Ofsted report is under 1 MB)`,
      'check that the path names the report, not another file',
    );
  }
  const bytes = new Uint8Array(readBytes(file));
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) {
    const pdf = await readPdfText(file, bytes, diags);
    return pdf?.pages.map((p) => [...p]);
  }
  if (/^\s*<(!doctype\s+html|html)\b/i.test(new TextDecoder('utf-8').decode(bytes.subarray(0, 1000)))) {
    return refuse(
      "it is a web page (HTML), not a PDF or a report's text",
      "a web page saved under the report's name has no report in it: download the report's PDF from Ofsted's site",
    );
  }
  const named = path.extname(file).toLowerCase();
  const decoded = decodeUtf8(bytes);
  if ('problem' in decoded) {
    return refuse(
      `it is not a PDF, and as text it ${decoded.problem}`,
      named === '.pdf' ? 'it is not the PDF Ofsted publishes: download the report again' : decoded.hint,
    );
  }
  if (named === '.pdf') {
    return refuse(
      'it is named .pdf but holds plain text, not a PDF',
      "if it is the report's text, rename it .txt; otherwise download the PDF again",
    );
  }
  if (st.size > IMPORT_LIMITS.textBytes) {
    return refuse(
      `it is ${mb(st.size)} of text, and boardpack reads at most ${mb(IMPORT_LIMITS.textBytes)} (a report's text is about 100 KB)`,
      "check that the path names the report's text, not another file",
    );
  }
  if (decoded.text.trim() === '') return refuse('it holds no text', "give the report's PDF, or the text copied from it");
  return pagesOfText(decoded.text);
}

export function importText(pages: readonly (readonly string[])[]): { parsed: ParseResult; lines: ReturnType<typeof preparePages> } {
  const lines = preparePages(pages);
  return { parsed: parseFindings(lines), lines };
}

export async function importFindings(options: ImportOptions, diags: Diagnostics): Promise<ImportOutcome> {
  const pages = await readPublication(options.file, diags);
  if (!pages) return { notes: [] };
  const { parsed, lines } = importText(pages);
  if (parsed.error) {
    diags.report('import-unreadable', `${options.file}: ${parsed.error}`, {
      place: { file: options.file },
      hint: 'no register was written: a list read from the wrong place would be wrong; give the report as Ofsted publishes it, or write its register by hand',
    });
    return { ...(parsed.framework ? { framework: parsed.framework } : {}), notes: parsed.notes };
  }
  const facts = sourceFacts(lines, parsed.framework);
  const title = options.title ?? facts.title;
  const published = options.published ?? facts.published;
  const place = { file: options.file };
  if (!title) diags.report('import-unreadable', "could not find the publication's title", { place, hint: 'pass --title "..."' });
  if (!published) diags.report('import-unreadable', 'could not find the publication date', { place, hint: 'pass --published YYYY-MM-DD' });
  if (!title || !published) return { notes: parsed.notes };
  if (!options.published && !facts.publishedPrinted) {
    diags.report('import-date-guessed', `published: ${published} is the first date in the report, which may be the inspection date`, {
      place,
      hint: 'check it and pass --published YYYY-MM-DD if it is not the publication date',
    });
  }
  if (parsed.findings.length === 0) {
    diags.report('import-no-findings', `no findings were found in ${options.file}; the register is written with none`, {
      place,
      hint: parsed.notes.join(' ') || undefined,
    });
  }
  const review = parsed.findings.filter((f) => f.review).length;
  if (review > 0) {
    diags.report('import-review', `${review} findings were taken from prose and are marked review: true; confirm each against the letter`, {
      place,
    });
  }
  const register = buildRegister(
    options.id,
    { title, published, kind: options.kind ?? facts.kind, judgements: judgementsOf(lines) },
    parsed.findings,
  );
  const checked = FindingsRegisterSchema.safeParse(register);
  if (!checked.success) throw new Error(`imported register does not fit its schema: ${checked.error.message}`);
  const out = options.out ?? path.join('findings', `${options.id}.yml`);
  if (fileExists(out)) {
    diags.report('import-register-exists', `${out} already exists; a register is never overwritten`, {
      place: { file: out },
      hint: 'choose another file with --out, or remove the old one first',
    });
    return { framework: parsed.framework as Framework, register, notes: parsed.notes };
  }
  const yamlText = registerYaml(register, {
    file: path.basename(options.file),
    sha256: sha256(readBytes(options.file)),
    notes: parsed.notes,
  });
  // The text written reads back as the same register.
  if (JSON.stringify(parseYamlText(yamlText)) !== JSON.stringify(register))
    throw new Error('imported register does not read back as written');
  writeFileAtomically(out, yamlText);
  return { out, framework: parsed.framework as Framework, register, notes: parsed.notes };
}
