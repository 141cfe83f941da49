/**
 * Every installed package runs on the Node the project says it needs (package.json engines):
 * npm ci must not warn EBADENGINE. docx 9.15.2 declares nanoid 6 (Node 22 and up) although it
 * bundles its own copy; package.json overrides it with nanoid 5, which supports Node 20.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/workspace.js';

type V = [number, number, number];
const parse = (s: string): V => {
  const [a = 0, b = 0, c = 0] = s
    .replace(/^[=v]+/, '')
    .split('.')
    .map((x) => Number.parseInt(x, 10) || 0);
  return [a, b, c];
};
const cmp = (x: V, y: V) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2];

/** A small reading of npm's ranges: `||` of space-separated comparators (>=, >, <=, <, ^, ~, =). */
function satisfies(version: string, range: string): boolean {
  const v = parse(version);
  return range.split('||').some((part) =>
    part
      .trim()
      .replace(/([<>=^~]+)\s+/g, '$1')
      .split(/\s+/)
      .filter(Boolean)
      .every((c) => {
        if (c === '*' || c === 'x') return true;
        const m = /^(>=|<=|>|<|\^|~|=)?(.+)$/.exec(c)!;
        const op = m[1] ?? '=';
        const w = parse(m[2]!);
        const d = cmp(v, w);
        if (op === '>=') return d >= 0;
        if (op === '>') return d > 0;
        if (op === '<=') return d <= 0;
        if (op === '<') return d < 0;
        if (op === '^') return d >= 0 && v[0] === w[0];
        if (op === '~') return d >= 0 && v[0] === w[0] && v[1] === w[1];
        return m[2]!.split('.').length < 3 ? v[0] === w[0] : d === 0;
      }),
  );
}

describe('the Node version the project supports', () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
  const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { engines?: { node?: string }; dev?: boolean }>;
  };
  const lowest = pkg.engines.node.replace(/^>=\s*/, '');

  it('reads ranges as npm does', () => {
    expect(satisfies('20.19.0', '^18 || >=20')).toBe(true);
    expect(satisfies('20.19.0', '^22 || ^24 || >=26')).toBe(false);
    expect(satisfies('20.19.0', '^20.19.0 || >=22.12.0')).toBe(true);
    expect(satisfies('20.0.0', '>= 0.4')).toBe(true);
  });

  it('is supported by every package the product installs', () => {
    const refusing = Object.entries(lock.packages)
      .filter(
        ([name, p]) =>
          name && !p.dev && p.engines?.node && !satisfies(lowest.split('.').length < 3 ? `${lowest}.0.0` : lowest, p.engines.node),
      )
      .map(([name, p]) => `${name} needs node ${p.engines!.node}`);
    expect(refusing).toEqual([]);
  });
});
