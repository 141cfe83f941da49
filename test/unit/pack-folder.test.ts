/** The output folder's lock, and writing a pack folder that is complete or absent. */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockOutput, PackFolderError, removeLeftovers, writePackFolder } from '../../src/io/pack-folder.js';

const fresh = () => mkdtempSync(path.join(tmpdir(), 'boardpack-pack-'));
const files = [
  { name: 'a.docx', bytes: new Uint8Array([1]) },
  { name: 'manifest.json', bytes: new Uint8Array([2]) },
];

describe('the output folder lock', () => {
  it('makes a second build wait, tells it once, and lets it in when the first is done', async () => {
    const out = path.join(fresh(), 'packs');
    const release = await lockOutput(out);
    const told: string[] = [];
    const second = lockOutput(out, { waitMs: 5000, onWait: (m) => told.push(m) });
    await new Promise((r) => setTimeout(r, 400));
    release();
    const releaseSecond = await second;
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(new RegExp(`is being written by the build \\(process ${process.pid} on .+\\); waiting for it to finish$`));
    releaseSecond();
    expect(readdirSync(out)).toEqual([]);
  });

  it('gives up after a while, naming the holder and the lock file', async () => {
    const out = path.join(fresh(), 'packs');
    const release = await lockOutput(out);
    await expect(lockOutput(out, { waitMs: 300 })).rejects.toThrow(new RegExp(`is locked by the build \\(process ${process.pid} `));
    release();
  });

  it('takes over a lock left by a process that no longer runs', async () => {
    const out = path.join(fresh(), 'packs');
    mkdirSync(out);
    const { hostname } = await import('node:os');
    writeFileSync(path.join(out, '.boardpack.lock'), JSON.stringify({ pid: 999_999, host: hostname(), started: 'then' }));
    const release = await lockOutput(out, { waitMs: 300 });
    release();
  });
});

describe('writing a pack folder', () => {
  it('writes under a name of its own, then renames, leaving nothing else', () => {
    const out = fresh();
    writePackFolder(path.join(out, '2026-10'), files);
    expect(readdirSync(out)).toEqual(['2026-10']);
    expect(readdirSync(path.join(out, '2026-10')).sort()).toEqual(['a.docx', 'manifest.json']);
  });

  it('looks at the final name again before the rename, and never replaces what is there', () => {
    const out = fresh();
    mkdirSync(path.join(out, '2026-10'));
    expect(() => writePackFolder(path.join(out, '2026-10'), files)).toThrow(PackFolderError);
    expect(() => writePackFolder(path.join(out, '2026-10'), files)).toThrow(/appeared while the pack was being written \(a folder\)/);
    expect(readdirSync(out)).toEqual(['2026-10']);
    expect(readdirSync(path.join(out, '2026-10'))).toEqual([]);
  });

  it('removes the temporary folders killed builds left, and nothing else', () => {
    const out = fresh();
    for (const d of ['.2026-10.partial-123-abcd0123', '.2026-10.partial', '2026-09', '.git']) mkdirSync(path.join(out, d));
    writeFileSync(path.join(out, 'README.md'), 'x');
    removeLeftovers(out);
    expect(readdirSync(out).sort()).toEqual(['.git', '2026-09', 'README.md']);
    expect(existsSync(path.join(out, '.2026-10.partial'))).toBe(false);
  });
});
