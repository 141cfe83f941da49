/**
 * compute: RAG, direction of travel and changes per indicator, as pure functions of the
 * series, the catalogue entry and the pack period. Never the clock.
 */
import { addMonths } from '../model/period.js';
import type { Direction, Indicator, IndicatorResult, Observation, Rag } from '../model/types.js';

/** Compares at the indicator's shown precision, so 19.96 shown as "20.0" meets a target of 20. */
function atPrecision(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

/** It has a target that counts: one is given and the indicator is not contextual. */
export const hasTarget = <T extends Pick<Indicator, 'polarity' | 'target'>>(ind: T): ind is T & { readonly target: number } =>
  ind.target !== undefined && ind.polarity !== 'contextual';

export function ragOf(value: number | null, ind: Pick<Indicator, 'polarity' | 'target' | 'tolerance' | 'decimals'>): Rag {
  if (value === null || !hasTarget(ind)) return 'none';
  const v = atPrecision(value, ind.decimals);
  const gap = ind.polarity === 'higher' ? ind.target - v : v - ind.target;
  const g = atPrecision(gap, ind.decimals + 1);
  if (g <= 0) return 'green';
  if (g <= ind.tolerance) return 'amber';
  return 'red';
}

/**
 * Direction of travel. A change smaller than half the last shown digit is stable: the
 * reader could not see it in the table.
 */
export function directionOf(change: number | null, ind: Pick<Indicator, 'polarity' | 'decimals'>): Direction {
  if (change === null) return 'unknown';
  if (Math.abs(change) < 0.5 * 10 ** -ind.decimals) return 'stable';
  if (ind.polarity === 'contextual') return change > 0 ? 'up' : 'down';
  const better = ind.polarity === 'higher' ? change > 0 : change < 0;
  return better ? 'improving' : 'worsening';
}

const diff = (a: number | null | undefined, b: number | null | undefined) =>
  a === null || a === undefined || b === null || b === undefined ? null : Math.round((a - b) * 1e9) / 1e9;

/** Months between two YYYY-MM months. */
function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  return (ty! - fy!) * 12 + (tm! - fm!);
}

export function computeIndicator(ind: Indicator, period: string): IndicatorResult {
  const upTo = ind.series.filter((o) => o.month <= period && o.value !== null);
  const latest: Observation | null = upTo[upTo.length - 1] ?? null;
  const previous: Observation | null = upTo[upTo.length - 2] ?? null;
  const change = diff(latest?.value, previous?.value);
  const yearAgo = latest ? ind.series.find((o) => o.month === addMonths(latest.month, -12)) : undefined;
  return {
    indicator: ind,
    latest,
    previous,
    change,
    changeOnYear: diff(latest?.value, yearAgo?.value),
    direction: directionOf(change, ind),
    rag: ragOf(latest?.value ?? null, ind),
    stale: latest !== null && latest.month !== period,
    monthsSinceOnTarget: monthsSinceOnTarget(ind, upTo, latest),
    gaps: ind.series.filter((o) => o.month <= period && o.value === null).map((o) => o.month),
    worseningRun: worseningRun(ind, upTo),
  };
}

function monthsSinceOnTarget(ind: Indicator, upTo: readonly Observation[], latest: Observation | null): number | null {
  if (!latest || ind.target === undefined || ind.polarity === 'contextual') return null;
  for (let i = upTo.length - 1; i >= 0; i--) {
    if (ragOf(upTo[i]!.value, ind) === 'green') return monthsBetween(upTo[i]!.month, latest.month);
  }
  return null;
}

/** Consecutive worsening changes between the values held, ending with the latest. */
function worseningRun(ind: Indicator, upTo: readonly Observation[]): number {
  let run = 0;
  for (let i = upTo.length - 1; i > 0; i--) {
    if (directionOf(diff(upTo[i]!.value, upTo[i - 1]!.value), ind) !== 'worsening') break;
    run++;
  }
  return run;
}
