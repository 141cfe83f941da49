/**
 * npm run bench: wall time and peak memory of `boardpack build` on the bundled example and on
 * generated stress folders (a plan of 50,000 actions; a 3.5 MB export), each in a fresh process
 * as a user would run it. User CPU is printed too: on a busy machine it says more than wall time.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeStressFolder } from './stress.js';
import { ROOT } from './root.js';

const CLI = path.join(ROOT, 'dist/cli/main.js');
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
/** Runs of the builds that take tens of seconds each. */
const LARGE_RUNS = Number(process.env['BENCH_LARGE_RUNS'] ?? 1);

interface Run {
  ms: number;
  rssMb: number;
  cpuMs: number;
}

/**
 * One build as a user runs it, timed from spawn to exit; the process reports its own peak RSS
 * at exit.
 */
const RSS_HOOK =
  'data:text/javascript,process.on("exit",()=>{const u=process.resourceUsage();process.stderr.write("@@rss "+u.maxRSS+" "+u.userCPUTime+"\\n")})';
function runBuild(config: string): Run {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', RSS_HOOK, CLI, 'build', '--config', config], { encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const usage = [...r.stderr.matchAll(/@@rss (\d+) (\d+)/g)].map((m) => ({ rss: Number(m[1]), cpu: Number(m[2]) }));
  if (r.status !== 0 || usage.length === 0) throw new Error(`build failed (${r.status}):\n${r.stderr.slice(0, 2000)}`);
  return { ms, rssMb: Math.max(...usage.map((u) => u.rss)) / 1024, cpuMs: Math.max(...usage.map((u) => u.cpu)) / 1000 };
}

function measure(name: string, fresh: () => string, targets: { ms: number; mb: number }, runCount = RUNS): number {
  const runs: Run[] = [];
  for (let i = 0; i < runCount; i++) runs.push(runBuild(fresh()));
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
  const median = ms[Math.floor(ms.length / 2)]!;
  const cpu = runs.map((r) => r.cpuMs).sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
  const peak = Math.max(...runs.map((r) => r.rssMb));
  const ok = median <= targets.ms && peak <= targets.mb;
  console.log(
    `${name.padEnd(22)} wall ${median.toFixed(0).padStart(5)} ms (median of ${runCount}; min ${ms[0]!.toFixed(0)}, max ${ms[ms.length - 1]!.toFixed(0)})  ` +
      `user CPU ${cpu.toFixed(0).padStart(5)} ms  peak RSS ${peak.toFixed(0).padStart(4)} MB  target < ${targets.ms} ms, < ${targets.mb} MB  ${ok ? 'ok' : 'MISSED'}`,
  );
  return median;
}

const work = mkdtempSync(path.join(tmpdir(), 'boardpack-bench-'));
try {
  let k = 0;
  measure(
    'example',
    () => {
      const dir = path.join(work, `example-${k++}`);
      for (const p of ['config.yml', 'examples', 'templates']) cpSync(path.join(ROOT, p), path.join(dir, p), { recursive: true });
      return path.join(dir, 'config.yml');
    },
    { ms: 2000, mb: 400 },
  );
  measure(
    'example, no charts',
    () => {
      const dir = path.join(work, `example-${k++}`);
      for (const p of ['config.yml', 'examples', 'templates']) cpSync(path.join(ROOT, p), path.join(dir, p), { recursive: true });
      const config = path.join(dir, 'config.yml');
      writeFileSync(config, readFileSync(config, 'utf8').replace(/^output: packs$/m, 'output: packs\ncharts: false'));
      return config;
    },
    { ms: 1000, mb: 400 },
  );

  const plain = path.join(work, 'stress-plain');
  await writeStressFolder(plain, ROOT, undefined, undefined, false);
  const without = measure(
    'stress, no charts',
    () => {
      const dir = path.join(work, `stress-${k++}`);
      cpSync(plain, dir, { recursive: true });
      return path.join(dir, 'config.yml');
    },
    { ms: 5000, mb: 400 },
  );

  const charted = path.join(work, 'stress-charts');
  await writeStressFolder(charted, ROOT);
  const withCharts = measure(
    'stress, 300 charts',
    () => {
      const dir = path.join(work, `stress-${k++}`);
      cpSync(charted, dir, { recursive: true });
      return path.join(dir, 'config.yml');
    },
    { ms: 10000, mb: 500 },
  );
  console.log(
    `stress: 2,000 actions, 60 findings, 300 indicators x 36 months, 2 reports; charts cost ${((withCharts - without) / 300).toFixed(1)} ms each (difference of medians / 300)`,
  );

  // Issue 11: a plan of 50,000 actions builds in under a minute with memory bounded (target
  // 40 s, to hold on a slower machine); 5,000 of its actions have no answers: for the matcher.
  const huge = path.join(work, 'stress-50k');
  await writeStressFolder(huge, ROOT, { actions: 50_000, findings: 60, indicators: 30, months: 24 }, '2026-10', false);
  measure(
    '50,000 actions',
    () => {
      const dir = path.join(work, `stress-${k++}`);
      cpSync(huge, dir, { recursive: true });
      return path.join(dir, 'config.yml');
    },
    { ms: 40_000, mb: 1500 },
    LARGE_RUNS,
  );

  // A 3.5 MB export: the stress pack's 300 indicators, 14,000 rows of others and ten columns
  // of commentary, read past.
  const wide = path.join(work, 'stress-export');
  await writeStressFolder(wide, ROOT, undefined, undefined, false, { rows: 14_000, textColumns: 10 });
  const exportMb = statSync(path.join(wide, 'performance.xlsx')).size / 1e6;
  measure(
    `${exportMb.toFixed(1)} MB export`,
    () => {
      const dir = path.join(work, `stress-${k++}`);
      cpSync(wide, dir, { recursive: true });
      return path.join(dir, 'config.yml');
    },
    { ms: 15_000, mb: 600 },
    LARGE_RUNS,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
