/**
 * The boundaries CONTRIBUTING.md describes, checked on every .ts file under src/: a stage
 * imports only from the stages before it, and only src/io touches the file system. Imports
 * are read with TypeScript's own pre-processor (static `import`/`export ... from`, side-effect
 * `import '...'`, dynamic `import('...')`, type-only imports too: a type from a later stage is
 * still a dependency on it), so comments and strings cannot hide or fake one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/workspace.js';

const SRC = path.join(ROOT, 'src');

/**
 * What each folder of src/ may import from src/ (besides itself). The foundation is layered
 * diagnostics < model < io, and imports nothing from the stages: diagnostics is self-contained;
 * model (the types every stage shares) may name a diagnostic Place; io (all file access) may use
 * both. The stages follow in pipeline order, each allowed everything before it. findings (the
 * Ofsted report importer) is an input-side branch: it may use the foundation and load, and only
 * pipeline and cli may use it.
 */
const FOUNDATION = ['diagnostics', 'model', 'io'] as const;
const LINE = ['1-load', '2-validate', '3-link', '4-compute', '5-compose', '6-render', '7-archive', 'pipeline', 'cli'] as const;
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  diagnostics: [],
  model: ['diagnostics'],
  io: ['diagnostics', 'model'],
  findings: [...FOUNDATION, '1-load'],
  ...Object.fromEntries(
    LINE.map((stage, i) => [stage, [...FOUNDATION, ...LINE.slice(0, i), ...(i >= LINE.indexOf('pipeline') ? ['findings'] : [])]]),
  ),
};

/**
 * Files of a later folder doing an earlier stage's work, held to that stage's rule.
 * load-inputs.ts is the load and validate steps run together (reading, then checking each
 * file): it must not reach forward into compose, whose template checks the pipeline runs.
 */
const FILE_STAGE: Readonly<Record<string, string>> = { 'src/pipeline/load-inputs.ts': '2-validate' };

/** Node's file-system modules: only src/io may import them. */
const FS_MODULES = new Set(['fs', 'node:fs', 'fs/promises', 'node:fs/promises']);
/**
 * Files outside src/io allowed to import a file-system module, each with its reason. None:
 * a stage that needs a file asks src/io.
 */
const FS_EXCEPTIONS: Readonly<Record<string, string>> = {};

interface Import {
  readonly file: string;
  readonly line: number;
  readonly specifier: string;
}

function tsFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

function importsOf(file: string): Import[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const info = ts.preProcessFile(text, true, true);
  const lines = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  return info.importedFiles.map((ref) => ({ file, line: lines.getLineAndCharacterOfPosition(ref.pos).line + 1, specifier: ref.fileName }));
}

/** The folder of src/ a file is in (src/3-link/knowledge/x.ts is in link). */
function stageOf(srcFile: string): string {
  return path.relative(SRC, srcFile).split(path.sep)[0]!;
}

const FILES = tsFilesUnder(SRC);
const IMPORTS = FILES.flatMap(importsOf);
const where = (i: Import) => `${i.file}:${i.line} imports '${i.specifier}'`;

describe('architecture', () => {
  it('finds the source and its imports', () => {
    expect(FILES.length).toBeGreaterThan(50);
    expect(IMPORTS.filter((i) => i.specifier.startsWith('.')).length).toBeGreaterThan(200);
  });

  it('every folder of src/ is a known stage', () => {
    const unknown = [...new Set(FILES.map((f) => stageOf(path.join(ROOT, f))))].filter((s) => !(s in ALLOWED));
    expect(unknown, 'place each new folder in ALLOWED, in pipeline order').toEqual([]);
  });

  it('a stage imports only from itself and the stages before it; src/ never imports from outside src/', () => {
    const wrong: string[] = [];
    for (const i of IMPORTS) {
      if (!i.specifier.startsWith('.')) continue;
      const target = path.resolve(path.dirname(path.join(ROOT, i.file)), i.specifier);
      if (path.relative(SRC, target).startsWith('..')) {
        wrong.push(`${where(i)}: outside src/`);
        continue;
      }
      const from = FILE_STAGE[i.file] ?? stageOf(path.join(ROOT, i.file));
      const to = stageOf(target);
      if (from !== to && !(ALLOWED[from] ?? []).includes(to)) {
        wrong.push(`${where(i)}: ${i.file in FILE_STAGE ? `${from} (the step this file does)` : from} may not import from ${to}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('only src/io imports the file system', () => {
    const wrong = IMPORTS.filter((i) => FS_MODULES.has(i.specifier) && !i.file.startsWith('src/io/') && !(i.file in FS_EXCEPTIONS)).map(
      (i) => `${where(i)}: file access belongs in src/io`,
    );
    expect(wrong).toEqual([]);
  });

  it('every listed exception is still needed', () => {
    const used = new Set(IMPORTS.filter((i) => FS_MODULES.has(i.specifier)).map((i) => i.file));
    expect(Object.keys(FS_EXCEPTIONS).filter((f) => !used.has(f))).toEqual([]);
  });
});
