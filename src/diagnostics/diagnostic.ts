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

/** Thrown by `fail()` to stop a stage that cannot go on; the pipeline catches it. */
export class StageStop extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

/** Collects the diagnostics of one run. */
export class Diagnostics {
  private readonly items: Diagnostic[] = [];

  report(code: Code, message: string, options: ReportOptions = {}): Diagnostic {
    const d: Diagnostic = { code, severity: CODES[code].severity, message, ...options };
    this.items.push(d);
    return d;
  }

  /** Records an error and stops the current stage. */
  fail(code: Code, message: string, options: ReportOptions = {}): never {
    throw new StageStop(this.report(code, message, options));
  }

  get all(): readonly Diagnostic[] {
    return this.items;
  }

  get errorCount(): number {
    return this.items.filter((d) => d.severity === 'error').length;
  }

  get warningCount(): number {
    return this.items.length - this.errorCount;
  }

  get hasErrors(): boolean {
    return this.errorCount > 0;
  }
}
