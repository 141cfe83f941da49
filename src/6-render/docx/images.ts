/** Chart pictures in a document: where each goes, and each chart of a report once. */
import { TextRun } from 'docx';
import type { Chart } from '../../model/chart.js';
import type { ReportModel } from '../../model/report.js';
import { CHART_SIZE } from '../chart.js';
import { Drawings } from '../drawings.js';

/** Chart pictures of one document: a marker run here, the picture once the XML is written (drawings.ts). */
export class Images {
  readonly drawings = new Drawings();

  /** A picture of the chart at its display size, or narrower to fit `maxWidth` pixels, in proportion. */
  run(chart: Chart, maxWidth = Infinity): TextRun {
    return new TextRun(this.mark(chart, maxWidth));
  }

  /** The marker text of such a picture, for XML written without docx (rows.ts). */
  mark(chart: Chart, maxWidth = Infinity): string {
    const scale = Math.min(1, maxWidth / CHART_SIZE.width);
    const shown = { width: Math.floor(CHART_SIZE.width * scale), height: Math.floor(CHART_SIZE.height * scale) };
    return this.drawings.mark(chart, chartKey(chart), shown);
  }
}

/** A chart shown in two places (a narrower picture is the same image shown smaller) is drawn once. */
export const chartKey = (c: Chart) => JSON.stringify(c);

/** Every chart a report shows, each once. */
export function chartsOf(model: ReportModel): Chart[] {
  const out = new Map<string, Chart>();
  const add = (c: Chart) => {
    const k = chartKey(c);
    if (!out.has(k)) out.set(k, c);
  };
  for (const a of model.appendices) {
    for (const b of a.blocks) {
      if (b.kind === 'charts') b.charts.forEach(add);
      if (b.kind === 'table') for (const r of b.table.rows) for (const cell of r) (cell.charts ?? []).forEach(add);
    }
  }
  return [...out.values()];
}
