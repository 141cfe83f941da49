import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Chart } from '../model/chart.js';
import { NO_PROGRESS, type Progress } from '../model/progress.js';
import type { ReportModel } from '../model/report.js';
import { ChartPool } from './chart-pool.js';
import { chartKey, chartsOf, compileReport, packageReport } from './docx.js';
import { DOCX, type ReportFormat } from './formats.js';
import { xmlSafeModel } from './xml-text.js';

export { renderDocx } from './docx.js';
export { ChartPool } from './chart-pool.js';
export { PDF_EXPORT_FILTER, PdfStampError, stampPdf } from './pdf.js';

/**
 * A full collection between reports. Each render leaves a few hundred megabytes of garbage on
 * a large plan, and V8 would otherwise grow the heap for the next render rather than collect
 * it first (measured on the stress pack: peak RSS 490 MB without, see the bench for with).
 */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

export { DOCX, PDF, type ReportFormat } from './formats.js';

/** A written report: its file name in the pack and its bytes. */
export interface RenderedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** The file a report is written to. */
export const fileNameOf = (model: Pick<ReportModel, 'name'>, format: ReportFormat = DOCX): string => `${model.name}${format.extension}`;

/**
 * Renders every report of a pack, in order. Every chart of the pack (the reports share most)
 * is sent to the drawing workers first; this thread meanwhile builds and writes each report's
 * XML, and only then waits for the images.
 */
export async function renderAll(
  given: readonly ReportModel[],
  pool?: ChartPool,
  progress: Progress = NO_PROGRESS,
  /** Told of each report's file as soon as it is made, before the next report is built. */
  onReport?: (index: number, file: RenderedFile) => void,
): Promise<RenderedFile[]> {
  const models = given.map(xmlSafeModel);
  const charts = new Map<string, Chart>();
  for (const m of models) for (const c of chartsOf(m)) charts.set(chartKey(c), c);
  const drawer = pool ?? (charts.size > 0 ? ChartPool.shared() : undefined);
  let charted = 0;
  const drawn = new Map(
    [...charts].map(([k, c]) => {
      const png = drawer!.draw(c);
      png.then(
        () => progress({ stage: 'drawing charts', done: ++charted, total: charts.size, unit: 'charts' }),
        () => undefined,
      );
      return [k, png];
    }),
  );
  // Handled here too, so that a failure while documents are still being built is not "unhandled".
  for (const p of drawn.values()) p.catch(() => undefined);
  const draw = (c: Chart) => drawn.get(chartKey(c)) ?? Promise.reject(new Error(`chart not drawn: ${c.title}`));
  // packageReport zips as soon as its report's images are in: at once when there are none,
  // so one report's parts are held at a time; else after the last report is built.
  const out: Promise<RenderedFile>[] = [];
  for (const [i, m] of models.entries()) {
    if (i > 0) collectGarbage();
    progress({ stage: 'rendering reports', done: i, total: models.length, unit: 'reports' });
    const report = packageReport(compileReport(m), draw).then((bytes) => ({ name: fileNameOf(m), bytes }));
    out.push(report);
    if (onReport) {
      void report.then(
        (file) => onReport(i, file),
        () => undefined,
      );
      // Lets a report already zipped (one without charts) be told of now, not after the last.
      await Promise.resolve();
    }
  }
  return await Promise.all(out);
}
