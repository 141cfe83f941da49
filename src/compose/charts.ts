/** Trend charts for indicators: the data to draw and the trend in words for alt text. */
import type { Chart } from '../model/chart.js';
import { addMonths, monthLabel } from '../model/period.js';
import type { IndicatorResult } from '../model/types.js';
import { formatValue } from './labels.js';

/** Months a chart shows, ending with the pack period. */
/** Months a chart shows unless config.yml says otherwise (chartMonths). */
export const CHART_MONTHS = 12;

/**
 * "Fell from 27.5% in November 2025 to 23.1% in October 2026; target 22.0%; England 22.4%."
 * First and last values of the window, with the target and comparators where known.
 */
export function trendInWords(r: IndicatorResult, points: Chart['points']): string {
  const ind = r.indicator;
  const held = points.filter((p): p is { month: string; value: number } => p.value !== null);
  const parts: string[] = [];
  if (held.length === 0) parts.push('No values in the months shown');
  else if (held.length === 1) parts.push(`${formatValue(held[0]!.value, ind)} in ${monthLabel(held[0]!.month)}, the only value shown`);
  else {
    const first = held[0]!;
    const last = held[held.length - 1]!;
    const f = formatValue(first.value, ind);
    const l = formatValue(last.value, ind);
    const verb = f === l ? 'Unchanged at' : last.value > first.value ? 'Rose from' : 'Fell from';
    parts.push(f === l ? `${verb} ${l} from ${monthLabel(first.month)} to ${monthLabel(last.month)}` : `${verb} ${f} in ${monthLabel(first.month)} to ${l} in ${monthLabel(last.month)}`);
  }
  if (ind.target !== undefined) parts.push(`target ${formatValue(ind.target, ind)}`);
  if (ind.comparators?.england !== undefined) parts.push(`England ${formatValue(ind.comparators.england, ind)}`);
  if (ind.comparators?.statisticalNeighbours !== undefined) parts.push(`statistical neighbours ${formatValue(ind.comparators.statisticalNeighbours, ind)}`);
  if (ind.polarity !== 'contextual') parts.push(`${ind.polarity} is better`);
  return `${parts.join('; ')}.`;
}

export function chartOf(r: IndicatorResult, period: string, size: Chart['size'], span = CHART_MONTHS): Chart {
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
    size,
  };
}
