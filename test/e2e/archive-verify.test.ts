/**
 * The clerk's checks on archived packs: verify one pack folder against its manifest, list every
 * pack and whether each is intact. Run on copies of the example pack the test run built once.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { listPacks, verifyPack } from '../../src/pipeline/archived.js';
import { Diagnostics } from '../../src/diagnostics/index.js';

/** An output folder holding a copy of the example's pack for 2026-10. */
function outputWithPack(): { out: string; pack: string } {
  const out = mkdtempSync(path.join(tmpdir(), 'boardpack-archive-'));
  const pack = path.join(out, '2026-10');
  cpSync(path.join(inject('exampleDir'), 'packs/2026-10'), pack, { recursive: true });
  return { out, pack };
}

const problems = (d: Diagnostics) => d.all.map((x) => `${x.code} ${path.basename(x.place?.file ?? '')}`);

describe('boardpack verify', () => {
  it('accepts the pack as built, with its manifest and reports', () => {
    const { pack } = outputWithPack();
    const d = new Diagnostics();
    const v = verifyPack(pack, d);
    expect(d.all).toEqual([]);
    expect(v?.manifest.period).toBe('2026-10');
    expect(v?.manifest.council).toBe('Wexcombe City Council');
    expect(v?.outputs.map((o) => o.path)).toEqual(['improvement-board-2026-10.docx', 'scrutiny-committee-2026-10.docx']);
    expect(v?.manifestSha256).toBe(
      createHash('sha256')
        .update(readFileSync(path.join(pack, 'manifest.json')))
        .digest('hex'),
    );
  });

  it('names each report changed, missing or added, and a Word lock file, and accepts nothing', () => {
    const { pack } = outputWithPack();
    appendFileSync(path.join(pack, 'scrutiny-committee-2026-10.docx'), 'x');
    rmSync(path.join(pack, 'improvement-board-2026-10.docx'));
    writeFileSync(path.join(pack, 'notes.txt'), 'clerk notes');
    writeFileSync(path.join(pack, '~$rutiny-committee-2026-10.docx'), '');
    writeFileSync(path.join(pack, '.~lock.scrutiny-committee-2026-10.docx#'), '');
    mkdirSync(path.join(pack, 'old'));
    const d = new Diagnostics();
    expect(verifyPack(pack, d)).toBeUndefined();
    expect(problems(d).sort()).toEqual([
      'pack-stray-file .~lock.scrutiny-committee-2026-10.docx#',
      'pack-stray-file notes.txt',
      'pack-stray-file old',
      'pack-stray-file ~$rutiny-committee-2026-10.docx',
      'pack-tampered improvement-board-2026-10.docx',
      'pack-tampered scrutiny-committee-2026-10.docx',
    ]);
    expect(d.all.find((x) => x.message.startsWith('~$'))?.message).toMatch(/Word's lock file/);
    expect(d.all.find((x) => x.message.startsWith('.~lock'))?.message).toMatch(
      /LibreOffice's lock file: a report of this pack is open in LibreOffice/,
    );
    expect(d.all.find((x) => x.message.startsWith('old/'))?.message).toMatch(/its manifest does not list this folder$/);
  });

  it('names a report replaced by a link as a link, even to an identical copy', () => {
    const { out, pack } = outputWithPack();
    const report = path.join(pack, 'scrutiny-committee-2026-10.docx');
    const copy = path.join(out, 'copy.docx');
    cpSync(report, copy);
    rmSync(report);
    symlinkSync(copy, report);
    const d = new Diagnostics();
    expect(verifyPack(pack, d)).toBeUndefined();
    expect(problems(d)).toEqual(['pack-tampered scrutiny-committee-2026-10.docx']);
    expect(d.all[0]!.message).toMatch(/is now a link or special file, not the file that was archived$/);
    expect(d.all[0]!.hint).toMatch(/not a link to it/);
  });

  it('refuses a report whose bytes match the manifest but which Word could not open', () => {
    const { pack } = outputWithPack();
    const manifestFile = path.join(pack, 'manifest.json');
    const m = JSON.parse(readFileSync(manifestFile, 'utf8')) as { outputs: { path: string; sha256: string; bytes: number }[] };
    // A report that is not a zip at all, listed with its own SHA-256: archived broken.
    const broken = new TextEncoder().encode('not a Word document');
    writeFileSync(path.join(pack, 'scrutiny-committee-2026-10.docx'), broken);
    m.outputs[1] = { ...m.outputs[1]!, sha256: createHash('sha256').update(broken).digest('hex'), bytes: broken.length };
    writeFileSync(manifestFile, JSON.stringify(m, null, 2));
    const d = new Diagnostics();
    expect(verifyPack(pack, d)).toBeUndefined();
    expect(problems(d)).toEqual(['pack-invalid-xml scrutiny-committee-2026-10.docx']);
  });

  it('says what is there instead: nothing, a file, a folder without a manifest', () => {
    const { out, pack } = outputWithPack();
    const at = (dir: string) => {
      const d = new Diagnostics();
      expect(verifyPack(dir, d)).toBeUndefined();
      return d.all.map((x) => x.code);
    };
    expect(at(path.join(out, '2026-11'))).toEqual(['file-not-found']);
    expect(at(path.join(pack, 'manifest.json'))).toEqual(['pack-path-blocked']);
    mkdirSync(path.join(out, 'drafts'));
    writeFileSync(path.join(out, 'drafts', 'a.docx'), 'x');
    expect(at(path.join(out, 'drafts'))).toEqual(['pack-not-as-archived']);
    // The output folder itself: its packs are named, with the verify to run.
    const d = new Diagnostics();
    expect(verifyPack(out, d)).toBeUndefined();
    expect(d.all[0]!.message).toMatch(/holds packs \(2026-10\), not one pack$/);
    expect(d.all[0]!.hint).toContain(`boardpack verify ${path.join(out, '2026-10')}`);
  });
});

describe('boardpack list', () => {
  it('lists each pack folder by name, intact or not, and an output folder not made yet as empty', () => {
    const { out, pack } = outputWithPack();
    cpSync(pack, path.join(out, '2026-09'), { recursive: true });
    mkdirSync(path.join(out, 'drafts'));
    const d = new Diagnostics();
    const listed = listPacks(out, d)!;
    expect(d.all).toEqual([]);
    expect(listed.map((k) => [k.folder, k.state, k.problems, k.manifest?.packDate])).toEqual([
      ['2026-09', 'as-archived', 0, '2026-11-12'],
      ['2026-10', 'as-archived', 0, '2026-11-12'],
      ['drafts', 'not-a-pack', 0, undefined],
    ]);
    appendFileSync(path.join(out, '2026-09', 'improvement-board-2026-10.docx'), 'x');
    expect(listPacks(out, new Diagnostics())!.map((k) => [k.folder, k.state, k.problems, k.manifest?.period])[0]).toEqual([
      '2026-09',
      'not-as-archived',
      1,
      '2026-10',
    ]);
    expect(listPacks(path.join(out, 'none-yet'), new Diagnostics())).toEqual([]);
    // A pack whose folder was renamed by hand is intact, and says what build calls it.
    cpSync(pack, path.join(out, '2026-10 final'), { recursive: true });
    const renamed = listPacks(out, new Diagnostics())!.find((k) => k.folder === '2026-10 final');
    expect([renamed?.state, renamed?.namedInManifest]).toEqual(['as-archived', '2026-10']);
    expect(listPacks(out, new Diagnostics())!.find((k) => k.folder === '2026-10')?.namedInManifest).toBeUndefined();
    // Named as a pack but without a manifest, or with one that cannot be read: faults, unlike drafts/.
    mkdirSync(path.join(out, '2026-08'));
    writeFileSync(path.join(out, '2026-09', 'manifest.json'), '{');
    const states = new Map(listPacks(out, new Diagnostics())!.map((k) => [k.folder, k.state]));
    expect([states.get('2026-08'), states.get('2026-09'), states.get('drafts')]).toEqual([
      'manifest-missing',
      'manifest-unreadable',
      'not-a-pack',
    ]);
  });
});
