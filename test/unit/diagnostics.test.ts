import { describe, expect, it } from 'vitest';
import {
  Diagnostics,
  SHOWN_PER_KIND,
  didYouMean,
  formatDiagnostic,
  formatReport,
  formatSummary,
  sortDiagnostics,
} from '../../src/diagnostics/index.js';

describe('didYouMean', () => {
  it.each([
    ['ILACS-71', ['ILACS-2014-71', 'ILACS-2014-72'], 'ILACS-2014-71'],
    ['on track', ['complete', 'on-track', 'at-risk'], 'on-track'],
    ['CSC1', ['CSC01', 'CSC10'], 'CSC01'],
    ['ILACS-2025-R9', ['ILACS-2025-R1', 'ILACS-2025-R8'], 'ILACS-2025-R1'],
  ])('suggests %s → %s', (value, candidates, expected) => {
    expect(didYouMean(value, candidates)).toBe(expected);
  });

  it('does not suggest something unrelated', () => {
    expect(didYouMean('banana', ['ILACS-2025-R1', 'MV1-2026-P4'])).toBeUndefined();
  });
});

describe('reporter', () => {
  it('prints file:line:column, severity, message and code, with the hint below', () => {
    const d = new Diagnostics();
    const x = d.report('action-unknown-finding', 'action P2.3 answers unknown finding "X"', {
      place: { file: 'plan.yml', line: 42, column: 7 },
      hint: 'fix it',
    });
    expect(formatDiagnostic(x)).toBe(
      'plan.yml:42:7 error: action P2.3 answers unknown finding "X" [action-unknown-finding]\n  hint: fix it',
    );
  });

  it('prints spreadsheet places as file Sheet!Cell', () => {
    const d = new Diagnostics();
    const x = d.report('indicator-no-value', '"n/a" read as no value', { place: { file: 'p.xlsx', cell: 'Scorecard!F14' } });
    expect(formatDiagnostic(x)).toBe('p.xlsx Scorecard!F14 warning: "n/a" read as no value [indicator-no-value]');
  });

  it('sorts errors before warnings, then by file, line and column; cells by row then column', () => {
    const d = new Diagnostics();
    d.report('indicator-no-value', 'w1', { place: { file: 'a.xlsx', cell: 'S!B10' } });
    d.report('indicator-no-value', 'w2', { place: { file: 'a.xlsx', cell: 'S!C9' } });
    d.report('yaml-syntax', 'e2', { place: { file: 'b.yml', line: 3, column: 1 } });
    d.report('yaml-syntax', 'e1', { place: { file: 'b.yml', line: 2, column: 5 } });
    expect(sortDiagnostics(d.all).map((x) => x.message)).toEqual(['e1', 'e2', 'w2', 'w1']);
    expect(formatReport(d.all).split('\n')).toHaveLength(4);
    expect(d.errorCount).toBe(2);
    expect(d.warningCount).toBe(2);
  });

  it('shows the first 20 of one kind, then how many more there were, and counts them all', () => {
    const d = new Diagnostics();
    for (let r = 1; r <= 1000; r++) {
      if (d.saturated('indicator-not-in-catalogue')) d.count('indicator-not-in-catalogue');
      else d.report('indicator-not-in-catalogue', `row ${r}`, { place: { file: 'a.xlsx', cell: `S!A${r}` }, hint: 'add it' });
    }
    d.report('yaml-syntax', 'e', { place: { file: 'b.yml', line: 1, column: 1 } });
    expect(SHOWN_PER_KIND).toBe(20);
    expect(d.all).toHaveLength(21);
    expect(d.warningCount).toBe(1000);
    expect(d.errorCount).toBe(1);
    expect(formatSummary(d)).toBe('1 error, 1,000 warnings');
    const lines = formatReport(d).split('\n');
    expect(lines[0]).toMatch(/error: e/);
    expect(lines.filter((l) => l.includes('warning: row'))).toHaveLength(20);
    // The hint shared by a run of one kind is given once.
    expect(lines.filter((l) => l === '  hint: add it')).toHaveLength(1);
    expect(lines[lines.length - 1]).toBe('  and 980 more like this [indicator-not-in-catalogue]');
  });
});
