/**
 * The progress line of a long build: one line on a terminal's stderr, rewritten in place and
 * cleared at the end. On anything else (a pipe, a file, CI, the tests) it writes nothing at all,
 * so that what is captured is only the diagnostics and the result.
 */
import type { Progress, ProgressEvent } from '../model/progress.js';

export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): unknown;
}

export interface ProgressLine {
  readonly update: Progress;
  /** Removes the line, so that what is printed next starts on a clean line. */
  clear(): void;
}

/** Carriage return, then erase to the end of the line. */
const ERASE = '\r\x1b[K';

const count = (n: number) => n.toLocaleString('en-GB');

export function progressText(e: ProgressEvent): string {
  if (e.total === undefined) return e.done === undefined ? e.stage : `${e.stage}: ${count(e.done)}${e.unit ? ` ${e.unit}` : ''}`;
  return `${e.stage}: ${count(e.done ?? 0)} of ${count(e.total)}${e.unit ? ` ${e.unit}` : ''}`;
}

/**
 * A line on `stream` when it is a terminal. Redrawn when the stage changes, when a count
 * reaches its total, and otherwise at most every `intervalMs` (the clock only paces the
 * terminal; stages call as often as they like).
 */
export function progressLine(stream: ProgressStream, options: { now?: () => number; intervalMs?: number } = {}): ProgressLine {
  if (!stream.isTTY) return { update: () => undefined, clear: () => undefined };
  const now = options.now ?? (() => performance.now());
  const interval = options.intervalMs ?? 100;
  let shown = false;
  let lastStage: string | undefined;
  let lastAt = -Infinity;
  return {
    update(e) {
      const t = now();
      if (e.stage === lastStage && t - lastAt < interval && e.done !== e.total) return;
      lastStage = e.stage;
      lastAt = t;
      // A terminal of unknown size (columns 0, as under `script`) is taken as 80 wide.
      const width = Math.max(20, (stream.columns || 80) - 1);
      const text = `boardpack: ${progressText(e)}`;
      stream.write(`${ERASE}${text.length > width ? `${text.slice(0, width - 1)}\u2026` : text}`);
      shown = true;
    },
    clear() {
      if (!shown) return;
      stream.write(ERASE);
      shown = false;
      lastStage = undefined;
    },
  };
}
