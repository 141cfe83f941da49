/**
 * The XML check of each report on a thread of its own, begun as soon as the report is zipped:
 * on the plan of 50,000 actions the first report's check (seconds: inflating and parsing over
 * 100 MB of XML) then runs while the second report is rendered, on the other core. The answer
 * is checkPackXml's, whichever thread gives it; without the worker's script (or should the
 * worker fail) the check is made on this thread.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { fileExists } from '../io/files.js';
import type { PackFile } from './manifest.js';
import { checkPackXml, type XmlProblem } from './xml-check.js';
import type { XmlCheckJob, XmlCheckReply } from './xml-check-worker.js';

/** The compiled worker; run from TypeScript sources (the tests), the build in dist/. */
function workerScript(): URL | undefined {
  const here = new URL('./xml-check-worker.js', import.meta.url);
  if (fileExists(fileURLToPath(here))) return here;
  const built = new URL('../../dist/7-archive/xml-check-worker.js', import.meta.url);
  return fileExists(fileURLToPath(built)) ? built : undefined;
}

export class XmlCheckThread {
  private static kept: XmlCheckThread | undefined;

  /** The process's thread, kept between builds like the chart pool; idle, it lets the process end. */
  static shared(): XmlCheckThread {
    XmlCheckThread.kept ??= new XmlCheckThread();
    return XmlCheckThread.kept;
  }

  private worker: Worker | undefined;
  private readonly pending = new Map<number, { file: PackFile; resolve(p: XmlProblem[]): void }>();
  private nextId = 0;

  /** The problems of one report; never rejects. */
  check(file: PackFile): Promise<XmlProblem[]> {
    const worker = this.start();
    if (!worker) return Promise.resolve(checkPackXml([file]));
    const id = this.nextId++;
    const done = new Promise<XmlProblem[]>((resolve) => this.pending.set(id, { file, resolve }));
    worker.ref();
    // A copy: the bytes are still to be written to the pack.
    worker.postMessage({ id, file: { name: file.name, bytes: file.bytes.slice() } } satisfies XmlCheckJob);
    return done;
  }

  async close(): Promise<void> {
    if (XmlCheckThread.kept === this) XmlCheckThread.kept = undefined;
    await this.worker?.terminate();
    this.worker = undefined;
  }

  private start(): Worker | undefined {
    if (this.worker) return this.worker;
    const script = workerScript();
    if (!script) return undefined;
    const w = new Worker(script);
    w.on('message', (reply: XmlCheckReply) => {
      const p = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (this.pending.size === 0) w.unref();
      if (!p) return;
      p.resolve('error' in reply ? checkPackXml([p.file]) : reply.problems);
    });
    // A worker that dies leaves its reports to be checked here.
    w.on('error', () => {
      for (const p of this.pending.values()) p.resolve(checkPackXml([p.file]));
      this.pending.clear();
      this.worker = undefined;
    });
    w.unref();
    this.worker = w;
    return w;
  }
}
