/** Edit distance with adjacent transpositions (optimal string alignment), for did-you-mean. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

const sorted = (s: string) => [...s].sort().join('');

/**
 * The closest candidate, if close enough to be a plausible typo. A candidate that contains the
 * value (or the reverse) also counts, so "ILACS-71" suggests "ILACS-2014-71".
 */
export function didYouMean(value: string, candidates: Iterable<string>): string | undefined {
  const v = value.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const lc = c.toLowerCase();
    let score = editDistance(v, lc);
    if (lc.includes(v) || v.includes(lc)) score = Math.min(score, 1 + Math.abs(lc.length - v.length) / 10);
    const tail = v.split(/[-_.]/).pop();
    if (tail && tail.length > 0 && lc.endsWith(`-${tail}`) && lc.split(/[-_.]/)[0] === v.split(/[-_.]/)[0]) {
      score = Math.min(score, 1.5);
    }
    // Among equals, a candidate with the same letters (a transposition) is the likelier typo.
    if (sorted(lc) === sorted(v)) score -= 0.25;
    if (score < bestScore) {
      bestScore = score;
      best = c;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(2, Math.floor(value.length / 3));
  return bestScore <= limit ? best : undefined;
}

/** `(did you mean "x"?)`, or an empty string. */
export function suggestion(value: string, candidates: Iterable<string>): string {
  const m = didYouMean(value, candidates);
  return m === undefined ? '' : ` (did you mean "${m}"?)`;
}
