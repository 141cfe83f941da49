/**
 * npm run tune:match: tries matcher settings on the DEVELOPMENT split only and prints a line per
 * setting, best first, so the bands and weights in src/link are chosen on material the held-out
 * figures never see. The held-out split is not read here at all.
 */
import path from 'node:path';
import { DEFAULT_BANDS, type Bands } from '../src/3-link/match.js';
import { DEFAULT_MATCHER, type MatcherOptions } from '../src/3-link/matcher.js';
import { byMatcher, decideAll, noneF1, score, secondLinks, setTrial, type Scores } from './eval-match.js';
import { readEvalSet } from './match-eval-set.js';
import { ROOT } from './root.js';

const SHARED = process.env['BOARDPACK_SHARED'] ?? path.join(ROOT, '../shared');
const where = {
  dir: path.join(ROOT, 'test/fixtures/match-eval'),
  samples: path.join(SHARED, 'ofsted-samples'),
  seeds: path.join(SHARED, 'seeds'),
  // The corpus reports of the development split (sets C and D), when the corpus is here.
  ...(process.env['BOARDPACK_CORPUS'] ? { corpus: process.env['BOARDPACK_CORPUS'] } : {}),
};

/** One number to rank settings by: the targets, each counted up to the target only. */
export function objective(s: Scores): number {
  const cap = (x: number, t: number) => Math.min(x, t) / t;
  return (
    cap(s.top1, 0.9) +
    cap(s.top3, 0.98) +
    cap(s.noneRecall, 0.85) +
    cap(s.nonePrecision, 0.8) +
    cap(1 - s.missedAsNone, 0.9) +
    0.5 * s.top1 +
    0.25 * s.confidentRight
  );
}

const dev = (await readEvalSet(where)).filter((p) => p.split === 'dev');
const pct = (x: number) => `${(x * 100).toFixed(1)}`.padStart(5);

function run(matcher: MatcherOptions, bands: Bands) {
  setTrial({ matcher, bands });
  return score(decideAll(dev, byMatcher));
}

const grid = process.argv[2] ?? 'bands';
const results: { name: string; s: Scores }[] = [];
if (grid === 'bands') {
  for (const possible of [0.08, 0.1, 0.12, 0.14, 0.16, 0.18, 0.2])
    for (const matched of [0.2, 0.25, 0.3, 0.35])
      for (const margin of [0, 0.03, 0.06])
        for (const coverage of [0, 0.3, 0.45]) {
          if (matched < possible) continue;
          const bands = { ...DEFAULT_BANDS, possible, matched, margin, coverage };
          results.push({ name: JSON.stringify(bands), s: run(DEFAULT_MATCHER, bands) });
        }
} else if (grid === 'weights') {
  for (const theme of [0.5, 1, 1.5, 2])
    for (const entry of [0.5, 1, 2])
      for (const expansion of [0.25, 0.5, 1])
        for (const business of [1, 2, 4]) {
          const m = { ...DEFAULT_MATCHER, weights: { ...DEFAULT_MATCHER.weights, theme, entry, expansion, business } };
          results.push({ name: JSON.stringify(m.weights), s: run(m, DEFAULT_BANDS) });
        }
} else if (grid === 'relative') {
  // Where "answers nothing" starts in a plan whose actions typically score low (DEFAULT_BANDS.typicalShare, .lowest).
  for (const typicalShare of [0, 0.4, 0.45, 0.5, 0.55, 0.6])
    for (const lowest of [0.08, 0.1]) {
      const bands = { ...DEFAULT_BANDS, typicalShare, lowest };
      results.push({ name: JSON.stringify({ typicalShare, lowest }), s: run(DEFAULT_MATCHER, bands) });
    }
} else if (grid === 'unanswered') {
  // How far below "possible" an action may score and still fill a finding nothing else answers.
  for (const unanswered of [0, 0.06, 0.08, 0.1, 0.12, 0.14]) {
    const bands = { ...DEFAULT_BANDS, unanswered };
    results.push({ name: JSON.stringify({ unanswered }), s: run(DEFAULT_MATCHER, bands) });
  }
} else if (grid === 'population') {
  for (const population of [0, 0.3, 0.6, 1]) {
    const m = { ...DEFAULT_MATCHER, weights: { ...DEFAULT_MATCHER.weights, population } };
    results.push({ name: JSON.stringify({ population }), s: run(m, DEFAULT_BANDS) });
  }
} else if (grid === 'coverage') {
  for (const coverage of [0, 0.2, 0.3, 0.4, 0.45, 0.5, 0.6])
    for (const possible of [0.14, 0.15, 0.16]) {
      const bands = { ...DEFAULT_BANDS, coverage, possible };
      results.push({ name: JSON.stringify({ coverage, possible }), s: run(DEFAULT_MATCHER, bands) });
    }
} else if (grid === 'business') {
  for (const business of [0.1, 0.2, 0.3, 0.4, 0.5, 1])
    for (const possible of [0.12, 0.14, 0.15, 0.16]) {
      const bands = { ...DEFAULT_BANDS, business, possible };
      results.push({ name: JSON.stringify({ business, possible }), s: run(DEFAULT_MATCHER, bands) });
    }
} else if (grid === 'hub') {
  for (const hubWeight of [0, 0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5])
    for (const hubNeighbours of [2, 3, 4, 5, 10]) {
      const bands = { ...DEFAULT_BANDS, hubWeight, hubNeighbours };
      results.push({ name: JSON.stringify({ hubWeight, hubNeighbours }), s: run(DEFAULT_MATCHER, bands) });
    }
} else if (grid === 'board') {
  for (const boardWeight of [0, 0.25, 0.5, 0.75, 1, 1.5, 2])
    results.push({ name: JSON.stringify({ boardWeight }), s: run({ ...DEFAULT_MATCHER, boardWeight }, DEFAULT_BANDS) });
} else if (grid === 'fields') {
  for (const contextWeight of [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6])
    for (const measuresWeight of [0, 0.15, 0.3, 0.6, 0.8, 1]) {
      const m = { ...DEFAULT_MATCHER, contextWeight, measuresWeight };
      results.push({ name: JSON.stringify({ contextWeight, measuresWeight }), s: run(m, DEFAULT_BANDS) });
    }
}
if (grid === 'second') {
  // When an action is linked to a second finding too: the score it must reach, and its share of the
  // best. The first link, and so the table's figures, do not move; the second links' do.
  console.log('dev split only; second links made, share right; actions answering two, share linked to both');
  for (const secondFloor of [0.15, 0.2, 0.25, 0.3])
    for (const secondShare of [0.8, 0.85, 0.9]) {
      setTrial({ matcher: DEFAULT_MATCHER, bands: { ...DEFAULT_BANDS, secondShare, secondFloor } });
      const t = secondLinks(decideAll(dev, byMatcher));
      console.log(
        `  floor ${String(secondFloor).padEnd(4)} share ${String(secondShare).padEnd(4)} ${String(t.made).padStart(5)}  ${pct(t.right)}   ${String(t.pairs).padStart(4)}  ${pct(t.both)}`,
      );
    }
  process.exit(0);
}
results.sort((a, b) => objective(b.s) - objective(a.s));
console.log(`dev split only; ${results.length} settings, best first`);
console.log('objective  top-1  top-3  none-R  none-P  none-F1  real→none  sure-right  setting');
for (const { name, s } of results.slice(0, Number(process.env['TOP'] ?? 15))) {
  console.log(
    `${objective(s).toFixed(3).padStart(9)}  ${pct(s.top1)}  ${pct(s.top3)}   ${pct(s.noneRecall)}   ${pct(s.nonePrecision)}    ${pct(noneF1(s))}      ${pct(s.missedAsNone)}       ${pct(s.confidentRight)}  ${name}`,
  );
}
