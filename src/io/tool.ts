import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** boardpack's own folder (the checkout, or where npm installed it): its templates and example. */
export const packageRoot = (): string => fileURLToPath(new URL('../../', import.meta.url));

/** A file of boardpack's own, by its path inside the package. */
export const readOwnFile = (rel: string): Uint8Array => readFileSync(path.join(packageRoot(), rel));

/** Every file under `dir` (a folder of boardpack's own), by path inside it with "/", sorted. */
export function readOwnTree(dir: string): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  const walk = (sub: string) => {
    for (const e of readdirSync(path.join(dir, sub), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const rel = sub ? `${sub}/${e.name}` : e.name;
      if (e.isDirectory()) walk(rel);
      else if (e.isFile()) out.set(rel, readFileSync(path.join(dir, rel)));
    }
  };
  walk('');
  return out;
}

/** The version in package.json, recorded in every manifest. */
export function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
