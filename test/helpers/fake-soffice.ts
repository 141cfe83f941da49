/** A stand-in for LibreOffice's soffice: a shell script that answers --version and otherwise runs `body`. */
import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function fakeSoffice(dir: string, name: string, version: string, body: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, `#!/bin/sh\nif [ "$1" = "--version" ]; then echo "${version}"; exit 0; fi\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}
