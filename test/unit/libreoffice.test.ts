/**
 * Running LibreOffice for build --pdf, with stand-in programs (shell scripts) for the ways a
 * converter goes wrong: not there, not LibreOffice, failing, writing nothing, hanging.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConversionError, convertToPdf, findPdfConverter } from '../../src/io/libreoffice.js';
import { fakeSoffice } from '../helpers/fake-soffice.js';
import { ROOT, workspace } from '../helpers/workspace.js';

const dir = mkdtempSync(path.join(tmpdir(), 'boardpack-fake-soffice-'));
// A temporary folder of this file's own, so that conversions of other test files (in other
// processes) do not come and go in the folder counted here.
const temp = mkdtempSync(path.join(tmpdir(), 'boardpack-temp-'));
const tmpBefore = process.env['TMPDIR'];
beforeAll(() => {
  process.env['TMPDIR'] = temp;
});
afterAll(() => {
  if (tmpBefore === undefined) delete process.env['TMPDIR'];
  else process.env['TMPDIR'] = tmpBefore;
});

/** A stand-in soffice: `--version` prints a version, anything else runs `body`. */
const fake = (name: string, body: string) => fakeSoffice(dir, name, 'LibreOffice 9.9.9.9 fake', body);

const docx = [{ name: 'report.docx', bytes: new Uint8Array([1, 2, 3]) }];
const ours = () => readdirSync(temp).filter((n) => n.startsWith('boardpack-pdf-'));

describe('finding LibreOffice', () => {
  const before = process.env['BOARDPACK_SOFFICE'];
  afterEach(() => {
    if (before === undefined) delete process.env['BOARDPACK_SOFFICE'];
    else process.env['BOARDPACK_SOFFICE'] = before;
  });

  it('takes the program BOARDPACK_SOFFICE names, with the version it gives', () => {
    process.env['BOARDPACK_SOFFICE'] = fake('soffice-ok', 'exit 0');
    expect(findPdfConverter()).toEqual({ converter: { program: path.join(dir, 'soffice-ok'), version: 'LibreOffice 9.9.9.9 fake' } });
  });

  it('says what is wrong with the program BOARDPACK_SOFFICE names, and looks nowhere else', () => {
    process.env['BOARDPACK_SOFFICE'] = path.join(dir, 'nothing-here');
    expect(findPdfConverter()).toEqual({ problem: `BOARDPACK_SOFFICE names ${path.join(dir, 'nothing-here')}, which does not exist` });
    process.env['BOARDPACK_SOFFICE'] = '/bin/false';
    expect(findPdfConverter()).toMatchObject({
      problem: expect.stringMatching(/^BOARDPACK_SOFFICE names \/bin\/false, which did not run as LibreOffice/),
    });
  });
});

describe('converting', () => {
  const converter = (name: string, body: string) => ({ program: fake(name, body), version: 'LibreOffice 9.9.9.9 fake' });

  it('gives each file converted, by name, and leaves no temporary folder', async () => {
    // Writes "<name>.pdf" into the --outdir it is given, as LibreOffice does.
    const c = converter(
      'soffice-writes',
      'while [ "$#" -gt 0 ]; do case "$1" in --outdir) out="$2"; shift;; *.docx) printf "%%PDF-1.6 fake" > "$out/$(basename "$1" .docx).pdf";; esac; shift; done',
    );
    const out = await convertToPdf(c, docx, 'pdf');
    expect(new TextDecoder().decode(out.get('report.docx'))).toBe('%PDF-1.6 fake');
    expect(ours()).toEqual([]);
  });

  it('names a converter that fails, with its line of complaint, not the warning before it', async () => {
    // Debian's LibreOffice warns about Java before it says what went wrong.
    const body =
      'echo "Warning: failed to launch javaldx - java may not function correctly" >&2; echo "Error: source file could not be loaded" >&2; exit 3';
    await expect(convertToPdf(converter('soffice-fails', body), docx, 'pdf')).rejects.toThrow(
      new ConversionError('LibreOffice 9.9.9.9 fake failed (exit 3): Error: source file could not be loaded'),
    );
  });

  it('names a report it wrote no PDF for', async () => {
    await expect(convertToPdf(converter('soffice-silent', 'exit 0'), docx, 'pdf')).rejects.toThrow(/wrote no PDF for report\.docx/);
  });

  it('does not wait for a process the converter left in a session of its own', async () => {
    const started = Date.now();
    await expect(convertToPdf(converter('soffice-setsid', 'setsid sleep 20 & sleep 20'), docx, 'pdf', 500)).rejects.toThrow(
      /did not finish within/,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('stops a converter that hangs, with the processes it started, and says so', async () => {
    const started = Date.now();
    await expect(convertToPdf(converter('soffice-hangs', 'sleep 30 & sleep 30; wait'), docx, 'pdf', 500)).rejects.toThrow(
      'LibreOffice 9.9.9.9 fake did not finish within 1 s, and was stopped',
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(ours()).toEqual([]);
  });
});

describe('stopping boardpack while LibreOffice converts', () => {
  it('stops LibreOffice too (Ctrl-C does not reach its process group) and removes the temporary folder', async () => {
    const w = workspace();
    // Charts only slow the child down (it loads vega for them): what is tested starts after them.
    w.edit('config.yml', /^output: packs$/m, 'output: packs\ncharts: false');
    const started = path.join(mkdtempSync(path.join(tmpdir(), 'boardpack-started-')), 'pid');
    // Notes its process id, then waits, as a LibreOffice busy with a large pack would.
    const hangs = fake('soffice-busy', `echo $$ > "${started}"; sleep 60 & wait`);
    const ownTemp = mkdtempSync(path.join(tmpdir(), 'boardpack-temp-'));
    const child = spawn(process.execPath, [path.join(ROOT, 'dist/cli/main.js'), 'build', '--pdf'], {
      cwd: w.dir,
      env: { ...process.env, BOARDPACK_SOFFICE: hangs, TMPDIR: ownTemp },
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
    for (let i = 0; i < 300 && !existsSync(started); i++) await new Promise((r) => setTimeout(r, 50));
    const pid = Number(readFileSync(started, 'utf8'));
    expect(readdirSync(ownTemp).filter((n) => n.startsWith('boardpack-pdf-'))).toHaveLength(1);
    child.kill('SIGINT');
    expect(await exited).toBe('SIGINT');
    // Gone, or a zombie waiting for init to reap it (its parent, boardpack, has exited).
    const alive = () => existsSync(`/proc/${pid}`) && !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    for (let i = 0; i < 100 && alive(); i++) await new Promise((r) => setTimeout(r, 50));
    expect(alive()).toBe(false);
    expect(readdirSync(ownTemp).filter((n) => n.startsWith('boardpack-pdf-'))).toEqual([]);
    expect(w.packsExist()).toBe(false);
  }, 30_000);
});
