/** The review table `boardpack match` prints: one line per action, then the unanswered findings. */
import type { MatchReport } from '../link/match.js';
import type { Finding } from '../model/types.js';

const shorten = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1).trimEnd()}\u2026`);

export function formatMatchTable(report: MatchReport, findings: readonly Finding[]): string {
  const text = new Map(findings.map((f) => [f.id, f.text]));
  const idWidth = Math.max(6, ...report.actions.map((a) => a.id.length));
  const fWidth = Math.max(12, ...findings.map((f) => f.id.length));
  const lines = [`${'action'.padEnd(idWidth)}  ${'finding'.padEnd(fWidth)}  score  link      finding text`];
  for (const a of report.actions) {
    // For a linked action, show the finding it links; otherwise the best suggestion.
    const shown = a.source === 'none' ? a.suggestions[0]?.finding : a.linked[0];
    const best = shown === undefined ? undefined : { finding: shown, score: a.suggestions.find((x) => x.finding === shown)?.score };
    const link = a.source === 'explicit' ? 'linked' : a.source === 'matched' ? 'matched' : 'none';
    lines.push(
      `${a.id.padEnd(idWidth)}  ${(best?.finding ?? '-').padEnd(fWidth)}  ${(best?.score !== undefined ? best.score.toFixed(2) : '-').padStart(5)}  ${link.padEnd(8)}  ${best ? shorten(text.get(best.finding) ?? '', 60) : ''}`,
    );
    if (a.source === 'matched' && a.linked.length > 1) lines.push(`${''.padEnd(idWidth)}  ${a.linked[1]!.padEnd(fWidth)}  also matched`);
  }
  const unanswered = report.findings.filter((f) => f.actions.length === 0);
  lines.push('');
  lines.push(unanswered.length === 0 ? 'Every finding is answered by at least one action.' : `Findings no action answers (${unanswered.length}):`);
  for (const f of unanswered) lines.push(`  ${f.id.padEnd(fWidth)}  ${shorten(text.get(f.id) ?? '', 80)}`);
  const matched = report.actions.filter((a) => a.source === 'matched').length;
  const none = report.actions.filter((a) => a.source === 'none').length;
  lines.push('');
  lines.push(`${report.actions.length} actions: ${report.actions.length - matched - none} linked in the plan, ${matched} matched, ${none} answer nothing found`);
  return `${lines.join('\n')}\n`;
}
