/**
 * The importer over a whole folder of published reports (the public corpus of Ofsted children's
 * services inspection reports, JT-39/ofsted-ilacs-scrape-tool export_data/inspection_reports/):
 * per report, the framework detected, the items found, each consistency check that fails and,
 * where a verified expected list exists (test/fixtures/import-expected), how the items compare
 * with it on (section, ref, SHA-256 of the normalised text), in order. The PDFs are read where
 * they are; nothing of them is copied or kept.
 *
 * Held-out reports are measured, never looked at while the importer is developed: their
 * per-report lines are not printed unless --show-heldout is given, and --dev leaves them out
 * altogether (totals included).
 */
import { existsSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Diagnostics } from '../src/diagnostics/index.js';
import { importText, readPublication } from '../src/findings/import.js';
import { CHECKS, checkRegister, type CheckFailure, type CheckName } from './import-checks.js';
import { readExpected, textDigest, type ExpectedReport, type Split } from './import-expected.js';
import { ROOT } from './root.js';

export interface CorpusOptions {
  /** Reports read at once, each on its own worker thread (default: one a core, at most two). */
  readonly jobs?: number;
  /** Leave the held-out reports out: not read, not counted. */
  readonly dev?: boolean;
  /** Print the held-out reports' own lines (only once the importer is final). */
  readonly showHeldout?: boolean;
  /** Only reports whose path contains this text. */
  readonly only?: string;
  readonly expectedDir?: string;
  /**
   * Starts a reading thread (default: a worker thread running eval-import-worker.js, which
   * needs the tools' build). The tests give a stand-in on this thread, so they test the
   * sharing out and the ordering from the sources, without compiling the tools first.
   */
  readonly startThread?: () => JobThread;
}

/** What runJobs needs of a worker thread. */
export interface JobThread {
  once(event: 'message', listener: (r: ReportResult) => void): unknown;
  once(event: 'error', listener: (e: Error) => void): unknown;
  postMessage(job: Job): void;
  terminate(): Promise<number>;
}

/** Every PDF under a folder, sorted, as paths relative to it. */
export function pdfsUnder(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (e.isFile() && e.name.toLowerCase().endsWith('.pdf')) out.push(r);
    }
  };
  walk('');
  return out.sort();
}

/** Framework names as the readers wrote them, for comparison with the importer's. */
const READER_FRAMEWORK: Record<string, string> = { ILACS: 'ilacs', SIF: 'sif', 'LAC-2013': 'lac', 'SAFEGUARDING-2012': 'lac' };

interface Comparison {
  readonly expected: number;
  readonly exactItems: number;
  readonly wrong: string[];
  readonly missing: string[];
  readonly extra: string[];
  readonly exact: boolean;
  readonly frameworkOk: boolean;
  readonly kindOk: boolean;
}

function compare(
  e: ExpectedReport,
  got: { framework?: string; kind?: string; findings: readonly { ref: string; section: string; text: string }[] },
): Comparison {
  const key = (f: { section: string; ref: string }) => `${f.section}|${f.ref}`;
  const found = new Map(got.findings.map((f) => [key(f), f]));
  const want = new Set(e.findings.map(key));
  let exactItems = 0;
  const wrong: string[] = [];
  const missing: string[] = [];
  for (const x of e.findings) {
    const g = found.get(key(x));
    if (!g) missing.push(`${x.section} ${x.ref}`);
    else if (textDigest(g.text) !== x.sha256) wrong.push(`${x.section} ${x.ref}`);
    else exactItems++;
  }
  const extra = got.findings.filter((f) => !want.has(key(f))).map((f) => `${f.section} ${f.ref}`);
  const inOrder =
    got.findings.length === e.findings.length &&
    got.findings.every(
      (f, i) => f.section === e.findings[i]!.section && f.ref === e.findings[i]!.ref && textDigest(f.text) === e.findings[i]!.sha256,
    );
  return {
    expected: e.findings.length,
    exactItems,
    wrong,
    missing,
    extra,
    exact: inOrder,
    frameworkOk: READER_FRAMEWORK[e.framework] === got.framework,
    kindOk: e.framework !== 'ILACS' || e.kind === got.kind,
  };
}

export interface ReportResult {
  readonly file: string;
  readonly framework: string;
  readonly kind?: string;
  readonly items: number;
  readonly ms: number;
  readonly error?: string;
  readonly failures: readonly CheckFailure[];
  readonly checksRun: number;
  readonly split?: Split;
  readonly comparison?: Comparison;
}

export async function evalCorpus(root: string, options: CorpusOptions = {}): Promise<void> {
  const started = performance.now();
  const expected = readExpected(options.expectedDir);
  const expectedOf = (rel: string) => expected.find((e) => rel === e.file || rel.endsWith(`/${e.file}`));
  const files = pdfsUnder(root).filter((f) => !options.only || f.includes(options.only));
  if (files.length === 0) {
    console.error(`no PDFs under ${root}`);
    process.exitCode = 1;
    return;
  }
  const jobs: Job[] = [];
  let skipped = 0;
  for (const rel of files) {
    const e = expectedOf(rel);
    if (options.dev && e?.split === 'heldout') skipped++;
    else jobs.push({ root, rel, ...(e ? { e } : {}) });
  }
  let hiddenLines = 0;
  const threads = Math.max(1, Math.min(options.jobs ?? Math.min(2, availableParallelism()), jobs.length));
  const start = options.startThread ?? (() => new Worker(workerScript()));
  const results = await runJobs(jobs, threads, start, (r) => {
    if (r.split === 'heldout' && !options.showHeldout) hiddenLines++;
    else printReport(r);
  });
  const seconds = (performance.now() - started) / 1000;
  printTotals(results, seconds, threads, { hiddenLines, skipped });
}

export interface Job {
  readonly root: string;
  readonly rel: string;
  readonly e?: ExpectedReport;
}

/**
 * The reports read on worker threads, `size` at a time (pdf.js's text extraction is most of the
 * time, and one report's reading needs nothing from another's); results are handed to `each`
 * in the corpus's order whatever order they finish in.
 */
async function runJobs(
  jobs: readonly Job[],
  size: number,
  start: () => JobThread,
  each: (r: ReportResult) => void,
): Promise<ReportResult[]> {
  const results: (ReportResult | undefined)[] = new Array(jobs.length);
  let printed = 0;
  const settle = (i: number, r: ReportResult) => {
    results[i] = r;
    while (printed < jobs.length && results[printed]) each(results[printed++]!);
  };
  if (size <= 1) {
    for (const [i, job] of jobs.entries()) settle(i, await importOne(job.root, job.rel, job.e));
    return results as ReportResult[];
  }
  let next = 0;
  const work = (w: JobThread) =>
    new Promise<void>((resolve, reject) => {
      const give = () => {
        if (next >= jobs.length) return resolve();
        const i = next++;
        w.once('message', (r: ReportResult) => {
          settle(i, r);
          give();
        });
        w.postMessage(jobs[i]!);
      };
      w.once('error', reject);
      give();
    });
  const workers = Array.from({ length: Math.min(size, jobs.length) }, start);
  try {
    await Promise.all(workers.map(work));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results as ReportResult[];
}

/** The worker's compiled script; run from TypeScript sources (the tests), the tools' build's. */
function workerScript(): URL {
  const here = new URL('./eval-import-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  const built = pathToFileURL(path.join(ROOT, '.tools/tools/eval-import-worker.js'));
  if (existsSync(fileURLToPath(built))) return built;
  throw new Error(`eval-import worker not found at ${fileURLToPath(here)} or ${fileURLToPath(built)}: run tsc -p tsconfig.tools.json`);
}

export async function importOne(root: string, rel: string, e: ExpectedReport | undefined): Promise<ReportResult> {
  const t = performance.now();
  const diags = new Diagnostics();
  const pages = await readPublication(path.join(root, rel), diags);
  if (!pages) {
    const error = diags.all.map((d) => d.message.replace(path.join(root, rel), 'it')).join('; ') || 'unreadable';
    const ms = performance.now() - t;
    const checked = checkRegister({ framework: undefined, findings: [], notes: [], error });
    return {
      file: rel,
      framework: 'unreadable',
      items: 0,
      ms,
      error,
      failures: checked.failures,
      checksRun: checked.run,
      ...(e ? { split: e.split, comparison: compare(e, { findings: [] }) } : {}),
    };
  }
  const { parsed } = importText(pages);
  const ms = performance.now() - t;
  const error = parsed.error;
  const checked = checkRegister({
    framework: parsed.framework,
    findings: parsed.findings,
    notes: parsed.notes,
    ...(error ? { error } : {}),
  });
  return {
    file: rel,
    framework: parsed.framework ?? 'unknown',
    ...(parsed.kind ? { kind: parsed.kind } : {}),
    items: parsed.findings.length,
    ms,
    ...(error ? { error } : {}),
    failures: checked.failures,
    checksRun: checked.run,
    ...(e ? { split: e.split, comparison: compare(e, parsed) } : {}),
  };
}

function printReport(r: ReportResult): void {
  const c = r.comparison;
  const verdict = !c
    ? ''
    : `  [${r.split}: ${c.exact ? 'exact' : `${c.exactItems}/${c.expected} exact, ${c.wrong.length} wrong, ${c.missing.length} missing, ${c.extra.length} extra`}${c.frameworkOk ? '' : ', framework differs'}${c.kindOk ? '' : ', kind differs'}]`;
  const fw = `${r.framework}${r.kind ? `/${r.kind}` : ''}`;
  console.log(`${r.file}\n    ${fw.padEnd(12)} ${String(r.items).padStart(3)} items ${r.ms.toFixed(0).padStart(5)} ms${verdict}`);
  if (r.error) console.log(`    said: ${r.error}`);
  for (const f of r.failures) console.log(`    FAILED ${f.check}${f.ref ? ` ${f.ref}` : ''}: ${f.detail}`);
  if (c && !c.exact) {
    for (const w of c.wrong) console.log(`    wrong text: ${w}`);
    for (const m of c.missing) console.log(`    missing: ${m}`);
    for (const x of c.extra) console.log(`    extra: ${x}`);
  }
}

function printTotals(
  results: readonly ReportResult[],
  seconds: number,
  threads: number,
  hidden: { hiddenLines: number; skipped: number },
): void {
  const byFramework = new Map<string, number>();
  for (const r of results) byFramework.set(r.framework, (byFramework.get(r.framework) ?? 0) + 1);
  const items = results.reduce((s, r) => s + r.items, 0);
  const run = results.reduce((s, r) => s + r.checksRun, 0);
  const failedChecks = results.reduce((s, r) => s + new Set(r.failures.map((f) => f.check)).size, 0);
  const perCheck = new Map<CheckName, number>();
  for (const r of results) for (const c of new Set(r.failures.map((f) => f.check))) perCheck.set(c, (perCheck.get(c) ?? 0) + 1);
  const importMs = results.reduce((s, r) => s + r.ms, 0);
  console.log('');
  if (hidden.hiddenLines > 0)
    console.log(
      `(${hidden.hiddenLines} held-out reports are counted below but their own lines are not printed; --show-heldout prints them)`,
    );
  if (hidden.skipped > 0) console.log(`(--dev: ${hidden.skipped} held-out reports were not read and are not counted)`);
  console.log(`corpus: ${results.length} reports; ${[...byFramework].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`  items: ${items}`);
  console.log(
    `  checks: ${run} run (${Object.keys(CHECKS).length} a report), ${run - failedChecks} passed, ${failedChecks} failed in ${results.filter((r) => r.failures.length > 0).length} reports`,
  );
  for (const [c, n] of [...perCheck].sort((a, b) => b[1] - a[1])) console.log(`    ${c}: ${n} reports (${CHECKS[c]})`);
  console.log(
    `  time: ${seconds.toFixed(1)} s in all, reading ${threads} report${threads > 1 ? 's' : ''} at a time (${(importMs / Math.max(1, results.length)).toFixed(0)} ms a report on its thread)`,
  );
  for (const split of ['dev', 'heldout'] as const) {
    const rs = results.filter((r) => r.split === split && r.comparison);
    if (rs.length === 0) continue;
    const cs = rs.map((r) => r.comparison!);
    const sum = (f: (c: Comparison) => number) => cs.reduce((s, c) => s + f(c), 0);
    console.log(
      `verified ${split}: ${cs.filter((c) => c.exact).length}/${cs.length} reports exact; items expected ${sum((c) => c.expected)}, found ${rs.reduce((s, r) => s + r.items, 0)}, exact ${sum((c) => c.exactItems)}, wrong ${sum((c) => c.wrong.length)}, missing ${sum((c) => c.missing.length)}, extra ${sum((c) => c.extra.length)}; framework differs ${cs.filter((c) => !c.frameworkOk).length}, kind differs ${cs.filter((c) => !c.kindOk).length}`,
    );
  }
}
