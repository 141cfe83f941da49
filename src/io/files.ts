/**
 * All file-system access of the pipeline: reading inputs (with their checksums, for the
 * manifest) and writing a pack atomically. Nothing else in src/ touches fs.
 */
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  chmodSync,
  chownSync,
  constants,
  existsSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import type { Diagnostics, Place } from '../diagnostics/index.js';
import { sha256 } from '../model/digest.js';
import type { InputFile } from '../model/types.js';
import { decodeUtf8, lineColumnAt } from './encoding.js';

const MB = 1024 * 1024;
/** The largest input read: a performance export (compressed) of 64 MB is several times any council's. */
export const MAX_FILE_BYTES = 64 * MB;
/** The largest text input (YAML, template): a plan of 50,000 actions is about 20 MB. */
export const MAX_TEXT_BYTES = 32 * MB;

const megabytes = (n: number) => `${(n / MB).toFixed(n < 10 * MB ? 1 : 0)} MB`;

/** Reads the inputs of one run and remembers each for the manifest. */
export class InputReader {
  private readonly read = new Map<string, InputFile>();

  constructor(private readonly diags: Diagnostics) {}

  /** Bytes of `file`, or undefined after reporting why not. `from` is who named the file. */
  bytes(file: string, from?: Place, what = 'file', limit = MAX_FILE_BYTES): Uint8Array | undefined {
    try {
      const st = statSync(file);
      if (st.isDirectory()) {
        this.diags.report('file-unreadable', `${what} ${file} is a folder, not a file`, { place: from ?? { file } });
        return undefined;
      }
      if (!st.isFile()) {
        // A device or a pipe (/dev/zero, a FIFO) would be read for ever.
        this.diags.report('file-unreadable', `${what} ${file} is not a regular file (a device or a pipe?)`, { place: from ?? { file } });
        return undefined;
      }
      if (st.size > limit) {
        this.diags.report(
          'file-too-large',
          `${what} ${file} is ${megabytes(st.size)}, over the limit of ${megabytes(limit)} for ${limit === MAX_TEXT_BYTES ? 'a text input' : 'an input'}`,
          {
            place: from ?? { file },
            hint: 'check that the path names the right file',
          },
        );
        return undefined;
      }
      const bytes = readFileSync(file);
      this.read.set(file, { path: file, sha256: sha256(bytes), bytes: bytes.byteLength });
      return bytes;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        this.diags.report('file-not-found', `${what} ${file} does not exist`, {
          place: from ?? { file },
          hint: from
            ? 'check the path; it is relative to the file that names it'
            : what === 'config file'
              ? 'run boardpack in the working folder, where config.yml is, or name it with --config (boardpack init <folder> makes a new one)'
              : 'check the path',
        });
      } else {
        this.diags.report('file-unreadable', `cannot read ${what} ${file}: ${(e as Error).message}`, { place: from ?? { file } });
      }
      return undefined;
    }
  }

  /**
   * The text of a UTF-8 file (a byte order mark, which editors on Windows add, dropped), or
   * undefined after reporting the encoding it seems to be in instead.
   */
  text(file: string, from?: Place, what = 'file'): string | undefined {
    const b = this.bytes(file, from, what, MAX_TEXT_BYTES);
    if (b === undefined) return undefined;
    const decoded = decodeUtf8(b);
    if ('text' in decoded) return decoded.text;
    const at = decoded.offset === undefined ? {} : lineColumnAt(b, decoded.offset);
    this.diags.report('file-encoding', `${what} ${file} ${decoded.problem}`, { place: { file, ...at }, hint: decoded.hint });
    return undefined;
  }

  exists(file: string): boolean {
    return existsSync(file);
  }

  /** Every file read so far, sorted by path so manifests do not depend on read order. */
  get files(): InputFile[] {
    return [...this.read.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
}

export function fileExists(file: string): boolean {
  return existsSync(file);
}

/** What a path names: undefined when nothing is there, else its kind and size in bytes. */
export function pathInfo(file: string): { readonly kind: 'file' | 'folder' | 'other'; readonly size: number } | undefined {
  if (!existsSync(file)) return undefined;
  const st = statSync(file);
  return { kind: st.isFile() ? 'file' : st.isDirectory() ? 'folder' : 'other', size: st.size };
}

/** The bytes of a file the caller has already looked at (pathInfo); a failure is thrown. */
export function readBytes(file: string): Uint8Array {
  return readFileSync(file);
}

/**
 * Writes a new file (its folder made if need be) whole or not at all: under `<file>.partial`,
 * then renamed into place, so a reader never sees half of it.
 */
export function writeFileAtomically(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.partial`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/** Why a file could not be changed, in words for the user. */
export class FileWriteRefused extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

/**
 * Replaces the contents of a text file the user keeps (the plan, for `match --write`) as an
 * editor would: through a symbolic link to the file it names, keeping its permissions (and its
 * owner, where allowed), never a read-only file, and atomically: written beside it under a name
 * unique to this process, then renamed over it. `expected` is the content the caller read: if
 * the file changed since, it is left alone.
 */
export function replaceFileText(file: string, text: string, expected: string): void {
  let target: string;
  try {
    target = realpathSync(file);
  } catch (e) {
    throw new FileWriteRefused(`cannot find ${file}: ${(e as Error).message}`, 'check the path');
  }
  const st = statSync(target);
  const shown = target === path.resolve(file) ? file : `${file} (a link to ${target})`;
  if ((st.mode & 0o222) === 0) {
    throw new FileWriteRefused(
      `${shown} is read-only; nothing was written`,
      'make it writable (chmod u+w) if boardpack may add the answers, or copy the lines from the table yourself',
    );
  }
  try {
    accessSync(target, constants.W_OK);
  } catch {
    throw new FileWriteRefused(`${shown} cannot be written by you; nothing was written`, 'ask whoever owns it, or check its permissions');
  }
  const now = readFileSync(target, 'utf8');
  const bom = now.startsWith('\uFEFF') ? '\uFEFF' : '';
  if (now.slice(bom.length) !== expected) {
    throw new FileWriteRefused(`${shown} changed while boardpack was reading it; nothing was written`, 'run match --write again');
  }
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.partial`);
  try {
    writeFileSync(tmp, bom + text, { mode: st.mode & 0o7777, flag: 'wx' });
    chmodSync(tmp, st.mode & 0o7777);
    try {
      chownSync(tmp, st.uid, st.gid);
    } catch {
      // Only root may give a file away; others keep their own files anyway.
    }
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    const why =
      (e as NodeJS.ErrnoException).code === 'EACCES' || (e as NodeJS.ErrnoException).code === 'EPERM'
        ? 'permission denied'
        : (e as Error).message;
    throw new FileWriteRefused(
      `cannot write ${shown}: ${why} (in its folder ${path.dirname(target)}); nothing was written`,
      'check the permissions of the folder that holds it',
    );
  }
}
