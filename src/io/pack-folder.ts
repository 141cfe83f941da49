/**
 * The file-system side of archiving: what is at a pack's path, a lock on the output folder so
 * that two builds never write at once, and writing a pack folder so that it is complete or
 * absent. Every failure is a PackFolderError naming the path and what to do, for a diagnostic.
 */
import { randomBytes } from 'node:crypto';
import {
  type Dirent,
  type Stats,
  closeSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import type { Code, Diagnostics } from '../diagnostics/index.js';
import path from 'node:path';

/** A file-system failure in words: what could not be done to which path, and what to do. */
export class PackFolderError extends Error {
  constructor(
    message: string,
    readonly path: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

const HINTS: Record<string, string> = {
  EACCES: 'check the permissions of the folder, or set output: in config.yml to a folder you can write',
  EPERM: 'check the permissions of the folder (or whether it is locked), or set output: in config.yml to a folder you can write',
  EROFS: 'the disk is read-only; set output: in config.yml to a folder you can write',
  ENOSPC: 'the disk is full; make room, then build again',
  EDQUOT: 'your disk quota is used up; make room, then build again',
  ENOTDIR: 'a file stands where a folder of this path should be; move it away, or set output: in config.yml',
};

/**
 * Runs a file-system step of a command, reporting its PackFolderError as a diagnostic under
 * `code` (undefined then); any other error is a fault and is thrown on.
 */
export function orReport<T>(diags: Diagnostics, code: Code, step: () => T): T | undefined {
  try {
    return step();
  } catch (e) {
    if (!(e instanceof PackFolderError)) throw e;
    diags.report(code, e.message, { place: { file: e.path }, hint: e.hint });
    return undefined;
  }
}

/** A PackFolderError for an errno failure of `doing` at `p`. */
export function failure(e: unknown, doing: string, p: string): PackFolderError {
  if (e instanceof PackFolderError) return e;
  const code = (e as NodeJS.ErrnoException).code ?? '';
  const why =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'ENOSPC'
        ? 'the disk is full'
        : code === 'EROFS'
          ? 'the disk is read-only'
          : (e as Error).message;
  return new PackFolderError(`cannot ${doing} ${p}: ${why}`, p, HINTS[code] ?? 'check the folder and build again');
}

export type PackPath =
  | { readonly state: 'absent' }
  /** Something other than a folder is where the pack goes: a file, a link, a device ... */
  | { readonly state: 'blocked'; readonly what: string }
  /** A folder: its files by path inside it; `odd` names what is neither file nor folder. */
  | { readonly state: 'folder'; readonly files: ReadonlyMap<string, Uint8Array>; readonly odd: readonly string[] };

/** A pack folder's files, and its odd entries as empty files: what the manifest is checked against. */
export function entriesOf(folder: Extract<PackPath, { state: 'folder' }>): Map<string, Uint8Array> {
  return new Map([...folder.files, ...folder.odd.map((o) => [o, new Uint8Array()] as const)]);
}

/** The folders (and links) in the output folder, by name; none when it does not exist yet. Hidden ones (the lock) are not listed. */
export function listFolder(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => (e.isDirectory() || e.isSymbolicLink()) && !e.name.startsWith('.'))
      .map((e) => e.name);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw failure(e, 'read', dir);
  }
}

/** What is at `dir`, without following a symbolic link in the way: nothing, a folder, or what blocks it. */
function pathState(
  dir: string,
): { readonly state: 'absent' } | { readonly state: 'folder' } | { readonly state: 'blocked'; readonly what: string } {
  let st: Stats;
  try {
    st = lstatSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'absent' };
    throw failure(e, 'look at', dir);
  }
  if (st.isSymbolicLink()) {
    let to = '';
    try {
      to = readlinkSync(dir);
    } catch {
      // A link that cannot be read is still a link in the way.
    }
    return { state: 'blocked', what: `a symbolic link${to ? ` (to ${to})` : ''}` };
  }
  if (st.isFile()) return { state: 'blocked', what: 'a file' };
  if (!st.isDirectory()) return { state: 'blocked', what: 'neither a file nor a folder (a device or a pipe?)' };
  return { state: 'folder' };
}

/**
 * What is at `dir`, like inspectPack, but for a folder only the names at its top: for init,
 * which must not read a whole folder (a home folder, given by mistake) to see it is not empty.
 */
export function peekFolder(
  dir: string,
):
  | { readonly state: 'absent' }
  | { readonly state: 'blocked'; readonly what: string }
  | { readonly state: 'folder'; readonly names: readonly string[] } {
  const there = pathState(dir);
  if (there.state !== 'folder') return there;
  try {
    return { state: 'folder', names: readdirSync(dir) };
  } catch (e) {
    throw failure(e, 'read', dir);
  }
}

/** What is at `dir`, without following a symbolic link in the way; a folder with every file in it. */
export function inspectPack(dir: string): PackPath {
  const there = pathState(dir);
  if (there.state !== 'folder') return there;
  const files = new Map<string, Uint8Array>();
  const odd: string[] = [];
  const walk = (sub: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(path.join(dir, sub), { withFileTypes: true });
    } catch (e) {
      throw failure(e, 'read the pack folder', path.join(dir, sub));
    }
    // An empty folder inside is something the manifest does not list, as a file would be.
    if (sub && entries.length === 0) odd.push(`${sub}/`);
    for (const e of entries) {
      const rel = sub ? `${sub}/${e.name}` : e.name;
      if (e.isDirectory()) walk(rel);
      else if (e.isFile()) {
        try {
          files.set(rel, readFileSync(path.join(dir, rel)));
        } catch (err) {
          throw failure(err, 'read', path.join(dir, rel));
        }
      } else odd.push(rel);
    }
  };
  walk('');
  return { state: 'folder', files, odd };
}

interface LockInfo {
  readonly pid: number;
  readonly host: string;
  readonly started: string;
}

const LOCK_NAME = '.boardpack.lock';

/** True when `pid` is a live process on this machine. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface LockOptions {
  /** How long to wait for another build to finish before giving up. */
  readonly waitMs?: number;
  /** Told once, when another build holds the lock and this one waits for it. */
  readonly onWait?: (holder: string) => void;
}

/**
 * The output folder, locked for this process: created if need be, with a lock file that a
 * second build waits on (and then finds the pack the first one wrote). A lock left by a process
 * that no longer runs on this machine is taken over. Release it with the returned function.
 */
export async function lockOutput(outputDir: string, options: LockOptions = {}): Promise<() => void> {
  try {
    mkdirSync(outputDir, { recursive: true });
  } catch (e) {
    throw failure(e, 'create the output folder', outputDir);
  }
  const file = path.join(outputDir, LOCK_NAME);
  const me: LockInfo = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  // Longer than a build holding the lock may take: a reissue with PDFs converts its reports
  // while it holds it, for up to five minutes (libreoffice.ts).
  const deadline = Date.now() + (options.waitMs ?? 360_000);
  let told = false;
  for (;;) {
    try {
      const fd = openSync(file, 'wx');
      try {
        writeSync(fd, `${JSON.stringify(me)}\n`);
      } finally {
        closeSync(fd);
      }
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw failure(e, 'lock the output folder', outputDir);
    }
    let holder: LockInfo | undefined;
    try {
      holder = JSON.parse(readFileSync(file, 'utf8')) as LockInfo;
    } catch {
      // Being written this instant, or damaged: look again shortly.
    }
    if (holder && holder.host === me.host && !alive(holder.pid)) {
      // Left by a build that was killed: take it over.
      rmSync(file, { force: true });
      continue;
    }
    const who = holder ? `the build (process ${holder.pid} on ${holder.host}, since ${holder.started})` : 'another build';
    if (Date.now() > deadline) {
      throw new PackFolderError(
        `${outputDir} is locked by ${who}`,
        file,
        `wait for it to finish and build again; if no build is running, delete ${file}`,
      );
    }
    if (!told) {
      options.onWait?.(`${outputDir} is being written by ${who}; waiting for it to finish`);
      told = true;
    }
    await sleep(150);
  }
}

/** Temporary pack folders left by builds that were killed: .<period>.partial-<pid>-<random> (and .<period>.partial of old versions). */
const PARTIAL = /^\..+\.partial(-\d+-[0-9a-f]+)?$/;

/** Removes the temporary folders of killed builds; call it holding the lock, when none can be in use. */
export function removeLeftovers(outputDir: string): void {
  for (const e of readdirSync(outputDir, { withFileTypes: true })) {
    if (e.isDirectory() && PARTIAL.test(e.name)) rmSync(path.join(outputDir, e.name), { recursive: true, force: true });
  }
}

/**
 * Writes a new working folder: whole through writePackFolder where nothing is there yet (its
 * parents made); into the folder where it exists already, empty or holding only hidden entries
 * (".", a folder after `git init`): the files are written into a temporary folder inside it, then
 * each top-level entry is renamed into place, none of which can be there already.
 */
export function writeNewFolder(dir: string, files: readonly OutputFile[]): void {
  const there = peekFolder(dir);
  if (there.state === 'absent') {
    try {
      mkdirSync(path.dirname(dir), { recursive: true });
    } catch (e) {
      throw failure(e, 'make', path.dirname(dir));
    }
    writePackFolder(dir, files, 'the working folder');
    return;
  }
  const tmp = path.join(dir, `.boardpack-init-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    mkdirSync(tmp);
    writeFilesInto(tmp, files);
    for (const top of readdirSync(tmp)) {
      if (pathState(path.join(dir, top)).state !== 'absent') {
        throw new PackFolderError(
          `${path.join(dir, top)} appeared while the working folder was being written`,
          dir,
          'see what put it there, and run again',
        );
      }
      renameSync(path.join(tmp, top), path.join(dir, top));
    }
  } catch (e) {
    throw e instanceof PackFolderError ? e : failure(e, 'write the working folder into', dir);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Every file into `dir` (a temporary folder of this process), refusing to replace any. */
function writeFilesInto(dir: string, files: readonly OutputFile[]): void {
  for (const f of files) {
    const target = path.join(dir, f.name);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, f.bytes, { flag: 'wx' });
  }
}

export interface OutputFile {
  /** Path inside the pack folder. */
  readonly name: string;
  readonly bytes: Uint8Array;
}

/**
 * Writes every file into a temporary folder beside `dir`, named for this process alone, then
 * renames it into place, so a pack folder (or a new working folder) is complete or absent. The final name is looked at
 * again just before the rename: anything there is refused, never replaced.
 */
export function writePackFolder(dir: string, files: readonly OutputFile[], what = 'the pack'): void {
  const parent = path.dirname(dir);
  const tmp = path.join(parent, `.${path.basename(dir)}.partial-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    mkdirSync(tmp);
  } catch (e) {
    throw failure(e, 'write in', parent);
  }
  try {
    writeFilesInto(tmp, files);
    const there = inspectPack(dir);
    if (there.state !== 'absent') {
      throw new PackFolderError(
        `${dir} appeared while ${what} was being written (${there.state === 'blocked' ? there.what : 'a folder'})`,
        dir,
        'see what put it there, move it away, and run again',
      );
    }
    renameSync(tmp, dir);
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    throw failure(e, `write ${what} into`, parent);
  }
}
