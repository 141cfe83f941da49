/**
 * npm run bench: wall time and peak memory of `boardpack build` on the bundled example and on
 * a generated stress folder, each in a fresh process as a user would run it.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeStressFolder } from './stress.js';
import { ROOT } from './root.js';

const CLI = path.join(ROOT, 'dist/cli/main.js');
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);

interface Run { ms: number; rssMb: number }

/**
 * One build as a user runs it, timed from spawn to exit; the process reports its own peak RSS
 * at exit.
 */
const RSS_HOOK = 'data:text/javascript,process.on("exit",()=>process.stderr.write("@@rss "+process.resourceUsage().maxRSS+"\\n"))';
function runBuild(config: string): Run {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', RSS_HOOK, CLI, 'build', '--config', config], { encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const rss = [...r.stderr.matchAll(/@@rss (\d+)/g)].map((m) => Number(m[1]));
  if (r.status !== 0 || rss.length === 0) throw new Error(`build failed (${r.status}):\n${r.stderr.slice(0, 2000)}`);
  return { ms, rssMb: Math.max(...rss) / 1024 };
}

function measure(name: string, fresh: () => string, targets: { ms: number; mb: number }): number {
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(runBuild(fresh()));
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
  const median = ms[Math.floor(ms.length / 2)]!;
  const peak = Math.max(...runs.map((r) => r.rssMb));
  const ok = median <= targets.ms && peak <= targets.mb;
  console.log(
    `${name.padEnd(20)} wall ${median.toFixed(0).padStart(5)} ms (median of ${RUNS}; min ${ms[0]!.toFixed(0)}, max ${ms[ms.length - 1]!.toFixed(0)})  ` +
      `peak RSS ${peak.toFixed(0).padStart(4)} MB  target < ${targets.ms} ms, < ${targets.mb} MB  ${ok ? 'ok' : 'MISSED'}`,
  );
  return median;
}

const work = mkdtempSync(path.join(tmpdir(), 'boardpack-bench-'));
try {
  let k = 0;
  measure('example', () => {
    const dir = path.join(work, `example-${k++}`);
    for (const p of ['config.yml', 'examples', 'templates']) cpSync(path.join(ROOT, p), path.join(dir, p), { recursive: true });
    return path.join(dir, 'config.yml');
  }, { ms: 2000, mb: 400 });
  measure('example, no charts', () => {
    const dir = path.join(work, `example-${k++}`);
    for (const p of ['config.yml', 'examples', 'templates']) cpSync(path.join(ROOT, p), path.join(dir, p), { recursive: true });
    const config = path.join(dir, 'config.yml');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/^output: packs$/m, 'output: packs\ncharts: false'));
    return config;
  }, { ms: 1000, mb: 400 });

  const plain = path.join(work, 'stress-plain');
  await writeStressFolder(plain, ROOT, undefined, undefined, false);
  const without = measure('stress, no charts', () => {
    const dir = path.join(work, `stress-${k++}`);
    cpSync(plain, dir, { recursive: true });
    return path.join(dir, 'config.yml');
  }, { ms: 5000, mb: 400 });

  const charted = path.join(work, 'stress-charts');
  await writeStressFolder(charted, ROOT);
  const withCharts = measure('stress, 300 charts', () => {
    const dir = path.join(work, `stress-${k++}`);
    cpSync(charted, dir, { recursive: true });
    return path.join(dir, 'config.yml');
  }, { ms: 10000, mb: 500 });
  console.log(`stress: 2,000 actions, 60 findings, 300 indicators x 36 months, 2 reports; charts cost ${((withCharts - without) / 300).toFixed(1)} ms each (difference of medians / 300)`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
