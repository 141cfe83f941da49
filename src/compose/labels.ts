/** Words for codes: what a reader sees instead of an enum value. */
import type { Direction, Rag, Status } from '../model/types.js';
import type { Swatch } from '../model/report.js';
import type { IndicatorSpec } from '../model/schemas.js';

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

export const RAG_LABEL: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green', none: 'No target' };
export const RAG_SWATCH: Record<Rag, Swatch | undefined> = { red: 'red', amber: 'amber', green: 'green', none: undefined };

export const DIRECTION_LABEL: Record<Direction, string> = {
  improving: 'Improving',
  worsening: 'Worsening',
  stable: 'Stable',
  up: 'Up',
  down: 'Down',
  unknown: 'Not known',
};

export const KIND_LABEL = {
  'full-inspection': 'full inspection',
  'monitoring-visit': 'monitoring visit',
  'focused-visit': 'focused visit',
} as const;

/** Fixed decimals with thousands separators; Intl would cost 40 ms to start for this. */
export function formatNumber(v: number, decimals: number): string {
  const [int, frac] = Math.abs(v).toFixed(decimals).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${v < 0 && Number(Math.abs(v).toFixed(decimals)) !== 0 ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

/** A value in its unit, at the indicator's precision: "19.0%", "512.3", "431 days". */
export function formatValue(v: number | null | undefined, ind: Pick<IndicatorSpec, 'unit' | 'decimals'>): string {
  if (v === null || v === undefined) return 'No data';
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
