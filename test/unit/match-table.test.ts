/** The review table `boardpack match` prints, from a match report made by hand. */
import { describe, expect, it } from 'vitest';
import type { MatchReport } from '../../src/3-link/match.js';
import { formatMatchTable } from '../../src/cli/match-table.js';
import type { Finding } from '../../src/model/types.js';

const finding = (id: string, text: string): Finding => ({
  id,
  ref: id,
  section: 'What needs to improve',
  text,
  sourceId: 'T',
  review: false,
  place: { file: 'f.yml' },
});
const FINDINGS = [
  finding('F1', 'Permanence planning for children in long-term foster care.'),
  finding('F2', 'The clarity of decisions when children are cared for in their wider family.'),
  finding('F3', 'The accessibility of the local offer for care-experienced young people.'),
];
const s = (f: string, score: number, ...because: string[]) => ({ finding: f, score, because });

describe('the match review table', () => {
  it('shows both findings of a two-finding link with their scores, and why a gap-filling link is possible', () => {
    const report: MatchReport = {
      actions: [
        { id: 'A1', linked: ['F1', 'F2'], source: 'matched', suggestions: [s('F1', 0.31, 'theme: permanence'), s('F2', 0.28, 'kinship')] },
        { id: 'A2', linked: ['F3'], source: 'possible', fillsGap: true, suggestions: [s('F3', 0.13, 'care leavers'), s('F1', 0.04)] },
      ],
      findings: [
        { id: 'F1', actions: ['A1'] },
        { id: 'F2', actions: ['A1'] },
        { id: 'F3', actions: ['A2'] },
      ],
      noneBelow: { score: 0.1, typical: 0.2, from: 'best-scores' },
    };
    const lines = formatMatchTable(report, FINDINGS).split('\n');
    expect(lines[1]).toMatch(/^A1\s+F1\s+0\.31\s+matched\s+theme: permanence\s+Permanence planning/);
    expect(lines[2]).toMatch(/^\s+F2\s+0\.28\s+and\s+kinship\s+The clarity of decisions/);
    expect(lines[3]).toMatch(/^A2\s+F3\s+0\.13\s+possible\s+nothing else answers it, care…\s+The accessibility/);
    // The runner-up of a possible link, under it.
    expect(lines[4]).toMatch(/^\s+F1\s+0\.04\s+or\s/);
    expect(lines).toContain('Every finding is answered by at least one action.');
    expect(lines).toContain('2 actions: 0 linked in the plan, 1 matched, 1 possible (to be confirmed), 0 answer no finding');
    // A plan whose actions score low has its own floor, and says so.
    expect(lines).toContain(
      'In this plan an action answers nothing below a score of 0.10, set from the best score its actions typically reach (0.20).',
    );
    const usual = formatMatchTable({ ...report, noneBelow: { score: 0.15 } }, FINDINGS);
    expect(usual).not.toContain('In this plan');
    // One action is one action.
    const single = formatMatchTable({ ...report, actions: report.actions.slice(0, 1) }, FINDINGS);
    expect(single).toContain('\n1 action: 0 linked in the plan, 1 matched');
  });
});
