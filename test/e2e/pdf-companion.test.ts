/**
 * build --pdf for a pack archived without PDFs: the PDFs of its Word reports go beside it, in
 * <period>-pdf with a manifest of their own, and the pack is not touched. LibreOffice is stood in
 * for by a script that writes a small PDF of the shape LibreOffice writes, so this runs anywhere;
 * the real conversions are tested by pages.libreoffice.test.ts (npm run test:pdf).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics/index.js';
import { listPacks, verifyPack } from '../../src/pipeline/archived.js';
import { build } from '../../src/pipeline/build.js';
import { fakeSoffice } from '../helpers/fake-soffice.js';
import { converted } from '../helpers/libreoffice-pdf.js';
import { archivedWorkspace, workspace } from '../helpers/workspace.js';

const before = process.env['BOARDPACK_SOFFICE'];
/** How many conversions the stand-in has made. */
let runs = () => 0;

beforeAll(() => {
  const dir = mkdtempSync(path.join(tmpdir(), 'boardpack-fake-soffice-'));
  // A PDF laid out as LibreOffice writes one, with the time of day in it.
  writeFileSync(path.join(dir, 'tiny.pdf'), converted('20261202061500'));
  const script = fakeSoffice(
    dir,
    'soffice',
    'LibreOffice 0.0 stand-in',
    `echo run >> "${dir}/runs"\n` +
      `while [ "$#" -gt 0 ]; do case "$1" in --outdir) out="$2"; shift;; *.docx) cp "${dir}/tiny.pdf" "$out/$(basename "$1" .docx).pdf";; esac; shift; done`,
  );
  process.env['BOARDPACK_SOFFICE'] = script;
  runs = () => (existsSync(path.join(dir, 'runs')) ? readFileSync(path.join(dir, 'runs'), 'utf8').split('\n').length - 1 : 0);
});

afterAll(() => {
  if (before === undefined) delete process.env['BOARDPACK_SOFFICE'];
  else process.env['BOARDPACK_SOFFICE'] = before;
});

describe('build --pdf after the pack was archived without PDFs', () => {
  it('writes the PDFs of its reports in <period>-pdf, leaves the pack as it was, and finds them identical next time', async () => {
    const w = archivedWorkspace(inject('exampleDir'));
    const first = { packDir: path.join(w.dir, 'packs/2026-10') };
    const archived = readFileSync(path.join(first.packDir, 'manifest.json'), 'utf8');

    const pdf = await build({ configPath: w.config, pdf: true });
    expect(pdf.diagnostics.errorCount).toBe(0);
    expect(pdf.packDir).toBe(path.join(w.dir, 'packs/2026-10-pdf'));
    expect(pdf.files?.map((f) => f.name)).toEqual(['improvement-board-2026-10.pdf', 'scrutiny-committee-2026-10.pdf', 'manifest.json']);
    expect(readFileSync(path.join(first.packDir, 'manifest.json'), 'utf8')).toBe(archived);

    // Its manifest names the pack and the Word reports, by the digests the pack's manifest lists.
    const m = JSON.parse(readFileSync(path.join(pdf.packDir!, 'manifest.json'), 'utf8')) as {
      pdfOf: string;
      tool: { pdf: string };
      inputs: { path: string; sha256: string }[];
    };
    const pack = JSON.parse(archived) as { outputs: { path: string; sha256: string }[] };
    expect(m.pdfOf).toBe('2026-10');
    expect(m.tool.pdf).toBe('LibreOffice 0.0 stand-in');
    expect(m.inputs).toEqual(pack.outputs.map((o) => expect.objectContaining({ path: `2026-10/${o.path}`, sha256: o.sha256 })));
    // Stamped with the pack date, as every PDF boardpack writes.
    expect(readFileSync(path.join(pdf.packDir!, 'scrutiny-committee-2026-10.pdf'), 'latin1')).toContain('/CreationDate(D:20261112000000Z)');

    // Found identical without converting again: the archived PDFs are of these very reports.
    const converted = runs();
    expect(converted).toBeGreaterThan(0);
    const again = await build({ configPath: w.config, pdf: true });
    expect(again).toMatchObject({ packDir: pdf.packDir, unchanged: true });
    expect(runs()).toBe(converted);

    const d = new Diagnostics();
    expect(verifyPack(pdf.packDir!, d)?.outputs).toHaveLength(2);
    expect(d.all).toEqual([]);
    const listed = listPacks(path.join(w.dir, 'packs'), new Diagnostics());
    expect(listed?.map((k) => [k.folder, k.state, k.namedInManifest])).toEqual([
      ['2026-10', 'as-archived', undefined],
      ['2026-10-pdf', 'as-archived', undefined],
    ]);
  });

  it('finds a pack built with --pdf identical without converting again, and converts again when a PDF was tampered with', async () => {
    const w = workspace();
    const first = await build({ configPath: w.config, pdf: true });
    expect(first.files?.map((f) => f.name)).toContain('scrutiny-committee-2026-10.pdf');
    const converted = runs();
    expect(await build({ configPath: w.config, pdf: true })).toMatchObject({ unchanged: true });
    expect(runs()).toBe(converted);
    writeFileSync(path.join(first.packDir!, 'scrutiny-committee-2026-10.pdf'), 'edited');
    const tampered = await build({ configPath: w.config, pdf: true });
    expect(tampered.diagnostics.all.map((d) => d.code)).toContain('pack-tampered');
    expect(runs()).toBe(converted + 1);
  });

  it('gives a reissue its PDFs beside it too, rather than issuing it again', async () => {
    const w = archivedWorkspace(inject('exampleDir'));
    w.edit('examples/wexcombe/plan.yml', 'Consultant rota in place since August 2025', 'Consultant rota in place since July 2025');
    expect((await build({ configPath: w.config, reissue: true })).packDir).toBe(path.join(w.dir, 'packs/2026-10-reissue-2'));
    const pdf = await build({ configPath: w.config, reissue: true, pdf: true });
    expect(pdf.diagnostics.errorCount).toBe(0);
    expect(pdf.packDir).toBe(path.join(w.dir, 'packs/2026-10-reissue-2-pdf'));
    const m = JSON.parse(readFileSync(path.join(pdf.packDir!, 'manifest.json'), 'utf8')) as { pdfOf: string; reissue: number };
    expect(m).toMatchObject({ pdfOf: '2026-10-reissue-2', reissue: 2 });
    expect(listPacks(path.join(w.dir, 'packs'), new Diagnostics())?.map((k) => [k.folder, k.state, k.namedInManifest])).toEqual([
      ['2026-10', 'as-archived', undefined],
      ['2026-10-reissue-2', 'as-archived', undefined],
      ['2026-10-reissue-2-pdf', 'as-archived', undefined],
    ]);
  });

  it('names a file where the PDFs go, and a stray file among PDFs archived before', async () => {
    const w = archivedWorkspace(inject('exampleDir'));
    writeFileSync(path.join(w.dir, 'packs/2026-10-pdf'), 'not a folder');
    const blocked = await build({ configPath: w.config, pdf: true });
    expect(blocked.diagnostics.all.map((d) => d.code)).toContain('pack-path-blocked');
    rmSync(path.join(w.dir, 'packs/2026-10-pdf'));
    const made = await build({ configPath: w.config, pdf: true });
    writeFileSync(path.join(made.packDir!, '.~lock.scrutiny-committee-2026-10.pdf#'), '');
    const stray = await build({ configPath: w.config, pdf: true });
    expect(stray.diagnostics.all.find((d) => d.code === 'pack-stray-file')?.message).toMatch(/LibreOffice's lock file/);
  });

  it('does not make PDFs of a pack whose inputs have changed since: that is a reissue', async () => {
    const w = archivedWorkspace(inject('exampleDir'));
    w.edit('examples/wexcombe/plan.yml', 'Consultant rota in place since August 2025', 'Consultant rota in place since July 2025');
    const r = await build({ configPath: w.config, pdf: true });
    const e = r.diagnostics.all.find((x) => x.code === 'pack-exists');
    expect(e?.message).toMatch(
      /already holds a different pack for 2026-10; since it was archived, .*plan\.yml has changed; it was archived without PDFs/,
    );
    expect(e?.hint).toMatch(/--reissue/);
    expect(w.packsExist()).toBe(true);
    expect(listPacks(path.join(w.dir, 'packs'), new Diagnostics())?.map((k) => k.folder)).toEqual(['2026-10']);
  });
});

describe('build --pdf without LibreOffice', () => {
  it('says what is missing and how to install it, with the other mistakes, and writes nothing', async () => {
    const w = workspace();
    w.edit('examples/wexcombe/plan.yml', 'answers: [MV1-2026-P7]', 'answers: [MV1-P7]');
    const before = process.env['BOARDPACK_SOFFICE'];
    process.env['BOARDPACK_SOFFICE'] = path.join(w.dir, 'no-such-soffice');
    try {
      const r = await build({ configPath: w.config, pdf: true });
      const errors = r.diagnostics.all.filter((d) => d.severity === 'error');
      expect(errors.map((d) => d.code).sort()).toEqual(['action-unknown-finding', 'pdf-converter-missing']);
      const missing = errors.find((d) => d.code === 'pdf-converter-missing')!;
      expect(missing.message).toBe(
        `--pdf needs LibreOffice to convert the reports: BOARDPACK_SOFFICE names ${path.join(w.dir, 'no-such-soffice')}, which does not exist`,
      );
      expect(missing.hint).toMatch(/set BOARDPACK_SOFFICE to the soffice program of an installed LibreOffice, or unset it/);
      expect(w.packsExist()).toBe(false);
    } finally {
      if (before === undefined) delete process.env['BOARDPACK_SOFFICE'];
      else process.env['BOARDPACK_SOFFICE'] = before;
    }
  });
});
