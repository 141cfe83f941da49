/** Reads a labelled matcher set: findings registers plus actions with the findings they answer. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { FindingsRegisterSchema, PlanSchema } from '../model/schemas.js';

export interface LabelledAction {
  readonly id: string;
  readonly action: string;
  readonly context: string;
  readonly answers: readonly string[];
  readonly paraphrase: boolean;
}

export interface LabelledSet {
  readonly findings: readonly { id: string; text: string }[];
  readonly actions: readonly LabelledAction[];
}

/** The findings of the given registers, in order. */
function registerFindings(files: readonly string[]): { id: string; text: string }[] {
  return files.flatMap((file) => FindingsRegisterSchema.parse(parse(readFileSync(file, 'utf8'))).findings.map((x) => ({ id: x.id, text: x.text })));
}

export function readLabelledSet(dir: string): LabelledSet {
  const findings = registerFindings(readdirSync(dir).filter((n) => n.endsWith('.yml') && n !== 'actions.yml').sort().map((f) => path.join(dir, f)));
  const raw = parse(readFileSync(path.join(dir, 'actions.yml'), 'utf8')) as {
    priorities: Record<string, string>;
    actions: { id: string; priority: string; action: string; answers: string[]; paraphrase?: boolean }[];
  };
  const ids = new Set(findings.map((f) => f.id));
  const actions = raw.actions.map((a) => {
    for (const x of a.answers) if (!ids.has(x)) throw new Error(`${dir}/actions.yml: ${a.id} answers unknown finding ${x}`);
    return { id: a.id, action: a.action, context: raw.priorities[a.priority] ?? '', answers: a.answers, paraphrase: a.paraphrase ?? false };
  });
  return { findings, actions };
}

/**
 * A plan and its registers as a labelled set: each action's own `answers:` is the label. The
 * bundled example plan was written before the matcher, so it measures it on text it was not
 * tuned on.
 */
export function readPlanAsSet(planFile: string): LabelledSet {
  const plan = PlanSchema.parse(parse(readFileSync(planFile, 'utf8')));
  const findings = registerFindings((plan.findings ?? []).map((rel) => path.join(path.dirname(planFile), rel)));
  const actions = plan.priorities.flatMap((p) =>
    p.actions.map((a) => ({ id: a.id, action: a.action, context: p.title, answers: a.answers ?? [], paraphrase: false })),
  );
  return { findings, actions };
}
