/**
 * npm run eval:match: the matcher's quality on a labelled set (default: the development set in
 * test/fixtures/match-dev; pass another folder to measure on a set it has never seen), beside
 * the baseline of plain word overlap. Prints top-1 and top-3 accuracy and the precision and
 * recall of "answers nothing".
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readLabelledSet, readPlanAsSet, type LabelledSet } from '../link/dev-set.js';
import { createMatcher, DEFAULT_MATCHER, wordOverlap, type Suggestion } from '../link/matcher.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = process.argv[2] ?? path.join(ROOT, 'test/fixtures/match-dev');
const set = readLabelledSet(dir);
const heldOut = readPlanAsSet(path.join(ROOT, 'examples/wexcombe/plan.yml'));

interface Scores { top1: number; top3: number; linked: number; nonePrecision: number; noneRecall: number; n: number; none: number }

function evaluate(s: LabelledSet, rank: (a: LabelledSet['actions'][number]) => Suggestion[], threshold: number, only?: (a: LabelledSet['actions'][number]) => boolean): Scores {
  let top1 = 0, top3 = 0, linked = 0, n = 0, none = 0, predictedNone = 0, trueNone = 0;
  for (const a of s.actions) {
    if (only && !only(a)) continue;
    const r = rank(a);
    const saysNone = (r[0]?.score ?? 0) < threshold;
    if (a.answers.length === 0) {
      none++;
      if (saysNone) trueNone++;
    } else {
      n++;
      if (r[0] && a.answers.includes(r[0].finding)) top1++;
      if (r.slice(0, 3).some((x) => a.answers.includes(x.finding))) top3++;
      if (!saysNone && r[0] && a.answers.includes(r[0].finding)) linked++;
    }
    if (saysNone) predictedNone++;
  }
  return { top1: top1 / n, top3: top3 / n, linked: linked / n, nonePrecision: predictedNone ? trueNone / predictedNone : 1, noneRecall: none ? trueNone / none : 1, n, none };
}

const matcher = createMatcher(set.findings);
const byMatcher = (a: LabelledSet['actions'][number]) => matcher.rank({ id: a.id, text: a.action, context: a.context });
const byOverlap = (a: LabelledSet['actions'][number]) =>
  set.findings.map((f) => ({ finding: f.id, score: wordOverlap(a.action, f.text) })).sort((x, y) => y.score - x.score);

// The baseline gets its own best threshold, so the comparison is fair to it.
let overlapThreshold = 0;
let bestF = -1;
for (let t = 0.05; t <= 0.6; t += 0.05) {
  const s = evaluate(set, byOverlap, t);
  const f = (2 * s.nonePrecision * s.noneRecall) / (s.nonePrecision + s.noneRecall || 1) + s.top1;
  if (f > bestF) { bestF = f; overlapThreshold = t; }
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
const row = (name: string, s: Scores) =>
  console.log(`${name.padEnd(34)} ${pct(s.top1)} ${pct(s.top3)} ${pct(s.linked)} ${s.none ? `${pct(s.nonePrecision)} ${pct(s.noneRecall)}` : '    n/a     n/a'}`);

console.log(`set: ${dir}`);
console.log(`${set.findings.length} findings; ${set.actions.length} actions (${set.actions.filter((a) => a.answers.length === 0).length} answer nothing, ${set.actions.filter((a) => a.paraphrase).length} paraphrased, ${set.actions.filter((a) => a.answers.length > 1).length} answer two)`);
console.log(`${''.padEnd(34)}   top-1   top-3  linked  none-P  none-R`);
row(`matcher (threshold ${DEFAULT_MATCHER.threshold})`, evaluate(set, byMatcher, DEFAULT_MATCHER.threshold));
row('  paraphrased actions only', evaluate(set, byMatcher, DEFAULT_MATCHER.threshold, (a) => a.paraphrase || a.answers.length === 0));
row(`baseline: word overlap (${overlapThreshold.toFixed(2)})`, evaluate(set, byOverlap, overlapThreshold));
row('  paraphrased actions only', evaluate(set, byOverlap, overlapThreshold, (a) => a.paraphrase || a.answers.length === 0));

{
  const m = createMatcher(heldOut.findings);
  const linkedOnly = { ...heldOut, actions: heldOut.actions.filter((a) => a.answers.length > 0) };
  const s = evaluate(linkedOnly, (a) => m.rank({ id: a.id, text: a.action, context: a.context }), DEFAULT_MATCHER.threshold);
  const o = evaluate(linkedOnly, (a) => heldOut.findings.map((f) => ({ finding: f.id, score: wordOverlap(a.action, f.text) })).sort((x, y) => y.score - x.score), overlapThreshold);
  console.log(`\nheld out: the bundled example plan (${linkedOnly.actions.length} linked actions, ${heldOut.findings.length} findings), not used for tuning`);
  row('matcher', s);
  row('baseline: word overlap', o);
}

if (process.env['VERBOSE']) {
  for (const a of set.actions) {
    const r = byMatcher(a);
    const ok = a.answers.length === 0 ? r[0]!.score < DEFAULT_MATCHER.threshold : a.answers.includes(r[0]!.finding) && r[0]!.score >= DEFAULT_MATCHER.threshold;
    if (!ok) console.log(`  ${a.id} gold ${a.answers.join(',') || 'none'} got ${r.slice(0, 3).map((x) => `${x.finding} ${x.score}`).join(' | ')}  :: ${a.action}`);
  }
}
if (process.env['SWEEP']) {
  for (let t = 0.04; t <= 0.3; t += 0.02) {
    const s = evaluate(set, byMatcher, t);
    console.log(`threshold ${t.toFixed(2)}: linked ${pct(s.linked)} none-P ${pct(s.nonePrecision)} none-R ${pct(s.noneRecall)}`);
  }
}
