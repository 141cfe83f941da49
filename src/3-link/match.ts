/**
 * Matching for a whole plan: every action ranked against every finding, and a decision for each
 * action without `answers:`, in three bands a person can review:
 * - matched:  confident, linked by build (and written by `match --write`);
 * - possible: the best finding is shown with the runner-up, and reports mark it as needing
 *             confirmation, never as settled; a finding nothing else answers takes, as possible,
 *             the closest action that fell just short;
 * - none:     the action answers no finding.
 * The plan is read as a whole: every finding is normally answered by some action, so when an
 * action is nearly as close to a finding nothing else answers as to its best one, it goes to the
 * unanswered finding, as a possible link.
 */
import { NO_PROGRESS, type Progress } from '../model/progress.js';
import type { Finding, Link, Plan } from '../model/types.js';
import { analyse } from './analyse.js';
import { createMatcher, DEFAULT_MATCHER, placeName, type MatcherOptions, type Suggestion } from './matcher.js';

/**
 * The share of a text's named evidence (terms of the field, themes, council business) that is
 * council business. Words no table names (dates, places, verbs) say nothing of what the action is
 * about, and counted in they let a long business action pass for the field's.
 */
function businessShare(text: string, options: MatcherOptions): number {
  let all = 0;
  let business = 0;
  // Whom an action is for (children in care, care leavers) counts in full here: it is the field's
  // however little it says of which finding.
  for (const [f, w] of analyse(text, { ...options.weights, population: options.weights.entry }).weights) {
    if (!/^[$=#]/.test(f)) continue;
    all += w;
    if (f.startsWith('$')) business += w;
  }
  return all === 0 ? 0 : business / all;
}

export interface Bands {
  /** At or above this best score (and margin), a match is confident. */
  readonly matched: number;
  /** …and the best must lead the runner-up by this much. */
  readonly margin: number;
  /** At or above this, a possible link; below it, the action answers nothing (lower in a plan that scores low: typicalShare). */
  readonly possible: number;
  /** A second finding is linked too when it scores at least this share of the best ... */
  readonly secondShare: number;
  /**
   * ... and at least this. A second link is a settled suggestion like the first, and a weaker claim:
   * on the development split (2,228 actions, 324 answering two findings) with the floor at
   * `possible` (0.15), 283 second links were made and 53.7% were right, 34.6% of the two-finding
   * actions linked to both; at 0.2, 59.1% and 33.3%; at 0.25, 68.6% and 30.6%; at 0.3, 74.3% and
   * 21.9% (npm run tune:match second). The share of the best barely moves precision (50.0 to 55.6%
   * from 0.8 to 0.9). First links do not move.
   */
  readonly secondFloor: number;
  /**
   * How far below its best finding an action may go to answer a finding nothing else answers, as a
   * share of its best score: scores scale with how the findings are written (one-line findings
   * score lower against anything), so "nearly as close" is relative. On the development split
   * with set T (1,081 actions) 0.4 to 0.5 beat the earlier absolute 0.15 by two or three actions
   * at top-1 and lose none at top-3; 0 turns the step off (npm run tune:match coverage).
   */
  readonly coverage: number;
  /**
   * An action below `possible` is still a possible link to its best finding when no other action
   * answers that finding and it scores at least this: a gap in the plan is more likely answered
   * weakly than not at all, and a possible link is shown for a person to confirm. One action (the
   * closest) per such finding. On the development split 0.12 and 0.14 score as well as no such
   * rule by the F1 of "answers nothing" (lower floors trade recall for precision); the most
   * cautious is kept, for the gaps it shows a person (npm run tune:match unanswered).
   */
  readonly unanswered: number;
  /**
   * In a plan whose actions typically score low against its findings, "possible" starts lower: at
   * this share of what a real answer typically scores there (see matchPlan; never above
   * `possible`, never below `lowest`). 0 turns it off. Chosen on the development split with sets J,
   * K, M and N, 315 actions against one-line findings: the setting with the best F1 of "answers
   * nothing" (npm run tune:match relative prints it).
   */
  readonly typicalShare: number;
  /** The lowest "possible" can go in such a plan. */
  readonly lowest: number;
  /**
   * An action mostly about council business (finance, ICT, HR, estates ...) answers no finding
   * unless its best finding scores at least `matched`: when this share of its evidence or more is
   * business.
   */
  readonly business: number;
  /**
   * The warning for an action called none names its closest finding when it scored within this of
   * what it needed: a hint for the person reading, never a link.
   */
  readonly near: number;
  /**
   * A finding that scores well against many of the plan's actions (a long finding of many parts)
   * is a hub: it is close to everything, so closeness to it says less about any one action. Each
   * finding's scores are lowered by this share of how far its typical closeness (the mean of its
   * `hubNeighbours` best scores over the plan's other decided actions) lies above the plan's
   * average finding, and raised as far where it lies below (hubness reduction, as cross-domain
   * similarity local scaling does it). 0 turns it off. On the development split with sets BB to FF
   * (1,890 actions), 0.3 with 3 neighbours: top-1 93.9 to 95.3%, top-3 99.0 to 99.4% as first
   * made; the grid is flat from 0.25 to 0.5 and 2 to 4 neighbours (npm run tune:match hub).
   */
  readonly hubWeight: number;
  readonly hubNeighbours: number;
}

/** Chosen on the development split of the evaluation set: see `npm run eval:match`. */
export const DEFAULT_BANDS: Bands = {
  matched: 0.2,
  margin: 0.03,
  possible: 0.15,
  secondShare: 0.85,
  secondFloor: 0.25,
  coverage: 0.45,
  unanswered: 0.14,
  typicalShare: 0.45,
  lowest: 0.1,
  business: 0.5,
  near: 0.05,
  hubWeight: 0.3,
  hubNeighbours: 3,
};

/**
 * Each finding's hubness (Bands.hubWeight), read from the actions the matcher decides for, and a
 * function taking it out of an action's ranked findings: a finding close to every other action is
 * lowered, one close to few raised, around the plan's average finding, so the scores stay on the
 * scale the bands are set on. An action is measured against the others only (its own closeness
 * to a finding is no sign that the finding is a hub), so a plan of one such action is unchanged.
 */
function hubAdjuster(
  decided: readonly (readonly Suggestion[])[],
  bands: Bands,
): (ranked: readonly Suggestion[], own: boolean) => Suggestion[] {
  const k = bands.hubNeighbours;
  if (bands.hubWeight <= 0 || decided.length === 0 || k < 1) return (ranked) => [...ranked];
  // Each finding's k + 1 best scores: enough to leave out the action's own.
  const best = new Map<string, number[]>();
  for (const r of decided)
    for (const s of r) {
      const xs = best.get(s.finding) ?? best.set(s.finding, []).get(s.finding)!;
      xs.push(s.score);
      if (xs.length > k + 1) xs.sort((a, b) => b - a).pop();
    }
  for (const xs of best.values()) xs.sort((a, b) => b - a);
  const typicalOf = (f: string, own: number | undefined): number | undefined => {
    const xs = best.get(f);
    if (!xs) return undefined;
    const at = own === undefined ? -1 : xs.indexOf(own);
    const others = (at >= 0 ? [...xs.slice(0, at), ...xs.slice(at + 1)] : xs).slice(0, k);
    return others.length > 0 ? others.reduce((a, b) => a + b, 0) / others.length : undefined;
  };
  return (ranked, own) => {
    const typical = new Map<string, number>();
    for (const s of ranked) {
      const t = typicalOf(s.finding, own ? s.score : undefined);
      if (t !== undefined) typical.set(s.finding, t);
    }
    if (typical.size === 0) return [...ranked];
    const average = [...typical.values()].reduce((a, b) => a + b, 0) / typical.size;
    const order = new Map(ranked.map((s, i) => [s.finding, i]));
    return ranked
      .map((s) => {
        const t = typical.get(s.finding);
        // A finding that shares nothing with the action stays at nothing.
        if (t === undefined || s.score <= 0) return s;
        const score = s.score - bands.hubWeight * (t - average);
        return { ...s, score: Math.round(Math.min(1, Math.max(0, score)) * 100) / 100 };
      })
      .sort((a, b) => b.score - a.score || order.get(a.finding)! - order.get(b.finding)!);
  };
}

/** A plan needs this many actions for the matcher to decide before its typical score is trusted. */
const TYPICAL_FROM = 5;

export interface ActionMatch {
  readonly id: string;
  /** The findings build will link: explicit answers (none for `answers: []`), else the matched or possible ones. */
  readonly linked: readonly string[];
  readonly source: 'explicit' | 'matched' | 'possible' | 'none';
  /** Possible only because no other action answers its finding: its score fell short of the band. */
  readonly fillsGap?: true;
  /** For an action called none: the score a possible link needed (higher for council business), and whether it was business. */
  readonly neededScore?: number;
  readonly business?: true;
  /** Best first, at most five. */
  readonly suggestions: readonly Suggestion[];
}

/** The finding an action called none came closest to. */
export interface NearMiss {
  readonly findingId: string;
  readonly score: number;
  /** The score a possible link needed: the plan's floor, or `matched` for council business. */
  readonly needed: number;
  readonly business?: true;
}

export interface MatchReport {
  readonly actions: readonly ActionMatch[];
  readonly findings: readonly { readonly id: string; readonly actions: readonly string[] }[];
  /** Below this best score an action answers nothing, in this plan; with the typical score that lowered it, when one did. */
  readonly noneBelow: { readonly score: number; readonly typical?: number; readonly from?: 'answers' | 'best-scores' };
}

/**
 * What each indicator says as evidence for the actions that measure it: its name and definition
 * (an indicator with neither says nothing).
 */
export function indicatorEvidence(
  indicators: readonly { readonly id: string; readonly name?: string | undefined; readonly definition?: string | undefined }[],
): Map<string, string> {
  return new Map(indicators.flatMap((i) => (i.name || i.definition ? [[i.id, [i.name, i.definition].filter(Boolean).join('. ')]] : [])));
}

export interface MatchPlanOptions {
  /** Rank findings for actions with explicit answers too (for review); build does not need it. */
  readonly suggestExplicit?: boolean;
  /** Indicator id → its name and definition: what an action `measures:` says of it. */
  readonly indicators?: ReadonlyMap<string, string>;
  readonly matcher?: MatcherOptions;
  readonly bands?: Bands;
  /** Told of each action as it is matched. */
  readonly progress?: Progress;
  /** The council, as config.yml names it: its name is no evidence of what an action answers. */
  readonly council?: string;
}

export function matchPlan(plan: Plan, findings: readonly Finding[], options: MatchPlanOptions = {}): MatchReport {
  const suggestExplicit = options.suggestExplicit ?? true;
  const bands = options.bands ?? DEFAULT_BANDS;
  const matcher = createMatcher(
    findings.map((f) => ({ id: f.id, text: f.text, section: f.section })),
    options.matcher ?? DEFAULT_MATCHER,
    placeName(options.council),
  );
  const known = new Set(findings.map((f) => f.id));
  const rows: {
    id: string;
    explicit: string[];
    ranked: Suggestion[];
    /** For an action with answers:, its ranked findings when the plan's scale is read from answers. */
    scale: readonly Suggestion[];
    stated: boolean;
    /** No answers: and no `answers: []`: the matcher decides for it. */
    decided: boolean;
    business: number;
    /** For an action with answers:, how well it meets the best of them: what a real answer scores here. */
    answerScore?: number;
  }[] = [];
  let possibleHere = bands.possible;
  let typicalOf: { typical: number; from: 'answers' | 'best-scores' } | undefined;
  // An action mostly about council business needs a confident score; others, `possible` (the
  // bands' own, or the plan's where it is lower).
  const floorAt = (r: (typeof rows)[number], possible: number) => (r.business >= bands.business ? bands.matched : possible);
  const floor = (r: (typeof rows)[number]) => floorAt(r, possibleHere);
  const progress = options.progress ?? NO_PROGRESS;
  const total = plan.priorities.reduce((n, p) => n + p.actions.length, 0);
  for (const p of plan.priorities) {
    for (const a of p.actions) {
      progress({ stage: 'matching actions', done: rows.length, total, unit: 'actions' });
      const explicit = [...new Set(a.answers)].filter((id) => known.has(id));
      const measures = a.measures.flatMap((m) => {
        const name = options.indicators?.get(m);
        return name ? [name] : [];
      });
      // Only an action the matcher decides for needs its share of council business.
      const decided = explicit.length === 0 && !a.answersNone;
      const query = { id: a.id, text: a.text, context: p.title, measures };
      const ranked = findings.length > 0 && (decided || suggestExplicit) ? matcher.rank(query) : [];
      // An action with answers: is ranked too when the plan's scale is read from its answers.
      const scale = explicit.length > 0 && bands.typicalShare > 0 ? (ranked.length > 0 ? ranked : matcher.rank(query)) : [];
      rows.push({
        id: a.id,
        explicit,
        ranked,
        scale,
        stated: a.answersNone,
        decided,
        business: decided ? businessShare(a.text, options.matcher ?? DEFAULT_MATCHER) : 0,
      });
    }
  }
  progress({ stage: 'matching actions', done: total, total, unit: 'actions' });
  // Hubness is read from the actions the matcher decides for, whether or not actions with
  // answers: are ranked too, so build and `match` decide alike.
  const adjust = hubAdjuster(
    rows.filter((r) => r.decided).map((r) => r.ranked),
    bands,
  );
  for (const r of rows) {
    const ranked = r.ranked;
    r.ranked = adjust(ranked, r.decided);
    // The scale list is the ranked list itself whenever the action was ranked: adjusted once.
    const scaled = r.scale === ranked ? r.ranked : adjust(r.scale, false);
    const answerScore = scaled.filter((s) => r.explicit.includes(s.finding)).reduce((m, s) => Math.max(m, s.score), -1);
    if (answerScore >= 0) r.answerScore = answerScore;
  }
  // Scores scale with how the findings are written: one-line findings (the current framework's
  // "what needs to improve") score lower against any action than paragraphs do. Where "answers
  // nothing" starts is read from the plan: from how its actions with answers: meet the findings
  // they name, when five or more do; else, as most actions answer something, from the best scores
  // of the actions the matcher decides for, when there are five or more.
  if (bands.typicalShare > 0) {
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const answers = rows.flatMap((r) => (r.answerScore === undefined ? [] : [r.answerScore]));
    // Council business and actions sharing nothing with any finding say nothing of the scale, and
    // would pull it down; the rest must still be five or more, and most of the actions decided for.
    const decided = rows.filter((r) => r.explicit.length === 0 && !r.stated && r.ranked[0]);
    const bests = decided.flatMap((r) => (r.business < bands.business && r.ranked[0]!.score > 0 ? [r.ranked[0]!.score] : []));
    const trusted = bests.length >= TYPICAL_FROM && bests.length * 2 > decided.length;
    const from = answers.length >= TYPICAL_FROM ? 'answers' : trusted ? 'best-scores' : undefined;
    if (from) {
      const typical = median(from === 'answers' ? answers : bests);
      possibleHere = Math.min(bands.possible, Math.max(bands.lowest, bands.typicalShare * typical));
      // Said only where it lowers the floor.
      if (possibleHere < bands.possible) typicalOf = { typical, from };
    }
  }

  // First choices, then the plan as a whole: a finding no action answers takes an action for
  // which it is a close second, when that action's first finding stays answered.
  // On the bands' own floor, not the plan's: a weak link is possible only, and never moves a
  // stronger action away from its best finding.
  const first = new Map<string, string>();
  for (const r of rows) {
    if (r.explicit.length > 0 || r.stated || !r.ranked[0] || r.ranked[0].score < floorAt(r, bands.possible)) continue;
    first.set(r.id, r.ranked[0].finding);
  }
  const answeredBy = new Map<string, number>();
  // Actions the plan-wide step gave a finding other than their best: the plan's reading, not the
  // scores', so never confident.
  const moved = new Set<string>();
  const count = (f: string, k: number) => answeredBy.set(f, (answeredBy.get(f) ?? 0) + k);
  for (const r of rows) for (const f of r.explicit) count(f, 1);
  for (const f of first.values()) count(f, 1);
  if (bands.coverage > 0) {
    const candidates: { row: (typeof rows)[number]; to: Suggestion; loss: number }[] = [];
    for (const r of rows) {
      const best = r.ranked[0];
      if (!first.has(r.id) || !best) continue;
      for (const s of r.ranked.slice(1, 3)) {
        const loss = (best.score - s.score) / best.score;
        if (loss <= bands.coverage && s.score >= bands.possible) candidates.push({ row: r, to: s, loss });
      }
    }
    candidates.sort((a, b) => a.loss - b.loss || (a.row.id < b.row.id ? -1 : 1));
    for (const c of candidates) {
      const from = first.get(c.row.id)!;
      if ((answeredBy.get(c.to.finding) ?? 0) > 0 || (answeredBy.get(from) ?? 0) < 2) continue;
      first.set(c.row.id, c.to.finding);
      moved.add(c.row.id);
      count(from, -1);
      count(c.to.finding, 1);
      // The chosen finding leads the action's list from now on.
      c.row.ranked = [c.to, ...c.row.ranked.filter((s) => s !== c.to)];
    }
  }

  // An action linked to its best finding also links a runner-up nearly as close.
  const alsoLinked = (r: (typeof rows)[number]): Suggestion | undefined => {
    const [best, second] = r.ranked;
    return best && second && second.score >= bands.secondFloor && second.score >= best.score * bands.secondShare ? second : undefined;
  };

  // Findings still unanswered (by an explicit answer, a first choice or a runner-up linked too)
  // each take the closest action that fell just short of `possible`; of equally close actions,
  // the first in the plan.
  const gapFilledBy = new Map<string, { id: string; score: number }>();
  if (bands.unanswered > 0) {
    const linked = new Set([...answeredBy].filter(([, k]) => k > 0).map(([f]) => f));
    for (const r of rows) {
      const also = first.has(r.id) ? alsoLinked(r) : undefined;
      if (also) linked.add(also.finding);
    }
    for (const r of rows) {
      const best = r.ranked[0];
      if (r.explicit.length > 0 || r.stated || !best || first.has(r.id) || r.business >= bands.business) continue;
      if (best.score < bands.unanswered || linked.has(best.finding)) continue;
      const held = gapFilledBy.get(best.finding);
      if (!held || best.score > held.score) gapFilledBy.set(best.finding, { id: r.id, score: best.score });
    }
  }

  const actions: ActionMatch[] = rows.map((r) => {
    const suggestions = r.ranked.slice(0, 5);
    if (r.explicit.length > 0 || r.stated) return { id: r.id, linked: r.explicit, source: 'explicit', suggestions };
    const best = r.ranked[0];
    if (best && gapFilledBy.get(best.finding)?.id === r.id)
      return { id: r.id, linked: [best.finding], source: 'possible', fillsGap: true, suggestions };
    if (!best || best.score < floor(r))
      return {
        id: r.id,
        linked: [],
        source: 'none',
        suggestions,
        neededScore: floor(r),
        ...(r.business >= bands.business ? { business: true as const } : {}),
      };
    const second = r.ranked[1];
    const confident =
      !moved.has(r.id) &&
      best.score >= bands.matched &&
      (!second || best.score - second.score >= bands.margin || second.score >= best.score * bands.secondShare);
    const also = alsoLinked(r);
    return {
      id: r.id,
      linked: also ? [best.finding, also.finding] : [best.finding],
      source: confident ? 'matched' : 'possible',
      suggestions,
    };
  });
  const byFinding = findings.map((f) => ({ id: f.id, actions: actions.filter((a) => a.linked.includes(f.id)).map((a) => a.id) }));
  return { actions, findings: byFinding, noneBelow: { score: possibleHere, ...(typicalOf ?? {}) } };
}

/**
 * For each action called none whose best finding came within `near` of the score it needed: that
 * finding, its score and the score needed, so the warning can name the near miss for a person to
 * look at (on one-line findings an answer in other words can fall just short).
 */
export function nearMisses(report: MatchReport, near = DEFAULT_BANDS.near): Map<string, NearMiss> {
  const out = new Map<string, NearMiss>();
  for (const a of report.actions) {
    const best = a.suggestions[0];
    if (a.source !== 'none' || !best || a.neededScore === undefined || best.score <= 0) continue;
    if (best.score < a.neededScore - near) continue;
    out.set(a.id, {
      findingId: best.finding,
      score: best.score,
      needed: a.neededScore,
      ...(a.business ? { business: true as const } : {}),
    });
  }
  return out;
}

/** A floor as a person reads it beside two-place scores: rounded up, so a score shown below it is below it. */
export const shownFloor = (x: number) => (Math.ceil(x * 100 - 1e-9) / 100).toFixed(2);

/** The matcher's links, confident and possible, for build. */
export function matchedLinks(report: MatchReport): Link[] {
  return report.actions
    .filter((a) => a.source === 'matched' || a.source === 'possible')
    .flatMap((a) =>
      a.linked.map((f) => ({
        actionId: a.id,
        findingId: f,
        via: a.source === 'possible' ? ('possible' as const) : ('matched' as const),
        score: a.suggestions.find((s) => s.finding === f)?.score ?? 0,
        ...(a.fillsGap ? { fillsGap: true as const } : {}),
      })),
    );
}
