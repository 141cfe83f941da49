import { describe, expect, it } from 'vitest';
import {
  computeIndicator,
  directionOf,
  gapToTarget,
  hasTarget,
  isAnswered,
  isOverdue,
  needsAttention,
  ragOf,
} from '../../src/4-compute/index.js';
import type { Action, ActionResult, Indicator, IndicatorResult } from '../../src/model/types.js';

const higher = { polarity: 'higher', target: 80, tolerance: 5, decimals: 1 } as const;
const lower = { polarity: 'lower', target: 20, tolerance: 2, decimals: 1 } as const;

describe('RAG against target with an amber tolerance', () => {
  it.each([
    [higher, 85, 'green'],
    [higher, 80, 'green'], // on target is green
    [higher, 79.96, 'green'], // shown as 80.0, so it meets the target as the reader sees it
    [higher, 79.9, 'amber'],
    [higher, 75, 'amber'], // the edge of the tolerance is still amber
    [higher, 74.9, 'red'],
    [lower, 18, 'green'],
    [lower, 20, 'green'],
    [lower, 22, 'amber'],
    [lower, 22.1, 'red'],
    [{ ...lower, tolerance: 0 }, 20.1, 'red'], // no tolerance: no amber
    [{ polarity: 'contextual', target: 70, tolerance: 0, decimals: 1 }, 80, 'none'],
    [{ polarity: 'higher', target: undefined, tolerance: 0, decimals: 1 }, 80, 'none'],
    [higher, null, 'none'],
  ] as const)('%o with %s is %s', (ind, value, rag) => {
    expect(ragOf(value, ind)).toBe(rag);
  });
});

describe('direction of travel respects polarity', () => {
  it.each([
    ['higher', 1.2, 'improving'],
    ['higher', -1.2, 'worsening'],
    ['lower', -1.2, 'improving'],
    ['lower', 1.2, 'worsening'],
    ['lower', 0.04, 'stable'], // below half the last shown digit
    ['higher', 0.05, 'improving'],
    ['contextual', 3, 'up'],
    ['contextual', -3, 'down'],
    ['higher', null, 'unknown'],
  ] as const)('%s is better, change %s: %s', (polarity, change, direction) => {
    expect(directionOf(change, { polarity, decimals: 1 })).toBe(direction);
  });
});

describe('computeIndicator', () => {
  const ind = (values: (number | null)[], extra: Partial<Indicator> = {}): Indicator => ({
    id: 'X',
    name: 'X',
    unit: '%',
    decimals: 1,
    polarity: 'lower',
    target: 20,
    tolerance: 2,
    series: values.map((v, i) => ({ month: `2026-${String(i + 1).padStart(2, '0')}`, value: v })),
    ...extra,
  });

  it('takes latest and previous from the period and the month before', () => {
    const r = computeIndicator(ind([30, 25, 21.5]), '2026-03');
    expect(r.latest?.value).toBe(21.5);
    expect(r.previous?.value).toBe(25);
    expect(r.change).toBe(-3.5);
    expect(r.direction).toBe('improving');
    expect(r.rag).toBe('amber');
    expect(r.stale).toBe(false);
  });

  it('skips months with no value and says the latest is stale', () => {
    const r = computeIndicator(ind([30, 25, null]), '2026-03');
    expect(r.latest).toMatchObject({ month: '2026-02', value: 25 });
    expect(r.previous).toMatchObject({ month: '2026-01', value: 30 });
    expect(r.stale).toBe(true);
  });

  it('ignores months after the period', () => {
    const r = computeIndicator(ind([30, 25, 10]), '2026-02');
    expect(r.latest?.value).toBe(25);
  });

  it('computes the change on the same month a year before', () => {
    const values = Array.from({ length: 13 }, (_, i) => 30 - i);
    const i13: Indicator = {
      ...ind([]),
      series: values.map((v, i) => ({ month: i < 12 ? `2025-${String(i + 1).padStart(2, '0')}` : '2026-01', value: v })),
    };
    expect(computeIndicator(i13, '2026-01').changeOnYear).toBe(-12);
  });

  it('counts months since last on target, gaps and the run of worsening months', () => {
    // lower is better, target 20: on target in February, worse three months running since.
    const r = computeIndicator(ind([21, 19.5, 20.5, null, 21, 22.5]), '2026-06');
    expect(r.monthsSinceOnTarget).toBe(4);
    expect(r.gaps).toEqual(['2026-04']);
    expect(r.worseningRun).toBe(3);
    expect(computeIndicator(ind([25, 19]), '2026-02')).toMatchObject({ monthsSinceOnTarget: 0, worseningRun: 0 });
    expect(computeIndicator(ind([25, 26]), '2026-02').monthsSinceOnTarget).toBeNull();
  });

  it('has no latest value when the series is empty', () => {
    const r = computeIndicator(ind([]), '2026-03');
    expect(r).toMatchObject({ latest: null, previous: null, change: null, direction: 'unknown', rag: 'none' });
  });
});

describe('overdue actions', () => {
  it.each([
    ['2026-10-31', 'on-track', true],
    ['2026-11-12', 'on-track', false], // due on the pack date is not yet overdue
    ['2026-10-31', 'complete', false],
    ['2027-01-31', 'off-track', false],
  ] as const)('due %s, %s: overdue %s', (due, status, overdue) => {
    expect(isOverdue({ due, status }, '2026-11-12')).toBe(overdue);
  });
});

describe('the exception rules compose puts into words', () => {
  const action = (status: Action['status'], overdue: boolean): ActionResult => ({ action: { status } as Action, overdue });
  it.each([
    ['off-track', false, true],
    ['at-risk', false, true],
    ['on-track', true, true], // overdue, whatever the status says
    ['on-track', false, false],
    ['not-started', false, false],
    ['complete', false, false],
  ] as const)('an action %s, overdue %s, needs attention: %s', (status, overdue, needs) => {
    expect(needsAttention(action(status, overdue))).toBe(needs);
  });

  it('a finding is answered unless no action or only possible links answer it', () => {
    expect(['not-answered', 'unconfirmed', 'at-risk', 'on-track', 'complete'].map((c) => isAnswered(c as never))).toEqual([
      false,
      false,
      true,
      true,
      true,
    ]);
  });

  it('a target counts when given and the indicator is not contextual', () => {
    expect(hasTarget({ polarity: 'higher', target: 80 })).toBe(true);
    expect(hasTarget({ polarity: 'higher', target: undefined })).toBe(false);
    expect(hasTarget({ polarity: 'contextual', target: 80 })).toBe(false);
  });

  it('the gap to target is in the unit, only when red or amber', () => {
    const r = (rag: IndicatorResult['rag'], value: number) =>
      ({ rag, latest: { month: '2026-10', value }, indicator: { target: 20 } }) as unknown as IndicatorResult;
    expect(gapToTarget(r('red', 26.5))).toBeCloseTo(6.5);
    expect(gapToTarget(r('amber', 18))).toBe(2);
    expect(gapToTarget(r('green', 18))).toBeNull();
    expect(gapToTarget(r('none', 18))).toBeNull();
  });
});
