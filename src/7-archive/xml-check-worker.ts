/** A thread that checks reports' XML (xml-check.ts) while the main thread renders the next report. */
import { parentPort } from 'node:worker_threads';
import type { PackFile } from './manifest.js';
import { checkPackXml, type XmlProblem } from './xml-check.js';

export interface XmlCheckJob {
  readonly id: number;
  readonly file: PackFile;
}
export type XmlCheckReply = { readonly id: number; readonly problems: XmlProblem[] } | { readonly id: number; readonly error: string };

const port = parentPort;
if (!port) throw new Error('xml-check-worker.js runs as a worker thread');
port.on('message', (job: XmlCheckJob) => {
  try {
    port.postMessage({ id: job.id, problems: checkPackXml([job.file]) } satisfies XmlCheckReply);
  } catch (e) {
    port.postMessage({ id: job.id, error: e instanceof Error ? e.message : String(e) } satisfies XmlCheckReply);
  }
});
