/**
 * archive: the pack folder's contents and its manifest. Pure: it plans what to write and
 * decides whether an existing folder may be kept; the pipeline does the writing.
 */
import path from 'node:path';
import { PDF } from '../6-render/formats.js';
import { sha256 } from '../model/digest.js';
import type { InputFile } from '../model/types.js';

export interface PackFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface Manifest {
  /** boardpack's version, and for a pack with PDFs the LibreOffice that made them (their bytes depend on it). */
  readonly tool: { readonly name: 'boardpack'; readonly version: string; readonly pdf?: string };
  readonly council: string;
  readonly period: string;
  readonly packDate: string;
  readonly reissue?: number;
  /**
   * For the PDFs of a pack archived without them (build --pdf, later): the pack folder whose
   * Word reports they were made from. Its inputs are then those reports.
   */
  readonly pdfOf?: string;
  readonly inputs: readonly InputFile[];
  readonly outputs: readonly (InputFile & { readonly report: string; readonly title: string })[];
}

/** Paths in the manifest are relative to the working folder and use "/", so they do not depend on where or on what system it ran. */
export function workingPath(configDir: string, p: string): string {
  return path.relative(configDir, p).split(path.sep).join('/');
}

export function manifestJson(m: Manifest): Uint8Array {
  return new TextEncoder().encode(`${JSON.stringify(m, null, 2)}\n`);
}

/** What a pack folder already there holds, against what a build would write into it. */
export type Existing =
  | { readonly kind: 'absent' }
  | { readonly kind: 'identical' }
  /**
   * It is not the pack it was archived as: files its manifest does not list (`stray`, a Word
   * lock file among them), files it lists that are missing or whose SHA-256 differs
   * (`changed`), or no readable manifest at all.
   */
  | {
      readonly kind: 'not-as-archived';
      readonly stray: readonly string[];
      readonly missing: readonly string[];
      readonly changed: readonly string[];
      readonly noManifest: boolean;
    }
  /** Intact, but not what these inputs give: which inputs differ, and the tool versions. */
  | {
      readonly kind: 'different';
      readonly inputs: readonly string[];
      readonly tool?: { readonly archived: string; readonly now: string };
      /** Another council's pack (the example's, built before a folder made by init became a council's own). */
      readonly council?: { readonly archived: string; readonly now: string };
      /** Whether each holds PDFs, when only one does (build --pdf). */
      readonly pdf?: { readonly archived: boolean; readonly now: boolean };
      /** The LibreOffice versions, when both hold PDFs made by different ones. */
      readonly pdfTool?: { readonly archived: string; readonly now: string };
    };

/** The same bytes; false when there are none. */
export const sameBytes = (a: Uint8Array | undefined, b: Uint8Array) => !!a && a.length === b.length && Buffer.compare(a, b) === 0;

/** Word's lock file for an open document: ~$ and the name's end. */
export const isWordLockFile = (name: string) => /(^|\/)~\$[^/]*$/.test(name);

/** LibreOffice's lock file for an open document: .~lock.<name>#. */
export const isLibreOfficeLockFile = (name: string) => /(^|\/)\.~lock\.[^/]*#$/.test(name);

/** The manifest a pack folder holds, if it is readable and has the shape boardpack writes. */
export function readManifest(bytes: Uint8Array | undefined): Manifest | undefined {
  if (!bytes) return undefined;
  try {
    const m = JSON.parse(new TextDecoder().decode(bytes)) as Manifest;
    return m && Array.isArray(m.outputs) && Array.isArray(m.inputs) ? m : undefined;
  } catch {
    return undefined;
  }
}

export type Archived = { readonly kind: 'as-archived'; readonly manifest: Manifest } | Extract<Existing, { kind: 'not-as-archived' }>;

/**
 * A pack folder against its own manifest: every file it lists present with the SHA-256 it
 * lists, and nothing else. What `boardpack verify` reports, and what build checks first.
 */
export function checkArchived(existing: ReadonlyMap<string, Uint8Array>): Archived {
  const archived = readManifest(existing.get('manifest.json'));
  if (!archived) {
    return {
      kind: 'not-as-archived',
      stray: [...existing.keys()].filter((n) => n !== 'manifest.json').sort(),
      missing: [],
      changed: [],
      noManifest: true,
    };
  }
  const listed = new Set(['manifest.json', ...archived.outputs.map((o) => o.path)]);
  const stray = [...existing.keys()].filter((n) => !listed.has(n)).sort();
  const missing = archived.outputs.filter((o) => !existing.has(o.path)).map((o) => o.path);
  const changed = archived.outputs.filter((o) => existing.has(o.path) && sha256(existing.get(o.path)!) !== o.sha256).map((o) => o.path);
  if (stray.length > 0 || missing.length > 0 || changed.length > 0)
    return { kind: 'not-as-archived', stray, missing, changed, noManifest: false };
  return { kind: 'as-archived', manifest: archived };
}

/**
 * Compares a pack folder already there with what would be written. The files are checked
 * against the folder's own manifest first, so a report edited or added after archiving is
 * named as such, not taken for "a different pack".
 */
export function examineExisting(files: readonly PackFile[], existing: ReadonlyMap<string, Uint8Array> | undefined): Existing {
  if (!existing) return { kind: 'absent' };
  if (existing.size === files.length && files.every((f) => existing.has(f.name) && sameBytes(existing.get(f.name)!, f.bytes)))
    return { kind: 'identical' };
  const own = checkArchived(existing);
  if (own.kind !== 'as-archived') return own;
  const archived = own.manifest;
  // Intact: the inputs say why this build differs.
  const now = files.find((f) => f.name === 'manifest.json');
  let current: Manifest | undefined;
  try {
    current = now ? (JSON.parse(new TextDecoder().decode(now.bytes)) as Manifest) : undefined;
  } catch {
    current = undefined;
  }
  const before = new Map(archived.inputs.map((i) => [i.path, i.sha256]));
  const after = new Map((current?.inputs ?? []).map((i) => [i.path, i.sha256]));
  const inputs = [...new Set([...before.keys(), ...after.keys()])].filter((p) => before.get(p) !== after.get(p)).sort();
  const tool =
    current && archived.tool?.version !== current.tool.version
      ? { archived: String(archived.tool?.version), now: current.tool.version }
      : undefined;
  const council =
    current && typeof archived.council === 'string' && archived.council !== current.council
      ? { archived: archived.council, now: current.council }
      : undefined;
  const hasPdf = (m: Manifest | undefined) => (m?.outputs ?? []).some((o) => o.path.endsWith(PDF.extension));
  const pdf = current && hasPdf(archived) !== hasPdf(current) ? { archived: hasPdf(archived), now: hasPdf(current) } : undefined;
  const pdfTool =
    current?.tool.pdf && archived.tool?.pdf && current.tool.pdf !== archived.tool.pdf
      ? { archived: String(archived.tool.pdf), now: current.tool.pdf }
      : undefined;
  return {
    kind: 'different',
    inputs,
    ...(tool ? { tool } : {}),
    ...(council ? { council } : {}),
    ...(pdf ? { pdf } : {}),
    ...(pdfTool ? { pdfTool } : {}),
  };
}
