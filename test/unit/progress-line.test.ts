/** The progress line: on a terminal, one line rewritten in place and cleared; elsewhere, nothing. */
import { describe, expect, it } from 'vitest';
import { progressLine, progressText, type ProgressStream } from '../../src/cli/progress.js';
import type { ProgressEvent } from '../../src/model/progress.js';
import { validate } from '../../src/pipeline/build.js';
import { workspace } from '../helpers/workspace.js';

function stream(isTTY: boolean, columns = 80): ProgressStream & { text: string } {
  return {
    isTTY,
    columns,
    text: '',
    write(t: string) {
      this.text += t;
      return true;
    },
  };
}

describe('progress line', () => {
  it('writes nothing at all when stderr is not a terminal', () => {
    const s = stream(false);
    const line = progressLine(s);
    line.update({ stage: 'matching actions', done: 1, total: 2, unit: 'actions' });
    line.update({ stage: 'rendering reports', done: 2, total: 2, unit: 'reports' });
    line.clear();
    expect(s.text).toBe('');
  });

  it('on a terminal, rewrites one line in place and clears it at the end', () => {
    const s = stream(true);
    let t = 0;
    const line = progressLine(s, { now: () => t, intervalMs: 100 });
    line.update({ stage: 'matching actions', done: 0, total: 5000, unit: 'actions' });
    t = 10;
    line.update({ stage: 'matching actions', done: 10, total: 5000, unit: 'actions' }); // too soon: skipped
    t = 150;
    line.update({ stage: 'matching actions', done: 2500, total: 5000, unit: 'actions' });
    t = 160;
    line.update({ stage: 'matching actions', done: 5000, total: 5000, unit: 'actions' }); // the total is always shown
    line.update({ stage: 'rendering reports', done: 0, total: 2, unit: 'reports' }); // a new stage is always shown
    line.clear();
    expect(s.text.split('\r\x1b[K')).toEqual([
      '',
      'boardpack: matching actions: 0 of 5,000 actions',
      'boardpack: matching actions: 2,500 of 5,000 actions',
      'boardpack: matching actions: 5,000 of 5,000 actions',
      'boardpack: rendering reports: 0 of 2 reports',
      '',
    ]);
    expect(s.text).not.toContain('\n');
    expect(s.text.endsWith('\r\x1b[K')).toBe(true);
    // Cleared once: nothing more to clear.
    line.clear();
    expect(s.text.endsWith('reports\r\x1b[K')).toBe(true);
  });

  it("fits the terminal's width, and clears nothing it never wrote", () => {
    const s = stream(true, 30);
    const line = progressLine(s, { now: () => 0 });
    line.clear();
    expect(s.text).toBe('');
    line.update({ stage: 'reading the plan and findings' });
    expect(s.text).toBe('\r\x1b[Kboardpack: reading the plan \u2026');
    expect(progressText({ stage: 'drawing charts', done: 3 })).toBe('drawing charts: 3');
  });

  it('is told each stage of a build, with counts of actions and reports', async () => {
    const events: ProgressEvent[] = [];
    await validate({ configPath: workspace().config, progress: (e) => events.push(e) });
    const stages = [...new Set(events.map((e) => e.stage))];
    expect(stages).toEqual([
      'reading config.yml',
      'reading the plan and findings',
      'reading the performance export',
      'matching actions',
      'linking actions to findings',
      'computing figures',
      'composing reports',
    ]);
    expect(events.filter((e) => e.stage === 'matching actions').at(-1)).toEqual({
      stage: 'matching actions',
      done: 25,
      total: 25,
      unit: 'actions',
    });
    expect(events.filter((e) => e.stage === 'composing reports').map((e) => e.done)).toEqual([0, 1]);
  });
});
