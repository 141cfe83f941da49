/**
 * Builds the bundled example in a temporary copy and reads every .docx back as XML: what a
 * clerk, a reader with a screen reader, and an archivist rely on.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { build } from '../../src/pipeline/build.js';
import { ROOT, archivedWorkspace, docxParts, docxText, existingWorkspace, workspace, type Workspace } from '../helpers/workspace.js';

const HEADER_LABELS = [
  'Meeting Title',
  'Report Title',
  'Meeting Date',
  'Corporate Director(s)/Director(s):',
  'Portfolio Holder(s):',
  'Report author and contact details:',
];
const REPORTS = ['improvement-board-2026-10.docx', 'scrutiny-committee-2026-10.docx'];
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

let ws: Workspace;
let packDir: string;
const parts: Record<string, Record<string, string>> = {};
const bytes: Record<string, Uint8Array> = {};

beforeAll(async () => {
  // The example built once for the run (test/helpers/example-pack.ts); only read here.
  ws = existingWorkspace(inject('exampleDir'));
  packDir = path.join(ws.dir, 'packs', '2026-10');
  for (const r of REPORTS) {
    bytes[r] = readFileSync(path.join(packDir, r));
    parts[r] = docxParts(bytes[r]!);
  }
});

describe('the example pack', () => {
  it('holds both reports and a manifest, nothing else', () => {
    expect(readdirSync(packDir).sort()).toEqual(['improvement-board-2026-10.docx', 'manifest.json', 'scrutiny-committee-2026-10.docx']);
    expect(readdirSync(path.join(ws.dir, 'packs'))).toEqual(['2026-10']);
  });

  it('has a manifest with the SHA-256 of every input and output, the tool version and the pack date', () => {
    const m = JSON.parse(readFileSync(path.join(packDir, 'manifest.json'), 'utf8'));
    expect(m).toMatchObject({ tool: { name: 'boardpack' }, period: '2026-10', packDate: '2026-11-12', council: 'Wexcombe City Council' });
    const inputs = m.inputs.map((i: { path: string }) => i.path);
    expect(inputs).toEqual(
      expect.arrayContaining([
        'config.yml',
        'examples/wexcombe/plan.yml',
        'examples/wexcombe/findings/ilacs-2025.yml',
        'examples/wexcombe/findings/mv1-2026.yml',
        'examples/wexcombe/performance.xlsx',
        'templates/improvement-board/body.hbs',
        'templates/scrutiny-committee/report.yml',
      ]),
    );
    for (const i of m.inputs) expect(i.sha256).toBe(sha(readFileSync(path.join(ws.dir, i.path))));
    for (const o of m.outputs) expect(o.sha256).toBe(sha(readFileSync(path.join(packDir, o.path))));
  });
});

describe.each(REPORTS)('%s', (name) => {
  const doc = () => parts[name]!['word/document.xml']!;
  const text = () => docxText(doc());

  it('opens with the six-field header table, labels in order, values filled', () => {
    const firstTable = doc().slice(doc().indexOf('<w:tbl>'), doc().indexOf('</w:tbl>'));
    const rows = firstTable
      .split('</w:tr>')
      .slice(0, -1)
      .map((r) =>
        r
          .split('</w:tc>')
          .slice(0, -1)
          .map((c) => docxText(c).trim()),
      );
    expect(rows.map((r) => r[0])).toEqual(HEADER_LABELS);
    for (const r of rows) expect(r[1]!.length).toBeGreaterThan(0);
    expect(rows[2]![1]).toMatch(/^\d{1,2}(st|nd|rd|th) [A-Z][a-z]+ 20\d\d$/);
    // The ordinal suffix is superscript, as the scrutiny paper writes it.
    expect(firstTable).toContain('<w:vertAlign w:val="superscript"/>');
  });

  it('has the summary, the numbered recommendations and its own appendices', () => {
    expect(text()).toContain('Summary of issues');
    expect(text()).toContain('Recommendation(s)');
    const appendices = [...text().matchAll(/^Appendix (\d) \u2013 (.+)$/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(appendices).toEqual(
      name.startsWith('improvement-board')
        ? ['1 Improvement plan action tracker', '2 Ofsted findings and the actions that answer them', '3 Performance scorecard']
        : ['1 Ofsted findings and the actions that answer them', '2 Performance scorecard summary'],
    );
  });

  it('names every finding, and every indicator of the scorecard', () => {
    for (const id of ['ILACS-2025-R1', 'ILACS-2025-R8', 'MV1-2026-P4', 'MV1-2026-P13']) expect(text()).toContain(id);
    expect(text()).toContain('Return home interviews held within 72 hours');
    expect(text()).toContain('Agency social worker rate');
  });

  it('shows an action past its due date as overdue, whatever its status says', () => {
    // P4.4 was due 31 May 2026 and its status in the plan is on-track.
    expect(text()).toMatch(/P4\.4 overdue/);
    expect(text()).not.toMatch(/P4\.4 on track/);
  });

  it('numbers sections and paragraphs from one list, so numbering continues across sections', () => {
    const numbering = parts[name]!['word/numbering.xml']!;
    expect(numbering).toContain('w:val="%1.%2"');
    expect(numbering).toContain('w:val="%1."');
    const numbered = [...doc().matchAll(/<w:ilvl w:val="(\d)"\/><w:numId w:val="(\d+)"\/>/g)];
    const headingNumIds = new Set(numbered.filter((m) => m[1] === '0').map((m) => m[2]));
    const paraNumIds = new Set(numbered.filter((m) => m[1] === '1').map((m) => m[2]));
    expect(paraNumIds.size).toBe(1);
    expect([...paraNumIds][0]).toBeDefined();
    expect([...headingNumIds]).toContain([...paraNumIds][0]);
  });

  it('uses real Heading styles, starting at level 1 and skipping none', () => {
    const levels = [...doc().matchAll(/<w:pStyle w:val="Heading(\d)"\/>/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    expect(levels).toContain(2);
    for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
    expect(parts[name]!['word/styles.xml']).toContain('w:styleId="Heading1"');
  });

  it('marks the first row of every table as a header row that repeats', () => {
    // The chart grid is a layout table, with no header row (test/unit/chart-layout.test.ts).
    const tables = doc()
      .split('<w:tbl>')
      .slice(1)
      .filter((t) => !t.includes('w:firstRow="false"'));
    expect(tables.length).toBeGreaterThan(3);
    for (const t of tables) {
      const firstRow = t.slice(0, t.indexOf('</w:tr>'));
      expect(firstRow).toContain('<w:tblHeader/>');
      expect(t).toContain('<w:tblGrid>');
      expect(t).not.toMatch(/w:vMerge|w:gridSpan/);
    }
  });

  it('prints every status, coverage and RAG as a word, not colour alone', () => {
    const t = text();
    for (const w of ['Red', 'Amber', 'Green', 'Answered, on track', 'Answered, at risk', 'Actions complete']) expect(t).toContain(w);
    if (name.startsWith('improvement-board'))
      for (const w of ['Complete', 'On track', 'At risk', 'Off track', 'Not started', 'Overdue'])
        expect(t.toLowerCase()).toContain(w.toLowerCase());
  });

  it('sets Arial 12, en-GB, a document title and page numbers', () => {
    const styles = parts[name]!['word/styles.xml']!;
    expect(styles).toMatch(/<w:docDefaults>.*w:ascii="Arial".*<w:sz w:val="24"\/>.*<w:lang w:val="en-GB"/s);
    // Line spacing must be "auto": LibreOffice reads a bare w:line as exact and clips the charts to one line.
    expect(styles).toMatch(/<w:pPrDefault><w:pPr><w:spacing w:line="276" w:lineRule="auto"\/>/);
    const core = parts[name]!['docProps/core.xml']!;
    expect(core).toMatch(/<dc:title>[^<]+: October 2026<\/dc:title>/);
    expect(core).toContain('<dc:language>en-GB</dc:language>');
    expect(core).toContain('2026-11-12T00:00:00Z');
    const footers = Object.entries(parts[name]!)
      .filter(([n]) => /^word\/footer\d+\.xml$/.test(n))
      .map(([, x]) => x);
    expect(footers.length).toBeGreaterThan(0);
    for (const f of footers) expect(f).toMatch(/PAGE.*NUMPAGES/s);
  });
});

describe('the board report holds what the committee report leaves out', () => {
  const name = 'improvement-board-2026-10.docx';
  const doc = () => parts[name]!['word/document.xml']!;
  const text = () => docxText(doc());

  it('names every action of the plan, in the tracker', () => {
    const ids = [...ws.read('examples/wexcombe/plan.yml').matchAll(/- id: (P\d\.\d+)/g)].map((m) => m[1]!);
    expect(ids).toHaveLength(25);
    for (const id of ids) expect(text()).toContain(id);
  });

  it('says what each indicator counts, in one word for each unit', () => {
    expect(text()).toContain('What the indicators count');
    expect(text()).toMatch(/Average caseload per social worker\nChildren allocated to qualified social workers[^\n]*\ncases/);
    expect(text()).not.toContain('Percentage');
  });

  it('gives each comparator with the period it covers, statistical neighbours beside England', () => {
    // CSC01 in config.yml: England 22.4 and statistical neighbours 21.6, both for 2023-24.
    const row = text().split('\n').join(' ');
    expect(row).toMatch(/Statistical neighbours/);
    expect(row).toMatch(
      /Re-referrals within 12 months of a previous referral ?Lower is better 23\.1% 22\.8% 22\.0% 22\.4%2023-24 21\.6%2023-24 Amber /,
    );
  });

  it('gives every chart alt text that says the trend, and a unique drawing id', () => {
    const drawings = [...doc().matchAll(/<wp:docPr ([^>]*)>/g)].map((m) => m[1]!);
    expect(drawings).toHaveLength(15);
    const ids = drawings.map((d) => /id="(\d+)"/.exec(d)![1]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const d of drawings) expect(d).toMatch(/descr="(Fell|Rose|Unchanged) [^"]*(target|England)[^"]*\."/);
    expect(doc()).toMatch(
      /descr="Fell from \d+\.\d% in November 2025 to 23\.1% in October 2026, better \(lower is better\); target 22\.0%; England 22\.4%; statistical neighbours 21\.6%\."/,
    );
  });

  it('fits every chart in a table cell within the cell (LibreOffice crops what does not)', () => {
    const cells = doc()
      .split('<w:tc>')
      .slice(1)
      .map((c) => c.slice(0, c.indexOf('</w:tc>')))
      .filter((c) => c.includes('<w:drawing>'));
    for (const c of cells) {
      const cellTwips = Number(/<w:tcW w:type="dxa" w:w="(\d+)"\/>/.exec(c)![1]);
      const pictureEmu = Number(/<wp:extent cx="(\d+)"/.exec(c)![1]);
      // 635 EMU to the twip; the cell's left and right margins are 85 twips each.
      expect(pictureEmu).toBeLessThanOrEqual((cellTwips - 170) * 635);
    }
  });
});

describe('reproducible and never overwritten', () => {
  it('gives byte-identical files when built again elsewhere, in another time zone', () => {
    const other = workspace();
    execFileSync(process.execPath, [path.join(ROOT, 'dist/cli/main.js'), 'build', '--config', 'config.yml'], {
      cwd: other.dir,
      env: { ...process.env, TZ: 'Pacific/Chatham' },
      stdio: 'pipe',
    });
    for (const r of [...REPORTS, 'manifest.json']) {
      expect(sha(readFileSync(path.join(other.dir, 'packs/2026-10', r)))).toBe(sha(readFileSync(path.join(packDir, r))));
    }
  });

  it('a second build of the same inputs leaves the pack as it is', async () => {
    const again = await build({ configPath: ws.config });
    expect(again.unchanged).toBe(true);
    expect(again.diagnostics.errorCount).toBe(0);
  });

  it('refuses to replace an archived pack with a different one, and reissues beside it', async () => {
    const w = archivedWorkspace(inject('exampleDir'));
    const original = readFileSync(path.join(w.dir, 'packs/2026-10/improvement-board-2026-10.docx'));
    w.edit('examples/wexcombe/plan.yml', 'Consultant rota in place since August 2025', 'Consultant rota in place since July 2025');
    const refused = await build({ configPath: w.config });
    expect(refused.diagnostics.all.map((d) => d.code)).toEqual(expect.arrayContaining(['pack-exists']));
    expect(readFileSync(path.join(w.dir, 'packs/2026-10/improvement-board-2026-10.docx')).equals(original)).toBe(true);
    const reissued = await build({ configPath: w.config, reissue: true });
    expect(reissued.diagnostics.errorCount).toBe(0);
    expect(reissued.packDir).toBe(path.join(w.dir, 'packs/2026-10-reissue-2'));
    expect(JSON.parse(readFileSync(path.join(w.dir, 'packs/2026-10-reissue-2/manifest.json'), 'utf8')).reissue).toBe(2);
    expect(existsSync(path.join(w.dir, 'packs/.2026-10-reissue-2.partial'))).toBe(false);
    // The reissue's documents say so, in the title and the header table; the original's do not.
    for (const report of REPORTS) {
      const reissue = docxParts(readFileSync(path.join(w.dir, 'packs/2026-10-reissue-2', report)));
      expect(docxText(reissue['word/document.xml']!)).toContain('Reissue 2: replaces the report first issued for October 2026');
      expect(reissue['docProps/core.xml']).toMatch(/<dc:title>[^<]*: October 2026 \(reissue 2\)<\/dc:title>/);
      const first = docxParts(readFileSync(path.join(w.dir, 'packs/2026-10', report)));
      expect(docxText(first['word/document.xml']!)).not.toContain('Reissue');
    }
    // Built again, the reissue is found identical: its documents do not depend on being new.
    const again = await build({ configPath: w.config, reissue: true });
    expect(again.unchanged).toBe(true);
    expect(again.packDir).toBe(path.join(w.dir, 'packs/2026-10-reissue-2'));
  });
});

describe('chartMonths in config.yml', () => {
  it('sets the months each chart shows, and is checked', async () => {
    const w = workspace();
    w.edit('config.yml', /^output: packs$/m, 'output: packs\nchartMonths: 24');
    const r = await build({ configPath: w.config });
    expect(r.diagnostics.errorCount).toBe(0);
    const doc = docxParts(readFileSync(path.join(w.dir, 'packs', '2026-10', REPORTS[0]!)))['word/document.xml']!;
    // The example's series starts in October 2025: a 24-month window shows it from there.
    expect(doc).toMatch(/descr="Fell from \d+\.\d% in October 2025 to 23\.1% in October 2026, better \(lower is better\); target 22\.0%/);

    const bad = workspace();
    bad.edit('config.yml', /^output: packs$/m, 'output: packs\nchartMonths: 2');
    const b = await build({ configPath: bad.config });
    const e = b.diagnostics.all.find((d) => d.severity === 'error')!;
    expect([e.place?.file.endsWith('config.yml'), e.place?.line]).toEqual([true, bad.lineOf('config.yml', 'chartMonths: 2')]);
    expect(e.message).toBe('`chartMonths` is 2; it must be at least 3');
    expect(bad.packsExist()).toBe(false);
  });
});

describe('a mistake in an optional setting of config.yml', () => {
  it('is reported with the mistakes in the other inputs, in one run, and nothing is written', async () => {
    const w = workspace();
    w.edit('config.yml', /^output: packs$/m, 'output: packs\nchartMonths: 99\nchart: true');
    w.edit('examples/wexcombe/plan.yml', 'due: 2026-09-30\n        status: at-risk', 'due: 2026-09-31\n        status: at-risk');
    const r = await build({ configPath: w.config });
    const errors = r.diagnostics.all
      .filter((d) => d.severity === 'error')
      .map((d) => `${path.basename(d.place?.file ?? '')}:${d.place?.line} ${d.code}`);
    expect(errors).toEqual([
      `config.yml:${w.lineOf('config.yml', 'chartMonths: 99')} schema-invalid`,
      `config.yml:${w.lineOf('config.yml', 'chart: true')} schema-unknown-field`,
      `plan.yml:${w.lineOf('examples/wexcombe/plan.yml', 'due: 2026-09-31')} schema-invalid-date`,
    ]);
    expect(w.packsExist()).toBe(false);
  });

  it('still stops the run when a setting it needs is wrong', async () => {
    const w = workspace();
    w.edit('config.yml', /^plan: .*$/m, 'plan: 42');
    const r = await build({ configPath: w.config });
    expect(r.diagnostics.all.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['schema-invalid-type']);
    expect(w.packsExist()).toBe(false);
  });
});
