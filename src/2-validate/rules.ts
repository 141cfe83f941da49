/**
 * Cross-record rules: the checks no single file's schema can make. One small function per
 * diagnostic code, each pure: it reads the validated records and reports.
 */
import { suggestion, type Diagnostics } from '../diagnostics/index.js';
import type { Action, Finding, Plan, Source } from '../model/types.js';
import type { YamlSource } from '../1-load/yaml-source.js';

const allActions = (plan: Plan) => plan.priorities.flatMap((p, pi) => p.actions.map((a, ai) => ({ a, pi, ai })));

export function checkDuplicatePriorityIds(plan: Plan, src: YamlSource, diags: Diagnostics): void {
  const seen = new Map<string, number>();
  plan.priorities.forEach((p, i) => {
    const first = seen.get(p.id);
    if (first !== undefined) {
      const firstPlace = src.placeOf(['priorities', first, 'id']);
      diags.report('priority-duplicate-id', `priority id "${p.id}" is used twice (first at line ${firstPlace.line})`, {
        place: src.placeOf(['priorities', i, 'id']),
        hint: 'give each priority its own id',
      });
    } else seen.set(p.id, i);
  });
}

export function checkDuplicateActionIds(plan: Plan, src: YamlSource, diags: Diagnostics): void {
  const seen = new Map<string, Action>();
  for (const { a, pi, ai } of allActions(plan)) {
    const first = seen.get(a.id);
    if (first) {
      diags.report('action-duplicate-id', `action id "${a.id}" is used twice (first at line ${first.place.line})`, {
        place: src.placeOf(['priorities', pi, 'actions', ai, 'id']),
        hint: 'give each action its own id; reports and links refer to actions by id',
      });
    } else seen.set(a.id, a);
  }
}

export function checkUnknownFindings(plan: Plan, findings: readonly Finding[], src: YamlSource, diags: Diagnostics): void {
  const ids = new Set(findings.map((f) => f.id));
  for (const { a, pi, ai } of allActions(plan)) {
    a.answers.forEach((fid, k) => {
      if (ids.has(fid)) return;
      diags.report('action-unknown-finding', `action ${a.id} answers unknown finding "${fid}"${suggestion(fid, ids)}`, {
        place: src.placeOf(['priorities', pi, 'actions', ai, 'answers', k]),
        hint:
          ids.size === 0
            ? 'list the findings registers under findings: in the plan'
            : 'use the id of a finding in one of the findings registers',
      });
    });
  }
}

export function checkUnknownIndicators(plan: Plan, indicatorIds: ReadonlySet<string>, src: YamlSource, diags: Diagnostics): void {
  for (const { a, pi, ai } of allActions(plan)) {
    a.measures.forEach((iid, k) => {
      if (indicatorIds.has(iid)) return;
      diags.report('action-unknown-indicator', `action ${a.id} measures unknown indicator "${iid}"${suggestion(iid, indicatorIds)}`, {
        place: src.placeOf(['priorities', pi, 'actions', ai, 'measures', k]),
        hint: 'use the id of an indicator under indicators: in config.yml',
      });
    });
  }
}

export function checkDuplicateFindings(
  registers: readonly { source: Source; findings: readonly Finding[]; yaml: YamlSource }[],
  diags: Diagnostics,
): void {
  const sources = new Map<string, Source>();
  const findings = new Map<string, Finding>();
  for (const r of registers) {
    const earlierSource = sources.get(r.source.id);
    if (earlierSource) {
      diags.report('register-duplicate-source', `source id "${r.source.id}" is also used by ${earlierSource.file}`, {
        place: r.yaml.placeOf(['source', 'id']),
        hint: 'each Ofsted publication needs its own source id',
      });
    } else sources.set(r.source.id, r.source);
    for (const f of r.findings) {
      const first = findings.get(f.id);
      if (first) {
        diags.report('finding-duplicate-id', `finding id "${f.id}" is used twice (first at ${first.place.file}:${first.place.line})`, {
          place: f.place,
          hint: 'finding ids must be unique across all registers; prefix them with the source id',
        });
      } else findings.set(f.id, f);
    }
  }
}
