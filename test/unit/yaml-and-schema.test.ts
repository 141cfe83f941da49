import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics/index.js';
import { parseYaml, tooDeepAt } from '../../src/1-load/yaml-source.js';
import { ROOT } from '../helpers/workspace.js';
import { PlanSchema } from '../../src/model/schemas.js';
import { checkSchema } from '../../src/2-validate/schema-check.js';

const plan = (action: string) => `title: T
priorities:
  - id: P1
    title: Front door
    lead: Someone
    actions:
${action}`;

const good = `      - id: P1.1
        action: Do it
        owner: Head of X
        due: 2026-10-31
        status: on-track
`;

function check(text: string) {
  const d = new Diagnostics();
  const src = parseYaml('plan.yml', text, d);
  const out = checkSchema(PlanSchema, src, d, 'plan');
  return { d, out, src };
}

describe('YAML places', () => {
  it('maps a path to its line and column', () => {
    const { src } = check(plan(good));
    expect(src.placeOf(['priorities', 0, 'actions', 0, 'due'])).toEqual({ file: 'plan.yml', line: 10, column: 14 });
  });

  it('reports syntax errors with their line', () => {
    const { d, out } = check('title: T\npriorities:\n  - id: P1\n   title: bad indent\n');
    expect(out).toBeUndefined();
    expect(d.all[0]).toMatchObject({ code: 'yaml-syntax', place: { file: 'plan.yml', line: 4 } });
  });

  it('reports duplicate keys', () => {
    const { d } = check('title: T\ntitle: U\npriorities: []\n');
    expect(d.all[0]).toMatchObject({ code: 'yaml-syntax', place: { line: 2 } });
  });
});

describe('schema issues at the YAML node', () => {
  it('accepts a valid plan', () => {
    const { d, out } = check(plan(good));
    expect(d.all).toEqual([]);
    expect(out?.priorities[0]?.actions[0]?.id).toBe('P1.1');
  });

  it('unknown status, with did-you-mean, at the value', () => {
    const { d } = check(plan(good.replace('on-track', 'on track')));
    expect(d.all[0]).toMatchObject({ code: 'schema-invalid-value', place: { line: 11, column: 17 } });
    expect(d.all[0]!.message).toContain('(did you mean "on-track"?)');
  });

  it('impossible date', () => {
    const { d } = check(plan(good.replace('2026-10-31', '2026-02-30')));
    expect(d.all[0]).toMatchObject({ code: 'schema-invalid-date', place: { line: 10, column: 14 } });
    expect(d.all[0]!.message).toBe('`due` of P1.1 is "2026-02-30", which is not a date in the calendar');
  });

  it('missing field points at the mapping that lacks it', () => {
    const { d } = check(plan(good.replace('        owner: Head of X\n', '')));
    expect(d.all[0]).toMatchObject({ code: 'schema-missing-field', place: { line: 7, column: 9 } });
    expect(d.all[0]!.message).toContain('`owner`');
  });

  it('unknown field points at the key, with did-you-mean', () => {
    const { d } = check(plan(good.replace('owner:', 'owenr:')));
    const unknown = d.all.find((x) => x.code === 'schema-unknown-field')!;
    expect(unknown.place).toMatchObject({ line: 9, column: 9 });
    expect(unknown.message).toContain('did you mean "owner"?');
  });

  it('wrong type', () => {
    const { d } = check(plan(good.replace('status: on-track', 'status: on-track\n        answers: R1')));
    expect(d.all[0]).toMatchObject({ code: 'schema-invalid-type', place: { line: 12 } });
  });
});

describe('YAML that would exhaust the parser', () => {
  it('finds nesting deeper than the limit, by brackets or indentation, and nothing in ordinary files', () => {
    expect(tooDeepAt('a: [[1]]\nb:\n  c:\n    - d: "[[[[[["\n', 4)).toBe(-1);
    expect(tooDeepAt('a: [[1]]\nb:\n  c:\n    - d: "[[[[[["\n', 3)).toBe(21);
    expect(tooDeepAt(`a: ${'['.repeat(70)}${']'.repeat(70)}`)).toBe(3 + 63);
    expect(tooDeepAt(Array.from({ length: 80 }, (_, i) => `${' '.repeat(i)}k:`).join('\n'))).toBeGreaterThan(0);
    expect(tooDeepAt(`x: ${'- '.repeat(70)}1`)).toBe(-1);
    expect(tooDeepAt(`${'- '.repeat(70)}1`)).toBe(0);
    // An apostrophe in a word opens no quote; a comment's brackets count for nothing.
    expect(tooDeepAt(`a: it's [1] # ${'['.repeat(100)}\nb: Children's [2]`)).toBe(-1);
    for (const f of ['config.yml', 'examples/wexcombe/plan.yml', 'examples/wexcombe/findings/ilacs-2025.yml']) {
      expect(tooDeepAt(readFileSync(path.join(ROOT, f), 'utf8'))).toBe(-1);
    }
  });

  it('reports a billion laughs and 20,000 brackets as errors at their place, without throwing', () => {
    const d = new Diagnostics();
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefghij'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghij'[i]}`).join(', ')}]`),
    ].join('\n');
    expect(parseYaml('bomb.yml', bomb, d).data).toBeUndefined();
    expect(parseYaml('deep.yml', `a: ${'['.repeat(20000)}`, d).data).toBeUndefined();
    expect(d.all.map((x) => `${x.place?.file}:${x.place?.line} ${x.code}`)).toEqual([
      'bomb.yml:2 yaml-too-complex',
      'deep.yml:1 yaml-too-complex',
    ]);
  });
});

describe('a value YAML reads as a number or a boolean where text is expected', () => {
  it('says how it was written and to quote it', () => {
    const d = new Diagnostics();
    const src = parseYaml('plan.yml', plan(good.replace('id: P1.1', 'id: 1.10').replace('owner: Head of X', 'owner: true')), d);
    checkSchema(PlanSchema, src, d, 'plan');
    expect(d.all.map((x) => [x.message, x.hint])).toEqual([
      [
        '`actions[0].id` of P1 expected an id (text), got number 1.1 (written 1.10)',
        "YAML reads 1.10 as a number; put it in quotes, '1.10', to keep it as text",
      ],
      [
        '`actions[0].owner` of P1 expected string, got boolean true',
        "YAML reads true as a boolean; put it in quotes, 'true', to keep it as text",
      ],
    ]);
  });
});
