import type { ReportModel } from '../model/report.js';
import { renderDocx } from './docx.js';

export { renderDocx } from './docx.js';

/** Renders every report of a pack, in order. */
export async function renderAll(models: readonly ReportModel[]): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for (const m of models) out.push(await renderDocx(m));
  return out;
}
