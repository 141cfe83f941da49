/**
 * The importer's verified expected lists (test/fixtures/import-expected): for each report of a
 * stratified sample of the public corpus, read by hand by readers who never saw the importer,
 * the items' ref, section and theme, and the SHA-256 of each item's normalised text. No report
 * text is kept: an item is compared by its digest, so the fixtures can be committed.
 *
 * Run as a script, it turns the readers' files (with text) into fixtures:
 *   node .tools/tools/import-expected.js --from <readers' folder> --split <sample.json> [--out DIR]
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from './root.js';

export type Split = 'dev' | 'heldout';

export interface ExpectedItem {
  readonly ref: string;
  readonly section: string;
  readonly theme?: string;
  readonly sha256: string;
}

export interface ExpectedReport {
  /** `<folder>/<name>.pdf`, as in the corpus's export_data/inspection_reports/. */
  readonly file: string;
  readonly split: Split;
  /** As the readers named it: LAC-2013, SAFEGUARDING-2012, SIF or ILACS. */
  readonly framework: string;
  readonly kind: string;
  readonly findings: readonly ExpectedItem[];
}

export const EXPECTED_DIR = path.join(ROOT, 'test/fixtures/import-expected');

/** The text an item is compared on: NFKC, lower case, letters and digits only. */
export const normalisedText = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
export const textDigest = (s: string) => createHash('sha256').update(normalisedText(s)).digest('hex');

export function readExpected(dir = EXPECTED_DIR): ExpectedReport[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => JSON.parse(readFileSync(path.join(dir, n), 'utf8')) as ExpectedReport);
}

/** The fixture's file name: `<folder>__<yyyy-mm-dd>.json`. */
export const fixtureName = (file: string, published: string) => `${file.split('/')[0]}__${published}.json`;

interface ReaderFile {
  file: string;
  published: string;
  framework: string;
  kind: string;
  findings: { ref: string; section: string; theme?: string; text: string }[];
}

export function fixtureOf(reader: ReaderFile, split: Split): ExpectedReport {
  return {
    file: reader.file,
    split,
    framework: reader.framework,
    kind: reader.kind,
    findings: reader.findings.map((f) => ({
      ref: f.ref,
      section: f.section,
      ...(f.theme ? { theme: f.theme } : {}),
      sha256: textDigest(f.text),
    })),
  };
}

/** One item a line, so that a corrected item is a one-line diff. */
export function fixtureJson(e: ExpectedReport): string {
  const { findings, ...head } = e;
  const top = JSON.stringify(head, null, 1).replace(/\n}$/, '');
  const items = findings.map((f) => `  ${JSON.stringify(f)}`).join(',\n');
  return `${top},\n "findings": [${items ? `\n${items}\n ` : ''}]\n}\n`;
}

function main(args: readonly string[]): void {
  const arg = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const from = arg('--from');
  const splitFile = arg('--split');
  const out = arg('--out') ?? EXPECTED_DIR;
  if (!from || !splitFile) {
    console.error("usage: node .tools/tools/import-expected.js --from <readers' folder> --split <sample.json> [--out DIR]");
    process.exit(2);
  }
  const splits = new Map((JSON.parse(readFileSync(splitFile, 'utf8')) as { file: string; split: Split }[]).map((s) => [s.file, s.split]));
  mkdirSync(out, { recursive: true });
  let n = 0;
  for (const name of readdirSync(from)
    .filter((x) => x.endsWith('.json'))
    .sort()) {
    const reader = JSON.parse(readFileSync(path.join(from, name), 'utf8')) as ReaderFile;
    const split = splits.get(reader.file);
    if (!split) throw new Error(`${name}: ${reader.file} is in no split of ${splitFile}`);
    writeFileSync(path.join(out, fixtureName(reader.file, reader.published)), fixtureJson(fixtureOf(reader, split)));
    n++;
  }
  console.log(`${n} expected lists written to ${out}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) main(process.argv.slice(2));
