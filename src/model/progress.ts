/**
 * What a build is doing, told as it goes, for a progress line on a terminal. Stages are handed a
 * Progress by the command line and never write anywhere themselves; what they tell it never
 * reaches a file, so a progress line may read the clock where a stage may not.
 */
export interface ProgressEvent {
  /** What is being done, e.g. "matching actions". */
  readonly stage: string;
  /** How many of `total` are done so far. */
  readonly done?: number;
  readonly total?: number;
  /** What is counted, e.g. "actions". */
  readonly unit?: string;
}

export type Progress = (event: ProgressEvent) => void;

/** Tells nobody: the default of every stage. */
export const NO_PROGRESS: Progress = () => undefined;
