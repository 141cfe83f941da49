/**
 * The review table `boardpack match` prints: one line per action with the finding it links (or
 * the best suggestion), the band, and why; the runner-up under a possible link; then the
 * findings no action answers.
 */
import { type MatchReport, shownFloor } from '../3-link/match.js';
import type { Finding } from '../model/types.js';

const shorten = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1).trimEnd()}\u2026`);

const LINK: Record<MatchReport['actions'][number]['source'], string> = {
  explicit: 'linked',
  matched: 'matched',
  possible: 'possible',
  none: 'none',
};

export function formatMatchTable(report: MatchReport, findings: readonly Finding[]): string {
  const text = new Map(findings.map((f) => [f.id, f.text]));
  const idWidth = Math.max(6, ...report.actions.map((a) => a.id.length));
  const fWidth = Math.max(12, ...findings.map((f) => f.id.length));
  const whyWidth = 30;
  const row = (id: string, finding: string, score: string, link: string, why: string, ftext: string) =>
    `${id.padEnd(idWidth)}  ${finding.padEnd(fWidth)}  ${score.padStart(5)}  ${link.padEnd(8)}  ${shorten(why, whyWidth).padEnd(whyWidth)}  ${ftext}`.trimEnd();
  const lines = [row('action', 'finding', 'score', 'link', 'why', 'finding text')];
  for (const a of report.actions) {
    // For a linked action, show the finding it links; otherwise the best suggestion.
    const shown = a.linked[0] ?? a.suggestions[0]?.finding;
    const s = a.suggestions.find((x) => x.finding === shown);
    const why = a.source === 'explicit' ? '' : [...(a.fillsGap ? ['nothing else answers it'] : []), ...(s?.because ?? [])].join(', ');
    lines.push(row(a.id, shown ?? '-', s ? s.score.toFixed(2) : '-', LINK[a.source], why, shown ? shorten(text.get(shown) ?? '', 60) : ''));
    if (a.source !== 'explicit' && a.linked.length > 1) {
      const also = a.suggestions.find((x) => x.finding === a.linked[1]);
      lines.push(
        row(
          '',
          a.linked[1]!,
          also ? also.score.toFixed(2) : '',
          'and',
          (also?.because ?? []).join(', '),
          shorten(text.get(a.linked[1]!) ?? '', 60),
        ),
      );
    }
    if (a.source === 'possible') {
      const runnerUp = a.suggestions.find((x) => !a.linked.includes(x.finding));
      if (runnerUp)
        lines.push(
          row(
            '',
            runnerUp.finding,
            runnerUp.score.toFixed(2),
            'or',
            runnerUp.because.join(', '),
            shorten(text.get(runnerUp.finding) ?? '', 60),
          ),
        );
    }
  }
  const unanswered = report.findings.filter((f) => f.actions.length === 0);
  lines.push('');
  lines.push(
    unanswered.length === 0 ? 'Every finding is answered by at least one action.' : `Findings no action answers (${unanswered.length}):`,
  );
  for (const f of unanswered) lines.push(`  ${f.id.padEnd(fWidth)}  ${shorten(text.get(f.id) ?? '', 80)}`);
  const count = (src: string) => report.actions.filter((a) => a.source === src).length;
  lines.push('');
  lines.push(
    `${report.actions.length} ${report.actions.length === 1 ? 'action' : 'actions'}: ${count('explicit')} linked in the plan, ${count('matched')} matched, ${count('possible')} possible (to be confirmed), ${count('none')} answer no finding`,
  );
  if (count('possible') > 0)
    lines.push('A possible link is shown in the reports as needing confirmation; add answers: to the action to settle it.');
  const { score, typical, from } = report.noneBelow;
  if (typical !== undefined)
    lines.push(
      `In this plan an action answers nothing below a score of ${shownFloor(score)}, set from ${
        from === 'answers'
          ? 'what its actions with answers: typically score against their findings'
          : 'the best score its actions typically reach'
      } (${typical.toFixed(2)}).`,
    );
  return `${lines.join('\n')}\n`;
}
