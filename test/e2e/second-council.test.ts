/**
 * A second council, as unlike the example as the formats allow (test/fixtures/councils/ravensholme:
 * a 2016 single inspection and a focused visit, a long-layout export with a catalogue sheet,
 * 18-month charts, three reports to bodies none of which is an improvement board). Nothing in the
 * reports may come from the example's situation.
 */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline/build.js';
import { ROOT, docxParts, docxText } from '../helpers/workspace.js';

const REPORTS = {
  'corporate-parenting-board': 'The Corporate Parenting Board',
  'scrutiny-panel': 'The Panel',
  'partnership-executive': 'The Partnership',
} as const;

const text: Record<string, string> = {};
const xml: Record<string, string> = {};
let warnings: string[] = [];

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'boardpack-ravensholme-'));
  cpSync(path.join(ROOT, 'test/fixtures/councils/ravensholme'), dir, { recursive: true });
  cpSync(path.join(ROOT, 'templates'), path.join(dir, 'templates'), { recursive: true });
  const result = await build({ configPath: path.join(dir, 'config.yml') });
  expect(result.diagnostics.all.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.message}`)).toEqual([]);
  warnings = result.diagnostics.all.map((d) => `${d.code} ${d.message}`);
  for (const id of Object.keys(REPORTS)) {
    xml[id] = docxParts(readFileSync(path.join(dir, 'packs/2017-09', `${id}-2017-09.docx`)))['word/document.xml']!;
    text[id] = docxText(xml[id]!);
  }
});

describe.each(Object.entries(REPORTS))('Ravensholme %s', (id, body) => {
  it('addresses its own body, and never the example\u2019s', () => {
    const recs = text[id]!.slice(text[id]!.indexOf('Recommendation(s)'), text[id]!.search(/^1?\.? ?Background$/m));
    expect(recs.split('\n').filter((l) => l.startsWith(body)).length).toBeGreaterThanOrEqual(2);
    expect(text[id]).not.toMatch(/Improvement Board|Scrutiny Committee|improvement board|independent chair meets/);
  });

  it('names the framework, the kind of visit and the overall judgement from the registers', () => {
    expect(text[id]).toContain('under the single inspection framework');
    expect(text[id]).not.toContain('ILACS');
    expect(text[id]).toMatch(/a focused visit/);
    expect(text[id]).not.toMatch(/monitoring visits|1 monitoring visit/);
    // Overall effectiveness is the table's first row; its last row is the board's own judgement.
    expect(text[id]).toMatch(/overall effectiveness of (?:Ravensholme Metropolitan Borough Council's children's )?services[^.]*inadequate/);
  });

  it('gives the next meeting as a date and the next expected visit, from config.yml', () => {
    expect(text[id]).toMatch(/next meets on \d{1,2} [A-Z][a-z]+ 201[78]|next meeting on \d{1,2} [A-Z][a-z]+ 201[78]/);
    expect(text[id]).toContain('next monitoring visit is expected in December 2017');
    expect(text[id]).not.toMatch(/month after|next quarter/);
  });
});

describe('Ravensholme, what the board reports hold', () => {
  it('shows the on-track action past its date as overdue, and build says so at its line', () => {
    expect(text['corporate-parenting-board']).toMatch(/HP-04[^\n]*overdue/);
    expect(warnings.some((w) => w.startsWith('action-status-overdue action HP-04'))).toBe(true);
  });

  it('says a red indicator that rose is worse, where lower is better', () => {
    expect(text['corporate-parenting-board']).toMatch(
      /Children in care with 3 or more placements[^\n]*13\.0%[^\n]*above it \(red; worsening/,
    );
  });

  it('draws one chart per indicator over 18 months', () => {
    const drawings = [...xml['corporate-parenting-board']!.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((m) => m[1]!);
    expect(drawings).toHaveLength(10);
    expect(drawings.some((d) => /April 2016 to/.test(d) || /in April 2016/.test(d))).toBe(true);
  });

  it('leaves the committee-style report without the tracker or charts', () => {
    expect(text['scrutiny-panel']).not.toContain('action tracker');
    expect(xml['scrutiny-panel']).not.toContain('<w:drawing>');
  });
});
