/**
 * The matcher: for an action that names no finding, how well does it meet each finding? Texts are
 * read into evidence (analyse.ts: glossary terms, themes, council business, word stems) and
 * compared in a vector space weighted by how rare each feature is among the plan's findings
 * (TF-IDF, cosine). The query is the action's own words, with its priority title and the names of
 * the indicators it measures added at lower weights. Pure and deterministic.
 */
import { analyse, DEFAULT_WEIGHTS, type AnalyseWeights, type Evidence } from './analyse.js';
import { STOP_WORDS } from './knowledge/stop-words.js';

export interface MatchText {
  readonly id: string;
  readonly text: string;
  /** The list a finding is printed in. */
  readonly section?: string;
}

export interface MatchQuery extends MatchText {
  /** The action's priority title. */
  readonly context?: string;
  /** Names (and definitions) of the indicators the action measures. */
  readonly measures?: readonly string[];
}

export interface Suggestion {
  readonly finding: string;
  /** Similarity, 0–1, rounded to two places. */
  readonly score: number;
  /** The action's words (or the themes) that the finding shares, most telling first. */
  readonly because: readonly string[];
}

export interface MatcherOptions {
  readonly weights: AnalyseWeights;
  /** Weight of the priority title beside the action's own words. */
  readonly contextWeight: number;
  /** Weight of the measured indicators' names beside the action's own words. */
  readonly measuresWeight: number;
  /**
   * Weight of the board's name added to a finding of a safeguarding board's list that does not
   * name the board. On the development split with set W (1,288 actions): 0 gives top-1 94.0,
   * top-3 98.9; 0.5 and 0.75, 94.1 and 99.0; 1 to 2, 94.3 to 94.4 and 99.2 (npm run tune:match
   * board). 1 reads the finding as if it named the board, no more.
   */
  readonly boardWeight: number;
}

export const DEFAULT_MATCHER: MatcherOptions = { weights: DEFAULT_WEIGHTS, contextWeight: 0.2, measuresWeight: 0.6, boardWeight: 1 };

/** A safeguarding board's list, as the importer heads it ("LSCB Recommendations") or a person might. */
const BOARD_LIST = /^LSCB\b|\bsafeguarding (?:children )?board\b/i;

type Vector = { readonly v: ReadonlyMap<string, number>; readonly norm: number };

const tf = (w: number) => (w >= 1 ? 1 + Math.log(w) : w);

export interface Matcher {
  /** Every finding ranked for the action, best first (ties in register order). */
  rank(query: MatchQuery): Suggestion[];
}

/** Words of a council's name that name no particular place ("Borough", "City", "Children's"). */
const NAME_WORDS = new Set([
  'council',
  'borough',
  'city',
  'county',
  'metropolitan',
  'district',
  'royal',
  'london',
  'of',
  'and',
  'the',
  'upon',
  'on',
  'for',
  'children',
  'services',
  'social',
  'care',
  'trust',
  'first',
  'corporation',
  'authority',
  'local',
  'people',
]);

/**
 * The council's own name as a finding prints it ("Wexcombe", "Wexcombe's" for Wexcombe City
 * Council): its distinctive words, capitalised as written. A plan names its council in many
 * actions and a report now and then in a finding; shared, the name would be a rare word, and so a
 * strong one, that says nothing about the work. Matched as written, so that "Reading" takes no
 * "read" from a finding and "Poole" no "pool".
 */
export function placeName(council: string | undefined): RegExp | undefined {
  const words = (council ?? '')
    .split(/[^A-Za-z'\u2019-]+/)
    .map((w) => w.replace(/['\u2019]s$/, ''))
    .filter((w) => /^[A-Z]/.test(w) && w.length > 1 && !NAME_WORDS.has(w.toLowerCase()));
  if (words.length === 0) return undefined;
  // Letters, apostrophes and hyphens only (the split above): nothing to escape.
  return new RegExp(`(?<![A-Za-z])(?:${words.join('|')})(?:['\u2019]s)?(?![A-Za-z])`, 'g');
}

export function createMatcher(findings: readonly MatchText[], options: MatcherOptions = DEFAULT_MATCHER, place?: RegExp): Matcher {
  // Taken out of the findings only: taken out of the action too, it raised all its scores and the
  // plan's "none" calls suffered (development none recall 93.3 to 92.5%); left in the action, the
  // name is one more word no finding has.
  const withoutPlace = (text: string) => (place ? text.replace(place, ' ') : text);
  // Every item of a safeguarding board's list is addressed to the board, whether or not its
  // wording names it: read as if it did, so that naming the board neither wins nor loses an
  // action among the board's own findings.
  const boardEvidence = analyse('LSCB', options.weights).weights;
  const docs = findings.map((f) => {
    const ev = analyse(withoutPlace(f.text), options.weights);
    // A finding that names the board or partnership in any form the reader knows ("BSCB") has it.
    const named = ev.weights.has('=lscb') || ev.weights.has('=scp') || ev.weights.has('=lscp');
    if (!(options.boardWeight > 0) || !f.section || !BOARD_LIST.test(f.section) || named) return { id: f.id, ev };
    const weights = new Map(ev.weights);
    for (const [t, x] of boardEvidence) weights.set(t, (weights.get(t) ?? 0) + options.boardWeight * x);
    return { id: f.id, ev: { weights, surface: ev.surface } };
  });
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.ev.weights.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  const idf = (t: string) => Math.log((n + 1) / ((df.get(t) ?? 0) + 1)) + 1;
  const vectorOf = (weights: ReadonlyMap<string, number>): Vector => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [t, w] of weights) {
      const x = tf(w) * idf(t);
      if (x <= 0) continue;
      v.set(t, x);
      norm += x * x;
    }
    return { v, norm: Math.sqrt(norm) };
  };
  const vectors = docs.map((d) => ({ id: d.id, ev: d.ev, ...vectorOf(d.ev.weights) }));

  return {
    rank(query) {
      const own = analyse(query.text, options.weights);
      const parts: { ev: Evidence; k: number }[] = [{ ev: own, k: 1 }];
      if (query.context) parts.push({ ev: analyse(query.context, options.weights), k: options.contextWeight });
      if (query.measures && query.measures.length > 0)
        parts.push({ ev: analyse(query.measures.join('. '), options.weights), k: options.measuresWeight });
      const combined = new Map<string, number>();
      for (const { ev, k } of parts) for (const [t, w] of ev.weights) combined.set(t, (combined.get(t) ?? 0) + k * w);
      const q = vectorOf(combined);
      const surface = (t: string) => own.surface.get(t) ?? parts.find((p) => p.ev.surface.has(t))?.ev.surface.get(t) ?? t;
      const scored = vectors.map((d, order) => {
        if (q.norm === 0 || d.norm === 0) return { finding: d.id, exact: 0, order, because: [] as string[] };
        let dot = 0;
        const shared: { t: string; x: number }[] = [];
        for (const [t, x] of q.v) {
          const y = d.v.get(t);
          if (!y) continue;
          dot += x * y;
          shared.push({ t, x: x * y });
        }
        shared.sort((a, b) => b.x - a.x || (a.t < b.t ? -1 : 1));
        const because = [...new Set(shared.map((s) => explain(s.t, surface(s.t))))].slice(0, 4);
        return { finding: d.id, exact: dot / (q.norm * d.norm), order, because };
      });
      scored.sort((a, b) => b.exact - a.exact || a.order - b.order);
      return scored.map(({ finding, exact, because }) => ({ finding, score: Math.round(exact * 100) / 100, because }));
    },
  };
}

/** A feature as a reader would name it: the action's own word, or the theme. */
function explain(feature: string, words: string): string {
  return feature.startsWith('#') ? `theme: ${feature.slice(1)}` : words;
}

const STOP = new Set(STOP_WORDS);

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1 || /\d/.test(w));
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
