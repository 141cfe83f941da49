import { describe, expect, it } from 'vitest';
import { checkTemplates, renderTemplate } from '../../src/compose/templates.js';
import { Diagnostics } from '../../src/diagnostics/index.js';

const t = (text: string, firstLine = 1, firstColumn = 1) => ({ file: 'templates/x/body.hbs', text, firstLine, firstColumn });

describe('templates', () => {
  it('renders with helpers and no HTML escaping', () => {
    const d = new Diagnostics();
    const out = renderTemplate(t('{{plural n "action"}} & {{longDate when}}; {{join xs ", "}}'), { n: 2, when: '2026-11-19', xs: ['a', 'b', 'c'] }, d);
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
