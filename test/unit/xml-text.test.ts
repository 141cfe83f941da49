/** render's last gate: whatever text reaches it, every part it writes is XML. */
import { describe, expect, it } from 'vitest';
import { checkPackXml } from '../../src/7-archive/xml-check.js';
import type { ReportModel } from '../../src/model/report.js';
import { renderAll } from '../../src/6-render/index.js';
import { xmlSafeModel } from '../../src/6-render/xml-text.js';
import { docxParts, docxText } from '../helpers/workspace.js';

const model: ReportModel = {
  id: 'r',
  name: 'r',
  title: 'Title\u0001',
  subject: 'Subject\uFFFE',
  creator: 'Council\uD800',
  keywords: 'k',
  date: '2026-11-12',
  header: [{ label: 'Meeting\u000B Title', lines: [[{ text: 'Board' }]] }],
  summary: [[{ text: 'Summary \uFFFF' }]],
  // A run that is exactly the marker render puts where a picture goes.
  recommendations: [[{ text: '\uE0001\uE000' }]],
  body: [
    { kind: 'section', text: 'One' },
    { kind: 'paragraph', line: [{ text: 'Para\u0007' }], bullets: [] },
  ],
  appendices: [],
};

describe('the XML boundary of render', () => {
  it('leaves a clean model as it is', () => {
    const clean = { ...model, title: 'T', subject: 'S', creator: 'C', header: [], summary: [], recommendations: [], body: [] };
    expect(xmlSafeModel(clean)).toBe(clean);
  });

  it('writes well-formed parts from text holding what XML forbids, and the marker of a picture', async () => {
    const [file] = await renderAll([model]);
    expect(file!.name).toBe('r.docx');
    expect(checkPackXml([file!])).toEqual([]);
    const parts = docxParts(file!.bytes);
    expect(docxText(parts['word/document.xml']!)).toContain('Summary ');
    expect(parts['docProps/core.xml']).toContain('<dc:creator>Council</dc:creator>');
  });
});
