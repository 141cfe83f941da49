/**
 * load + validate: reads config.yml and everything it names, checks each file against its
 * schema and the records against each other. Every problem is reported; the result is
 * undefined when any error means later stages cannot be trusted. The report templates are
 * read here and checked by the pipeline (compose knows what a template may say).
 */
import path from 'node:path';
import type { Diagnostics, Place } from '../diagnostics/index.js';
import { NO_PROGRESS, type Progress } from '../model/progress.js';
import { InputReader } from '../io/files.js';
import { cleanSourceText } from '../1-load/forbidden.js';
import { parseYaml, type YamlSource } from '../1-load/yaml-source.js';
import { readSheets } from '../1-load/workbook.js';
import { PERIOD_PATTERN, periodOf } from '../model/period.js';
import { ConfigSchema, FindingsRegisterSchema, LayoutSchema, PlanSchema, type ConfigInput } from '../model/schemas.js';
import type { Finding, Indicator, Inputs, Layout, PackTarget, Plan, ReportJob, Source, TemplateSource } from '../model/types.js';
import { readCatalogueSheet } from '../2-validate/catalogue-sheet.js';
import { rangeProblem, readIndicators } from '../2-validate/performance.js';
import { cleanText, toPlan, toRegister } from '../2-validate/records.js';
import {
  checkDuplicateActionIds,
  checkDuplicateFindings,
  checkDuplicatePriorityIds,
  checkUnknownFindings,
  checkUnknownIndicators,
} from '../2-validate/rules.js';
import { checkSchema } from '../2-validate/schema-check.js';

export interface LoadOptions {
  readonly configPath: string;
  /** Overrides config.yml's period. */
  readonly period?: string;
  /** Told as soon as config.yml is read and valid, so that slow preparations can start early. */
  readonly onConfig?: (config: { readonly charts: boolean }) => void;
  /** Told what is being done, for a progress line. */
  readonly progress?: Progress;
}

/**
 * A path named inside `fromFile`: an absolute one as it is, a relative one against that file's
 * folder (kept relative, for messages, when that file's path is).
 */
export function resolveFrom(fromFile: string, p: string): string {
  return path.isAbsolute(p) ? path.normalize(p) : path.normalize(path.join(path.dirname(fromFile), p));
}

export function loadYaml(reader: InputReader, diags: Diagnostics, file: string, from?: Place, what = 'file'): YamlSource | undefined {
  const text = reader.text(file, from, what);
  return text === undefined ? undefined : parseYaml(file, text, diags);
}

/**
 * config.yml with its unknown keys and its invalid optional or defaulted top-level settings
 * left out, if that makes it valid; undefined when a setting the run needs is wrong.
 */
function withoutOptionalMistakes(data: unknown): ConfigInput | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const first = ConfigSchema.safeParse(data);
  if (first.success) return first.data;
  const drop = new Set<string>();
  for (const issue of first.error.issues) {
    if (issue.code === 'unrecognized_keys' && issue.path.length === 0) for (const k of issue.keys) drop.add(k);
    else {
      const key = issue.path[0];
      // Widened to one field's type: indexing the literal shape makes tsc relate every field to every other (a second of checking).
      const fields: Readonly<Record<string, { safeParse(v: unknown): { success: boolean } }>> = ConfigSchema.shape;
      const field = typeof key === 'string' ? fields[key] : undefined;
      if (!field?.safeParse(undefined).success) return undefined;
      drop.add(key as string);
    }
  }
  const second = ConfigSchema.safeParse(Object.fromEntries(Object.entries(data).filter(([k]) => !drop.has(k))));
  return second.success ? second.data : undefined;
}

export interface Loaded {
  readonly inputs?: Inputs;
  /** Present with inputs: where the pack goes and the files it was made from. */
  readonly target?: PackTarget;
  readonly reader: InputReader;
  /** Every report whose layout and templates were read, for checking even when other inputs failed. */
  readonly jobs: readonly ReportJob[];
}

export async function loadInputs(options: LoadOptions, diags: Diagnostics): Promise<Loaded> {
  const reader = new InputReader(diags);
  const progress = options.progress ?? NO_PROGRESS;
  progress({ stage: 'reading config.yml' });
  const configFile = path.normalize(options.configPath);
  const configSrc = loadYaml(reader, diags, configFile, undefined, 'config file');
  if (!configSrc) return { reader, jobs: [] };
  // A mistake in a setting the run can do without (a misspelt key, chartMonths out of range)
  // is reported, and the other inputs are still read and checked, so that one run shows every
  // problem; the errors already reported keep anything from being written.
  const config = checkSchema(ConfigSchema, configSrc, diags, 'config') ?? withoutOptionalMistakes(configSrc.data);
  if (!config) return { reader, jobs: [] };
  const period = options.period ?? config.period;
  if (options.period !== undefined && !PERIOD_PATTERN.test(options.period)) {
    diags.report('config-period-invalid', `--period "${options.period}" is not a month written YYYY-MM`);
    return { reader, jobs: [] };
  }
  options.onConfig?.(config);
  checkDates(config, period, options.period !== undefined, configSrc, diags);

  // Reading the workbook is asynchronous; it is awaited after the YAML inputs.
  const indicatorsRead = loadIndicators(config, configFile, configSrc, period, reader, diags);

  // Plan and the registers it names.
  progress({ stage: 'reading the plan and findings' });
  const planFile = resolveFrom(configFile, config.plan);
  const extra = config.findings.map((f, i) => ({ file: resolveFrom(configFile, f), from: configSrc.placeOf(['findings', i]) }));
  const { plan, planSrc, registers, registersOk, registerCount } = loadPlanAndRegisters(
    planFile,
    configSrc.placeOf(['plan']),
    extra,
    reader,
    diags,
  );
  const findings = registers.flatMap((r) => r.findings);

  const seenIndicator = new Set<string>();
  config.indicators.forEach((ind, i) => {
    if (seenIndicator.has(ind.id)) {
      diags.report('indicator-duplicate-id', `indicator id "${ind.id}" appears twice in the catalogue`, {
        place: configSrc.placeOf(['indicators', i, 'id']),
      });
    }
    seenIndicator.add(ind.id);
    checkCatalogueFigures(ind, (key) => configSrc.placeOf(['indicators', i, ...key]), diags);
  });

  if (plan && planSrc) {
    checkDuplicatePriorityIds(plan, planSrc, diags);
    checkDuplicateActionIds(plan, planSrc, diags);
    if (registersOk) checkUnknownFindings(plan, registerCount === 0 ? [] : findings, planSrc, diags);
  }

  const { jobs, ok: reportsOk } = loadReports(config, configFile, configSrc, reader, diags);
  const reports = reportsOk ? jobs : undefined;
  progress({ stage: 'reading the performance export' });
  const { indicators, known } = await indicatorsRead;
  // Ids are checked once the workbook is read: the catalogue may be one of its sheets.
  if (plan && planSrc && known) checkUnknownIndicators(plan, known, planSrc, diags);

  if (diags.hasErrors || !plan || !reports) return { reader, jobs };
  return {
    reader,
    jobs,
    inputs: {
      council: config.council,
      period: periodOf(period),
      packDate: config.packDate,
      plan,
      sources: registers.map((r) => r.source),
      findings,
      indicators,
      reports,
      charts: config.charts,
      chartMonths: config.chartMonths,
      ...(config.nextVisit
        ? {
            nextVisit: {
              kind: config.nextVisit.kind,
              expected: config.nextVisit.expected,
              ...(config.nextVisit.focus ? { focus: cleanText(config.nextVisit.focus) } : {}),
            },
          }
        : {}),
    },
    target: { outputDir: resolveFrom(configFile, config.output), files: reader.files },
  };
}

/** The last day of a YYYY-MM month, YYYY-MM-DD. */
/** The output folder config.yml names (packs/ by default), for `boardpack list`. */
export function loadOutputDir(configPath: string, diags: Diagnostics): string | undefined {
  const configFile = path.normalize(configPath);
  const configSrc = loadYaml(new InputReader(diags), diags, configFile, undefined, 'config file');
  const config = configSrc && checkSchema(ConfigSchema, configSrc, diags, 'config');
  return config ? resolveFrom(configFile, config.output) : undefined;
}

export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** Whole months from the end of `month` to `date` (0 within the next month). */
function monthsAfter(month: string, date: string): number {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const [dy, dm] = date.split('-').map(Number) as [number, number];
  return (dy - y) * 12 + (dm - m) - 1;
}

/**
 * The pack's dates against the period it reports. A pack date or a meeting before the month
 * is over is an error, not a warning: the pack states the month's figures and judges actions
 * overdue against its date, so before the month ends both are wrong, and an archived pack is
 * never overwritten; the usual cause is a --period or packDate not updated, and the fix is one
 * edit. A pack issued after its meeting, or long after its month, is possible (a late record,
 * a reissue) and only warned about.
 */
function checkDates(config: ConfigInput, period: string, periodFromOption: boolean, configSrc: YamlSource, diags: Diagnostics): void {
  const end = lastDayOf(period);
  const which = periodFromOption ? `${period} (from --period)` : period;
  if (config.packDate <= end) {
    diags.report(
      'config-date-before-period-end',
      `packDate ${config.packDate} is not after the end of the period ${which}, ${end}: the month's figures cannot be complete and overdue actions would be judged too early`,
      {
        place: configSrc.placeOf(['packDate']),
        hint: periodFromOption
          ? 'report on a month that is over, or set packDate to the day the pack is issued'
          : 'set packDate to the day the pack is issued, after the month it reports, or period to the month before',
      },
    );
  } else if (monthsAfter(period, config.packDate) >= 3) {
    diags.report(
      'config-date-late',
      `packDate ${config.packDate} is ${monthsAfter(period, config.packDate)} months after the period ${which}; was the period updated?`,
      {
        place: configSrc.placeOf(['packDate']),
      },
    );
  }
  config.reports.forEach((r, i) => {
    const at = (key: string) => configSrc.placeOf(['reports', i, 'meeting', key]);
    if (r.meeting.date <= end) {
      diags.report(
        'config-date-before-period-end',
        `report ${r.id}: the meeting on ${r.meeting.date} is not after the end of the period ${which}, ${end}; it cannot consider a month not yet over`,
        {
          place: at('date'),
          hint: 'check the meeting date and the period',
        },
      );
    } else if (r.meeting.date < config.packDate) {
      diags.report(
        'config-date-late',
        `report ${r.id}: the meeting on ${r.meeting.date} is before packDate ${config.packDate}; the pack would reach it after it has met`,
        {
          place: at('date'),
          hint: 'check the meeting date and packDate',
        },
      );
    }
    if (r.meeting.next !== undefined && r.meeting.next <= r.meeting.date) {
      diags.report(
        'config-date-before-period-end',
        `report ${r.id}: the next meeting, ${r.meeting.next}, is not after this one, ${r.meeting.date}`,
        {
          place: at('next'),
          hint: 'give the date of the meeting after this one, or leave next: out',
        },
      );
    }
  });
  const expected = config.nextVisit?.expected;
  if (expected !== undefined && (expected.length === 7 ? lastDayOf(expected) : expected) < config.packDate) {
    diags.report(
      'config-date-late',
      `nextVisit: the visit expected ${expected} is before packDate ${config.packDate}; the reports would call it next`,
      {
        place: configSrc.placeOf(['nextVisit', 'expected']),
        hint: 'update or remove nextVisit',
      },
    );
  }
}

/** A catalogue entry's own figures (target, comparators) in the range its values can take, and min below max. */
function checkCatalogueFigures(
  ind: ConfigInput['indicators'][number],
  placeOf: (key: readonly string[]) => Place,
  diags: Diagnostics,
): void {
  if (ind.min !== undefined && ind.max !== undefined && ind.min >= ind.max) {
    diags.report('indicator-value-out-of-range', `indicator ${ind.id}: max ${ind.max} is not above min ${ind.min}`, {
      place: placeOf(['max']),
    });
    return;
  }
  const figures: [readonly string[], number | undefined][] = [
    [['target'], ind.target],
    [['comparators', 'england'], ind.comparators?.england],
    [['comparators', 'statisticalNeighbours'], ind.comparators?.statisticalNeighbours],
  ];
  for (const [key, v] of figures) {
    const problem = v === undefined ? undefined : rangeProblem(v, ind);
    if (problem) {
      diags.report('indicator-value-out-of-range', `indicator ${ind.id}: ${key[key.length - 1]} ${v} ${problem}`, {
        place: placeOf(key),
        hint: 'it is a value of the indicator, in its unit; give the indicator min: or max: if its values can go beyond this',
      });
    }
  }
}

export interface PlanAndRegisters {
  readonly plan?: Plan;
  readonly planSrc?: YamlSource;
  readonly registers: { source: Source; findings: Finding[]; yaml: YamlSource }[];
  /** Every register named was read and valid. */
  readonly registersOk: boolean;
  readonly registerCount: number;
}

/**
 * The plan and the findings registers it names (plus `extra`), each checked against its
 * schema, and the findings checked for duplicate ids. `match` uses this alone.
 */
export function loadPlanAndRegisters(
  planFile: string,
  from: Place | undefined,
  extra: readonly { file: string; from?: Place }[],
  reader: InputReader,
  diags: Diagnostics,
  options: { planRegisters?: boolean } = {},
): PlanAndRegisters {
  const planSrc = loadYaml(reader, diags, planFile, from, 'plan');
  const planInput = planSrc ? checkSchema(PlanSchema, planSrc, diags, 'plan') : undefined;
  const plan = planInput && planSrc ? toPlan(planInput, planSrc) : undefined;
  const refs: { file: string; from?: Place }[] = [];
  if (options.planRegisters !== false) {
    planInput?.findings?.forEach((f, i) => {
      refs.push({ file: resolveFrom(planFile, f), from: planSrc!.placeOf(['findings', i]) });
    });
  }
  refs.push(...extra);
  const seen = new Set<string>();
  const registers: { source: Source; findings: Finding[]; yaml: YamlSource }[] = [];
  let ok = true;
  for (const ref of refs) {
    if (seen.has(ref.file)) continue;
    seen.add(ref.file);
    const src = loadYaml(reader, diags, ref.file, ref.from, 'findings register');
    const input = src ? checkSchema(FindingsRegisterSchema, src, diags, 'findings register') : undefined;
    if (src && input) registers.push({ ...toRegister(input, src), yaml: src });
    else ok = false;
  }
  checkDuplicateFindings(registers, diags);
  return { ...(plan ? { plan } : {}), ...(planSrc ? { planSrc } : {}), registers, registersOk: ok, registerCount: seen.size };
}

/**
 * The indicators with their series. `known` is every indicator id the catalogue and sheet
 * define; undefined when a catalogue sheet could not be read, so that actions are not
 * reported against ids that were never seen.
 */
async function loadIndicators(
  config: ConfigInput,
  configFile: string,
  configSrc: YamlSource,
  period: string,
  reader: InputReader,
  diags: Diagnostics,
): Promise<{ indicators: Indicator[]; known?: ReadonlySet<string> }> {
  const perf = config.performance;
  const configIds = new Set(config.indicators.map((i) => i.id));
  const file = resolveFrom(configFile, perf.file);
  const bytes = reader.bytes(file, configSrc.placeOf(['performance', 'file']), 'performance export');
  const unread = { indicators: [], ...(perf.catalogue ? {} : { known: configIds }) };
  if (!bytes) return unread;
  const sheets = await readSheets(
    file,
    bytes,
    [
      { name: perf.sheet, setting: 'performance.sheet' },
      ...(perf.catalogue ? [{ name: perf.catalogue.sheet, setting: 'performance.catalogue.sheet' }] : []),
    ],
    diags,
  );
  if (!sheets) return unread;

  const catalogue = [...config.indicators];
  if (perf.catalogue) {
    const table = sheets.get(perf.catalogue.sheet);
    if (!table) return unread;
    for (const row of readCatalogueSheet(table, perf.catalogue.headerRow, diags)) {
      if (configIds.has(row.spec.id)) {
        const i = config.indicators.findIndex((x) => x.id === row.spec.id);
        const at = configSrc.placeOf(['indicators', i, 'id']);
        diags.report(
          'indicator-duplicate-id',
          `indicator id "${row.spec.id}" is in the catalogue sheet and also under indicators: in config.yml (line ${at.line})`,
          {
            place: row.place,
            hint: 'keep each indicator in one place',
          },
        );
        continue;
      }
      catalogue.push(row.spec);
    }
  }
  const table = sheets.get(perf.sheet);
  const indicators = table ? readIndicators(table, perf, catalogue, period, diags) : [];
  // Without the data sheet, the catalogue still says which ids exist.
  return { indicators, known: new Set([...catalogue.map((c) => c.id), ...indicators.map((i) => i.id)]) };
}

function loadReports(
  config: ConfigInput,
  configFile: string,
  configSrc: YamlSource,
  reader: InputReader,
  diags: Diagnostics,
): { jobs: ReportJob[]; ok: boolean } {
  const jobs: ReportJob[] = [];
  const ids = new Set<string>();
  let ok = true;
  config.reports.forEach((spec, i) => {
    if (ids.has(spec.id)) {
      diags.report('report-duplicate-id', `report id "${spec.id}" is used twice; each report needs its own file name`, {
        place: configSrc.placeOf(['reports', i, 'id']),
      });
      ok = false;
    }
    ids.add(spec.id);
    const dir = resolveFrom(configFile, spec.template);
    const layoutFile = path.join(dir, 'report.yml');
    const from = configSrc.placeOf(['reports', i, 'template']);
    if (!reader.exists(dir)) {
      diags.report('template-missing', `report ${spec.id}: template folder ${dir} does not exist`, {
        place: from,
        hint: 'point template: at a folder holding report.yml and its .hbs files',
      });
      ok = false;
      return;
    }
    const src = loadYaml(reader, diags, layoutFile, from, 'report layout');
    const layoutInput = src ? checkSchema(LayoutSchema, src, diags, 'report layout') : undefined;
    if (!src || !layoutInput) {
      ok = false;
      return;
    }
    const templates: Record<string, TemplateSource> = {};
    const inline = (key: string, text: string, p: Place) => {
      templates[key] = { file: layoutFile, text, firstLine: p.line ?? 1, firstColumn: p.column ?? 1 };
    };
    inline('documentTitle', layoutInput.documentTitle, src.placeOf(['documentTitle']));
    layoutInput.header.forEach((h, k) => {
      inline(`header.${k}`, h.value, src.placeOf(['header', k, 'value']));
    });
    for (const [key, name] of [
      ['summary', layoutInput.summary],
      ['recommendations', layoutInput.recommendations],
      ['body', layoutInput.body],
    ] as const) {
      const file = path.join(dir, name);
      const raw = reader.text(file, src.placeOf([key]), 'template');
      if (raw === undefined) {
        ok = false;
        continue;
      }
      templates[key] = { file, text: cleanSourceText(file, raw, diags), firstLine: 1, firstColumn: 1 };
    }
    const layout: Layout = { ...layoutInput, dir, file: layoutFile, templates };
    jobs.push({ spec, layout });
  });
  return { jobs, ok };
}
