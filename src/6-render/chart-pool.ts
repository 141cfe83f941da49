/**
 * Draws a pack's charts on worker threads while this thread builds the documents. Drawing
 * (vega layout, rasterising, PNG encoding) is most of a chart's cost and needs nothing from
 * the document, so on a two-core machine the documents and the charts are made side by side.
 * A chart's bytes depend only on the chart, never on which worker drew it or when.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { fileExists } from '../io/files.js';
import type { Chart } from '../model/chart.js';
import { chartPng, tuneChartAllocator } from './chart.js';
import type { ChartJob, ChartReply } from './chart-worker.js';

/**
 * The worker's compiled script. Run from TypeScript sources (the tests), this module finds the
 * build in dist/, which `npm test` makes first.
 */
function workerScript(): URL {
  const here = new URL('./chart-worker.js', import.meta.url);
  if (fileExists(fileURLToPath(here))) return here;
  const built = new URL('../../dist/6-render/chart-worker.js', import.meta.url);
  if (fileExists(fileURLToPath(built))) return built;
  throw new Error(`chart worker not found at ${fileURLToPath(here)} or ${fileURLToPath(built)}: run npm run build:ts`);
}

/**
 * A chart's garbage is short-lived and a worker holds about 30 MB: with V8's defaults (a
 * 48 MB young generation, an old generation sized for the machine) a worker grew to 150 MB.
 * These limits make V8 collect sooner: the stress pack's peak fell from about 500 to 460 MB at
 * the same speed. A worker that runs out all the same is not fatal: see draw().
 */
const LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 };

/** Charts kept once drawn: the stress pack's 300 twice over, about 20 MB. */
const KEEP = 600;

interface Pending {
  resolve(png: Uint8Array): void;
  reject(e: Error): void;
}

export class ChartPool {
  private static kept: ChartPool | undefined;

  /**
   * The process's pool, started on first use and kept: a second build in the same process (the
   * tests, a caller building several packs) does not pay again the half second each worker
   * takes to load vega. Idle workers do not keep the process alive (see track()). A pool whose
   * worker died is replaced.
   */
  static shared(): ChartPool {
    if (!ChartPool.kept || ChartPool.kept.failure) ChartPool.kept = new ChartPool();
    return ChartPool.kept;
  }

  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  /**
   * Charts drawn before, by their JSON: a process that builds again (a reissue after a build,
   * a caller building several packs, the tests' fifty-odd builds) draws each chart once. The
   * PNG depends on the chart alone, so the bytes are the same. At most KEEP charts are kept
   * (about 30 KB each), the oldest let go first.
   */
  private readonly drawnBefore = new Map<string, Promise<Uint8Array>>();
  private nextId = 0;
  private failure: Error | undefined;

  /**
   * One worker per core the main thread leaves free, at most two. On the two-core machine the
   * stress pack is measured on, a second worker only competed with the documents for the same
   * cores (8.5 s either way) and held another hundred megabytes.
   */
  constructor(size = Math.min(2, Math.max(1, availableParallelism() - 1)), limits: ResourceLimits = LIMITS) {
    const script = workerScript();
    tuneChartAllocator();
    for (let i = 0; i < size; i++) {
      const w = new Worker(script, { resourceLimits: limits });
      w.on('message', (reply: ChartReply) => this.settle(reply));
      w.on('error', (e) => this.fail(e));
      w.unref();
      this.workers.push(w);
    }
  }

  /**
   * The chart's PNG. Charts are handed out in turn as soon as they are asked for: the workers
   * queue them, so they never wait for this thread, which is busy building documents. Should
   * a worker die (out of memory, say), its charts are drawn here instead: the same bytes,
   * later. A chart that cannot be drawn fails either way.
   */
  draw(chart: Chart): Promise<Uint8Array> {
    const key = JSON.stringify(chart);
    const before = this.drawnBefore.get(key);
    if (before) return before;
    const png = this.drawAnew(chart);
    this.drawnBefore.set(key, png);
    if (this.drawnBefore.size > KEEP) this.drawnBefore.delete(this.drawnBefore.keys().next().value!);
    // A chart that failed is tried again next time, not remembered as failed.
    png.catch(() => this.drawnBefore.get(key) === png && this.drawnBefore.delete(key));
    return png;
  }

  private drawAnew(chart: Chart): Promise<Uint8Array> {
    if (this.failure) return chartPng(chart);
    const id = this.nextId++;
    const done = new Promise<Uint8Array>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.track();
    this.workers[id % this.workers.length]!.postMessage({ id, chart } satisfies ChartJob);
    return done.catch((e: unknown) => (e instanceof WorkerDied ? chartPng(chart) : Promise.reject(e)));
  }

  async close(): Promise<void> {
    if (ChartPool.kept === this) ChartPool.kept = undefined;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  /** Workers keep the process alive while they have charts to draw, and only then. */
  private track(): void {
    for (const w of this.workers) {
      if (this.pending.size > 0) w.ref();
      else w.unref();
    }
  }

  private settle(reply: ChartReply): void {
    const p = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    this.track();
    if ('error' in reply) p?.reject(new Error(`drawing a chart failed: ${reply.error}`));
    else p?.resolve(reply.png);
  }

  private fail(e: Error): void {
    this.failure = new WorkerDied(e);
    for (const p of this.pending.values()) p.reject(this.failure);
    this.pending.clear();
    this.track();
  }
}

class WorkerDied extends Error {
  constructor(cause: Error) {
    super(`a chart worker stopped: ${cause.message}`, { cause });
  }
}
