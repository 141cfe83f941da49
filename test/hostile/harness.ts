/**
 * The hostile corpus's machinery: each case breaks a fresh copy of the bundled example, runs
 * the command line on it as a user would (a child process, its real exit code and output), and
 * checks what must hold. Used by hostile.test.ts (one test per case) and run.ts (`npm run
 * hostile`, the table).
 */
import { spawn } from 'node:child_process';
import { chownSync, existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { ROOT, docxText, workspace, type Workspace } from '../helpers/workspace.js';

export const CLI = path.join(ROOT, 'dist/cli/main.js');

export interface Outcome {
  /** Exit code; null when killed by a signal. */
  readonly exit: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

export interface CliOptions {
  /** Extra environment. */
  readonly env?: Record<string, string>;
  /** Caps the V8 heap (MB): a run that needs more dies, and the case fails. */
  readonly heapMb?: number;
  /** Run as an unprivileged user (when this process is root, so that permissions apply). */
  readonly unprivileged?: boolean;
  readonly timeoutMs?: number;
}

/** Runs `boardpack <args>` in the workspace. */
export function cli(w: Workspace, args: readonly string[], options: CliOptions = {}): Promise<Outcome> {
  const node = [...(options.heapMb ? [`--max-old-space-size=${options.heapMb}`] : []), CLI, ...args];
  const asNobody = options.unprivileged && process.getuid?.() === 0;
  const [cmd, argv] = asNobody
    ? ['setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, ...node]]
    : [process.execPath, node];
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd as string, argv as string[], {
      cwd: w.dir,
      env: { ...process.env, NO_COLOR: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('close', (exit, signal) => {
      clearTimeout(timer);
      resolve({
        exit,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        ms: Date.now() - started,
      });
    });
  });
}

/** Makes the workspace the unprivileged user's, for cases that run as that user. */
export function giveToNobody(w: Workspace): void {
  if (process.getuid?.() !== 0) return;
  const walk = (p: string) => {
    chownSync(p, 65534, 65534);
    if (lstatSync(p).isDirectory()) for (const e of readdirSync(p)) walk(path.join(p, e));
  };
  walk(w.dir);
}

export interface HostileCase {
  /** Short name, shown in the table. */
  readonly id: string;
  /** Deliverable of issue 11 it belongs to. */
  readonly area: 'xml' | 'values' | 'archive' | 'paths' | 'templates' | 'limits' | 'messages';
  /** What went wrong, as the issue says. */
  readonly was: string;
  /** Breaks the fresh copy of the example. */
  readonly setup?: (w: Workspace) => void | Promise<void>;
  /** Arguments after `boardpack`; default `build`. */
  readonly args?: (w: Workspace) => string[];
  readonly options?: CliOptions | ((w: Workspace) => CliOptions);
  /** Runs something other than one command (two builds at once ...). */
  readonly run?: (w: Workspace) => Promise<Outcome>;
  /** The exit code a user must get. */
  readonly exit: number;
  /** Each must be found in the output (stderr, then stdout). */
  readonly output?: readonly RegExp[];
  /** None may be found in the output. */
  readonly notOutput?: readonly RegExp[];
  /** Further checks after the run; returns what is wrong. */
  readonly check?: (w: Workspace, o: Outcome) => string[] | Promise<string[]>;
  /** Big inputs, generated at run time. */
  readonly slow?: boolean;
  readonly timeoutMs?: number;
}

export interface CaseResult {
  readonly id: string;
  readonly exit: number | null;
  readonly firstLine: string;
  readonly problems: readonly string[];
  readonly ms: number;
}

const STACK_FRAME = /^\s+at .+(:\d+:\d+\)?|\(native\)|<anonymous>\)?)$/m;

/** What any run must avoid, whatever the case. */
function generalProblems(o: Outcome): string[] {
  const problems: string[] = [];
  const all = `${o.stderr}\n${o.stdout}`;
  if (o.signal) problems.push(`killed by ${o.signal}`);
  if (STACK_FRAME.test(all)) problems.push('prints a stack trace');
  if (/internal error|This is a bug in boardpack/.test(all)) problems.push('reports an internal error');
  if (all.includes('\0')) problems.push('prints NUL characters');
  const long = all.split('\n').find((l) => l.length > 2000);
  if (long) problems.push(`prints a line of ${long.length} characters`);
  if (all.length > 200_000) problems.push(`prints ${all.length} characters`);
  return problems;
}

/** Every file under `dir`, relative, with its size and what it is: the state a failed run must leave alone. */
export function snapshot(dir: string): string {
  if (!existsSync(dir)) return '';
  const out: string[] = [];
  const walk = (rel: string) => {
    const p = path.join(dir, rel);
    const st = lstatSync(p);
    if (st.isSymbolicLink()) out.push(`${rel} -> ${readlinkSync(p)}`);
    else if (st.isDirectory()) {
      out.push(`${rel}/`);
      for (const e of readdirSync(p).sort()) walk(rel ? `${rel}/${e}` : e);
    } else out.push(`${rel} ${st.size}`);
  };
  walk('');
  return out.join('\n');
}

export function firstLine(o: Outcome): string {
  const text = o.stderr.trim() ? o.stderr : o.stdout;
  return text.split('\n').find((l) => l.trim() !== '') ?? '';
}

export async function runCase(c: HostileCase): Promise<CaseResult> {
  const w = workspace();
  await c.setup?.(w);
  const packs = path.join(w.dir, 'packs');
  const before = snapshot(packs);
  const args = c.args?.(w) ?? ['build'];
  const options = typeof c.options === 'function' ? c.options(w) : (c.options ?? {});
  const o = c.run ? await c.run(w) : await cli(w, args, { timeoutMs: c.timeoutMs ?? 120_000, ...options });
  const problems = generalProblems(o);
  if (o.exit !== c.exit) problems.push(`exit ${o.exit}, expected ${c.exit}`);
  const all = `${o.stderr}\n${o.stdout}`;
  for (const re of c.output ?? []) if (!re.test(all)) problems.push(`output lacks ${re}`);
  for (const re of c.notOutput ?? []) if (re.test(all)) problems.push(`output has ${re}`);
  // A command that fails writes nothing: the packs folder is as the case left it.
  if (o.exit !== 0 && !c.run && (args[0] === 'build' || args[0] === 'validate') && snapshot(packs) !== before) {
    problems.push('a failed run changed packs/');
  }
  problems.push(...(await (c.check?.(w, o) ?? [])));
  return { id: c.id, exit: o.exit, firstLine: firstLine(o), problems, ms: o.ms };
}

/** Where a part of an archived report is not well-formed XML, or nothing when all are. */
export function xmlProblems(docx: Uint8Array, name: string): string[] {
  const problems: string[] = [];
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(docx);
  } catch (e) {
    return [`${name} is not a zip: ${(e as Error).message}`];
  }
  for (const [part, bytes] of Object.entries(parts)) {
    if (!/\.(xml|rels)$/.test(part)) continue;
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      problems.push(`${name} ${part} is not UTF-8`);
      continue;
    }
    const parser = new SaxesParser({ xmlns: true });
    let error: string | undefined;
    parser.on('error', (e) => {
      error ??= e.message;
    });
    try {
      parser.write(text).close();
    } catch (e) {
      error ??= (e as Error).message;
    }
    if (error) problems.push(`${name} ${part} is not well-formed: ${error}`);
    if (/[\uFFFD]/.test(text)) problems.push(`${name} ${part} holds U+FFFD, a character lost on the way`);
  }
  return problems;
}

/** Every report of every pack under packs/ checked as XML; also that there is at least one. */
export function packsWellFormed(w: Workspace): string[] {
  const packs = path.join(w.dir, 'packs');
  const reports: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir)) {
      const p = path.join(dir, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (e.endsWith('.docx')) reports.push(p);
    }
  };
  if (existsSync(packs)) walk(packs);
  if (reports.length === 0) return ['no report was archived'];
  return reports.flatMap((r) => xmlProblems(readFileSync(r), path.relative(w.dir, r)));
}

/** The visible text of an archived report of packs/2026-10/, with its core properties. */
export function reportText(w: Workspace, name: string): string {
  const parts = unzipSync(readFileSync(path.join(w.dir, 'packs', '2026-10', name)));
  const part = (p: string) => new TextDecoder().decode(parts[p]);
  return `${docxText(part('word/document.xml'))}\n${part('docProps/core.xml')}`;
}
