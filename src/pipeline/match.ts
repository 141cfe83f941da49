/**
 * `boardpack match`: the plan and registers (from config.yml, or given directly) matched, and
 * with `write`, the accepted matches added to the plan as `answers:`.
 */
import path from 'node:path';
import { Diagnostics } from '../diagnostics/index.js';
import { FileWriteRefused, fileExists, InputReader, replaceFileText } from '../io/files.js';
import { matchPlan, type MatchReport } from '../3-link/match.js';
import { addAnswers } from '../3-link/write-answers.js';
import { ConfigSchema } from '../model/schemas.js';
import type { Finding, Plan } from '../model/types.js';
import { checkSchema } from '../2-validate/schema-check.js';
import { loadPlanAndRegisters, loadYaml, resolveFrom } from './load-inputs.js';

export interface MatchOptions {
  readonly configPath: string;
  /** Overrides the plan in config.yml. */
  readonly plan?: string;
  /** Overrides the registers (those the plan and config.yml name). */
  readonly findings?: readonly string[];
  readonly write?: boolean;
}

export interface MatchOutcome {
  readonly diagnostics: Diagnostics;
  readonly report?: MatchReport;
  readonly plan?: Plan;
  readonly findings?: readonly Finding[];
  /** The plan file written, with the ids of the actions given answers. */
  readonly written?: { file: string; actions: string[] };
}

export async function runMatch(options: MatchOptions): Promise<MatchOutcome> {
  const diags = new Diagnostics();
  const reader = new InputReader(diags);
  let planFile: string;
  let extra: { file: string }[] = [];
  // What an action measures is evidence too: the catalogue in config.yml names the indicators.
  let catalogueNames = new Map<string, string>();
  let council: string | undefined;
  const configFile = path.normalize(options.configPath);
  const namesOf = (config: { indicators: readonly { id: string; name?: string | undefined; definition?: string | undefined }[] }) =>
    new Map(config.indicators.flatMap((i) => (i.name || i.definition ? [[i.id, [i.name, i.definition].filter(Boolean).join('. ')]] : [])));
  if (options.plan) {
    planFile = path.normalize(options.plan);
    // A plan given directly is still read with the council and catalogue of config.yml where one
    // is there and valid, so `match --plan` scores as build does; without one, it stands alone.
    if (fileExists(configFile)) {
      const quiet = new Diagnostics();
      const configSrc = loadYaml(new InputReader(quiet), quiet, configFile, undefined, 'config file');
      const config = configSrc ? checkSchema(ConfigSchema, configSrc, quiet, 'config') : undefined;
      if (config && !quiet.hasErrors) {
        council = config.council;
        catalogueNames = namesOf(config);
      }
    }
  } else {
    const configSrc = loadYaml(reader, diags, configFile, undefined, 'config file');
    const config = configSrc ? checkSchema(ConfigSchema, configSrc, diags, 'config') : undefined;
    if (!config || !configSrc) return { diagnostics: diags };
    planFile = resolveFrom(configFile, config.plan);
    council = config.council;
    catalogueNames = namesOf(config);
    extra = config.findings.map((f) => ({ file: resolveFrom(configFile, f) }));
  }
  if (options.findings && options.findings.length > 0) extra = options.findings.map((f) => ({ file: path.normalize(f) }));
  const loaded = loadPlanAndRegisters(planFile, undefined, extra, reader, diags, {
    planRegisters: !(options.findings && options.findings.length > 0),
  });
  if (diags.hasErrors || !loaded.plan) return { diagnostics: diags };
  const findings = loaded.registers.flatMap((r) => r.findings);
  const report = matchPlan(loaded.plan, findings, { indicators: catalogueNames, ...(council ? { council } : {}) });
  if (!options.write) return { diagnostics: diags, report, plan: loaded.plan, findings };

  const additions = loaded.plan.priorities.flatMap((p, pi) =>
    p.actions.flatMap((a, ai) => {
      const m = report.actions.find((x) => x.id === a.id)!;
      if (m.source !== 'matched') return [];
      const best = m.suggestions.find((s) => s.finding === m.linked[0]);
      const why = best?.because.length ? `: ${best.because.join(', ')}` : '';
      return [
        {
          priority: pi,
          action: ai,
          findings: m.linked,
          note: `suggested by boardpack match (score ${(best?.score ?? 0).toFixed(2)}${why}); check it`,
        },
      ];
    }),
  );
  if (additions.length === 0) return { diagnostics: diags, report, plan: loaded.plan, findings, written: { file: planFile, actions: [] } };
  const text = loaded.planSrc!.text;
  const edited = addAnswers(text, additions);
  try {
    replaceFileText(planFile, edited, text);
  } catch (e) {
    if (!(e instanceof FileWriteRefused)) throw e;
    diags.report('plan-not-written', e.message, { place: { file: planFile }, hint: e.hint });
    return { diagnostics: diags, report, plan: loaded.plan, findings };
  }
  const ids = additions.map((x) => loaded.plan!.priorities[x.priority]!.actions[x.action]!.id);
  return { diagnostics: diags, report, plan: loaded.plan, findings, written: { file: planFile, actions: ids } };
}
