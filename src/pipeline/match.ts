/**
 * `boardpack match`: the plan and registers (from config.yml, or given directly) matched, and
 * with `write`, the accepted matches added to the plan as `answers:`.
 */
import path from 'node:path';
import { Diagnostics } from '../diagnostics/index.js';
import { FileWriteRefused, fileExists, InputReader, replaceFileText } from '../io/files.js';
import { indicatorEvidence, matchPlan, type MatchReport } from '../3-link/match.js';
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
  const configFile = path.normalize(options.configPath);
  // Without --plan, config.yml names the plan and must be valid. A plan given directly is still
  // read with config.yml's council and indicator catalogue where the file is there and valid, so
  // `match --plan` scores as build does; its faults are then no concern of this command's.
  const configDiags = options.plan ? new Diagnostics() : diags;
  const configSrc =
    !options.plan || fileExists(configFile)
      ? loadYaml(options.plan ? new InputReader(configDiags) : reader, configDiags, configFile, undefined, 'config file')
      : undefined;
  const checked = configSrc ? checkSchema(ConfigSchema, configSrc, configDiags, 'config') : undefined;
  const config = options.plan && configDiags.hasErrors ? undefined : checked;
  if (!options.plan && !config) return { diagnostics: diags };
  const planFile = options.plan ? path.normalize(options.plan) : resolveFrom(configFile, config!.plan);
  const extra =
    options.findings && options.findings.length > 0
      ? options.findings.map((f) => ({ file: path.normalize(f) }))
      : options.plan || !config
        ? []
        : config.findings.map((f) => ({ file: resolveFrom(configFile, f) }));
  // What an action measures is evidence too: the catalogue in config.yml names the indicators.
  const catalogueNames = config ? indicatorEvidence(config.indicators) : new Map<string, string>();
  const council = config?.council;
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
