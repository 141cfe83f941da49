/**
 * Draws a pack's charts on worker threads while this thread builds the documents. Drawing
 * (vega layout, rasterising, PNG encoding) is most of a chart's cost and needs nothing from
 * the document, so on a two-core machine the documents and the charts are made side by side.
 * A chart's bytes depend only on the chart, never on which worker drew it or when.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Chart } from '../model/chart.js';
import { tuneChartAllocator } from './chart.js';
import type { ChartJob, ChartReply } from './chart-worker.js';

/**
 * The worker's compiled script. Run from TypeScript sources (the tests), this module finds the
 * build in dist/, which `npm test` makes first.
 */
function workerScript(): URL {
  const here = new URL('./chart-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  const built = new URL('../../dist/render/chart-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(built))) return built;
  throw new Error(`chart worker not found at ${fileURLToPath(here)} or ${fileURLToPath(built)}: run npm run build:ts`);
}

interface Pending { resolve(png: Uint8Array): void; reject(e: Error): void }

export class ChartPool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failure: Error | undefined;

  /** Two workers use both cores of a two-core machine while this thread builds documents. */
  constructor(size = Math.max(1, Math.min(2, availableParallelism()))) {
    const script = workerScript();
    tuneChartAllocator();
    for (let i = 0; i < size; i++) {
      // A small young generation: a chart's garbage is short-lived, and the default 48 MB of
      // it per worker would be memory held for nothing (measured: 37 MB less, same speed).
      const w = new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: 4 } });
      w.on('message', (reply: ChartReply) => this.settle(reply));
      w.on('error', (e) => this.fail(e));
      this.workers.push(w);
    }
  }

  /**
   * The chart's PNG. Charts are handed out in turn as soon as they are asked for: the workers
   * queue them, so they never wait for this thread, which is busy building documents.
   */
  draw(chart: Chart): Promise<Uint8Array> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const done = new Promise<Uint8Array>((resolve, reject) => this.pending.set(id, { resolve, reject }));
    this.workers[id % this.workers.length]!.postMessage({ id, chart } satisfies ChartJob);
    return done;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private settle(reply: ChartReply): void {
    const p = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    if ('error' in reply) p?.reject(new Error(`drawing a chart failed: ${reply.error}`));
    else p?.resolve(reply.png);
  }

  private fail(e: Error): void {
    this.failure = e;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}
