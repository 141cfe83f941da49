/**
 * One temporary folder for the whole test run (vitest globalSetup), removed at its end. Every
 * workspace, stand-in LibreOffice and conversion of the run goes in it, as they all ask
 * os.tmpdir(), which reads TMPDIR; the test processes start after this and inherit it. Without
 * it, each run left some forty folders behind: 20,000 of them, 22 GB, after a few days.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const before = process.env['TMPDIR'];
  const dir = mkdtempSync(path.join(tmpdir(), 'boardpack-tests-'));
  process.env['TMPDIR'] = dir;
  return () => {
    if (before === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = before;
    rmSync(dir, { recursive: true, force: true });
  };
}
