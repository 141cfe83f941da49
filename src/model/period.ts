import type { Period } from './types.js';

/** A month written YYYY-MM (2026-10), as config.yml, --period and the templates write it. */
export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/** 2026-02-28 is a date written YYYY-MM-DD; 2026-02-30 and 2026-2-28 are not. */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export function periodOf(id: string): Period {
  const [y, m] = id.split('-').map(Number);
  return { id, year: y!, month: m! };
}

export function monthId(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The month `n` months after `id` (negative for before). */
export function addMonths(id: string, n: number): string {
  const p = periodOf(id);
  const k = p.year * 12 + (p.month - 1) + n;
  return monthId(Math.floor(k / 12), (k % 12) + 1);
}

/** "October 2026" */
export function monthLabel(id: string): string {
  const p = periodOf(id);
  return `${MONTHS[p.month - 1]} ${p.year}`;
}

/** "12th November 2026", the way the scrutiny paper writes meeting dates. */
export function ordinalDateParts(iso: string): { day: number; suffix: string; rest: string } {
  const [y, m, d] = iso.split('-').map(Number);
  const day = d!;
  const suffix = day % 10 === 1 && day !== 11 ? 'st' : day % 10 === 2 && day !== 12 ? 'nd' : day % 10 === 3 && day !== 13 ? 'rd' : 'th';
  return { day, suffix, rest: `${MONTHS[m! - 1]} ${y}` };
}

export function ordinalDate(iso: string): string {
  const p = ordinalDateParts(iso);
  return `${p.day}${p.suffix} ${p.rest}`;
}

/** "31 March 2026" */
export function plainDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m! - 1]} ${y}`;
}

/** "Mar 2026" */
export function shortMonth(id: string): string {
  const p = periodOf(id);
  return `${MONTHS[p.month - 1]!.slice(0, 3)} ${p.year}`;
}
