/**
 * Matching for a whole plan: every action ranked against every finding, accepted links for
 * actions without `answers:`, and the findings no action answers. The result is what
 * `boardpack match --json` prints and what build uses.
 */
import type { Finding, Link, Plan } from '../model/types.js';
import { createMatcher, type MatcherOptions, type Suggestion, DEFAULT_MATCHER } from './matcher.js';

export interface ActionMatch {
  readonly id: string;
  /** The findings build will link: explicit answers, else accepted matches. */
  readonly linked: readonly string[];
  readonly source: 'explicit' | 'matched' | 'possible' | 'none';
  /** Best first, at most five. */
  readonly suggestions: readonly Suggestion[];
}

export interface MatchReport {
  readonly actions: readonly ActionMatch[];
  readonly findings: readonly { readonly id: string; readonly actions: readonly string[] }[];
}

export interface MatchPlanOptions {
  /** Rank findings for actions with explicit answers too (for review); build does not need it. */
  readonly suggestExplicit?: boolean;
  /** Indicator id → its name and definition: what an action `measures:` says of it. */
  readonly indicators?: ReadonlyMap<string, string>;
}

export function matchPlan(plan: Plan, findings: readonly Finding[], options: MatcherOptions = DEFAULT_MATCHER, what: MatchPlanOptions = {}): MatchReport {
  const suggestExplicit = what.suggestExplicit ?? true;
  const matcher = createMatcher(findings.map((f) => ({ id: f.id, text: f.text })), options);
  const known = new Set(findings.map((f) => f.id));
  const actions: ActionMatch[] = [];
  for (const p of plan.priorities) {
    for (const a of p.actions) {
      const explicit = [...new Set(a.answers)].filter((id) => known.has(id));
      const ranked = findings.length > 0 && (explicit.length === 0 || suggestExplicit) ? matcher.rank({ id: a.id, text: a.text, context: p.title }) : [];
      const suggestions = ranked.slice(0, 5);
      if (explicit.length > 0) {
        actions.push({ id: a.id, linked: explicit, source: 'explicit', suggestions });
        continue;
      }
      const accepted = matcher.accept(ranked);
      actions.push({ id: a.id, linked: accepted, source: accepted.length > 0 ? 'matched' : 'none', suggestions });
    }
  }
  const byFinding = findings.map((f) => ({ id: f.id, actions: actions.filter((a) => a.linked.includes(f.id)).map((a) => a.id) }));
  return { actions, findings: byFinding };
}

/** The accepted matches, as links for build. */
export function matchedLinks(report: MatchReport): Link[] {
  return report.actions
    .filter((a) => a.source === 'matched')
    .flatMap((a) => a.linked.map((f) => ({ actionId: a.id, findingId: f, via: 'matched' as const, score: a.suggestions.find((s) => s.finding === f)?.score ?? 0 })));
}
