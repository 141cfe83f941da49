/**
 * The repository's root folder, found by walking up to package.json: tools run both as
 * TypeScript (tools/*.ts, from the tests) and compiled (.tools/tools/*.js), one folder deeper.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function rootAbove(dir: string): string {
  for (let d = dir; ; d = path.dirname(d)) {
    if (existsSync(path.join(d, 'package.json'))) return d;
    if (path.dirname(d) === d) throw new Error(`no package.json above ${dir}`);
  }
}

export const ROOT = rootAbove(path.dirname(fileURLToPath(import.meta.url)));
