/**
 * A chart-drawing thread: lays out each chart it is sent with vega, rasterises it with resvg
 * and sends the PNG back, one chart at a time, in the order sent. See chart-pool.ts.
 */
import { parentPort } from 'node:worker_threads';
import type { Chart } from '../model/chart.js';
import { chartPng } from './chart.js';

export interface ChartJob {
  readonly id: number;
  readonly chart: Chart;
}
export type ChartReply = { readonly id: number; readonly png: Uint8Array } | { readonly id: number; readonly error: string };

const port = parentPort;
if (!port) throw new Error('chart-worker.js runs as a worker thread');
const queue: ChartJob[] = [];
let busy = true;

/**
 * Loading vega, compiling the chart spec and the first drawing take half a second; the pool
 * starts as soon as config.yml is read, so this is done while the inputs are being read.
 * A warm-up drawing leaves nothing behind that changes a later one (see chart.ts).
 */
const WARM_UP: Chart = {
  title: '',
  alt: '',
  unit: '%',
  decimals: 1,
  points: Array.from({ length: 12 }, (_, i) => ({ month: `2000-${String(i + 1).padStart(2, '0')}`, value: 10 + i })),
  target: 12,
  england: 15,
};
void chartPng(WARM_UP).then(
  () => drain(),
  () => drain(),
);

async function drain(): Promise<void> {
  busy = true;
  for (let job = queue.shift(); job; job = queue.shift()) {
    try {
      port!.postMessage({ id: job.id, png: await chartPng(job.chart) } satisfies ChartReply);
    } catch (e) {
      port!.postMessage({ id: job.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies ChartReply);
    }
  }
  busy = false;
}

port.on('message', (job: ChartJob) => {
  queue.push(job);
  if (!busy) void drain();
});
