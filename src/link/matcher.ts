/**
 * The matcher: for an action that names no finding, which finding does it answer? A lexical
 * retrieval model, TF-IDF with cosine similarity over stemmed words without stop words, with
 * children's services knowledge added: an acronym and its expansion count as the same words,
 * and words of one concept group (caseload, workload, capacity ...) share a concept term, so
 * a paraphrase with little vocabulary in common still meets its finding. The action's
 * priority title is added as context at a lower weight. Pure and deterministic.
 */
import { stemmer } from 'stemmer';
import { ACRONYMS, CONCEPTS, STOP_WORDS } from './knowledge.js';

export interface MatchText {
  readonly id: string;
  readonly text: string;
}

export interface MatchQuery extends MatchText {
  /** The action's priority title: context, weighed less than the action itself. */
  readonly context?: string;
}

export interface Suggestion {
  readonly finding: string;
  /** Cosine similarity, 0–1, rounded to two places. */
  readonly score: number;
}

export interface MatcherOptions {
  /** Below this best score an action is said to answer nothing. */
  readonly threshold: number;
  /** A second finding is linked too when it scores at least this share of the best. */
  readonly secondShare: number;
  readonly contextWeight: number;
  readonly conceptWeight: number;
}

/**
 * Calibrated on the development set (test/fixtures/match-dev): see `npm run eval:match`, which
 * prints the figures for these settings.
 */
export const DEFAULT_MATCHER: MatcherOptions = { threshold: 0.25, secondShare: 0.85, contextWeight: 0.1, conceptWeight: 3 };

const STOP = new Set(STOP_WORDS.map((w) => w.toLowerCase()));
const stem = (w: string) => stemmer(w);

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1 || /\d/.test(w));
}

/** Phrase terms (stemmed word lists) of every concept, longest first so phrases win. */
const CONCEPT_TERMS: readonly { concept: string; stems: readonly string[] }[] = Object.entries(CONCEPTS)
  .flatMap(([concept, terms]) => terms.map((t) => ({ concept, stems: words(t).map(stem) })))
  .sort((a, b) => b.stems.length - a.stems.length);

/** Weighted terms of a text: stems, acronym expansions and concept terms. */
export function terms(text: string, weight = 1, conceptWeight = DEFAULT_MATCHER.conceptWeight): Map<string, number> {
  const out = new Map<string, number>();
  const add = (t: string, w: number) => out.set(t, (out.get(t) ?? 0) + w);
  const ws: string[] = [];
  // Acronyms are expanded only when written in capitals: "SEND" is a need, "send" a verb.
  for (const raw of text.replace(/[’']s\b/g, '').split(/[^A-Za-z0-9]+/)) {
    const w = raw.toLowerCase();
    if (w.length < 2 && !/\d/.test(w)) continue;
    const expansion = raw.length > 1 && raw === raw.toUpperCase() && /[A-Z]/.test(raw) ? ACRONYMS[w] : undefined;
    if (expansion) ws.push(...words(expansion));
    else ws.push(w);
  }
  const stems = ws.map(stem);
  // Words inside a concept phrase stand for the concept, not for themselves: "offices" is an
  // estates word and must not meet "officers" (both stem to "offic") in a finding.
  const consumed = new Set<number>();
  const seen = new Set<string>();
  for (const { concept, stems: phrase } of CONCEPT_TERMS) {
    for (let i = 0; i + phrase.length <= stems.length; i++) {
      if (!phrase.every((p, k) => stems[i + k] === p && !consumed.has(i + k))) continue;
      for (let k = 0; k < phrase.length; k++) consumed.add(i + k);
      if (!seen.has(concept)) {
        add(`#${concept}`, weight * conceptWeight);
        seen.add(concept);
      }
    }
  }
  stems.forEach((s, i) => {
    if (!consumed.has(i) && !STOP.has(ws[i]!) && !STOP.has(s)) add(s, weight);
  });
  return out;
}

export interface Matcher {
  /** Every finding ranked for the action, best first. */
  rank(query: MatchQuery): Suggestion[];
  /** The findings the action is taken to answer: none, the best, or the best two when close. */
  accept(ranked: readonly Suggestion[]): string[];
}

export function createMatcher(findings: readonly MatchText[], options: MatcherOptions = DEFAULT_MATCHER): Matcher {
  const docs = findings.map((f) => ({ id: f.id, tf: terms(f.text, 1, options.conceptWeight) }));
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  const idf = (t: string) => Math.log((n + 1) / ((df.get(t) ?? 0) + 1)) + 1;
  const vector = (tf: Map<string, number>) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [t, f] of tf) {
      const x = (1 + Math.log(f)) * idf(t);
      if (x <= 0) continue;
      v.set(t, x);
      norm += x * x;
    }
    return { v, norm: Math.sqrt(norm) };
  };
  const vectors = docs.map((d) => ({ id: d.id, ...vector(d.tf) }));
  const queryVector = (tf: Map<string, number>) => {
    const qv = new Map<string, number>();
    let norm = 0;
    for (const [t, w] of tf) {
      const x = (w >= 1 ? 1 + Math.log(w) : w) * idf(t);
      qv.set(t, x);
      norm += x * x;
    }
    return { qv, norm: Math.sqrt(norm) };
  };
  const cosines = ({ qv, norm }: { qv: Map<string, number>; norm: number }): number[] =>
    vectors.map((d) => {
      if (norm === 0 || d.norm === 0) return 0;
      let dot = 0;
      for (const [t, x] of qv) {
        const y = d.v.get(t);
        if (y) dot += x * y;
      }
      return dot / (norm * d.norm);
    });

  return {
    rank(query) {
      // The action's own words decide the score, which says whether it answers anything; the
      // priority title only helps order findings the action already meets.
      const own = cosines(queryVector(terms(query.text, 1, options.conceptWeight)));
      const context = query.context ? cosines(queryVector(terms(query.context, 1, options.conceptWeight))) : undefined;
      // The priority title only adds to findings the action's own words already meet, so an
      // action that answers nothing stays low whatever its priority is called.
      const scored = vectors.map((d, i) => {
        const exact = Math.min(1, own[i]! + (own[i]! > 0 && context ? options.contextWeight * context[i]! : 0));
        return { finding: d.id, score: Math.round(exact * 100) / 100, exact, order: i };
      });
      // Ties keep the register order, so results never depend on sort stability.
      scored.sort((a, b) => b.exact - a.exact || a.order - b.order);
      return scored.map(({ finding, score }) => ({ finding, score }));
    },
    accept(ranked) {
      const best = ranked[0];
      if (!best || best.score < options.threshold) return [];
      const second = ranked[1];
      return second && second.score >= options.threshold && second.score >= best.score * options.secondShare ? [best.finding, second.finding] : [best.finding];
    },
  };
}

/** The baseline the matcher is measured against: the share of the action's words found in the finding. */
export function wordOverlap(action: string, finding: string): number {
  const a = new Set(words(action).filter((w) => !STOP.has(w)));
  const f = new Set(words(finding));
  if (a.size === 0) return 0;
  let k = 0;
  for (const w of a) if (f.has(w)) k++;
  return k / a.size;
}
