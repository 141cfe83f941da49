import { describe, expect, it } from 'vitest';
import { examineExisting, manifestJson, workingPath } from '../../src/7-archive/manifest.js';
import { Diagnostics } from '../../src/diagnostics/index.js';
import { sha256 } from '../../src/model/digest.js';
import { linkActions } from '../../src/3-link/link.js';
import type { Action, Finding, Plan } from '../../src/model/types.js';

const place = { file: 'plan.yml', line: 1, column: 1 };
const action = (id: string, answers: string[] = []): Action => ({
  id,
  text: id,
  owner: 'o',
  due: '2026-01-01',
  status: 'on-track',
  answers,
  answersNone: false,
  measures: [],
  update: '',
  priorityId: 'P1',
  place,
});
const finding = (id: string): Finding => ({
  id,
  ref: id,
  section: 's',
  text: id,
  sourceId: 'S',
  review: false,
  place: { file: 'f.yml', line: 3 },
});
const plan = (actions: Action[]): Plan => ({ title: 'T', file: 'plan.yml', priorities: [{ id: 'P1', title: 'P', lead: 'L', actions }] });

describe('link', () => {
  it('links explicit answers both ways and lists what is left over', () => {
    const d = new Diagnostics();
    const l = linkActions(
      plan([action('A1', ['F1', 'F2']), action('A2', ['F1']), action('A3')]),
      [finding('F1'), finding('F2'), finding('F3')],
      d,
    );
    expect(l.byAction.get('A1')?.map((x) => x.findingId)).toEqual(['F1', 'F2']);
    expect(l.byFinding.get('F1')?.map((x) => x.actionId)).toEqual(['A1', 'A2']);
    expect(l.links.every((x) => x.via === 'explicit')).toBe(true);
    expect(l.unlinkedActions).toEqual(['A3']);
    expect(l.unansweredFindings).toEqual(['F3']);
    expect(d.all.map((x) => [x.code, x.severity])).toEqual([
      ['action-unlinked', 'warning'],
      ['finding-unanswered', 'warning'],
    ]);
  });

  it('ignores a repeated answer and an unknown finding (validate reports that one)', () => {
    const l = linkActions(plan([action('A1', ['F1', 'F1', 'NOPE'])]), [finding('F1')], new Diagnostics());
    expect(l.links).toEqual([{ actionId: 'A1', findingId: 'F1', via: 'explicit' }]);
  });

  it('uses matched links only for actions with no explicit answer', () => {
    const l = linkActions(plan([action('A1', ['F1']), action('A2')]), [finding('F1'), finding('F2')], new Diagnostics(), {
      matched: [
        { actionId: 'A1', findingId: 'F2', via: 'matched', score: 0.9 },
        { actionId: 'A2', findingId: 'F2', via: 'matched', score: 0.8 },
      ],
    });
    expect(l.byAction.get('A1')?.map((x) => x.findingId)).toEqual(['F1']);
    expect(l.byAction.get('A2')).toEqual([{ actionId: 'A2', findingId: 'F2', via: 'matched', score: 0.8 }]);
    expect(l.unlinkedActions).toEqual([]);
  });

  it('keeps a finding with only possible links unanswered, and says which actions may answer it', () => {
    const d = new Diagnostics();
    const l = linkActions(plan([action('A1'), action('A2')]), [finding('F1'), finding('F2')], d, {
      matched: [
        { actionId: 'A1', findingId: 'F1', via: 'possible', score: 0.18 },
        { actionId: 'A2', findingId: 'F2', via: 'matched', score: 0.4 },
      ],
    });
    expect(l.unansweredFindings).toEqual(['F1']);
    expect(l.unconfirmedFindings).toEqual(['F1']);
    const byCode = new Map(d.all.map((x) => [x.code, x.message]));
    expect(byCode.get('action-possible')).toBe(
      'action A1 names no finding; it may answer F1 (score 0.18), shown in the report as needing confirmation',
    );
    expect(byCode.get('action-matched')).toMatch(/^action A2 names no finding; matched to F2 \(score 0\.40\)/);
    expect(byCode.get('finding-unanswered')).toBe('no action is known to answer finding F1 (F1); A1 may, once confirmed');
  });

  it('says when a possible link was made because nothing else answers the finding', () => {
    const d = new Diagnostics();
    linkActions(plan([action('A1')]), [finding('F1')], d, {
      matched: [{ actionId: 'A1', findingId: 'F1', via: 'possible', score: 0.13, fillsGap: true }],
    });
    expect(d.all.find((x) => x.code === 'action-possible')?.message).toBe(
      'action A1 names no finding; it may answer F1 (score 0.13, and no other action answers it), shown in the report as needing confirmation',
    );
  });

  it('names the finding an unlinked action came closest to, with the score it needed, so a person can look at it', () => {
    const d = new Diagnostics();
    linkActions(plan([action('A1'), action('A2'), action('A3'), action('A4')]), [finding('F1'), finding('F2')], d, {
      nearMisses: new Map([
        // A floor of 0.105 is shown as 0.11: a score of 0.10 is below it, and reads so.
        ['A1', { findingId: 'F2', score: 0.1, needed: 0.105 }],
        ['A2', { findingId: 'F1', score: 0.18, needed: 0.2, business: true as const }],
        // A finding the register no longer has is not named.
        ['A4', { findingId: 'GONE', score: 0.12, needed: 0.15 }],
      ]),
    });
    const unlinked = d.all.filter((x) => x.code === 'action-unlinked');
    expect(unlinked.map((x) => x.message)).toEqual([
      'action A1 answers no finding; the closest finding is F2 (F2), with a match score of 0.10 where a possible link in this plan needs 0.11',
      'action A2 answers no finding; the closest finding is F1 (F1), with a match score of 0.18 where an action mostly about council business needs 0.20',
      'action A3 answers no finding',
      'action A4 answers no finding',
    ]);
    expect(unlinked[0]?.hint).toBe('if it answers F2 or another finding, add answers: naming it; if it answers none, answers: [] says so');
    for (const u of unlinked.slice(2)) expect(u.hint).toBe('the matcher found no finding it answers; add answers: if it does answer one');
  });

  it('does not warn about an action whose answers: [] says it answers no finding', () => {
    const d = new Diagnostics();
    const l = linkActions(plan([{ ...action('A1'), answersNone: true }]), [], d);
    expect(l.unlinkedActions).toEqual(['A1']);
    expect(d.all).toEqual([]);
  });
});

describe('archive', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  // The archive checks files by the digest the manifest records.
  const sha = sha256;
  const manifest = (docx: string, input = 'i1') =>
    enc(
      JSON.stringify({
        tool: { name: 'boardpack', version: '1' },
        inputs: [{ path: 'plan.yml', sha256: input, bytes: 1 }],
        outputs: [{ path: 'a.docx', sha256: sha(enc(docx)), bytes: 1, report: 'a', title: 'A' }],
      }),
    );
  const files = [
    { name: 'a.docx', bytes: enc('A') },
    { name: 'manifest.json', bytes: manifest('A') },
  ];
  const folder = (...entries: [string, Uint8Array][]) => new Map(entries);

  it('tells an absent or identical pack folder', () => {
    expect(examineExisting(files, undefined)).toEqual({ kind: 'absent' });
    expect(examineExisting(files, folder(...files.map((f) => [f.name, f.bytes] as [string, Uint8Array])))).toEqual({ kind: 'identical' });
  });

  it('names the files of a pack that is not as archived: stray (a Word lock file), missing, changed', () => {
    const archived = folder(['a.docx', enc('A')], ['manifest.json', manifest('A')], ['~$a.docx', enc('lock')], ['notes.txt', enc('x')]);
    expect(examineExisting(files, archived)).toEqual({
      kind: 'not-as-archived',
      stray: ['notes.txt', '~$a.docx'],
      missing: [],
      changed: [],
      noManifest: false,
    });
    expect(examineExisting(files, folder(['a.docx', enc('edited')], ['manifest.json', manifest('A')]))).toMatchObject({
      kind: 'not-as-archived',
      changed: ['a.docx'],
    });
    expect(examineExisting(files, folder(['manifest.json', manifest('A')]))).toMatchObject({
      kind: 'not-as-archived',
      missing: ['a.docx'],
    });
    expect(examineExisting(files, folder(['a.docx', enc('A')]))).toMatchObject({ kind: 'not-as-archived', noManifest: true });
  });

  it('says which inputs changed when an intact pack differs from what the inputs now give', () => {
    const archived = folder(['a.docx', enc('B')], ['manifest.json', manifest('B', 'i0')]);
    expect(examineExisting(files, archived)).toEqual({ kind: 'different', inputs: ['plan.yml'] });
  });

  it('says when only one of the two holds PDFs (build --pdf)', () => {
    const withPdf = enc(
      JSON.stringify({
        tool: { name: 'boardpack', version: '1', pdf: 'LibreOffice 7.4' },
        inputs: [{ path: 'plan.yml', sha256: 'i1', bytes: 1 }],
        outputs: [
          { path: 'a.docx', sha256: sha(enc('A')), bytes: 1, report: 'a', title: 'A' },
          { path: 'a.pdf', sha256: sha(enc('P')), bytes: 1, report: 'a', title: 'A' },
        ],
      }),
    );
    const archivedWithPdf = folder(['a.docx', enc('A')], ['a.pdf', enc('P')], ['manifest.json', withPdf]);
    expect(examineExisting(files, archivedWithPdf)).toEqual({ kind: 'different', inputs: [], pdf: { archived: true, now: false } });
    const nowWithPdf = [
      { name: 'a.docx', bytes: enc('A') },
      { name: 'a.pdf', bytes: enc('P') },
      { name: 'manifest.json', bytes: withPdf },
    ];
    expect(examineExisting(nowWithPdf, folder(...files.map((f) => [f.name, f.bytes] as [string, Uint8Array])))).toEqual({
      kind: 'different',
      inputs: [],
      pdf: { archived: false, now: true },
    });
  });

  it('names the LibreOffice versions when the PDFs were made by another', () => {
    const madeBy = (version: string) =>
      enc(
        JSON.stringify({
          tool: { name: 'boardpack', version: '1', pdf: version },
          inputs: [{ path: 'plan.yml', sha256: 'i1', bytes: 1 }],
          outputs: [{ path: 'a.pdf', sha256: sha(enc(version)), bytes: 1, report: 'a', title: 'A' }],
        }),
      );
    const archived = folder(['a.pdf', enc('LibreOffice 7.4')], ['manifest.json', madeBy('LibreOffice 7.4')]);
    const now = [
      { name: 'a.pdf', bytes: enc('LibreOffice 24.2') },
      { name: 'manifest.json', bytes: madeBy('LibreOffice 24.2') },
    ];
    expect(examineExisting(now, archived)).toEqual({
      kind: 'different',
      inputs: [],
      pdfTool: { archived: 'LibreOffice 7.4', now: 'LibreOffice 24.2' },
    });
  });

  it('records paths relative to the working folder with forward slashes', () => {
    expect(workingPath('work', 'work/examples/plan.yml')).toBe('examples/plan.yml');
    expect(workingPath('.', 'config.yml')).toBe('config.yml');
  });

  it('writes the manifest as stable, readable JSON ending in a newline', () => {
    const m = {
      tool: { name: 'boardpack', version: '1' },
      council: 'C',
      period: '2026-10',
      packDate: '2026-11-12',
      inputs: [],
      outputs: [],
    } as const;
    const text = new TextDecoder().decode(manifestJson(m));
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(m);
  });
});
