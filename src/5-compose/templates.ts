/**
 * Handlebars for report narrative. Strict: every name a template reads must exist, wherever it
 * is read (a mustache, a block's argument, a sub-expression, `lookup`), and only own properties
 * count, so `{{constructor}}` is a missing name, not an empty string. No HTML escaping (render
 * escapes XML itself). Only known helpers, each of which checks its arguments: what the template
 * alone shows (how many, a literal date) when templates are checked, before any data is
 * rendered; what a variable holds when it renders, at its line.
 */
import Handlebars from 'handlebars';
import type { Diagnostics, Place } from '../diagnostics/index.js';
import { isCalendarDate, monthLabel, ordinalDate, PERIOD_PATTERN, plainDate, shortMonth } from '../model/period.js';
import type { TemplateSource } from '../model/types.js';
import { numberWord } from './labels.js';

type Helper = (...args: unknown[]) => unknown;

/** What an argument must be. */
type Kind = 'number' | 'text' | 'list' | 'date' | 'month' | 'scalar' | 'any';
/** What a helper gives, for checking a sub-expression where an argument of some kind is wanted. */
type Gives = 'number' | 'text' | 'boolean' | 'any';

interface HelperSpec {
  readonly params: readonly Kind[];
  /** How many of the last params may be left out. */
  readonly optional?: number;
  /** The last param may repeat (and, or, log). */
  readonly repeats?: boolean;
  readonly gives: Gives;
  /** How it is written, for messages. */
  readonly usage: string;
  /** boardpack's helpers have one; Handlebars' built-ins are registered from BUILT_INS. */
  readonly fn?: Helper;
}

interface Loc {
  readonly start: { readonly line: number; readonly column: number };
}
interface HelperOptions {
  readonly hash: Record<string, unknown>;
  readonly data: unknown;
  readonly loc?: Loc;
  readonly fn?: (ctx: unknown, o?: object) => string;
  readonly inverse?: (ctx: unknown, o?: object) => string;
}

type TemplateErrorCode = 'template-helper-argument' | 'template-missing-variable';

/** A template's mistake found while it renders, at the line and column of what failed. */
export class TemplateError extends Error {
  readonly lineNumber?: number;
  readonly column?: number;
  constructor(
    message: string,
    loc: Loc | undefined,
    readonly code: TemplateErrorCode = 'template-helper-argument',
    readonly hint?: string,
  ) {
    super(message);
    if (loc) {
      this.lineNumber = loc.start.line;
      this.column = loc.start.column;
    }
  }
}

const isOptions = (x: unknown): x is HelperOptions => typeof x === 'object' && x !== null && 'hash' in x && 'data' in x;

/** "nothing", "a list", "a mapping", "\"garbage\"", "number 3": what a value is, for messages. */
function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'an empty value';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return v === '' ? 'empty text' : `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  return `${typeof v} ${String(v)}`;
}

/** Why `v` is not of `kind`, or undefined when it is. */
function kindProblem(kind: Kind, v: unknown): string | undefined {
  switch (kind) {
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) ? undefined : `a number, got ${describe(v)}`;
    case 'text':
      return typeof v === 'string' ? undefined : `text, got ${describe(v)}`;
    case 'scalar':
      return typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)) ? undefined : `text, got ${describe(v)}`;
    case 'list':
      return Array.isArray(v) ? undefined : `a list, got ${describe(v)}`;
    case 'date':
      if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return `a date written YYYY-MM-DD, got ${describe(v)}`;
      return isCalendarDate(v) ? undefined : `a date in the calendar, got "${v}", which is not one`;
    case 'month':
      // A month, or a date whose month is meant: {{month meeting.date}}.
      if (typeof v !== 'string' || !/^\d{4}-\d{2}(-\d{2})?$/.test(v)) return `a month written YYYY-MM, got ${describe(v)}`;
      return (v.length === 7 ? PERIOD_PATTERN.test(v) : isCalendarDate(v))
        ? undefined
        : `a month in the calendar, got "${v}", which is not one`;
    case 'any':
      return undefined;
  }
}

const ORDINAL = ['first', 'second', 'third', 'fourth', 'fifth'];
const nth = (i: number) => ORDINAL[i] ?? `${i + 1}th`;

function arityProblem(name: string, spec: HelperSpec, n: number): string | undefined {
  const max = spec.repeats ? Infinity : spec.params.length;
  const min = spec.params.length - (spec.optional ?? 0);
  if (n >= min && n <= max) return undefined;
  const wants = spec.repeats ? `at least ${min}` : min === max ? String(min) : `${min} or ${max}`;
  return `{{${name}}} takes ${wants} argument${wants === '1' ? '' : 's'} (${spec.usage}); here it has ${n}`;
}

const argumentProblem = (name: string, spec: HelperSpec, i: number, problem: string) =>
  `{{${name}}}: its ${nth(i)} argument must be ${problem} (${spec.usage})`;

/** Checks a call's arguments as it renders; throws at the call's place. */
function checkCall(name: string, spec: HelperSpec, raw: unknown[], builtIn = false): { args: unknown[]; options?: HelperOptions } {
  // Handlebars always passes its options last; its own {{#unless}} calls {{#if}} with a smaller one.
  const options = builtIn || isOptions(raw[raw.length - 1]) ? (raw[raw.length - 1] as HelperOptions) : undefined;
  const args = options ? raw.slice(0, -1) : raw;
  const arity = arityProblem(name, spec, args.length);
  if (arity) throw new TemplateError(arity, options?.loc);
  args.forEach((a, i) => {
    const problem = kindProblem(spec.params[Math.min(i, spec.params.length - 1)]!, a);
    if (problem) throw new TemplateError(argumentProblem(name, spec, i, problem), options?.loc);
  });
  return options ? { args, options } : { args };
}

/** A boardpack helper: `fn` called with its arguments once they are checked. */
function helper(name: string, spec: Omit<HelperSpec, 'fn'>, fn: (...args: never[]) => unknown): HelperSpec {
  return { ...spec, fn: (...raw: unknown[]) => (fn as (...a: unknown[]) => unknown)(...checkCall(name, spec, raw).args) };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const counted = (count: (n: number) => string) => (n: number, one: string, many?: string) =>
  `${count(n)} ${n === 1 ? one : (many ?? `${one}s`)}`;
const andList = (items: string[]) =>
  items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}` : (items[0] ?? '');

/** The helpers a template may use, documented in the README, and Handlebars' built-ins. */
export const HELPER_SPECS: Record<string, HelperSpec> = {
  /** "12th November 2026" */
  longDate: helper('longDate', { params: ['date'], gives: 'text', usage: '{{longDate meeting.date}}' }, (iso: string) => ordinalDate(iso)),
  /** "12 November 2026" */
  date: helper('date', { params: ['date'], gives: 'text', usage: '{{date meeting.date}}' }, (iso: string) => plainDate(iso)),
  /** "October 2026" from 2026-10 */
  month: helper('month', { params: ['month'], gives: 'text', usage: '{{month period.id}}' }, (id: string) => monthLabel(id.slice(0, 7))),
  /** "Oct 2026" */
  shortMonth: helper('shortMonth', { params: ['month'], gives: 'text', usage: '{{shortMonth period.id}}' }, (id: string) =>
    shortMonth(id.slice(0, 7)),
  ),
  /** {{plural 3 "action"}} → "3 actions"; {{plural 1 "finding"}} → "1 finding"; optional plural form. */
  plural: helper(
    'plural',
    { params: ['number', 'text', 'text'], optional: 1, gives: 'text', usage: '{{plural n "action"}}' },
    counted(String),
  ),
  /** {{howMany n "indicator is" "indicators are"}} → "no indicator is", "1 indicator is", "3 indicators are". */
  howMany: helper(
    'howMany',
    { params: ['number', 'text', 'text'], optional: 1, gives: 'text', usage: '{{howMany n "indicator is" "indicators are"}}' },
    counted((n) => (n === 0 ? 'no' : String(n))),
  ),
  /** The same to open a sentence, the count in words up to twelve: "No indicator is", "Three indicators are". */
  HowMany: helper(
    'HowMany',
    { params: ['number', 'text', 'text'], optional: 1, gives: 'text', usage: '{{HowMany n "indicator is" "indicators are"}}' },
    counted((n) => capital(numberWord(n))),
  ),
  /** {{Words 2}} → "Two": a number to open a sentence, in words up to twelve. */
  Words: helper('Words', { params: ['number'], gives: 'text', usage: '{{Words n}}' }, (n: number) => capital(numberWord(n))),
  /** {{names list}} → "A, B and C" from a list of objects with a name (or {{names list "id"}}). */
  names: helper(
    'names',
    { params: ['list', 'text'], optional: 1, gives: 'text', usage: '{{names list "id"}}' },
    (list: unknown[], field = 'name') => andList(list.map((x) => String((x as Record<string, unknown> | null)?.[field] ?? ''))),
  ),
  /** {{count list}} → its length */
  count: helper('count', { params: ['list'], gives: 'number', usage: '{{count list}}' }, (list: unknown[]) => list.length),
  lower: helper('lower', { params: ['scalar'], gives: 'text', usage: '{{lower ragLabel}}' }, (s: string | number) =>
    String(s).toLowerCase(),
  ),
  upper: helper('upper', { params: ['scalar'], gives: 'text', usage: '{{upper ragLabel}}' }, (s: string | number) =>
    String(s).toUpperCase(),
  ),
  /** {{join list ", "}}; the last pair joined with " and " when the separator is ", " */
  join: helper(
    'join',
    { params: ['list', 'text'], optional: 1, gives: 'text', usage: '{{join list ", "}}' },
    (list: unknown[], sep = ', ') => (sep === ', ' ? andList(list.map(String)) : list.map(String).join(sep)),
  ),
  /** {{add a b}} → a + b */
  add: helper('add', { params: ['number', 'number'], gives: 'number', usage: '{{add a b}}' }, (a: number, b: number) => a + b),
  eq: helper('eq', { params: ['any', 'any'], gives: 'boolean', usage: '(eq a b)' }, (a: unknown, b: unknown) => a === b),
  ne: helper('ne', { params: ['any', 'any'], gives: 'boolean', usage: '(ne a b)' }, (a: unknown, b: unknown) => a !== b),
  gt: helper('gt', { params: ['number', 'number'], gives: 'boolean', usage: '(gt a 0)' }, (a: number, b: number) => a > b),
  lt: helper('lt', { params: ['number', 'number'], gives: 'boolean', usage: '(lt a 3)' }, (a: number, b: number) => a < b),
  and: helper('and', { params: ['any', 'any'], repeats: true, gives: 'boolean', usage: '(and a b)' }, (...xs: unknown[]) =>
    xs.every(Boolean),
  ),
  or: helper('or', { params: ['any', 'any'], repeats: true, gives: 'boolean', usage: '(or a b)' }, (...xs: unknown[]) => xs.some(Boolean)),
  not: helper('not', { params: ['any'], gives: 'boolean', usage: '(not a)' }, (x: unknown) => !x),
  // Handlebars' own, replaced below by stricter versions of themselves.
  if: { params: ['any'], gives: 'any', usage: '{{#if x}}...{{/if}}' },
  unless: { params: ['any'], gives: 'any', usage: '{{#unless x}}...{{/unless}}' },
  each: { params: ['list'], gives: 'any', usage: '{{#each list}}...{{/each}}' },
  with: { params: ['any'], gives: 'any', usage: '{{#with x}}...{{/with}}' },
  lookup: { params: ['any', 'scalar'], gives: 'any', usage: '{{lookup object "name"}}' },
  log: { params: ['any'], repeats: true, gives: 'any', usage: '{{log "what" value}}' },
};

/** boardpack's helpers, by name. */
export const HELPERS: Record<string, Helper> = Object.fromEntries(
  Object.entries(HELPER_SPECS).flatMap(([n, s]) => (s.fn ? [[n, s.fn]] : [])),
);

const BUILT_IN = ['if', 'unless', 'each', 'with', 'lookup', 'log', 'blockHelperMissing', 'helperMissing'];

const MISSING_HINT = 'see the README for the variables a template can use; inside {{#each}} use ../ to reach outer ones';

/**
 * Reads `parts` from `start`, own properties only, as every path in a template is read: a name
 * that is not there is an error at its place, whether it is printed or given to a helper.
 */
function readPath(start: unknown, parts: readonly string[], written: string, loc: Loc | undefined): unknown {
  let value = start;
  for (let i = 0; i < parts.length; i++) {
    const name = parts[i]!;
    if (value === null || value === undefined) {
      const parent = parts.slice(0, i).join('.') || 'this';
      throw new TemplateError(
        `"${written}" cannot be read: ${parent} has no value here`,
        loc,
        'template-missing-variable',
        `test it first: {{#if ${parent}}}...{{/if}}`,
      );
    }
    if (!Object.hasOwn(Object(value), name)) {
      const which = parts.length > 1 ? ` (${parts.slice(0, i).join('.') || 'this'} has no "${name}")` : '';
      throw new TemplateError(`"${written}" is not defined here${which}`, loc, 'template-missing-variable', MISSING_HINT);
    }
    value = (value as Record<string, unknown>)[name];
  }
  return value;
}

interface CompilerLike {
  options: { strict?: boolean };
  source: { currentLocation?: Loc };
  push(expr: unknown): void;
  popStack(): unknown;
  aliasable(name: string): unknown;
  quotedString(s: string): string;
}

/**
 * Handlebars' code generator, with every path read through readPath. Its own strict mode checks
 * only the last name of a printed path; names in block arguments and sub-expressions, and
 * inherited ones such as `constructor`, passed silently as nothing.
 */
type CompilerClass = new (...args: unknown[]) => unknown;

function strictCompiler(base: CompilerClass): CompilerClass {
  function Strict(this: unknown, ...args: unknown[]) {
    (base as unknown as (...a: unknown[]) => void).apply(this, args);
  }
  Strict.prototype = Object.create(base.prototype);
  Strict.prototype.compiler = Strict;
  Strict.prototype.resolvePath = function (
    this: CompilerLike,
    _type: string,
    parts: string[],
    start: number,
    _falsy: boolean,
    _strict: boolean,
  ) {
    const rest = parts.slice(start);
    const written = parts.join('.') || 'this';
    const loc = this.source.currentLocation ? { start: this.source.currentLocation.start } : undefined;
    this.push([
      this.aliasable('container.helpers.__readPath'),
      '(',
      this.popStack(),
      ', ',
      JSON.stringify(rest),
      ', ',
      this.quotedString(written),
      ', ',
      JSON.stringify(loc),
      ')',
    ]);
  };
  // Stock Handlebars joins adjacent outputs with +, so {{a}}{{b}} with numbers 1 and 2 gives "3"
  // when nothing escapes them (noEscape); each output is made text before it is joined.
  const append = base.prototype.appendToBuffer as (this: unknown, source: unknown, ...rest: unknown[]) => unknown;
  Strict.prototype.appendToBuffer = function (this: unknown, source: unknown, ...rest: unknown[]) {
    return append.call(this, ['""+', ...(Array.isArray(source) ? source : [source])], ...rest);
  };
  return Strict as unknown as CompilerClass;
}

/** Where {{log}} writes while a template renders: the run's diagnostics, at the template's line. */
let logSink: ((message: string, loc: Loc | undefined) => void) | undefined;

/** One Handlebars environment per process: helpers are pure, so it can be shared. */
let shared: typeof Handlebars | undefined;
function env(): typeof Handlebars {
  if (shared) return shared;
  const hb = Handlebars.create();
  // Not in Handlebars' types, but its documented way to change the code it generates.
  const withCompiler = hb as unknown as { JavaScriptCompiler: CompilerClass };
  withCompiler.JavaScriptCompiler = strictCompiler(withCompiler.JavaScriptCompiler);
  for (const [name, fn] of Object.entries(HELPERS)) hb.registerHelper(name, fn as Handlebars.HelperDelegate);
  hb.registerHelper('__readPath', readPath as Handlebars.HelperDelegate);
  const builtIn = hb.helpers as Record<string, Helper>;
  const each = builtIn['each']!;
  hb.registerHelper('each', function (this: unknown, ...raw: unknown[]) {
    checkCall('each', HELPER_SPECS['each']!, raw, true);
    return each.apply(this, raw);
  });
  for (const name of ['if', 'unless', 'with'] as const) {
    const original = builtIn[name]!;
    hb.registerHelper(name, function (this: unknown, ...raw: unknown[]) {
      checkCall(name, HELPER_SPECS[name]!, raw, true);
      return original.apply(this, raw);
    });
  }
  hb.registerHelper('lookup', (...raw: unknown[]) => {
    const { args, options } = checkCall('lookup', HELPER_SPECS['lookup']!, raw, true);
    return readPath(args[0], [String(args[1])], String(args[1]), options?.loc);
  });
  hb.registerHelper('log', (...raw: unknown[]) => {
    const { args, options } = checkCall('log', HELPER_SPECS['log']!, raw, true);
    logSink?.(args.map((x) => (typeof x === 'string' ? x : (JSON.stringify(x) ?? String(x)))).join(' '), options?.loc);
    return '';
  });
  shared = hb;
  return hb;
}

/** Texts of templates that passed checkTemplates: validate and compose both ask, and a second build. */
const passed = new Set<string>();
/**
 * Compiled templates, by their text: each template is compiled once per process, however many
 * builds it makes (the compiled code holds lines and columns, never the file's name). Kept
 * while there are fewer than 200, a project's templates many times over.
 */
const compiled = new Map<string, Handlebars.TemplateDelegate>();

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
  if (e instanceof TemplateError) {
    diags.report(e.code, e.message, { place: placeIn(t, e.lineNumber, e.column), ...(e.hint ? { hint: e.hint } : {}) });
    return;
  }
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
      message =
        got === 'EOF'
          ? 'template does not parse: it ends inside a block; a {{/...}} is missing'
          : `template does not parse near this line${got ? ` (unexpected ${got.toLowerCase().replace(/_/g, ' ')})` : ''}`;
    }
    diags.report('template-syntax', message, { place: placeIn(t, line, column), hint });
    return;
  }
  const unknown = /unknown helper (\S+)/.exec(message);
  if (unknown) {
    diags.report('template-unknown-helper', `unknown helper "${unknown[1]}"`, {
      place: placeIn(t, line, column),
      hint: `helpers are: ${Object.keys(HELPERS).join(', ')} and the built-ins if, unless, each, with, lookup, log`,
    });
    return;
  }
  // Anything else is a fault of boardpack's, not the author's: said plainly, at the place.
  diags.report(phase === 'check' ? 'template-syntax' : 'template-missing-variable', message.split('\n')[0] ?? message, {
    place: placeIn(t, line, column),
  });
}

interface CompilerInternals {
  Compiler: new () => { compile(ast: hbs.AST.Program, options: object): unknown };
}

type Node = hbs.AST.Node & { loc?: hbs.AST.SourceLocation };
type Call = hbs.AST.MustacheStatement | hbs.AST.BlockStatement | hbs.AST.SubExpression;
type StaticCode = 'template-helper-argument' | 'template-partial';
interface StaticProblem {
  readonly message: string;
  readonly loc?: hbs.AST.SourceLocation;
  readonly code: StaticCode;
}

/** The value of a literal argument, or undefined for a path or sub-expression (known when it renders). */
function literal(node: hbs.AST.Expression): { value: unknown } | undefined {
  switch (node.type) {
    case 'StringLiteral':
    case 'NumberLiteral':
    case 'BooleanLiteral':
      return { value: (node as hbs.AST.StringLiteral).value };
    case 'NullLiteral':
      return { value: null };
    case 'UndefinedLiteral':
      return { value: undefined };
    default:
      return undefined;
  }
}

/** Whether what a helper gives can be what an argument of `kind` wants. */
function fits(gives: Gives, kind: Kind): boolean {
  if (gives === 'any' || kind === 'any' || gives === 'boolean') return true;
  if (gives === 'text') return kind === 'text' || kind === 'scalar' || kind === 'date' || kind === 'month';
  return kind === 'number' || kind === 'scalar';
}

/**
 * What can be known of a template without data: each helper's number of arguments and the
 * literal ones ({{longDate "2026-02-30"}}), a helper's result given where another kind is wanted,
 * name=value arguments, which no boardpack helper takes, and partials and decorators, which
 * boardpack templates do not have.
 */
function staticProblems(ast: hbs.AST.Program): StaticProblem[] {
  const out: StaticProblem[] = [];
  const call = (node: Call) => {
    const p = node.path as hbs.AST.PathExpression;
    if (p.type !== 'PathExpression' || p.data || p.depth !== 0 || p.parts.length !== 1) return;
    const name = p.parts[0]!;
    const spec = Object.hasOwn(HELPER_SPECS, name) ? HELPER_SPECS[name]! : undefined;
    if (!spec) return;
    const arity = arityProblem(name, spec, node.params.length);
    if (arity) out.push({ message: arity, loc: node.loc, code: 'template-helper-argument' });
    const hash = node.hash?.pairs ?? [];
    if (hash.length > 0) {
      out.push({
        message: `{{${name}}} takes no name=value arguments (${spec.usage}); here it has ${hash.map((x) => x.key).join(', ')}`,
        loc: node.loc,
        code: 'template-helper-argument',
      });
    }
    node.params.forEach((param, i) => {
      const kind = spec.params[Math.min(i, spec.params.length - 1)];
      if (!kind) return;
      const lit = literal(param);
      let problem: string | undefined;
      if (lit) problem = kindProblem(kind, lit.value);
      else if (param.type === 'SubExpression') {
        const innerName = ((param as hbs.AST.SubExpression).path as hbs.AST.PathExpression).parts?.[0] ?? '';
        const inner = Object.hasOwn(HELPER_SPECS, innerName) ? HELPER_SPECS[innerName] : undefined;
        if (inner && !fits(inner.gives, kind))
          problem = `${kind === 'scalar' || kind === 'text' ? 'text' : `a ${kind}`}, got the ${inner.gives} that ${inner.usage} gives`;
      }
      if (problem) out.push({ message: argumentProblem(name, spec, i, problem), loc: node.loc, code: 'template-helper-argument' });
    });
  };
  const walk = (node: Node | null | undefined): void => {
    if (!node) return;
    switch (node.type) {
      case 'Program':
        (node as hbs.AST.Program).body.forEach(walk);
        return;
      case 'MustacheStatement':
      case 'SubExpression':
      case 'BlockStatement': {
        const c = node as Call;
        // {{name}} alone is a variable unless name is a helper's ({{lower}} is a call with nothing).
        call(c);
        c.params.forEach(walk);
        for (const x of c.hash?.pairs ?? []) walk(x.value);
        if (node.type === 'BlockStatement') {
          walk((node as hbs.AST.BlockStatement).program);
          walk((node as hbs.AST.BlockStatement).inverse);
        }
        return;
      }
      case 'PartialStatement':
      case 'PartialBlockStatement': {
        const name = (node as hbs.AST.PartialStatement).name as hbs.AST.PathExpression;
        out.push({
          message: `partial "${name.original ?? ''}" does not exist: boardpack templates have no partials`,
          loc: node.loc,
          code: 'template-partial',
        });
        return;
      }
      case 'DecoratorBlock':
      case 'Decorator':
        out.push({ message: 'decorators ({{* ...}}) are not supported in boardpack templates', loc: node.loc, code: 'template-partial' });
        return;
      default:
        return;
    }
  };
  walk(ast);
  return out;
}

/**
 * Parses every template and runs Handlebars' compiler pass over it, without data: syntax errors,
 * unknown helpers, helper arguments that are wrong whatever the data, and partials, each at its
 * line. (Code generation waits for rendering.)
 */
export function checkTemplates(templates: readonly TemplateSource[], diags: Diagnostics): boolean {
  const hb = env();
  let ok = true;
  for (const t of templates) {
    if (passed.has(t.text)) continue;
    try {
      const ast = hb.parse(t.text);
      const problems = staticProblems(ast);
      for (const p of problems) {
        diags.report(p.code, p.message, {
          place: placeIn(t, p.loc?.start.line, p.loc?.start.column),
          ...(p.code === 'template-partial' ? { hint: 'write the text in this template; each template is one file' } : {}),
        });
      }
      new (hb as unknown as CompilerInternals).Compiler().compile(ast, {
        ...COMPILE_OPTIONS,
        knownHelpers: { ...COMPILE_OPTIONS.knownHelpers },
      });
      if (problems.length > 0) ok = false;
      else {
        if (passed.size >= 200) passed.clear();
        passed.add(t.text);
      }
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
  logSink = (message, loc) => {
    diags.report('template-log', `{{log}}: ${message}`, {
      place: placeIn(t, loc?.start.line, loc?.start.column),
      hint: 'remove the {{log}} when the template is done',
    });
  };
  try {
    let fn = compiled.get(t.text);
    if (!fn) {
      fn = hb.compile(t.text, COMPILE_OPTIONS);
      if (compiled.size >= 200) compiled.clear();
      compiled.set(t.text, fn);
    }
    return fn(data, { allowProtoPropertiesByDefault: false });
  } catch (e) {
    report(e, t, diags, 'render');
    return undefined;
  } finally {
    logSink = undefined;
  }
}
