import { describe, expect, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics/index.js';
import { cleanSourceText } from '../../src/1-load/forbidden.js';
import { parseYaml } from '../../src/1-load/yaml-source.js';
import { decodeExcelEscapes, describeChar, forbiddenIn, stripForbidden } from '../../src/model/xml-chars.js';

describe('characters XML forbids', () => {
  it('are the C0 controls but tab, LF and CR, U+FFFE, U+FFFF and half a surrogate pair', () => {
    const s = 'a\u0000b\tc\nd\re\u0008f\u001Fg\uFFFEh\uFFFFi\uD800j\uDC00k\uD83D\uDE00l\u007F\u0085';
    expect(forbiddenIn(s).map((f) => describeChar(f.char))).toEqual([
      'U+0000 (a control character)',
      'U+0008 (a control character)',
      'U+001F (a control character)',
      'U+FFFE (not a character)',
      'U+FFFF (not a character)',
      'U+D800 (half a surrogate pair)',
      'U+DC00 (half a surrogate pair)',
    ]);
    expect(stripForbidden(s)).toBe('ab\tc\nd\refghijk\uD83D\uDE00l\u007F\u0085');
  });

  it("reads Excel's _xHHHH_ escapes as Excel does", () => {
    expect(decodeExcelEscapes('a_x0001_b_x000D_c')).toBe('a\u0001b\rc');
    expect(decodeExcelEscapes('_x005F_x0001_')).toBe('_x0001_');
    expect(decodeExcelEscapes('caseload_x')).toBe('caseload_x');
  });

  it('are removed from YAML values with a warning at the character, or at the value when an escape wrote it', () => {
    const d = new Diagnostics();
    const src = parseYaml('c.yml', 'a: x\u0001y\nb: "p\\uFFFEq"\nc\u0002: fine\n', d);
    expect(src.data).toEqual({ a: 'xy', b: 'pq', 'c\u0002': 'fine' });
    expect(d.all.map((x) => `${x.place?.line}:${x.place?.column} ${x.code}`)).toEqual([
      '1:5 text-forbidden-character',
      '2:4 text-forbidden-character',
    ]);
  });

  it('are removed from a template with a warning at each line and column', () => {
    const d = new Diagnostics();
    expect(cleanSourceText('t.hbs', 'ab\n c\uFFFFd\u0007', d)).toBe('ab\n cd');
    expect(d.all.map((x) => `${x.place?.line}:${x.place?.column}`)).toEqual(['2:3', '2:5']);
  });
});
