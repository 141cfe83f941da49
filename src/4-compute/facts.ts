/**
 * The named sets every sentence of a report draws its numbers from: computed once, here, so a
 * summary, a recommendation and an appendix can never count the same thing differently.
 */
import type { Diagnostics } from '../diagnostics/index.js';
import type { ActionResult, Coverage, Facts, FindingCoverage, IndicatorResult, Inputs, Linkage } from '../model/types.js';

/**
 * How far an indicator is from its target, in tolerances: the gap in the indicator's own unit
 * divided by its amber tolerance, so a 6-point miss with a 2-point tolerance (3) ranks above a
 * 4-day miss with a 5-day tolerance (0.8). Without a tolerance, 5% of the target stands in.
 * Null for an indicator on target or without one.
 */
export function distanceFromTarget(r: IndicatorResult): number | null {
  const ind = r.indicator;
  const v = r.latest?.value;
  if (v === null || v === undefined || ind.target === undefined || ind.polarity === 'contextual') return null;
  const gap = ind.polarity === 'higher' ? ind.target - v : v - ind.target;
  if (gap <= 0 || r.rag === 'green') return null;
  const scale = ind.tolerance > 0 ? ind.tolerance : Math.max(Math.abs(ind.target) * 0.05, 10 ** -ind.decimals);
  return gap / scale;
}

/** A finding's coverage, the worst that applies, from the actions that answer it. */
export function coverageOf(links: readonly { via: string; action: ActionResult }[]): Coverage {
  const settled = links.filter((l) => l.via !== 'possible');
  if (links.length === 0) return 'not-answered';
  if (settled.length === 0) return 'unconfirmed';
  const risky = (a: ActionResult) => a.overdue || a.action.status === 'off-track' || a.action.status === 'at-risk';
  if (settled.some((l) => risky(l.action))) return 'at-risk';
  if (settled.every((l) => l.action.action.status === 'complete')) return 'complete';
  return 'on-track';
}

export function computeFacts(
  inputs: Inputs,
  linkage: Linkage,
  indicators: readonly IndicatorResult[],
  actions: readonly ActionResult[],
  diags?: Diagnostics,
): Facts {
  const status = (s: string) => actions.filter((a) => a.action.status === s);
  const overdue = actions.filter((a) => a.overdue);
  // A status that says all is well on an action past its date: the report shows it overdue
  // anyway, and the plan's owner is told where to correct it.
  const behind = overdue.filter((a) => a.action.status === 'on-track' || a.action.status === 'not-started');
  for (const a of behind) {
    diags?.report(
      'action-status-overdue',
      `action ${a.action.id} was due ${a.action.due} and is not complete, but its status is ${a.action.status}; it is shown as overdue`,
      {
        place: a.action.place,
        hint: 'update its status (at-risk, off-track or complete) or, if the date was moved, its due date',
      },
    );
  }
  const byId = new Map(actions.map((a) => [a.action.id, a]));
  const findings: FindingCoverage[] = inputs.findings.map((f) => {
    const links = (linkage.byFinding.get(f.id) ?? []).map((l) => ({ via: l.via, action: byId.get(l.actionId)! }));
    return { finding: f, coverage: coverageOf(links), actions: links.map((l) => l.action.action.id) };
  });
  const coverage = (c: Coverage) => findings.filter((f) => f.coverage === c);
  const rag = (x: string) => indicators.filter((r) => r.rag === x);
  const ranked = indicators
    .map((r) => ({ r, d: distanceFromTarget(r) }))
    .filter((x): x is { r: IndicatorResult; d: number } => x.d !== null)
    .sort((a, b) => b.d - a.d || (a.r.indicator.id < b.r.indicator.id ? -1 : 1))
    .map((x) => x.r);
  return {
    indicators: {
      all: indicators,
      red: rag('red'),
      amber: rag('amber'),
      green: rag('green'),
      belowTarget: indicators.filter((r) => r.rag === 'red' || r.rag === 'amber'),
      noTarget: rag('none'),
      worsenedThreeMonths: indicators.filter((r) => r.worseningRun >= 3),
      improving: indicators.filter((r) => r.direction === 'improving'),
      worsening: indicators.filter((r) => r.direction === 'worsening'),
      furthestFromTarget: ranked,
    },
    actions: {
      all: actions,
      complete: status('complete'),
      onTrack: status('on-track'),
      atRisk: status('at-risk'),
      offTrack: status('off-track'),
      notStarted: status('not-started'),
      overdue,
      statusBehindDate: behind,
      offTrackOrAtRisk: actions.filter((a) => a.action.status === 'off-track' || a.action.status === 'at-risk'),
    },
    findings: {
      all: findings,
      notAnswered: coverage('not-answered'),
      unconfirmed: coverage('unconfirmed'),
      atRisk: coverage('at-risk'),
      onTrack: coverage('on-track'),
      complete: coverage('complete'),
    },
  };
}
