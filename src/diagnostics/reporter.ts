import type { Code } from './codes.js';
import type { Diagnostic, Diagnostics, Place } from './diagnostic.js';

/** `file:line:column`, `file Sheet!Cell` or `file`. */
export function formatPlace(place: Place): string {
  if (place.cell) return `${place.file} ${place.cell}`;
  if (place.line !== undefined) return `${place.file}:${place.line}${place.column !== undefined ? `:${place.column}` : ''}`;
  return place.file;
}

function cellOrder(cell: string | undefined): [string, number, number] {
  if (!cell) return ['', 0, 0];
  const m = /^(.*)!([A-Z]+)(\d+)$/.exec(cell);
  if (!m) return [cell, 0, 0];
  const col = [...m[2]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return [m[1]!, Number(m[3]), col];
}

/** Errors first, then warnings; within each, by file, line (or row), column. */
export function sortDiagnostics(items: readonly Diagnostic[]): Diagnostic[] {
  const rank = (d: Diagnostic) => (d.severity === 'error' ? 0 : 1);
  return [...items].sort((a, b) => {
    if (rank(a) !== rank(b)) return rank(a) - rank(b);
    const fa = a.place?.file ?? '';
    const fb = b.place?.file ?? '';
    if (fa !== fb) return fa < fb ? -1 : 1;
    const [sa, ra, ca] = cellOrder(a.place?.cell);
    const [sb, rb, cb] = cellOrder(b.place?.cell);
    if (sa !== sb) return sa < sb ? -1 : 1;
    const la = a.place?.line ?? ra;
    const lb = b.place?.line ?? rb;
    if (la !== lb) return la - lb;
    return (a.place?.column ?? ca) - (b.place?.column ?? cb);
  });
}

/** One line per diagnostic, compiler style, with an indented hint line when there is one. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.place ? `${formatPlace(d.place)} ` : '';
  const head = `${where}${d.severity}: ${d.message} [${d.code}]`;
  return d.hint ? `${head}\n  hint: ${d.hint}` : head;
}

/** 1,000,005 */
export const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

const isCollector = (x: Diagnostics | readonly Diagnostic[]): x is Diagnostics => !Array.isArray(x);

/** "2 errors, 1 warning", counting those not shown too. */
export function formatSummary(diags: Diagnostics | readonly Diagnostic[]): string {
  const errors = isCollector(diags) ? diags.errorCount : diags.filter((d) => d.severity === 'error').length;
  const warnings = isCollector(diags) ? diags.warningCount : diags.length - errors;
  const n = (k: number, w: string) => `${grouped(k)} ${w}${k === 1 ? '' : 's'}`;
  return `${n(errors, 'error')}, ${n(warnings, 'warning')}`;
}

/**
 * Every diagnostic kept, sorted, one per line; where a kind had more than were kept, a line
 * after the last one shown says how many more there were.
 */
export function formatReport(diags: Diagnostics | readonly Diagnostic[]): string {
  const items = isCollector(diags) ? diags.all : diags;
  const omitted: ReadonlyMap<Code, number> = isCollector(diags) ? diags.omitted : new Map();
  const sorted = sortDiagnostics(items);
  const lastOf = new Map<Code, number>();
  sorted.forEach((d, i) => {
    lastOf.set(d.code, i);
  });
  const lines: string[] = [];
  sorted.forEach((d, i) => {
    // A run of one kind with one hint gives the hint once, under the first.
    const prev = sorted[i - 1];
    lines.push(formatDiagnostic(prev && prev.code === d.code && prev.hint === d.hint ? { ...d, hint: undefined } : d));
    const more = omitted.get(d.code);
    if (more && lastOf.get(d.code) === i) lines.push(`  and ${grouped(more)} more like this [${d.code}]`);
  });
  return lines.join('\n');
}
