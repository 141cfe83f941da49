/**
 * Golden render: a committed report model (the example's scrutiny report, as compose made it)
 * rendered to the XML parts that carry its layout, compared with committed copies. A change to
 * render shows here as a readable diff of the XML; when the change is meant, update the copies
 * with `npm run golden:update` and commit them with it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportModel } from '../../src/model/report.js';
import { renderDocx } from '../../src/6-render/docx.js';
import { ROOT, docxParts } from '../helpers/workspace.js';

const DIR = path.join(ROOT, 'test/fixtures/render');
const UPDATE = process.env['BOARDPACK_UPDATE_GOLDEN'] === '1';
const PARTS = ['word/document.xml', 'word/styles.xml', 'word/numbering.xml', 'docProps/core.xml'];

/** One element per line, so a change reads as a diff of the lines it touches. */
const lined = (xml: string) => `${xml.replace(/></g, '>\n<')}\n`;
const golden = (part: string) => path.join(DIR, `scrutiny.${part.replace(/\//g, '.')}.golden`);

describe('render, against committed XML', () => {
  it('renders the committed scrutiny report model to the committed XML, part by part', async () => {
    const model = JSON.parse(readFileSync(path.join(DIR, 'scrutiny-model.json'), 'utf8')) as ReportModel;
    const parts = docxParts(await renderDocx(model));
    for (const part of PARTS) {
      expect(parts[part], `${part} is missing`).toBeDefined();
      const got = lined(parts[part]!);
      if (UPDATE) writeFileSync(golden(part), got);
      // Compared line by line so a failure shows the lines that changed, not one huge string.
      expect(
        got.split('\n'),
        `${part} differs from ${path.relative(ROOT, golden(part))}; if the change is meant, run npm run golden:update`,
      ).toEqual(readFileSync(golden(part), 'utf8').split('\n'));
    }
  });
});
