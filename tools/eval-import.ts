/**
 * npm run eval:import: runs the importer over the published Ofsted PDFs in
 * ../shared/ofsted-samples (or BOARDPACK_SAMPLES) and compares with expected.json: per report,
 * the items expected, the items found, and those extracted exactly (same section, ref and text).
 * The PDFs are read where they are; none is copied into the project.
 *
 * npm run eval:import -- --corpus <folder> (or BOARDPACK_CORPUS=<folder>): the importer over every
 * PDF under the folder, with consistency checks and the verified expected lists; see
 * eval-import-corpus.ts. --dev leaves the held-out reports out; --show-heldout prints their lines;
 * --only <text> reads only the reports whose path holds the text; --jobs N reads N at a time.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Diagnostics } from '../src/diagnostics/index.js';
import { importText, readPublication } from '../src/findings/import.js';
import { judgementsOf } from '../src/findings/register.js';
import { evalCorpus } from './eval-import-corpus.js';
import { ROOT } from './root.js';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const i = args.indexOf(name);
  if (i >= 0 && (args[i + 1] === undefined || args[i + 1]!.startsWith('--'))) {
    console.error(`${name} needs a value`);
    process.exit(2);
  }
  return i >= 0 ? args[i + 1] : undefined;
};
const corpus = option('--corpus') ?? process.env['BOARDPACK_CORPUS'];
if (corpus) {
  if (!existsSync(corpus)) {
    console.error(`no corpus: ${corpus} does not exist`);
    process.exit(1);
  }
  const only = option('--only');
  const jobs = option('--jobs');
  await evalCorpus(corpus, {
    dev: flag('--dev'),
    showHeldout: flag('--show-heldout'),
    ...(only ? { only } : {}),
    ...(jobs ? { jobs: Number(jobs) } : {}),
  });
} else {
  await evalSamples();
}

interface Expected {
  file: string;
  framework: string;
  judgements: Record<string, string>;
  findings: { ref: string; section: string; text: string }[];
}

async function evalSamples(): Promise<void> {
  const dir = process.env['BOARDPACK_SAMPLES'] ?? path.join(ROOT, '../shared/ofsted-samples');
  const expectedFile = path.join(dir, 'expected.json');
  if (!existsSync(expectedFile)) {
    console.error(`no samples: ${expectedFile} does not exist (set BOARDPACK_SAMPLES to the folder of sample PDFs)`);
    process.exit(1);
  }

  const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
  const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as Expected[];
  let totalExpected = 0;
  let totalFound = 0;
  let totalExact = 0;
  console.log(`${'report'.padEnd(36)} ${'framework'.padEnd(9)} expected  found  extracted  wrong  extra`);
  for (const e of expected) {
    const diags = new Diagnostics();
    const t = performance.now();
    const pages = await readPublication(path.join(dir, e.file), diags);
    if (!pages) {
      console.log(`${e.file.padEnd(36)} unreadable`);
      continue;
    }
    const { parsed, lines } = importText(pages);
    const judgements = judgementsOf(lines);
    const ms = performance.now() - t;
    const found = new Map(parsed.findings.map((f) => [`${f.section}|${f.ref}`, f]));
    let exact = 0;
    const wrong: string[] = [];
    for (const f of e.findings) {
      const g = found.get(`${f.section}|${f.ref}`);
      if (g && norm(g.text) === norm(f.text)) exact++;
      else wrong.push(`${f.section} ${f.ref}`);
    }
    const extra = parsed.findings.filter((f) => !e.findings.some((x) => x.section === f.section && x.ref === f.ref));
    console.log(
      `${e.file.padEnd(36)} ${String(parsed.framework).padEnd(9)} ${String(e.findings.length).padStart(8)} ${String(parsed.findings.length).padStart(6)} ${String(exact).padStart(10)} ${String(wrong.length).padStart(6)} ${String(extra.length).padStart(6)}   ${ms.toFixed(0)} ms`,
    );
    {
      const want = Object.entries(e.judgements);
      const same = want.filter(([area, grade]) =>
        judgements.some((j) => norm(j.area).toLowerCase() === norm(area).toLowerCase() && j.grade.toLowerCase() === grade.toLowerCase()),
      ).length;
      console.log(
        `    judgements: ${same} of ${want.length} read${judgements.length !== want.length ? ` (${judgements.length} found)` : ''}`,
      );
    }
    for (const w of wrong) console.log(`    missing or different: ${w}`);
    for (const x of extra) console.log(`    not expected: ${x.section} ${x.ref}`);
    totalExpected += e.findings.length;
    totalFound += parsed.findings.length;
    totalExact += exact;
  }
  console.log(`total: expected ${totalExpected}, found ${totalFound}, extracted exactly ${totalExact}`);
}
