/**
 * Handlebars for report narrative. Strict (a missing variable is an error), no HTML escaping
 * (render escapes XML itself), and only known helpers, so that a typo in a helper's name is
 * caught with its line when templates are checked, before any data is rendered.
 */
import Handlebars from 'handlebars';
import type { Diagnostics, Place } from '../diagnostics/index.js';
import { monthLabel, ordinalDate, plainDate, shortMonth } from '../model/period.js';
import type { TemplateSource } from '../model/types.js';

type Helper = (...args: unknown[]) => unknown;

const isOptions = (x: unknown) => typeof x === 'object' && x !== null && 'hash' in x && 'data' in x;
/** Helper arguments without Handlebars' trailing options object. */
const argsOf = (args: unknown[]) => (args.length > 0 && isOptions(args[args.length - 1]) ? args.slice(0, -1) : args);

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
/** A sentence does not open with a figure: up to twelve in words, beyond that the figure. */
const numberWord = (n: number) => NUMBER_WORDS[n] ?? String(n);
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The helpers a template may use; documented in the README. */
export const HELPERS: Record<string, Helper> = {
  /** "12th November 2026" */
  longDate: (iso) => ordinalDate(String(iso)),
  /** "12 November 2026" */
  date: (iso) => plainDate(String(iso)),
  /** "October 2026" from 2026-10 */
  month: (id) => monthLabel(String(id)),
  /** "Oct 2026" */
  shortMonth: (id) => shortMonth(String(id)),
  /** {{plural 3 "action"}} → "3 actions"; {{plural 1 "finding"}} → "1 finding"; optional plural form. */
  plural: (...raw) => {
    const [n, one, many] = argsOf(raw) as [number, string, string | undefined];
    return `${n} ${n === 1 ? one : (many ?? `${one}s`)}`;
  },
  /**
   * {{howMany n "indicator is" "indicators are"}} → "no indicator is", "1 indicator is",
   * "3 indicators are": a count that reads right at 0, 1 and many. HowMany starts a sentence.
   */
  howMany: (...raw) => {
    const [n, one, many] = argsOf(raw) as [number, string, string | undefined];
    return `${n === 0 ? 'no' : n} ${n === 1 ? one : (many ?? `${one}s`)}`;
  },
  HowMany: (...raw) => {
    const [n, one, many] = argsOf(raw) as [number, string, string | undefined];
    return `${capital(numberWord(n))} ${n === 1 ? one : (many ?? `${one}s`)}`;
  },
  /** {{Words 2}} → "Two": a number to open a sentence, in words up to twelve. */
  Words: (n) => capital(numberWord(Number(n))),
  /** {{names list}} → "A, B and C" from a list of objects with a name (or {{names list "id"}}). */
  names: (...raw) => {
    const [list, field = 'name'] = argsOf(raw) as [unknown[], string?];
    if (!Array.isArray(list)) return '';
    const items = list.map((x) => String((x as Record<string, unknown>)?.[field] ?? ''));
    return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}` : (items[0] ?? '');
  },
  /** {{count list}} → its length */
  count: (list) => (Array.isArray(list) ? list.length : 0),
  lower: (s) => String(s).toLowerCase(),
  upper: (s) => String(s).toUpperCase(),
  /** {{join list ", "}}; the last pair joined with " and " when the separator is ", " */
  join: (...raw) => {
    const [list, sep = ', '] = argsOf(raw) as [unknown[], string?];
    if (!Array.isArray(list)) return '';
    const items = list.map(String);
    if (sep === ', ' && items.length > 1) return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
    return items.join(sep);
  },
  /** {{add a b}} → a + b */
  add: (...raw) => { const [a, b] = argsOf(raw) as [number, number]; return Number(a) + Number(b); },
  eq: (...raw) => { const [a, b] = argsOf(raw); return a === b; },
  ne: (...raw) => { const [a, b] = argsOf(raw); return a !== b; },
  gt: (...raw) => { const [a, b] = argsOf(raw) as [number, number]; return a > b; },
  lt: (...raw) => { const [a, b] = argsOf(raw) as [number, number]; return a < b; },
  and: (...raw) => argsOf(raw).every(Boolean),
  or: (...raw) => argsOf(raw).some(Boolean),
  not: (x) => !x,
};

const BUILT_IN = ['if', 'unless', 'each', 'with', 'lookup', 'log', 'blockHelperMissing', 'helperMissing'];

/** One Handlebars environment per process: helpers are pure, so it can be shared. */
let shared: typeof Handlebars | undefined;
function env(): typeof Handlebars {
  if (!shared) {
    shared = Handlebars.create();
    for (const [name, fn] of Object.entries(HELPERS)) shared.registerHelper(name, fn as Handlebars.HelperDelegate);
  }
  return shared;
}

/** Templates that passed checkTemplates: validate and compose both ask. */
const checked = new WeakSet<TemplateSource>();
/** Compiled templates, by source object: each template is compiled once per run. */
const compiled = new WeakMap<TemplateSource, Handlebars.TemplateDelegate>();

const COMPILE_OPTIONS = {
  noEscape: true,
  strict: true,
  knownHelpersOnly: true,
  knownHelpers: Object.fromEntries([...BUILT_IN, ...Object.keys(HELPERS)].map((n) => [n, true])),
  preventIndent: true,
} as const;

/** Maps a line and column inside a template to the place in its file. */
function placeIn(t: TemplateSource, line: number | undefined, column0: number | undefined): Place {
  if (line === undefined) return { file: t.file, line: t.firstLine, column: t.firstColumn };
  const fileLine = t.firstLine + line - 1;
  const col = (column0 ?? 0) + 1 + (line === 1 ? t.firstColumn - 1 : 0);
  return { file: t.file, line: fileLine, column: col };
}

interface HbError {
  message: string;
  lineNumber?: number;
  column?: number;
}

function report(e: unknown, t: TemplateSource, diags: Diagnostics, phase: 'check' | 'render'): void {
  const err = e as HbError;
  let message = String(err.message ?? e);
  let line = err.lineNumber;
  let column = err.column;
  const located = / - (\d+):(\d+)$/.exec(message);
  if (located) {
    line ??= Number(located[1]);
    column ??= Number(located[2]);
    message = message.slice(0, located.index);
  }
  const parse = /^Parse error on line (\d+):/.exec(message);
  const mismatch = /^(\S+) doesn't match (\S+)$/.exec(message);
  if (parse || mismatch) {
    const hint = 'check that every {{#block}} has its {{/block}} and every {{ has its }}';
    if (mismatch) {
      message = `template does not parse: {{#${mismatch[1]}}} opened here is closed by {{/${mismatch[2]}}}; add {{/${mismatch[1]}}} where it ends`;
    } else {
      line = Number(parse![1]);
      column = undefined;
      const got = /got '([^']*)'/.exec(message)?.[1];
      message = got === 'EOF'
        ? 'template does not parse: it ends inside a block; a {{/...}} is missing'
        : `template does not parse near this line${got ? ` (unexpected ${got.toLowerCase().replace(/_/g, ' ')})` : ''}`;
    }
    diags.report('template-syntax', message, { place: placeIn(t, line, column), hint });
    return;
  }
  const helper = /unknown helper (\S+)/.exec(message);
  if (helper) {
    diags.report('template-unknown-helper', `unknown helper "${helper[1]}"`, {
      place: placeIn(t, line, column),
      hint: `helpers are: ${Object.keys(HELPERS).join(', ')} and the built-ins if, unless, each, with, lookup`,
    });
    return;
  }
  const missing = /^"([^"]+)" not defined in/.exec(message);
  if (missing) {
    diags.report('template-missing-variable', `"${missing[1]}" is not defined here`, {
      place: placeIn(t, line, column),
      hint: 'see the README for the variables a template can use; inside {{#each}} use ../ to reach outer ones',
    });
    return;
  }
  diags.report(phase === 'check' ? 'template-syntax' : 'template-missing-variable', message.split('\n')[0] ?? message, {
    place: placeIn(t, line, column),
  });
}

interface CompilerInternals {
  Compiler: new () => { compile(ast: hbs.AST.Program, options: object): unknown };
}

/**
 * Parses every template and runs Handlebars' compiler pass over it, without data: syntax
 * errors and unknown helpers, each at its line. (Code generation waits for rendering.)
 */
export function checkTemplates(templates: readonly TemplateSource[], diags: Diagnostics): boolean {
  const hb = env();
  let ok = true;
  for (const t of templates) {
    if (checked.has(t)) continue;
    try {
      const ast = hb.parse(t.text);
      new (hb as unknown as CompilerInternals).Compiler().compile(ast, { ...COMPILE_OPTIONS, knownHelpers: { ...COMPILE_OPTIONS.knownHelpers } });
      checked.add(t);
    } catch (e) {
      ok = false;
      report(e, t, diags, 'check');
    }
  }
  return ok;
}

/** Renders one template with data; undefined after reporting an error at its place. */
export function renderTemplate(t: TemplateSource, data: object, diags: Diagnostics): string | undefined {
  const hb = env();
  try {
    let fn = compiled.get(t);
    if (!fn) {
      fn = hb.compile(t.text, COMPILE_OPTIONS);
      compiled.set(t, fn);
    }
    return fn(data, { allowProtoPropertiesByDefault: false });
  } catch (e) {
    report(e, t, diags, 'render');
    return undefined;
  }
}
