/**
 * LibreOffice, run headless to convert the pack's Word reports to PDF (build --pdf). The export
 * settings are render's (6-render/pdf.ts); this module only finds the program, runs it in a
 * folder of its own with a profile of its own, and reads back what it wrote.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface PdfConverter {
  /** The program run. */
  readonly program: string;
  /** What it says of itself (`soffice --version`), recorded in the manifest: the PDF's bytes depend on it. */
  readonly version: string;
}

/** The usual places: soffice or libreoffice on the PATH, else where the installers put it. */
function candidates(): string[] {
  const onPath = (process.env['PATH'] ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .flatMap((dir) => ['soffice', 'libreoffice', 'soffice.exe'].map((n) => path.join(dir, n)));
  return [...onPath, '/Applications/LibreOffice.app/Contents/MacOS/soffice', 'C:\\Program Files\\LibreOffice\\program\\soffice.exe'];
}

/** What `program --version` says, or why it could not be asked. */
function versionOf(program: string): { version: string } | { problem: string } {
  if (!existsSync(program)) return { problem: 'does not exist' };
  try {
    const out = execFileSync(program, ['--version'], { encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'ignore'] });
    const version = out.trim().split('\n')[0]?.trim();
    return version ? { version } : { problem: 'printed no version when run with --version' };
  } catch (e) {
    return { problem: `did not run as LibreOffice (--version failed: ${(e as Error).message.split('\n')[0]})` };
  }
}

/**
 * LibreOffice: the program BOARDPACK_SOFFICE names (and only it, when set), else the first that
 * runs of the usual places. `problem` says why none was found.
 */
export function findPdfConverter(): { converter: PdfConverter } | { problem: string } {
  const given = process.env['BOARDPACK_SOFFICE'];
  if (given) {
    const v = versionOf(given);
    return 'version' in v
      ? { converter: { program: given, version: v.version } }
      : { problem: `BOARDPACK_SOFFICE names ${given}, which ${v.problem}` };
  }
  for (const program of candidates()) {
    const v = versionOf(program);
    if ('version' in v) return { converter: { program, version: v.version } };
  }
  return { problem: 'LibreOffice was not found (soffice or libreoffice on the PATH, or where its installers put it)' };
}

export class ConversionError extends Error {}

/**
 * The line of LibreOffice's stderr that says what went wrong: its first "Error" line, else its
 * first line that is not a warning (Debian's says first that it failed to launch javaldx).
 */
function complaint(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.find((l) => /^error\b/i.test(l)) ?? lines.find((l) => !/^warning\b/i.test(l)) ?? lines[0] ?? '';
}

/**
 * Each file converted with `filter` (a --convert-to argument), by name. One LibreOffice run for
 * all of them, in a temporary folder removed afterwards; a profile of its own, so that a
 * LibreOffice the user has open is neither used nor disturbed.
 */
export async function convertToPdf(
  converter: PdfConverter,
  files: readonly { readonly name: string; readonly bytes: Uint8Array }[],
  filter: string,
  /** A conversion that takes longer has hung: a large pack takes about a minute. */
  timeoutMs = 300_000,
): Promise<Map<string, Uint8Array>> {
  const work = mkdtempSync(path.join(tmpdir(), 'boardpack-pdf-'));
  try {
    const inDir = path.join(work, 'in');
    const outDir = path.join(work, 'out');
    mkdirSync(inDir);
    mkdirSync(outDir);
    for (const f of files) writeFileSync(path.join(inDir, f.name), f.bytes);
    const args = [
      `-env:UserInstallation=${pathToFileURL(path.join(work, 'profile')).href}`,
      '--headless',
      '--norestore',
      '--convert-to',
      filter,
      '--outdir',
      outDir,
      ...files.map((f) => path.join(inDir, f.name)),
    ];
    const stderr = await new Promise<string>((resolve, reject) => {
      // Its own process group, so that a LibreOffice that hangs is stopped with the processes it
      // started, and the temporary folder can go. Being in a group of its own, it does not get
      // the terminal's Ctrl-C: boardpack stops it (and removes the folder) when it is itself
      // stopped, with handlers set before it starts (a signal's handler runs once spawn returns).
      let child: ChildProcess | undefined;
      const stop = () => {
        if (!child?.pid) return;
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          child.kill('SIGKILL');
        }
      };
      const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
      const release = () => {
        for (const sig of signals) process.removeListener(sig, onSignal);
        process.removeListener('exit', stop);
      };
      const onSignal = (signal: NodeJS.Signals) => {
        stop();
        rmSync(work, { recursive: true, force: true });
        release();
        process.kill(process.pid, signal);
      };
      for (const sig of signals) process.once(sig, onSignal);
      process.once('exit', stop);
      child = spawn(converter.program, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
      const proc = child;
      const err: Buffer[] = [];
      proc.stderr!.on('data', (b: Buffer) => err.push(b));
      let settled = false;
      const settle = (f: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        release();
        f();
      };
      // Stopped, and not waited for further: a process it started in a session of its own may
      // hold its stderr open.
      const timer = setTimeout(() => {
        stop();
        proc.stderr!.destroy();
        settle(() =>
          reject(new ConversionError(`${converter.version} did not finish within ${Math.round(timeoutMs / 1000)} s, and was stopped`)),
        );
      }, timeoutMs);
      const firstLine = () => complaint(Buffer.concat(err).toString('utf8'));
      proc.on('error', (e) => settle(() => reject(new ConversionError(`${converter.version} could not be started: ${e.message}`))));
      proc.on('close', (code, signal) =>
        settle(() =>
          code !== 0
            ? reject(
                new ConversionError(`${converter.version} failed (${signal ?? `exit ${code}`})${firstLine() ? `: ${firstLine()}` : ''}`),
              )
            : resolve(Buffer.concat(err).toString('utf8')),
        ),
      );
    });
    const out = new Map<string, Uint8Array>();
    for (const f of files) {
      const pdf = path.join(outDir, f.name.replace(/\.[^.]+$/, '.pdf'));
      if (!existsSync(pdf)) {
        throw new ConversionError(`${converter.version} wrote no PDF for ${f.name}${complaint(stderr) ? `: ${complaint(stderr)}` : ''}`);
      }
      out.set(f.name, new Uint8Array(readFileSync(pdf)));
    }
    return out;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
