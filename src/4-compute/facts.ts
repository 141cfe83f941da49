/**
 * The named sets every sentence of a report draws its numbers from: computed once, here, so a
 * summary, a recommendation and an appendix can never count the same thing differently.
 */
import type { Diagnostics } from '../diagnostics/index.js';
import { hasTarget } from './indicators.js';
import type { ActionResult, Coverage, Facts, FindingCoverage, IndicatorResult, Inputs, Linkage, Source } from '../model/types.js';

/** Off track, at risk or overdue: an action the board must look at. */
export const needsAttention = (a: ActionResult): boolean => a.overdue || a.action.status === 'off-track' || a.action.status === 'at-risk';

/** Answered by at least one settled action, whatever its progress. */
export const isAnswered = (c: Coverage): boolean => c !== 'not-answered' && c !== 'unconfirmed';

/** The overall effectiveness judgement of an inspection, if it has one. */
export const overallJudgement = (s: Source): Source['judgements'][number] | undefined =>
  s.judgements.find((j) => /overall effectiveness/i.test(j.area));

/**
 * How far an indicator's latest value is from its target, in its own unit, when it is below
 * target (red or amber); null when on target or without one.
 */
export function gapToTarget(r: IndicatorResult): number | null {
  if (r.rag !== 'red' && r.rag !== 'amber') return null;
  return Math.abs((r.latest?.value ?? 0) - (r.indicator.target ?? 0));
}

/**
 * How far an indicator is from its target, in tolerances: the gap in the indicator's own unit
 * divided by its amber tolerance, so a 6-point miss with a 2-point tolerance (3) ranks above a
 * 4-day miss with a 5-day tolerance (0.8). Without a tolerance, 5% of the target stands in.
 * Null for an indicator on target or without one.
 */
export function distanceFromTarget(r: IndicatorResult): number | null {
  const ind = r.indicator;
  const v = r.latest?.value;
  if (v === null || v === undefined || !hasTarget(ind)) return null;
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
  if (settled.some((l) => needsAttention(l.action))) return 'at-risk';
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
    const raw = linkage.byFinding.get(f.id) ?? [];
    const links = raw.map((l) => ({ via: l.via, action: byId.get(l.actionId)! }));
    // Possible links are not yet anyone's decision: they are named apart and counted nowhere.
    const settled = raw.filter((l) => l.via !== 'possible');
    return {
      finding: f,
      coverage: coverageOf(links),
      actions: links.map((l) => l.action.action.id),
      settled,
      needingAttention: settled.filter((l) => needsAttention(byId.get(l.actionId)!)),
      possible: raw.filter((l) => l.via === 'possible'),
    };
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
      needingAttention: actions.filter(needsAttention),
      unlinked: linkage.unlinkedActions.map((id) => byId.get(id)!).filter((a) => !a.action.answersNone),
    },
    priorities: inputs.plan.priorities.map((p) => {
      const list = p.actions.map((a) => byId.get(a.id)!);
      return {
        id: p.id,
        actions: list,
        complete: list.filter((a) => a.action.status === 'complete'),
        needingAttention: list.filter(needsAttention),
      };
    }),
    sources: {
      fullInspections: inputs.sources.filter((s) => s.kind === 'full-inspection'),
      visits: inputs.sources.filter((s) => s.kind !== 'full-inspection'),
    },
    findings: {
      all: findings,
      answered: findings.filter((f) => isAnswered(f.coverage)),
      notAnswered: coverage('not-answered'),
      unconfirmed: coverage('unconfirmed'),
      atRisk: coverage('at-risk'),
      onTrack: coverage('on-track'),
      complete: coverage('complete'),
    },
  };
}
