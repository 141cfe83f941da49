/** The archive's XML check, held to saxes (a general, conformant parser) on good and broken XML. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { describe, expect, inject, it } from 'vitest';
import { checkPackXml } from '../../src/7-archive/xml-check.js';
import { wellFormedError } from '../../src/7-archive/well-formed.js';
import { existingWorkspace } from '../helpers/workspace.js';

function saxesError(text: string): string | undefined {
  const p = new SaxesParser({ xmlns: true });
  let error: string | undefined;
  p.on('error', (e) => {
    error ??= e.message;
  });
  try {
    p.write(text).close();
  } catch (e) {
    error ??= (e as Error).message;
  }
  return error;
}

const W = 'xmlns:w="urn:w"';
const GOOD = [
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W}><w:t xml:space="preserve">a &amp; b &#x2019; &#169;</w:t></w:document>`,
  `<a><!-- note --><![CDATA[ <x> & ]]><?pi data?><b c='1' d="&quot;"/></a>`,
  `\uFEFF<a ${W}><w:b/></a>\n`,
  `<a>\u00e9\uD83D\uDE00\t\r\n</a>`,
];
const BAD = [
  '<a>x\u0001y</a>',
  '<a>x\uFFFEy</a>',
  '<a b="\uFFFF"/>',
  '<a>\uD800</a>',
  '<a>&#1;</a>',
  '<a>&#xFFFE;</a>',
  '<a>&nbsp;</a>',
  '<a>AT&T</a>',
  '<a><b></a></b>',
  '<a>',
  '<a></a><b></b>',
  'text<a/>',
  '<a b="1" b="2"/>',
  '<a b=1/>',
  '<a b="x<y"/>',
  '<w:a/>',
  '<a w:b="1"/>',
  '<a><!-- a -- b --></a>',
  '<a>]]></a>',
  '<a><?xml version="1.0"?></a>',
  '<a></a',
  '< a/>',
  '',
];

describe('the XML check before archiving', () => {
  it.each(GOOD.map((x) => [JSON.stringify(x).slice(0, 60), x]))('accepts %s, as saxes does', (_n, xml) => {
    expect(saxesError(xml)).toBeUndefined();
    expect(wellFormedError(xml)).toBeUndefined();
  });

  it.each(BAD.map((x) => [JSON.stringify(x), x]))('refuses %s, as saxes does', (_n, xml) => {
    expect(saxesError(xml)).toBeDefined();
    expect(wellFormedError(xml)).toMatch(/^\d+:\d+: /);
  });

  it('refuses a document type declaration, which no part of a report has (it could declare entities)', () => {
    expect(wellFormedError('<!DOCTYPE a><a/>')).toMatch(/declaration/);
  });

  it('accepts every part of the reports the example builds, and names the part and place of a fault', async () => {
    const w = existingWorkspace(inject('exampleDir'));
    const name = 'improvement-board-2026-10.docx';
    const bytes = readFileSync(path.join(w.dir, 'packs', '2026-10', name));
    for (const [part, b] of Object.entries(unzipSync(bytes))) {
      if (/\.(xml|rels)$/.test(part)) expect(saxesError(new TextDecoder().decode(b)), part).toBeUndefined();
    }
    expect(checkPackXml([{ name, bytes }])).toEqual([]);
    const parts = unzipSync(bytes);
    parts['docProps/core.xml'] = strToU8(new TextDecoder().decode(parts['docProps/core.xml']).replace('Wexcombe', 'Wex\u0001combe'));
    expect(checkPackXml([{ name, bytes: zipSync(parts) }])).toEqual([
      { file: name, part: 'docProps/core.xml', message: expect.stringMatching(/^\d+:\d+: character U\+0001 is not allowed in XML$/) },
    ]);
  });
});
