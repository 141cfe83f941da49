/** Render from a hand-written report model: the docx structure, escaping and determinism. */
import { describe, expect, it } from 'vitest';
import type { ReportModel } from '../../src/model/report.js';
import { unzipSync } from 'fflate';
import type { Chart } from '../../src/model/chart.js';
import { CHART_SIZE, chartPng } from '../../src/6-render/chart.js';
import { renderDocx } from '../../src/6-render/docx.js';
import { docxParts, docxText } from '../helpers/workspace.js';

const model: ReportModel = {
  id: 'r',
  name: 'r',
  title: 'Tom & Jerry <report>',
  subject: 's',
  creator: 'Council',
  keywords: 'k',
  date: '2026-11-12',
  header: [
    { label: 'Meeting Title', lines: [[{ text: 'Board' }]] },
    { label: 'Meeting Date', lines: [[{ text: '19' }, { text: 'th', superscript: true }, { text: ' November 2026' }]] },
  ],
  summary: [[{ text: 'Summary with "quotes" & ampersands.' }]],
  recommendations: [[{ text: 'First' }], [{ text: 'Second' }]],
  body: [
    { kind: 'section', text: 'One' },
    { kind: 'paragraph', line: [{ text: 'Para ' }, { text: 'bold', bold: true }], bullets: [[{ text: 'b1' }], [{ text: 'b2' }]] },
    { kind: 'section', text: 'Two' },
    { kind: 'subheading', text: 'Sub' },
    { kind: 'paragraph', line: [{ text: 'Para 2.1' }], bullets: [] },
  ],
  appendices: [
    {
      number: 1,
      title: 'Table',
      blocks: [
        {
          kind: 'table',
          table: {
            caption: 'c',
            columns: [
              { header: 'A', width: 0.5 },
              { header: 'RAG', width: 0.5, align: 'center' },
            ],
            rows: [[{ lines: [[{ text: 'x' }]] }, { lines: [[{ text: 'Red', bold: true }]], swatch: 'red' }]],
          },
        },
      ],
    },
  ],
};

describe('render', () => {
  it('escapes text and keeps it whole', async () => {
    const parts = docxParts(await renderDocx(model));
    const text = docxText(parts['word/document.xml']!);
    expect(text).toContain('Summary with "quotes" & ampersands.');
    expect(parts['docProps/core.xml']).toContain('<dc:title>Tom &amp; Jerry &lt;report&gt;</dc:title>');
  });

  it('numbers headings at level 0 and paragraphs at level 1 of one list, bullets in another', async () => {
    const doc = docxParts(await renderDocx(model))['word/document.xml']!;
    const levels = [...doc.matchAll(/<w:ilvl w:val="(\d)"\/><w:numId w:val="(\d+)"\/>/g)].map((m) => `${m[1]}:${m[2]}`);
    // recommendations (2), section One, para, bullets (2), section Two, para
    expect(levels).toHaveLength(8);
    const [rec1, rec2, sec1, para1, b1, b2, sec2, para2] = levels;
    expect(rec1).toBe(rec2);
    expect(sec1!.split(':')[1]).toBe(para1!.split(':')[1]);
    expect(sec2).toBe(sec1);
    expect(para2).toBe(para1);
    expect(b1).toBe(b2);
    expect(b1!.split(':')[1]).not.toBe(sec1!.split(':')[1]);
  });

  it('fills a swatch cell and prints its word in a contrasting colour', async () => {
    const doc = docxParts(await renderDocx(model))['word/document.xml']!;
    expect(doc).toMatch(/w:fill="C00000".*?<w:color w:val="FFFFFF"\/>.*?<w:t[^>]*>Red<\/w:t>/s);
  });

  it('gives the same bytes twice in one process', async () => {
    const a = await renderDocx(model);
    const b = await renderDocx(model);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('puts appendices on landscape pages', async () => {
    const doc = docxParts(await renderDocx(model))['word/document.xml']!;
    expect(doc).toContain('w:orient="landscape"');
  });

  it('places each chart picture with its alt text, a unique id and one image per chart', async () => {
    const chart = (title: string): Chart => ({
      title,
      alt: `Fell from 24.0% to 19.0%; ${title} & more.`,
      unit: '%',
      decimals: 1,
      points: [
        { month: '2024-10', value: 24 },
        { month: '2024-11', value: 19 },
      ],
      target: 20,
    });
    const withCharts: ReportModel = {
      ...model,
      appendices: [
        {
          number: 1,
          title: 'Charts',
          blocks: [
            { kind: 'charts', charts: [chart('A'), chart('B')] },
            {
              kind: 'table',
              table: {
                caption: 'c',
                columns: [{ header: 'Action', width: 1 }],
                rows: [[{ lines: [[{ text: 'x' }]], charts: [chart('A')] }]],
              },
            },
          ],
        },
      ],
    };
    const drawn: Chart[] = [];
    const png = await chartPng(chart('A'));
    const bytes = await renderDocx(withCharts, async (c) => {
      drawn.push(c);
      return png;
    });
    // A chart shown twice is drawn once: two images for three pictures.
    expect(drawn.map((c) => c.title)).toEqual(['A', 'B']);
    const parts = docxParts(bytes);
    const doc = parts['word/document.xml']!;
    expect(doc).not.toContain('\uE000');
    const pictures = [
      ...doc.matchAll(
        /<wp:extent cx="(\d+)" cy="(\d+)"\/>.*?<wp:docPr id="(\d+)" name="([^"]*)" descr="([^"]*)" title="([^"]*)"\/>.*?r:embed="([^"]+)"/g,
      ),
    ];
    expect(pictures.map((m) => [m[3], m[6], m[7]])).toEqual([
      ['1', 'A', 'rIdChart1'],
      ['2', 'B', 'rIdChart2'],
      ['3', 'A', 'rIdChart1'],
    ]);
    expect(pictures[0]![5]).toBe('Fell from 24.0% to 19.0%; A &amp; more.');
    // Shown at the size drawn, in the chart grid and in a cell wide enough.
    for (const p of pictures) expect([p[1], p[2]]).toEqual([String(CHART_SIZE.width * 9525), String(CHART_SIZE.height * 9525)]);
    const rels = parts['word/_rels/document.xml.rels']!;
    expect(rels).toContain(
      '<Relationship Id="rIdChart1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/chart1.png"/>',
    );
    expect(parts['[Content_Types].xml']).toMatch(/Extension="png"/);
    const files = unzipSync(bytes);
    expect(Buffer.from(files['word/media/chart1.png']!).equals(Buffer.from(png))).toBe(true);
    expect(Object.keys(files).filter((n) => n.startsWith('word/media/'))).toEqual(['word/media/chart1.png', 'word/media/chart2.png']);
    // Images are stored, not deflated again: method 0 in the entry's local header.
    const at = Buffer.from(bytes).indexOf('word/media/chart1.png') - 30;
    expect(new DataView(bytes.buffer, bytes.byteOffset).getUint16(at + 8, true)).toBe(0);
  });
});
