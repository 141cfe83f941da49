/**
 * The matcher's labelled evaluation set (test/fixtures/match-eval): real Ofsted findings read at
 * run time from ../shared (nothing of their text is committed) and plan actions written for
 * boardpack in four voices, each labelled with the findings it answers. Each report (or pair of
 * publications one council answers together) is one plan; the split between development and
 * held-out reports is fixed in sets.yml.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { Diagnostics } from '../src/diagnostics/index.js';
import { importText, readPublication } from '../src/findings/import.js';
import { FindingsRegisterSchema, PlanSchema } from '../src/model/schemas.js';

/**
 * dev: settings are chosen on it; heldout: frozen before any change, measured only; validation:
 * written after the matcher was frozen, against reports of the public corpus it never saw;
 * blind: the newest such set, measured once before its failures are read (then it becomes dev).
 */
/** The splits, in the order they are reported; a new blind set is one more name here. */
export const SPLITS = [
  'dev',
  'heldout',
  'validation',
  'blind',
  'blind-f',
  'blind-g',
  'blind-h',
  'blind-i',
  'blind-l',
  'blind-o',
  'blind-p',
  'blind-s',
  'blind-z',
  'blind-dd',
  'blind-gg',
  'blind-hh',
  'blind-jj',
  'blind-kk',
] as const;
export type Split = (typeof SPLITS)[number];

export interface EvalFinding {
  readonly id: string;
  readonly ref: string;
  /** The list it is printed in ("Areas for improvement", "LSCB Recommendations"). */
  readonly section: string;
  readonly text: string;
}

export interface EvalAction {
  readonly id: string;
  readonly voice: string;
  readonly priority: string;
  readonly text: string;
  /** Finding ids; empty when the action answers nothing. */
  readonly answers: readonly string[];
  /** Indicator names, as a performance team writes them. */
  readonly measures: readonly string[];
}

export interface EvalPlan {
  readonly key: string;
  readonly code: string;
  readonly split: Split;
  readonly findings: readonly EvalFinding[];
  readonly actions: readonly EvalAction[];
}

interface SetSpec {
  key: string;
  code: string;
  split: Split;
  digest?: string;
  sources: ({ sample: string } | { seed: string; refPrefix?: string } | { corpus: string })[];
}

interface VoiceFile {
  voice: string;
  reports: Record<string, { id: string; voice?: string; priority: string; action: string; answers: string[]; measures?: string[] }[]>;
}

export interface EvalLocations {
  /** The labelled set: sets.yml and actions/. */
  readonly dir: string;
  /** ../shared/ofsted-samples: the sample PDFs' expected.json. */
  readonly samples: string;
  /** ../shared/seeds. */
  readonly seeds: string;
  /** The public corpus of inspection reports (BOARDPACK_CORPUS), for the validation split. */
  readonly corpus?: string;
}

export const digestOf = (findings: readonly EvalFinding[]) =>
  createHash('sha256')
    .update(findings.map((f) => `${f.ref}\t${f.text.replace(/\s+/g, ' ').trim()}`).join('\n'))
    .digest('hex')
    .slice(0, 16);

async function findingsOf(
  spec: SetSpec,
  where: EvalLocations,
  expected: Map<string, { ref: string; section?: string; text: string }[]>,
): Promise<EvalFinding[]> {
  const out: EvalFinding[] = [];
  for (const s of spec.sources) {
    if ('sample' in s) {
      const list = expected.get(s.sample);
      if (!list) throw new Error(`${spec.key}: ${s.sample} is not in ${where.samples}/expected.json`);
      for (const f of list) out.push({ id: `${spec.code}-${f.ref}`, ref: f.ref, section: f.section ?? '', text: f.text });
    } else if ('corpus' in s) {
      if (!where.corpus) throw new Error(`${spec.key}: needs the corpus (BOARDPACK_CORPUS)`);
      const file = path.join(where.corpus, s.corpus);
      const pages = await readPublication(file, new Diagnostics());
      if (!pages) throw new Error(`${spec.key}: cannot read ${file}`);
      for (const f of importText(pages).parsed.findings)
        out.push({ id: `${spec.code}-${f.ref}`, ref: f.ref, section: f.section, text: f.text.replace(/\s+/g, ' ').trim() });
    } else {
      const file = path.join(where.seeds, s.seed);
      const diags = new Diagnostics();
      const pages = await readPublication(file, diags);
      if (!pages) throw new Error(`${spec.key}: cannot read ${file}`);
      const prefix = s.refPrefix ?? '';
      for (const f of importText(pages).parsed.findings)
        out.push({
          id: `${spec.code}-${prefix}${f.ref}`,
          ref: `${prefix}${f.ref}`,
          section: f.section,
          text: f.text.replace(/\s+/g, ' ').trim(),
        });
    }
  }
  return out;
}

/** True when the published material the set reads is beside this checkout. */
export const evalMaterialPresent = (where: EvalLocations) =>
  existsSync(path.join(where.samples, 'expected.json')) && existsSync(where.seeds);

export async function readEvalSet(where: EvalLocations): Promise<EvalPlan[]> {
  const sets = (parse(readFileSync(path.join(where.dir, 'sets.yml'), 'utf8')) as { sets: SetSpec[] }).sets;
  const expected = new Map(
    (
      JSON.parse(readFileSync(path.join(where.samples, 'expected.json'), 'utf8')) as {
        file: string;
        findings: { ref: string; section?: string; text: string }[];
      }[]
    ).map((e) => [e.file, e.findings]),
  );
  const voiceDir = path.join(where.dir, 'actions');
  const voices = readdirSync(voiceDir)
    .filter((n) => n.endsWith('.yml'))
    .sort()
    .map((n) => ({ file: n, data: parse(readFileSync(path.join(voiceDir, n), 'utf8')) as VoiceFile }));
  const plans: EvalPlan[] = [];
  for (const spec of sets) {
    // The validation reports are read from the corpus only where it is on the machine.
    if (spec.sources.some((x) => 'corpus' in x) && !where.corpus) continue;
    const findings = await findingsOf(spec, where, expected);
    if (spec.digest && digestOf(findings) !== spec.digest) {
      throw new Error(
        `${spec.key}: the findings read now differ from those the actions were labelled against (digest ${digestOf(findings)}, expected ${spec.digest})`,
      );
    }
    const byRef = new Map(findings.map((f) => [f.ref, f.id]));
    const actions: EvalAction[] = [];
    for (const { file, data } of voices) {
      for (const a of data.reports[spec.key] ?? []) {
        const answers = a.answers.map((ref) => {
          const id = byRef.get(String(ref));
          if (!id) throw new Error(`actions/${file}: ${a.id} answers ${ref}, which is not a finding of ${spec.key}`);
          return id;
        });
        actions.push({ id: a.id, voice: a.voice ?? data.voice, priority: a.priority, text: a.action, answers, measures: a.measures ?? [] });
      }
    }
    plans.push({ key: spec.key, code: spec.code, split: spec.split, findings, actions });
  }
  return plans;
}

/**
 * A working folder's plan as an evaluation plan: each action's own `answers:` is its label, and
 * actions without answers are left out (nobody has said what they answer). The bundled example
 * plan was written before the matcher, so it is one more set the matcher was not tuned on.
 */
export function readPlanAsEval(planFile: string, code: string): EvalPlan {
  const plan = PlanSchema.parse(parse(readFileSync(planFile, 'utf8')));
  const findings = (plan.findings ?? []).flatMap((rel) =>
    FindingsRegisterSchema.parse(parse(readFileSync(path.join(path.dirname(planFile), rel), 'utf8'))).findings.map((f) => ({
      id: f.id,
      ref: f.ref,
      section: f.section ?? '',
      text: f.text,
    })),
  );
  const actions = plan.priorities.flatMap((p) =>
    p.actions
      .filter((a) => (a.answers ?? []).length > 0)
      .map((a) => ({ id: a.id, voice: 'example', priority: p.title, text: a.action, answers: a.answers ?? [], measures: [] })),
  );
  return { key: path.basename(path.dirname(planFile)), code, split: 'heldout', findings, actions };
}
