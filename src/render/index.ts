import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { ReportModel } from '../model/report.js';
import { renderDocx } from './docx.js';

export { renderDocx } from './docx.js';

/**
 * A full collection between reports. Each render leaves a few hundred megabytes of garbage on
 * a large plan, and V8 would otherwise grow the heap for the next render rather than collect
 * it first (measured on the stress pack: peak RSS 490 MB without, see the bench for with).
 */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** Renders every report of a pack, in order. */
export async function renderAll(models: readonly ReportModel[]): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for (const [i, m] of models.entries()) {
    if (i > 0) collectGarbage();
    out.push(await renderDocx(m));
  }
  return out;
}
