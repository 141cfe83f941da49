/** Trend charts for indicators: the data to draw and the trend in words for alt text. */
import type { Chart } from '../model/chart.js';
import { addMonths, monthLabel } from '../model/period.js';
import type { IndicatorResult } from '../model/types.js';
import { formatValue } from './labels.js';

/** Months a chart shows, ending with the pack period. */
/** Months a chart shows unless config.yml says otherwise (chartMonths). */
export const CHART_MONTHS = 12;

/**
 * "Rose from 58.3% in May 2025 to 74.1% in October 2026, worse (lower is better); worse for 4
 * months running; target 60.0%; England 22.4%." First and last values of the window, whether
 * that change is better or worse by the indicator's polarity (a contextual indicator says
 * neither), a run of worsening months, and the target and comparators where known.
 */
export function trendInWords(r: IndicatorResult, points: Chart['points']): string {
  const ind = r.indicator;
  const held = points.filter((p): p is { month: string; value: number } => p.value !== null);
  const judged = ind.polarity !== 'contextual';
  const polarity = `${ind.polarity} is better`;
  const parts: string[] = [];
  if (held.length === 0) parts.push('No values in the months shown');
  else if (held.length === 1) parts.push(`${formatValue(held[0]!.value, ind)} in ${monthLabel(held[0]!.month)}, the only value shown`);
  else {
    const first = held[0]!;
    const last = held[held.length - 1]!;
    const f = formatValue(first.value, ind);
    const l = formatValue(last.value, ind);
    if (f === l)
      parts.push(`Unchanged at ${l} from ${monthLabel(first.month)} to ${monthLabel(last.month)}${judged ? ` (${polarity})` : ''}`);
    else {
      const rose = last.value > first.value;
      const better = rose === (ind.polarity === 'higher');
      parts.push(
        `${rose ? 'Rose' : 'Fell'} from ${f} in ${monthLabel(first.month)} to ${l} in ${monthLabel(last.month)}${judged ? `, ${better ? 'better' : 'worse'} (${polarity})` : ''}`,
      );
    }
  }
  if (judged && held.length < 2) parts.push(polarity);
  if (judged && r.worseningRun >= 2) parts.push(`worse for ${r.worseningRun} months running`);
  if (ind.target !== undefined) parts.push(`target ${formatValue(ind.target, ind)}`);
  if (ind.comparators?.england !== undefined) parts.push(`England ${formatValue(ind.comparators.england, ind)}`);
  if (ind.comparators?.statisticalNeighbours !== undefined)
    parts.push(`statistical neighbours ${formatValue(ind.comparators.statisticalNeighbours, ind)}`);
  return `${parts.join('; ')}.`;
}

/**
 * The chart of an indicator's last `span` months to the period. `_size` is ignored: every chart
 * is drawn at one size now (it was 'large' or 'small'); it stays so that callers written for
 * the old signature keep working.
 */
export function chartOf(r: IndicatorResult, period: string, span = CHART_MONTHS): Chart {
  const ind = r.indicator;
  const months = Array.from({ length: span }, (_, k) => addMonths(period, k - span + 1));
  const byMonth = new Map(ind.series.map((o) => [o.month, o.value]));
  const points = months.map((month) => ({ month, value: byMonth.get(month) ?? null }));
  return {
    title: ind.name,
    alt: trendInWords(r, points),
    unit: ind.unit,
    decimals: ind.decimals,
    points,
    ...(ind.target !== undefined ? { target: ind.target } : {}),
    ...(ind.comparators?.england !== undefined ? { england: ind.comparators.england } : {}),
    ...(ind.comparators?.statisticalNeighbours !== undefined ? { statisticalNeighbours: ind.comparators.statisticalNeighbours } : {}),
  };
}
