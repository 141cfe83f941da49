/**
 * Diagnostics: every problem boardpack finds in a user's inputs, with the place it was found.
 * A stage records problems and carries on, so one run shows them all; the pipeline decides
 * whether later stages may run, and any error means nothing is written.
 */
import { CODES, type Code } from './codes.js';

export type Severity = 'error' | 'warning';

/** Where a problem is: a text position (1-based line and column) or a spreadsheet cell. */
export interface Place {
  readonly file: string;
  readonly line?: number;
  readonly column?: number;
  /** `Sheet!F14` for workbook cells. */
  readonly cell?: string;
}

export interface Diagnostic {
  readonly code: Code;
  readonly severity: Severity;
  readonly message: string;
  readonly place?: Place;
  /** What to do about it, when the message alone does not say. */
  readonly hint?: string;
}

export interface ReportOptions {
  readonly place?: Place;
  readonly hint?: string;
}

/**
 * How many diagnostics of one kind (one code) a run keeps and shows; the rest are counted. A
 * sheet of a million junk rows is then 20 warnings and "and 999,985 more like this", not a
 * million lines.
 */
export const SHOWN_PER_KIND = 20;

/** Collects the diagnostics of one run. */
export class Diagnostics {
  private readonly items: Diagnostic[] = [];
  private readonly perCode = new Map<Code, number>();
  private errors = 0;
  private warnings = 0;

  report(code: Code, message: string, options: ReportOptions = {}): Diagnostic {
    const d: Diagnostic = { code, severity: CODES[code].severity, message, ...options };
    const n = (this.perCode.get(code) ?? 0) + 1;
    this.perCode.set(code, n);
    if (d.severity === 'error') this.errors++;
    else this.warnings++;
    if (n <= SHOWN_PER_KIND) this.items.push(d);
    return d;
  }

  /**
   * True once the diagnostics of this kind kept are all that will be shown: a caller reporting
   * in a loop may then skip the work of composing a message (a did-you-mean, say) and call
   * `count` instead.
   */
  saturated(code: Code): boolean {
    return (this.perCode.get(code) ?? 0) >= SHOWN_PER_KIND;
  }

  /** Counts one more diagnostic of a kind already saturated, without composing it. */
  count(code: Code): void {
    this.perCode.set(code, (this.perCode.get(code) ?? 0) + 1);
    if (CODES[code].severity === 'error') this.errors++;
    else this.warnings++;
  }

  /** Diagnostics counted but not kept, by code. */
  get omitted(): ReadonlyMap<Code, number> {
    return new Map([...this.perCode].filter(([, n]) => n > SHOWN_PER_KIND).map(([c, n]) => [c, n - SHOWN_PER_KIND]));
  }

  /** The diagnostics kept: every one, except beyond SHOWN_PER_KIND of one kind. */
  get all(): readonly Diagnostic[] {
    return this.items;
  }

  get errorCount(): number {
    return this.errors;
  }

  get warningCount(): number {
    return this.warnings;
  }

  get hasErrors(): boolean {
    return this.errorCount > 0;
  }
}
