/** Words for codes: what a reader sees instead of an enum value. */
import type { ActionResult, Coverage, Direction, Rag, Status } from '../model/types.js';
import type { FindingKind, Framework } from '../model/schemas.js';
import type { Swatch } from '../model/report.js';
import type { IndicatorSpec } from '../model/types.js';

export const STATUS_LABEL: Record<Status, string> = {
  complete: 'Complete',
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
  'not-started': 'Not started',
};

export const STATUS_SWATCH: Record<Status, Swatch> = {
  complete: 'blue',
  'on-track': 'green',
  'at-risk': 'amber',
  'off-track': 'red',
  'not-started': 'grey',
};

/** The status a report shows: an action past its date and not complete is overdue, whatever it says. */
export function shownStatus(a: ActionResult): string {
  return a.overdue ? 'Overdue' : STATUS_LABEL[a.action.status];
}

export const RAG_LABEL: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green', none: 'No target' };

/** A finding's coverage in words, as the coverage appendix and the body show it. */
export const COVERAGE_LABEL: Record<Coverage, string> = {
  'not-answered': 'No action',
  unconfirmed: 'To be confirmed',
  'at-risk': 'Answered, at risk',
  'on-track': 'Answered, on track',
  complete: 'Actions complete',
};

export const COVERAGE_SWATCH: Record<Coverage, Swatch> = {
  'not-answered': 'red',
  unconfirmed: 'amber',
  'at-risk': 'amber',
  'on-track': 'green',
  complete: 'blue',
};

/** The inspection framework, as a sentence names it after "under". */
export const FRAMEWORK_NAME: Record<Framework, string> = {
  ILACS: 'the inspection of local authority children\u2019s services (ILACS) framework',
  SIF: 'the single inspection framework',
  LAC: 'the framework for inspecting services for looked after children',
  SAFEGUARDING: 'the framework for inspecting safeguarding and looked after children services',
  JTAI: 'a joint targeted area inspection',
};

/** Units as the scorecard names them: one word each, in lower case. */
export const UNIT_LABEL: Record<IndicatorSpec['unit'], string> = {
  '%': 'per cent',
  'rate per 10,000': 'rate per 10,000',
  days: 'days',
  count: 'number',
  ratio: 'ratio',
  score: 'score',
  cases: 'cases',
};

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
/** A count in words up to twelve, as prose writes small numbers; beyond, the figure. */
export const numberWord = (n: number) => NUMBER_WORDS[n] ?? String(n);

/** "a monitoring visit", "two monitoring visits and a focused visit": visits by kind, in words. */
export function kindCounts(kinds: readonly Status[] | readonly string[]): string {
  const order: readonly FindingKind[] = ['monitoring-visit', 'focused-visit', 'full-inspection'];
  const parts: string[] = [];
  for (const k of order) {
    const n = kinds.filter((x) => x === k).length;
    if (n === 0) continue;
    const label = KIND_LABEL[k];
    parts.push(n === 1 ? `a ${label}` : `${numberWord(n)} ${label}s`);
  }
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : (parts[0] ?? '');
}
export const RAG_SWATCH: Record<Rag, Swatch | undefined> = { red: 'red', amber: 'amber', green: 'green', none: undefined };

export const DIRECTION_LABEL: Record<Direction, string> = {
  improving: 'Improving',
  worsening: 'Worsening',
  stable: 'Stable',
  up: 'Up',
  down: 'Down',
  unknown: 'Not available',
};

export const KIND_LABEL: Record<FindingKind, string> = {
  'full-inspection': 'full inspection',
  'monitoring-visit': 'monitoring visit',
  'focused-visit': 'focused visit',
};

/** Fixed decimals with thousands separators; Intl would cost 40 ms to start for this. */
export function formatNumber(v: number, decimals: number): string {
  const [int, frac] = Math.abs(v).toFixed(decimals).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${v < 0 && Number(Math.abs(v).toFixed(decimals)) !== 0 ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

/** A value in its unit, at the indicator's precision: "19.0%", "512.3", "431 days". */
export function formatValue(v: number | null | undefined, ind: Pick<IndicatorSpec, 'unit' | 'decimals'>): string {
  if (v === null || v === undefined) return 'Not available';
  const n = formatNumber(v, ind.decimals);
  if (ind.unit === '%') return `${n}%`;
  if (ind.unit === 'days') return `${n} days`;
  return n;
}

/** A change with its sign and unit: "+1.2 points", "−3 days". */
export function formatChange(c: number | null, ind: Pick<IndicatorSpec, 'unit' | 'decimals'>): string {
  if (c === null) return '';
  const abs = formatNumber(Math.abs(c), ind.decimals);
  const sign = c > 0 ? '+' : c < 0 ? '\u2212' : '';
  const unit = ind.unit === '%' ? (abs === '1' ? ' point' : ' points') : ind.unit === 'days' ? ' days' : '';
  return `${sign}${abs}${unit}`;
}
