/**
 * LibreOffice, run headless to convert the pack's Word reports to PDF (build --pdf). The export
 * settings are render's (6-render/pdf.ts); this module only finds the program, runs it in a
 * folder of its own with a profile of its own, and reads back what it wrote.
 */
import { execFile, execFileSync } from 'node:child_process';
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

/** Where to look: BOARDPACK_SOFFICE when set, else soffice or libreoffice on the PATH, else the usual install places. */
function candidates(): string[] {
  const given = process.env['BOARDPACK_SOFFICE'];
  if (given) return [given];
  const onPath = (process.env['PATH'] ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .flatMap((dir) => ['soffice', 'libreoffice', 'soffice.exe'].map((n) => path.join(dir, n)));
  return [...onPath, '/Applications/LibreOffice.app/Contents/MacOS/soffice', 'C:\\Program Files\\LibreOffice\\program\\soffice.exe'];
}

/** LibreOffice, if it is installed; undefined if not (or BOARDPACK_SOFFICE names nothing that runs). */
export function findPdfConverter(): PdfConverter | undefined {
  for (const program of candidates()) {
    if (!existsSync(program)) continue;
    try {
      const out = execFileSync(program, ['--version'], { encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'ignore'] });
      const version = out.trim().split('\n')[0]?.trim();
      if (version) return { program, version };
    } catch {
      // Not a program that runs here: try the next place.
    }
  }
  return undefined;
}

export class ConversionError extends Error {}

/**
 * Each file converted with `filter` (a --convert-to argument), by name. One LibreOffice run for
 * all of them, in a temporary folder removed afterwards; a profile of its own, so that a
 * LibreOffice the user has open is neither used nor disturbed.
 */
export async function convertToPdf(
  converter: PdfConverter,
  files: readonly { readonly name: string; readonly bytes: Uint8Array }[],
  filter: string,
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
      execFile(converter.program, args, { timeout: 600_000, maxBuffer: 16 * 1024 * 1024 }, (e, _out, err) =>
        e ? reject(new ConversionError(`${converter.version} failed: ${(err || e.message).trim().split('\n')[0]}`)) : resolve(err),
      );
    });
    const out = new Map<string, Uint8Array>();
    for (const f of files) {
      const pdf = path.join(outDir, f.name.replace(/\.[^.]+$/, '.pdf'));
      if (!existsSync(pdf)) {
        throw new ConversionError(
          `${converter.version} wrote no PDF for ${f.name}${stderr.trim() ? `: ${stderr.trim().split('\n')[0]}` : ''}`,
        );
      }
      out.set(f.name, new Uint8Array(readFileSync(pdf)));
    }
    return out;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
