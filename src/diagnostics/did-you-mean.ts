/** Edit distance (Levenshtein), for did-you-mean suggestions. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j]!;
      prev[j] = Math.min(above + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = above;
    }
  }
  return prev[b.length]!;
}

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
