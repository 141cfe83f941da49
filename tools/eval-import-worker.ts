/** A worker thread of eval-import-corpus.ts: reads one report at a time and sends back its result. */
import { parentPort } from 'node:worker_threads';
import { importOne, type Job } from './eval-import-corpus.js';

parentPort!.on('message', (job: Job) => {
  void importOne(job.root, job.rel, job.e).then((r) => parentPort!.postMessage(r));
});
