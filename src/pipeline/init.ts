/**
 * `boardpack init <folder>`: a new working folder laid out as a council keeps one (config.yml,
 * plan.yml, findings/, performance.xlsx, templates/), holding the bundled example so that it
 * builds at once; the council then replaces the example's plan, registers and export with its
 * own. Nothing is ever written into a folder that holds files.
 */
import path from 'node:path';
import type { Diagnostics } from '../diagnostics/index.js';
import { orReport, peekFolder, writeNewFolder, type OutputFile } from '../io/pack-folder.js';
import { pathInfo } from '../io/files.js';
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
  readonly schemas: ReadonlyMap<string, Uint8Array>;
}): OutputFile[] {
  const text = (s: string) => new TextEncoder().encode(s);
  const config = own.config.split(EXAMPLE).join('');
  const files: OutputFile[] = [{ name: 'config.yml', bytes: text(config) }];
  for (const [rel, bytes] of own.example) {
    // The script that made the example's workbook is the project's, not a council's.
    if (rel.endsWith('.mjs')) continue;
    // The editor's schema comment, pointed at the schemas/ of the new folder.
    const depth = rel.split('/').length - 1;
    const yml = rel.endsWith('.yml')
      ? text(new TextDecoder().decode(bytes).replace(/(\$schema=)(?:\.\.\/)+schemas\//, `$1${'../'.repeat(depth)}schemas/`))
      : bytes;
    files.push({ name: rel, bytes: yml });
  }
  for (const [rel, bytes] of own.templates) files.push({ name: `templates/${rel}`, bytes });
  for (const [rel, bytes] of own.schemas) files.push({ name: `schemas/${rel}`, bytes });
  return files;
}

export interface InitResult {
  readonly dir: string;
  readonly files: readonly string[];
}

export function initFolder(dir: string, diags: Diagnostics): InitResult | undefined {
  // As mkdir without -p: a mistyped path (~/Documnets/council) must not grow a tree of folders.
  const parent = path.dirname(dir);
  const above = pathInfo(path.resolve(parent));
  if (above?.kind !== 'folder') {
    diags.report('init-parent-missing', `${parent} ${above ? 'is not a folder' : 'does not exist'}, so ${dir} cannot be made in it`, {
      place: { file: dir },
      hint: above ? 'name a folder inside a folder' : `check the path; if it is right, make ${parent} first (mkdir -p)`,
    });
    return undefined;
  }
  const there = orReport(diags, 'file-unreadable', () => peekFolder(dir));
  if (!there) return undefined;
  if (there.state === 'blocked') {
    diags.report('pack-path-blocked', `${dir} is ${there.what}, where the new working folder goes`, {
      place: { file: dir },
      hint: 'name a folder that does not exist yet (or an empty one)',
    });
    return undefined;
  }
  // Hidden entries (.git after `git init`, .DS_Store) are a folder's own, and none is written.
  const visible = there.state === 'folder' ? there.names.filter((n) => !n.startsWith('.')).sort() : [];
  if (visible.length > 0) {
    diags.report(
      'init-folder-not-empty',
      `${dir} already holds ${visible.length === 1 ? visible[0] : `${visible.length} files and folders`}; init writes only into a new or empty folder`,
      {
        place: { file: dir },
        hint: 'name a new folder, such as boardpack init my-council',
      },
    );
    return undefined;
  }
  const root = packageRoot();
  const files = starterFiles({
    config: new TextDecoder().decode(readOwnFile('config.yml')),
    example: readOwnTree(path.join(root, EXAMPLE)),
    templates: readOwnTree(path.join(root, 'templates')),
    schemas: readOwnTree(path.join(root, 'schemas')),
  });
  return orReport(diags, 'pack-write-failed', () => {
    writeNewFolder(dir, files);
    return { dir, files: files.map((f) => f.name) };
  });
}
