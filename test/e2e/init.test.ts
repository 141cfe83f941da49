/** `boardpack init`: a new working folder, laid out as a council keeps one, that builds at once. */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { Diagnostics } from '../../src/diagnostics/index.js';
import { build } from '../../src/pipeline/build.js';
import { initFolder } from '../../src/pipeline/init.js';

describe('boardpack init', () => {
  it('makes config.yml, plan.yml, findings/, performance.xlsx and templates/, which build the example pack', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'boardpack-init-')), 'council');
    const d = new Diagnostics();
    const made = initFolder(dir, d);
    expect(d.all).toEqual([]);
    expect(made?.files).toEqual(
      expect.arrayContaining([
        'config.yml',
        'plan.yml',
        'performance.xlsx',
        'findings/ilacs-2025.yml',
        'templates/scrutiny-committee/body.hbs',
      ]),
    );
    expect(made?.files.some((f) => f.startsWith('examples/') || f.endsWith('.mjs'))).toBe(false);
    // Editors find the schemas the files name.
    expect(readFileSync(path.join(dir, 'findings/ilacs-2025.yml'), 'utf8')).toMatch(
      /^# yaml-language-server: \$schema=\.\.\/schemas\/findings\.schema\.json$/m,
    );
    expect(existsSync(path.join(dir, 'schemas/findings.schema.json'))).toBe(true);
    const config = readFileSync(path.join(dir, 'config.yml'), 'utf8');
    expect(config).toMatch(/^plan: plan\.yml$/m);
    expect(config).not.toContain('examples/');

    const r = await build({ configPath: path.join(dir, 'config.yml') });
    expect(r.diagnostics.errorCount).toBe(0);
    // The same reports as the bundled example: only where the inputs sit differs (the manifest).
    const example = path.join(inject('exampleDir'), 'packs/2026-10');
    for (const f of ['improvement-board-2026-10.docx', 'scrutiny-committee-2026-10.docx']) {
      expect(readFileSync(path.join(dir, 'packs/2026-10', f)).equals(readFileSync(path.join(example, f)))).toBe(true);
    }
  });

  it('writes into an empty folder or one holding only hidden entries (.git), never into one holding a file or onto a file', () => {
    const base = mkdtempSync(path.join(tmpdir(), 'boardpack-init-'));
    const empty = path.join(base, 'empty');
    mkdirSync(empty);
    expect(initFolder(empty, new Diagnostics())).toBeDefined();
    expect(existsSync(path.join(empty, 'plan.yml'))).toBe(true);
    const repo = path.join(base, 'repo');
    mkdirSync(path.join(repo, '.git'), { recursive: true });
    writeFileSync(path.join(repo, '.git', 'HEAD'), 'ref: refs/heads/main');
    expect(initFolder(repo, new Diagnostics())).toBeDefined();
    expect(readFileSync(path.join(repo, '.git', 'HEAD'), 'utf8')).toBe('ref: refs/heads/main');
    expect(existsSync(path.join(repo, 'config.yml'))).toBe(true);

    const used = path.join(base, 'used');
    mkdirSync(used);
    writeFileSync(path.join(used, 'notes.txt'), 'mine');
    const d = new Diagnostics();
    expect(initFolder(used, d)).toBeUndefined();
    expect(d.all.map((x) => x.code)).toEqual(['init-folder-not-empty']);
    expect(existsSync(path.join(used, 'config.yml'))).toBe(false);

    const onFile = new Diagnostics();
    expect(initFolder(path.join(used, 'notes.txt'), onFile)).toBeUndefined();
    expect(onFile.all.map((x) => x.code)).toEqual(['pack-path-blocked']);
  });

  it('makes one folder, not the missing folders above it (a mistyped path), and not inside a file', () => {
    const base = mkdtempSync(path.join(tmpdir(), 'boardpack-init-'));
    const d = new Diagnostics();
    expect(initFolder(path.join(base, 'Documnets', 'council'), d)).toBeUndefined();
    expect(d.all.map((x) => x.code)).toEqual(['init-parent-missing']);
    expect(d.all[0]!.message).toBe(
      `${path.join(base, 'Documnets')} does not exist, so ${path.join(base, 'Documnets', 'council')} cannot be made in it`,
    );
    expect(existsSync(path.join(base, 'Documnets'))).toBe(false);

    writeFileSync(path.join(base, 'a-file'), '');
    const inFile = new Diagnostics();
    expect(initFolder(path.join(base, 'a-file', 'council'), inFile)).toBeUndefined();
    expect(inFile.all.map((x) => `${x.code}: ${x.message}`)).toEqual([
      `init-parent-missing: ${path.join(base, 'a-file')} is not a folder, so ${path.join(base, 'a-file', 'council')} cannot be made in it`,
    ]);
  });
});
