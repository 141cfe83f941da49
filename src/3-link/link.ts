/**
 * link: joins actions to the findings they answer. Explicit `answers:` links come first; the
 * matcher's links (confident or possible) only ever fill actions with none.
 */
import type { Diagnostics } from '../diagnostics/index.js';
import type { Finding, Link, Linkage, Plan } from '../model/types.js';
import { type NearMiss, shownFloor } from './match.js';

export interface LinkOptions {
  /** The matcher's links for actions without `answers:`. */
  readonly matched?: readonly Link[];
  /** For actions the matcher linked to nothing: the finding each came closest to, if near. */
  readonly nearMisses?: ReadonlyMap<string, NearMiss>;
}

const scored = (ls: readonly Link[]) =>
  ls.map((l) => `${l.findingId} (score ${(l.score ?? 0).toFixed(2)}${l.fillsGap ? ', and no other action answers it' : ''})`).join(' and ');

export function linkActions(plan: Plan, findings: readonly Finding[], diags: Diagnostics, options: LinkOptions = {}): Linkage {
  const byId = new Map(findings.map((f) => [f.id, f]));
  const links: Link[] = [];
  const explicitActions = new Set<string>();
  for (const p of plan.priorities) {
    for (const a of p.actions) {
      // Unknown ids were reported by validate; a link to nothing would only mislead the report.
      const answers = [...new Set(a.answers)].filter((id) => byId.has(id));
      if (answers.length > 0) explicitActions.add(a.id);
      for (const fid of answers) links.push({ actionId: a.id, findingId: fid, via: 'explicit' });
    }
  }
  for (const m of options.matched ?? []) {
    if (!explicitActions.has(m.actionId) && byId.has(m.findingId) && m.via !== 'explicit') links.push(m);
  }

  const byAction = new Map<string, Link[]>();
  const byFinding = new Map<string, Link[]>();
  for (const l of links) {
    byAction.set(l.actionId, [...(byAction.get(l.actionId) ?? []), l]);
    byFinding.set(l.findingId, [...(byFinding.get(l.findingId) ?? []), l]);
  }
  const unlinkedActions: string[] = [];
  for (const p of plan.priorities) {
    for (const a of p.actions) {
      const own = byAction.get(a.id);
      const hint = 'confirm it with `boardpack match --write`, or add answers: yourself';
      if (own?.every((l) => l.via === 'matched')) {
        diags.report('action-matched', `action ${a.id} names no finding; matched to ${scored(own)}, shown in the report as suggested`, {
          place: a.place,
          hint,
        });
      } else if (own?.every((l) => l.via === 'possible')) {
        diags.report(
          'action-possible',
          `action ${a.id} names no finding; it may answer ${scored(own)}, shown in the report as needing confirmation`,
          {
            place: a.place,
            hint: 'run `boardpack match` to see the runner-up and why, then add answers: (or answers: [] if it answers none)',
          },
        );
      }
      if (own) continue;
      unlinkedActions.push(a.id);
      // `answers: []`: someone has said it answers none; nothing to warn about.
      if (a.answersNone) continue;
      const miss = options.nearMisses?.get(a.id);
      const near = miss && byId.has(miss.findingId) ? miss : undefined;
      const closest = near
        ? `; the closest finding is ${near.findingId} (${byId.get(near.findingId)!.ref}), with a match score of ${near.score.toFixed(2)} where ${
            near.business ? 'an action mostly about council business needs' : 'a possible link in this plan needs'
          } ${shownFloor(near.needed)}`
        : '';
      diags.report('action-unlinked', `action ${a.id} answers no finding${closest}`, {
        place: a.place,
        hint: near
          ? `if it answers ${near.findingId} or another finding, add answers: naming it; if it answers none, answers: [] says so`
          : 'the matcher found no finding it answers; add answers: if it does answer one',
      });
    }
  }
  const settled = (f: string) => (byFinding.get(f) ?? []).some((l) => l.via !== 'possible');
  const unansweredFindings = findings.filter((f) => !settled(f.id)).map((f) => f.id);
  const unconfirmedFindings = unansweredFindings.filter((f) => byFinding.has(f));
  for (const f of findings) {
    if (settled(f.id)) continue;
    const possible = byFinding.get(f.id);
    diags.report(
      'finding-unanswered',
      possible
        ? `no action is known to answer finding ${f.id} (${f.ref}); ${possible.map((l) => l.actionId).join(' and ')} may, once confirmed`
        : `no action answers finding ${f.id} (${f.ref})`,
      { place: f.place, hint: 'add an action that answers it, or name it in the answers: of an existing action' },
    );
  }
  return { links, byAction, byFinding, unlinkedActions, unansweredFindings, unconfirmedFindings };
}
