import { describe, expect, it } from 'vitest';
import { lastDayOf } from '../../src/pipeline/load-inputs.js';

describe('the end of a period', () => {
  it.each([
    ['2026-10', '2026-10-31'],
    ['2026-11', '2026-11-30'],
    ['2024-02', '2024-02-29'],
    ['2026-02', '2026-02-28'],
    ['2026-12', '2026-12-31'],
  ])('%s ends on %s', (month, day) => {
    expect(lastDayOf(month)).toBe(day);
  });
});
