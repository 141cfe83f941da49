/** Copies of the bundled example working folder, to break and build in a temporary place. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';

/** The checkout: the nearest folder above this file holding boardpack's package.json (also when this file is compiled elsewhere). */
export const ROOT = (() => {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'boardpack') return dir;
    if (path.dirname(dir) === dir) throw new Error('boardpack checkout not found above test/helpers');
  }
})();

export interface Workspace {
  readonly dir: string;
  readonly config: string;
  read(rel: string): string;
  write(rel: string, text: string): void;
  /** Replaces `from` by `to` in a file; fails loudly if `from` is absent, so a fixture cannot silently stop testing anything. */
  edit(rel: string, from: string | RegExp, to: string): void;
  /** Line (1-based) of the first line containing `needle`. */
  lineOf(rel: string, needle: string): number;
  packsExist(): boolean;
}

/**
 * A working folder whose example pack is archived already: the run's shared build
 * (test/helpers/example-pack.ts) copied in. Builds are byte-reproducible, so these are the bytes a
 * build here would write; tests that only need "a pack was archived" skip building one.
 */
export function archivedWorkspace(exampleDir: string): Workspace {
  const w = workspace();
  // The pack folder only: a build of the shared folder may hold its lock (packs/.boardpack.lock).
  cpSync(path.join(exampleDir, 'packs', '2026-10'), path.join(w.dir, 'packs', '2026-10'), { recursive: true });
  return w;
}

export function workspace(): Workspace {
  const dir = mkdtempSync(path.join(tmpdir(), 'boardpack-'));
  for (const p of ['config.yml', 'examples', 'templates']) cpSync(path.join(ROOT, p), path.join(dir, p), { recursive: true });
  return existingWorkspace(dir);
}

/** A working folder made earlier (the shared example pack of test/helpers/example-pack.ts). */
export function existingWorkspace(dir: string): Workspace {
  const abs = (rel: string) => path.join(dir, rel);
  return {
    dir,
    config: abs('config.yml'),
    read: (rel) => readFileSync(abs(rel), 'utf8'),
    write: (rel, text) => writeFileSync(abs(rel), text),
    edit(rel, from, to) {
      const before = readFileSync(abs(rel), 'utf8');
      const after = before.replace(from, to);
      if (after === before) throw new Error(`fixture edit found nothing to replace in ${rel}: ${String(from)}`);
      writeFileSync(abs(rel), after);
    },
    lineOf(rel, needle) {
      const i = readFileSync(abs(rel), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes(needle));
      if (i < 0) throw new Error(`${needle} not in ${rel}`);
      return i + 1;
    },
    packsExist: () => existsSync(abs('packs')) && readdirSync(abs('packs')).length > 0,
  };
}

/** The XML parts of a .docx, by name. */
export function docxParts(bytes: Uint8Array): Record<string, string> {
  const parts = unzipSync(bytes);
  return Object.fromEntries(
    Object.entries(parts)
      .filter(([n]) => n.endsWith('.xml') || n.endsWith('.rels'))
      .map(([n, b]) => [n, strFromU8(b)]),
  );
}

/** The visible text of document.xml, paragraphs separated by newlines. */
export function docxText(documentXml: string): string {
  return documentXml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .join('\n')
    .replace(/&amp;/g, '&')
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}
