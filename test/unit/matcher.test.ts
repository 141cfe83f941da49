import { describe, expect, it } from 'vitest';
import { readLabelledSet } from '../../src/link/dev-set.js';
import { createMatcher, DEFAULT_MATCHER, terms } from '../../src/link/matcher.js';
import { addAnswers } from '../../src/link/write-answers.js';
import { ROOT } from '../helpers/workspace.js';
import path from 'node:path';

describe('matcher knowledge', () => {
  it('expands acronyms written in capitals only', () => {
    expect([...terms('Fund a CAMHS worker').keys()]).toContain('#mentalhealth');
    expect([...terms('Provide SEND transition plans').keys()]).toContain('#disabled');
    expect([...terms('send a summary to the day teams').keys()]).not.toContain('#disabled');
  });

  it('puts paraphrases of one theme under one concept, and the words of a concept phrase stand for it', () => {
    const a = terms('Cap social worker caseloads at eighteen');
    const b = terms('Some social workers hold too many cases');
    expect(a.has('#caseload') && b.has('#caseload')).toBe(true);
    const offices = terms('Move into the new civic offices');
    expect(offices.has('#estates')).toBe(true);
    expect(offices.has('offic')).toBe(false);
  });
});

describe('matcher ranking', () => {
  const findings = [
    { id: 'F1', text: 'The stability of the workforce and the size of social workers\u2019 caseloads.' },
    { id: 'F2', text: 'The response to children who go missing, including the quality of return home interviews.' },
    { id: 'F3', text: 'The sufficiency of local homes for children in care, including the number of foster carers.' },
  ];
  const m = createMatcher(findings);

  it('ranks the finding an action answers first, even with little shared vocabulary', () => {
    expect(m.rank({ id: 'a', text: 'Commission an independent service to talk with runaway teenagers after each episode.' })[0]!.finding).toBe('F2');
    expect(m.rank({ id: 'b', text: 'Pay a market supplement and a retention bonus in hard-to-fill teams.' })[0]!.finding).toBe('F1');
    expect(m.rank({ id: 'c', text: 'Launch a campaign to recruit fostering households in the borough.' })[0]!.finding).toBe('F3');
  });

  it('says an action answers nothing rather than force a link', () => {
    const r = m.rank({ id: 'n', text: 'Agree the revenue budget for next year with the finance team.' });
    expect(r[0]!.score).toBeLessThan(DEFAULT_MATCHER.threshold);
    expect(m.accept(r)).toEqual([]);
  });

  it('is deterministic, scores in 0-1 and ranks every finding', () => {
    const q = { id: 'x', text: 'Offer a return home interview to every child who has been missing.', context: 'Partnerships' };
    const a = m.rank(q);
    expect(m.rank(q)).toEqual(a);
    expect(a).toHaveLength(3);
    for (const s of a) expect(s.score).toBeGreaterThanOrEqual(0), expect(s.score).toBeLessThanOrEqual(1);
  });
});

describe('matcher quality on the development set', () => {
  // The figures npm run eval:match prints; a change that loses quality fails here.
  const set = readLabelledSet(path.join(ROOT, 'test/fixtures/match-dev'));
  const m = createMatcher(set.findings);
  const ranked = set.actions.map((a) => ({ a, r: m.rank({ id: a.id, text: a.action, context: a.context }) }));
  const linked = ranked.filter(({ a }) => a.answers.length > 0);
  const none = ranked.filter(({ a }) => a.answers.length === 0);

  it('has a set of the size and kind the issue asks for', () => {
    expect(set.actions.length).toBeGreaterThanOrEqual(80);
    expect(none.length).toBeGreaterThanOrEqual(8);
    expect(set.actions.filter((a) => a.paraphrase).length * 3).toBeGreaterThanOrEqual(set.actions.length - 3);
    expect(set.actions.some((a) => a.answers.length === 2)).toBe(true);
  });

  it('top-1 at least 95% and top-3 at least 99%', () => {
    const top1 = linked.filter(({ a, r }) => a.answers.includes(r[0]!.finding)).length / linked.length;
    const top3 = linked.filter(({ a, r }) => r.slice(0, 3).some((s) => a.answers.includes(s.finding))).length / linked.length;
    expect(top1).toBeGreaterThanOrEqual(0.95);
    expect(top3).toBeGreaterThanOrEqual(0.99);
  });

  it('finds at least 90% of the actions that answer nothing, without mistaking linked ones', () => {
    const found = none.filter(({ r }) => m.accept(r).length === 0).length;
    const wrong = linked.filter(({ r }) => m.accept(r).length === 0).length;
    expect(found / none.length).toBeGreaterThanOrEqual(0.9);
    expect(found / (found + wrong)).toBeGreaterThanOrEqual(0.9);
  });
});

describe('writing answers into the plan', () => {
  const plan = `# the plan
title: T   # keep me
priorities:
  - id: P1
    title: Front door
    lead: L
    actions:
      - id: P1.1
        action: >-
          Do the thing, which is described
          over two lines.
        owner: O   # owner comment
        due: 2026-01-31
        status: on-track
      # a comment between actions
      - { id: P1.2, action: Other, owner: O, due: 2026-01-31, status: at-risk }
      - id: P1.3
        action: Third
        owner: O
        due: 2026-01-31
        status: complete
        answers: []
`;

  it('adds only the answers lines, after each action, with comments and layout kept', () => {
    const out = addAnswers(plan, [
      { priority: 0, action: 0, findings: ['F1'], note: 'suggested' },
      { priority: 0, action: 1, findings: ['F2', 'F3'] },
      { priority: 0, action: 2, findings: ['F4'] },
    ]);
    expect(out).toBe(
      plan
        .replace('        status: on-track\n', '        status: on-track\n        answers: [F1]  # suggested\n')
        .replace('status: at-risk }', 'status: at-risk, answers: [F2, F3] }')
        .replace('        answers: []\n', '        answers: [F4]\n'),
    );
  });
});
