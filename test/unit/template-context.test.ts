/**
 * The template context is a contract with template authors: a field that disappears or changes
 * kind breaks their templates. This builds the context of every report of the example and of the
 * second council and checks each name a template can read, with the kind of value it holds,
 * against the committed list test/unit/template-context.fields.txt, each view's fields
 * once under its name (ActionView.dueText). A change meant for authors
 * updates that list (BOARDPACK_UPDATE_FIELDS=1 rewrites it) and the README's variables.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packContext, reportContext, type TemplateContext } from '../../src/5-compose/context.js';
import { Diagnostics } from '../../src/diagnostics/index.js';
import { prepare } from '../../src/pipeline/build.js';
import { END, START, variablesMarkdown } from '../../tools/template-variables.js';
import { ROOT, workspace } from '../helpers/workspace.js';

const LIST = path.join(ROOT, 'test/unit/template-context.fields.txt');

const kindOf = (v: unknown) =>
  v === null ? 'null' : v === undefined ? 'undefined' : Array.isArray(v) ? 'list' : typeof v === 'object' ? 'mapping' : typeof v;

/** The declared view a place holds, so each view's fields are listed once, wherever it appears. */
const VIEWS: readonly [RegExp, string][] = [
  [
    /^(actions\.all|FindingView\.(actions|actionsAtRisk|possibleActions)|PriorityView\.(actions|complete\.list|needingAttention\.list)|sets\.actions\.\w+\.list)\[\]$/,
    'ActionView',
  ],
  [/(^indicators\.all|sets\.indicators\.\w+\.list)\[\]$/, 'IndicatorView'],
  [/(^findings|sets\.findings\.\w+\.list)\[\]$/, 'FindingView'],
  [/^(sources|fullInspections|visits)\[\]$|^inspection$|^FindingView\.source$/, 'SourceView'],
  [/^(directors|portfolioHolders|authors)\[\]$|^meeting\.chair$/, 'PersonView'],
  [/^SourceView\.(judgements|otherJudgements)\[\]$/, 'JudgementView'],
  [/^priorities\[\]$/, 'PriorityView'],
];
const viewAt = (at: string) => VIEWS.find(([re]) => re.test(at))?.[1];

/** Every name a template can read ("FindingView.actions[]"), with the kinds of value seen there; a view's own fields under its name. */
function fields(value: unknown, at: string, out: Map<string, Set<string>>): void {
  const view = at ? viewAt(at) : undefined;
  const note = (p: string, kind: string) => out.set(p, (out.get(p) ?? new Set<string>()).add(kind));
  if (at) note(at, view && value !== undefined && value !== null ? view : kindOf(value));
  if (view && (value === undefined || value === null)) return;
  const here = view ?? at;
  if (Array.isArray(value)) {
    const element = viewAt(`${here}[]`);
    if (element) note(`${here}[]`, element);
    for (const x of value) fields(x, `${here}[]`, out);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) fields(v, here ? `${here}.${k}` : k, out);
  }
}

async function contexts(configPath: string): Promise<TemplateContext[]> {
  const diags = new Diagnostics();
  const out = await prepare({ configPath }, diags);
  expect(diags.errorCount, diags.all.map((d) => d.message).join('\n')).toBe(0);
  const { inputs, linkage, computed } = out!;
  const pack = packContext(inputs, linkage, computed);
  return inputs.reports.map((job) =>
    reportContext(
      pack,
      job.spec,
      job.layout.appendices.map((a) => a.kind),
    ),
  );
}

function secondCouncil(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'boardpack-context-'));
  cpSync(path.join(ROOT, 'test/fixtures/councils/ravensholme'), dir, { recursive: true });
  cpSync(path.join(ROOT, 'templates'), path.join(dir, 'templates'), { recursive: true });
  return path.join(dir, 'config.yml');
}

describe('the template context', () => {
  it('holds every field of the committed list, each of the same kind, and no other', async () => {
    const seen = new Map<string, Set<string>>();
    for (const ctx of [...(await contexts(workspace().config)), ...(await contexts(secondCouncil()))]) fields(ctx, '', seen);
    const lines = [...seen]
      .map(([p, kinds]) => `${p}: ${[...kinds].sort().join(' | ')}`)
      .sort()
      .join('\n');
    if (process.env.BOARDPACK_UPDATE_FIELDS) writeFileSync(LIST, `${lines}\n`);
    expect(lines).toBe(readFileSync(LIST, 'utf8').trimEnd());
  }, 120_000);

  it('is listed in the README as declared (run npm run docs:variables)', () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const committed = readme.slice(readme.indexOf(START), readme.indexOf(END) + END.length);
    const generated = variablesMarkdown(readFileSync(path.join(ROOT, 'src/5-compose/template-context.ts'), 'utf8'));
    expect(committed).toBe(generated);
    // Every field says what it holds.
    expect(generated.split('\n').filter((l) => l.startsWith('- ') && !/`: \S/.test(l))).toEqual([]);
  });
});
