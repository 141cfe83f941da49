/**
 * The importer's evaluation on the public corpus: its consistency checks on small registers
 * written for these tests, the verified expected lists' shape, and the HTML page that a scraper
 * saved under a report's name.
 */
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { evalCorpus, importOne, pdfsUnder, type Job, type JobThread } from '../../tools/eval-import-corpus.js';
import { checkRegister, type CheckInput } from '../../tools/import-checks.js';
import { fixtureJson, normalisedText, readExpected, textDigest } from '../../tools/import-expected.js';
import { Diagnostics } from '../../src/diagnostics/index.js';
import { readPublication } from '../../src/findings/import.js';
import { makePdf } from '../helpers/pdf.js';

const item = (ref: string, text: string, section = 'Areas for improvement') => ({ ref, section, text });
const failed = (r: CheckInput) => checkRegister(r).failures.map((f) => `${f.check} ${f.ref ?? ''}`.trim());

describe('consistency checks', () => {
  const good = 'Ensure that every child in care has a plan that says what will change and by when.';

  it('pass a register that is consistent', () => {
    const r = checkRegister({
      framework: 'sif',
      notes: [],
      findings: [
        item('12', good),
        item('13', good),
        item('140', good, 'LSCB Areas for improvement'),
        item('141', good, 'LSCB Areas for improvement'),
      ],
    });
    expect(r.failures).toEqual([]);
    expect(r.run).toBeGreaterThan(10);
  });

  it('catch gaps and reuse in paragraph numbers, and gaps in position refs', () => {
    expect(
      failed({
        framework: 'sif',
        notes: [],
        findings: [item('12', good), item('14', good), item('14', good, 'LSCB Areas for improvement')],
      }),
    ).toEqual(['numbering 14', 'reused-ref 14']);
    expect(failed({ framework: 'ilacs', notes: [], findings: [item('R1', good), item('R3', good)] })).toEqual(['r-refs R3']);
  });

  it('catch page furniture, headings, decoys and fragments taken as items', () => {
    const cases: [string, string][] = [
      ['Areas for improvement', 'heading'],
      [`${good} Areas for improvement`, 'heading'],
      ['What does the local authority need to improve? 6', 'contents-line'],
      [`${good} The areas for improvement have been cross-referenced with the national framework.`, 'footnote'],
      [`${good} Inspection of Harbourside local authority children’s services`, 'header-footer'],
      [`${good} 14`, 'header-footer'],
      ['The experiences and progress of children in care Requires improvement to be good', 'judgement-row'],
      ['The inspection did not find any areas for priority and immediate action.', 'decoy'],
      ['Ensure that every child in care has a plan that says what will change and by', 'cut-off'],
      ['Fostering.', 'too-short'],
      [good.repeat(40), 'too-long'],
    ];
    for (const [text, check] of cases)
      expect(failed({ framework: 'sif', notes: [], findings: [item('1', text)] }), text).toContain(`${check} 1`);
  });

  it('accept an empty register that says why, and fail one that does not', () => {
    expect(failed({ framework: 'ilacs', notes: ['the heading is followed by prose'], findings: [] })).toEqual([]);
    expect(failed({ framework: undefined, notes: [], findings: [], error: 'it is a web page' })).toEqual([]);
    expect(failed({ framework: 'ilacs', notes: [], findings: [] })).toEqual(['silently-empty']);
  });
});

describe('verified expected lists', () => {
  const expected = readExpected();

  it('hold no text: ref, section, theme and a digest of the normalised text', () => {
    expect(expected.length).toBeGreaterThanOrEqual(60);
    for (const e of expected) {
      expect(['dev', 'heldout']).toContain(e.split);
      expect(['ILACS', 'SIF', 'LAC-2013', 'SAFEGUARDING-2012']).toContain(e.framework);
      for (const f of e.findings) {
        expect(Object.keys(f).sort()).toEqual(f.theme ? ['ref', 'section', 'sha256', 'theme'] : ['ref', 'section', 'sha256']);
        expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
      }
    }
  });

  it('compare texts on letters and digits only, after NFKC and lower case', () => {
    expect(normalisedText('Multi-agency “plans” – ﬁrst 2 weeks.')).toBe('multiagencyplansfirst2weeks');
    expect(textDigest('Ensure plans.')).toBe(textDigest('ensure   PLANS'));
  });
});

describe('a web page saved as a report', () => {
  it('is named for what it is, not read as text', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'boardpack-html-'));
    const file = path.join(dir, 'report.pdf');
    writeFileSync(file, '<!DOCTYPE html>\n<html lang="en"><head><title>Ofsted</title></head><body>What needs to improve?</body></html>\n');
    const d = new Diagnostics();
    expect(await readPublication(file, d)).toBeUndefined();
    expect(d.all[0]).toMatchObject({ code: 'import-unreadable', place: { file } });
    expect(d.all[0]!.message).toMatch(/web page \(HTML\)/);
  });
});

/**
 * A stand-in for the worker thread, running importOne here: the first report it is given
 * finishes last, so the lines come out in the corpus's order only if the results are ordered.
 */
let threadsStarted = 0;
function slowFirstThread(): JobThread {
  const events = new EventEmitter();
  const delay = threadsStarted++ === 0 ? 200 : 0;
  return {
    once: (event: string, listener: (x: never) => void) => events.once(event, listener as (...args: unknown[]) => void),
    postMessage: (job: Job) => void importOne(job.root, job.rel, job.e).then((r) => setTimeout(() => events.emit('message', r), delay)),
    terminate: async () => 0,
  };
}

describe('eval:import --corpus', () => {
  it('reads every PDF under a folder on two threads, in order, and compares with the expected lists', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'boardpack-corpus-'));
    const expectedDir = mkdtempSync(path.join(tmpdir(), 'boardpack-expected-'));
    const report = (name: string, items: string[]) => [
      [
        `Inspection of ${name} local authority children\u2019s services`,
        'Inspection dates: 3 to 14 March 2025',
        '',
        'What needs to improve?',
        ...items.map((t) => `\u2022 ${t}`),
        '',
        'The experiences and progress of children',
        '',
        '1. Children are safe.',
      ],
    ];
    for (const [folder, name, items] of [
      ['1_harbourside', 'Harbourside', ['The quality of plans for children.', 'The timeliness of strategy meetings.']],
      ['2_wexcombe', 'Wexcombe', ['Supervision of social workers.']],
    ] as const) {
      mkdirSync(path.join(root, folder));
      writeFileSync(path.join(root, folder, 'inspection.pdf'), makePdf(report(name, [...items])));
    }
    mkdirSync(path.join(root, '3_old'));
    writeFileSync(path.join(root, '3_old', 'inspection.pdf'), '<!DOCTYPE html><html></html>');
    writeFileSync(
      path.join(expectedDir, '1_harbourside__2025-04-01.json'),
      fixtureJson({
        file: '1_harbourside/inspection.pdf',
        split: 'dev',
        framework: 'ILACS',
        kind: 'full',
        findings: ['The quality of plans for children.', 'The timeliness of strategy meetings.'].map((t, i) => ({
          ref: `R${i + 1}`,
          section: 'What needs to improve',
          sha256: textDigest(t),
        })),
      }),
    );
    expect(pdfsUnder(root)).toEqual(['1_harbourside/inspection.pdf', '2_wexcombe/inspection.pdf', '3_old/inspection.pdf']);
    const printed: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: unknown) => void printed.push(String(line)));
    try {
      await evalCorpus(root, { jobs: 2, expectedDir, startThread: slowFirstThread });
    } finally {
      log.mockRestore();
    }
    expect(threadsStarted).toBe(2);
    const out = printed.join('\n');
    expect(out.indexOf('1_harbourside')).toBeLessThan(out.indexOf('2_wexcombe'));
    expect(out.indexOf('2_wexcombe')).toBeLessThan(out.indexOf('3_old'));
    expect(out).toContain('said: cannot read it: it is a web page (HTML)');
    expect(out).toMatch(/corpus: 3 reports; ilacs 2, unreadable 1/);
    expect(out).toMatch(/items: 3\n/);
    expect(out).toMatch(/checks: 39 run .*, 39 passed, 0 failed/);
    expect(out).toMatch(/verified dev: 1\/1 reports exact; items expected 2, found 2, exact 2/);
  });
});
