/**
 * `boardpack init <folder>`: a new working folder laid out as a council keeps one (config.yml,
 * plan.yml, findings/, performance.xlsx, templates/), holding the bundled example so that it
 * builds at once; the council then replaces the example's plan, registers and export with its
 * own. Nothing is ever written into a folder that holds files.
 */
import path from 'node:path';
import type { Diagnostics } from '../diagnostics/index.js';
import { clearNewFolder, inspectPack, PackFolderError, writePackFolder, type OutputFile } from '../io/pack-folder.js';
import { packageRoot, readOwnFile, readOwnTree } from '../io/tool.js';

const EXAMPLE = 'examples/wexcombe/';

/**
 * The starter's files from boardpack's own: the example's inputs moved to the top of the folder
 * and config.yml's paths to them rewritten to match. Pure.
 */
export function starterFiles(own: {
  readonly config: string;
  readonly example: ReadonlyMap<string, Uint8Array>;
  readonly templates: ReadonlyMap<string, Uint8Array>;
}): OutputFile[] {
  const config = own.config.split(EXAMPLE).join('');
  const files: OutputFile[] = [{ name: 'config.yml', bytes: new TextEncoder().encode(config) }];
  for (const [rel, bytes] of own.example) {
    // The script that made the example's workbook is the project's, not a council's.
    if (rel.endsWith('.mjs')) continue;
    files.push({ name: rel, bytes });
  }
  for (const [rel, bytes] of own.templates) files.push({ name: `templates/${rel}`, bytes });
  return files;
}

export interface InitResult {
  readonly dir: string;
  readonly files: readonly string[];
}

export function initFolder(dir: string, diags: Diagnostics): InitResult | undefined {
  const there = inspectPack(dir);
  if (there.state === 'blocked') {
    diags.report('pack-path-blocked', `${dir} is ${there.what}, where the new working folder goes`, {
      place: { file: dir },
      hint: 'name a folder that does not exist yet (or an empty one)',
    });
    return undefined;
  }
  if (there.state === 'folder' && (there.files.size > 0 || there.odd.length > 0)) {
    diags.report('init-folder-not-empty', `${dir} already holds files; init writes only into a new or empty folder`, {
      place: { file: dir },
      hint: 'name a new folder, such as boardpack init my-council',
    });
    return undefined;
  }
  const root = packageRoot();
  const files = starterFiles({
    config: new TextDecoder().decode(readOwnFile('config.yml')),
    example: readOwnTree(path.join(root, EXAMPLE)),
    templates: readOwnTree(path.join(root, 'templates')),
  });
  try {
    clearNewFolder(dir);
    writePackFolder(dir, files, 'the working folder');
  } catch (e) {
    if (!(e instanceof PackFolderError)) throw e;
    diags.report('pack-write-failed', e.message, { place: { file: e.path }, hint: e.hint });
    return undefined;
  }
  return { dir, files: files.map((f) => f.name) };
}
