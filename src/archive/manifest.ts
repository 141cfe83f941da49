/**
 * archive: the pack folder's contents and its manifest. Pure: it plans what to write and
 * decides whether an existing folder may be kept; the pipeline does the writing.
 */
import path from 'node:path';
import type { InputFile } from '../model/types.js';

export interface PackFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface Manifest {
  readonly tool: { readonly name: 'boardpack'; readonly version: string };
  readonly council: string;
  readonly period: string;
  readonly packDate: string;
  readonly reissue?: number;
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

export type Existing = 'absent' | 'identical' | 'different';

/** Compares what would be written with a pack folder already there. */
export function compareWithExisting(files: readonly PackFile[], existing: ReadonlyMap<string, Uint8Array> | undefined): Existing {
  if (!existing) return 'absent';
  if (existing.size !== files.length) return 'different';
  for (const f of files) {
    const old = existing.get(f.name);
    if (!old || old.length !== f.bytes.length || !old.every((b, i) => b === f.bytes[i])) return 'different';
  }
  return 'identical';
}
