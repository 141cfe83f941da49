import { describe, expect, it } from 'vitest';
import { checkTemplates, renderTemplate } from '../../src/5-compose/templates.js';
import { Diagnostics } from '../../src/diagnostics/index.js';

const t = (text: string, firstLine = 1, firstColumn = 1) => ({ file: 'templates/x/body.hbs', text, firstLine, firstColumn });

describe('templates', () => {
  it('renders with helpers and no HTML escaping', () => {
    const d = new Diagnostics();
    const out = renderTemplate(
      t('{{plural n "action"}} & {{longDate when}}; {{join xs ", "}}'),
      { n: 2, when: '2026-11-19', xs: ['a', 'b', 'c'] },
      d,
    );
    expect(out).toBe('2 actions & 19th November 2026; a, b and c');
  });

  it('a missing variable is an error at its template line', () => {
    const d = new Diagnostics();
    expect(renderTemplate(t('line one\n\nhello {{nobody}}'), {}, d)).toBeUndefined();
    expect(d.all[0]).toMatchObject({ code: 'template-missing-variable', place: { file: 'templates/x/body.hbs', line: 3, column: 9 } });
  });

  it('an unknown helper is found before rendering, with its line', () => {
    const d = new Diagnostics();
    expect(checkTemplates([t('ok\n{{shout name}}')], d)).toBe(false);
    expect(d.all[0]).toMatchObject({ code: 'template-unknown-helper', place: { line: 2 } });
  });

  it('a syntax error names its line', () => {
    const d = new Diagnostics();
    checkTemplates([t('a\nb\n{{#each xs}}\nno end')], d);
    expect(d.all[0]).toMatchObject({ code: 'template-syntax', place: { file: 'templates/x/body.hbs' } });
    expect(d.all[0]!.place!.line).toBeGreaterThanOrEqual(3);
  });

  it('inline templates report lines in the file that holds them', () => {
    const d = new Diagnostics();
    renderTemplate(t('{{meeting.nope}}', 12, 12), { meeting: {} }, d);
    expect(d.all[0]).toMatchObject({ place: { line: 12, column: 14 } });
  });
});

describe('every name, helper argument, partial and log checked (hostile templates)', () => {
  const check = (text: string) => {
    const d = new Diagnostics();
    checkTemplates([t(text)], d);
    return d.all.map((x) => `${x.place?.line}:${x.place?.column} ${x.code} ${x.message}`);
  };
  const render = (text: string, data: object) => {
    const d = new Diagnostics();
    const out = renderTemplate(t(text), data, d);
    return { out, diags: d.all.map((x) => `${x.place?.line}:${x.place?.column} ${x.code} ${x.message}`) };
  };

  it('a helper given too few or too many arguments is found before rendering, at its place', () => {
    expect(check('{{plural}}')).toEqual([
      '1:1 template-helper-argument {{plural}} takes 2 or 3 arguments ({{plural n "action"}}); here it has 0',
    ]);
    expect(check('a\n  {{longDate}}')).toEqual([
      '2:3 template-helper-argument {{longDate}} takes 1 argument ({{longDate meeting.date}}); here it has 0',
    ]);
    expect(check('{{lower}}')[0]).toMatch(/\{\{lower\}\} takes 1 argument/);
    expect(check('{{#if}}x{{/if}}')[0]).toMatch(/\{\{if\}\} takes 1 argument/);
    expect(check('{{#each}}x{{/each}}')[0]).toMatch(/\{\{each\}\} takes 1 argument/);
    expect(check('{{lower x y=1}}')[0]).toMatch(/takes no name=value arguments/);
  });

  it('a literal argument of the wrong kind is found before rendering', () => {
    expect(check('{{longDate "2026-02-30"}}')[0]).toMatch(
      /^1:1 template-helper-argument \{\{longDate\}\}: its first argument must be a date in the calendar, got "2026-02-30", which is not one/,
    );
    expect(check('{{month "garbage"}}')[0]).toMatch(/its first argument must be a month written YYYY-MM, got "garbage"/);
    expect(check('{{month "2026-13"}}')[0]).toMatch(/a month in the calendar, got "2026-13"/);
    expect(check('{{plural "three" "action"}}')[0]).toMatch(/its first argument must be a number, got "three"/);
    expect(check('{{plural (lower x) "a"}}')[0]).toMatch(
      /its first argument must be a number, got the text that \{\{lower ragLabel\}\} gives/,
    );
    expect(
      check('{{plural n "action"}} {{longDate "2026-02-28"}} {{month "2026-10"}} {{#each xs}}{{this}}{{/each}} {{plural (count xs) "x"}}'),
    ).toEqual([]);
  });

  it('partials and decorators are errors at their line, not missing variables at 1:1', () => {
    expect(check('line\n\n{{> header}}')).toEqual([
      '3:1 template-partial partial "header" does not exist: boardpack templates have no partials',
    ]);
  });

  it('what a variable holds is checked when it renders, at its line', () => {
    expect(render('x\n{{lower meeting}}', { meeting: {} }).diags).toEqual([
      '2:1 template-helper-argument {{lower}}: its first argument must be text, got a mapping ({{lower ragLabel}})',
    ]);
    expect(render('{{longDate d}}', { d: '2026-02-30' }).diags[0]).toMatch(/not one/);
    expect(render('{{plural n "a"}}', { n: '3' }).diags[0]).toMatch(/must be a number, got "3"/);
    expect(render('{{#each n}}x{{/each}}', { n: 'abc' }).diags[0]).toMatch(
      /^1:1 template-helper-argument \{\{each\}\}: its first argument must be a list, got "abc"/,
    );
    expect(render('{{#each n}}x{{/each}}', { n: 4 }).diags[0]).toMatch(/must be a list, got number 4/);
  });

  it('inherited names are missing names, never an empty string', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      const r = render(`{{${name}}}`, {});
      expect(r.out).toBeUndefined();
      expect(r.diags).toEqual([`1:3 template-missing-variable "${name}" is not defined here`]);
    }
    expect(render('{{a.constructor.name}}', { a: {} }).diags).toEqual([
      '1:3 template-missing-variable "a.constructor.name" is not defined here (a has no "constructor")',
    ]);
  });

  it('a missing name in a block argument, a sub-expression or lookup is an error at its place', () => {
    const ctx = { actions: { overdue: [1] }, xs: [1, 2] };
    expect(render('ok\n{{#if actions.overdu.length}}x{{/if}}', ctx).diags).toEqual([
      '2:7 template-missing-variable "actions.overdu.length" is not defined here (actions has no "overdu")',
    ]);
    expect(render('{{#if actions.overdu}}x{{/if}}', ctx).diags).toEqual([
      '1:7 template-missing-variable "actions.overdu" is not defined here (actions has no "overdu")',
    ]);
    expect(render('{{plural (count actions.overdu) "a"}}', ctx).diags).toEqual([
      '1:17 template-missing-variable "actions.overdu" is not defined here (actions has no "overdu")',
    ]);
    expect(render('{{lookup this "nope"}}', ctx).diags[0]).toBe('1:1 template-missing-variable "nope" is not defined here');
    expect(
      render('{{lookup xs 1}}|{{#each xs}}{{@index}}{{@root.actions.overdue.length}}{{/each}}|{{#if actions.overdue.length}}y{{/if}}', ctx),
    ).toEqual({ out: '2|0111|y', diags: [] });
  });

  it('a name present with no value is not missing', () => {
    expect(render('{{#if next}}a{{else}}b{{/if}}', { next: undefined }).out).toBe('b');
    expect(render('{{#if next.date}}a{{else}}b{{/if}}', { next: null }).diags[0]).toMatch(
      /"next.date" cannot be read: next has no value here/,
    );
  });

  it('adjacent numbers print side by side, not added', () => {
    expect(render('{{a}}{{b}}|{{#each xs}}{{@index}}{{this}}{{/each}}', { a: 1, b: 2, xs: [5, 6] }).out).toBe('12|0516');
  });

  it('{{log}} goes to the diagnostics, not to the output', () => {
    expect(render('a{{log "seen" n}}b', { n: 2 })).toEqual({ out: 'ab', diags: ['1:2 template-log {{log}}: seen 2'] });
  });
});
