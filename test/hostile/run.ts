/**
 * `npm run hostile [-- words...]`: runs every case of the hostile corpus (or those whose id
 * contains one of the words) through the command line and prints a table: the case, its exit
 * code, whether it was handled as issue 11 specifies, and the first line of its output. Exits 1
 * when any case is not handled.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CASES } from './cases.js';
import { runCase, type CaseResult } from './harness.js';

// Every case's working folder (and what the command lines it runs leave) in one temporary
// folder, removed when the runner exits, whatever happened: the cases ask os.tmpdir() when
// they run, which reads TMPDIR.
const temp = mkdtempSync(path.join(tmpdir(), 'boardpack-hostile-'));
process.env['TMPDIR'] = temp;
process.on('exit', () => rmSync(temp, { recursive: true, force: true }));

const words = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const jobs = Number(process.argv.find((a) => a.startsWith('--jobs='))?.slice(7) ?? 3);
const cases = CASES.filter((c) => words.length === 0 || words.some((w) => c.id.includes(w)));

const results: CaseResult[] = new Array(cases.length);
let next = 0;
async function worker(): Promise<void> {
  for (let i = next++; i < cases.length; i = next++) {
    const c = cases[i]!;
    try {
      results[i] = await runCase(c);
    } catch (e) {
      results[i] = { id: c.id, exit: null, firstLine: '', problems: [`the case itself failed: ${(e as Error).message}`], ms: 0 };
    }
    process.stderr.write(`${results[i]!.problems.length === 0 ? '.' : 'x'}`);
  }
}
await Promise.all(Array.from({ length: Math.max(1, jobs) }, worker));
process.stderr.write('\n');

const width = Math.max(4, ...cases.map((c) => c.id.length));
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const lines = [`${'case'.padEnd(width)}  area       exit  handled  first line of output`];
cases.forEach((c, i) => {
  const r = results[i]!;
  lines.push(
    `${c.id.padEnd(width)}  ${c.area.padEnd(9)}  ${String(r.exit ?? '-').padStart(4)}  ${r.problems.length === 0 ? 'yes    ' : 'NO     '}  ${clip(r.firstLine, 110)}`,
  );
  for (const p of r.problems) lines.push(`${''.padEnd(width)}  ${''.padEnd(9)}              ! ${p}`);
});
const handled = results.filter((r) => r.problems.length === 0).length;
lines.push('', `${cases.length} case${cases.length === 1 ? '' : 's'}: ${handled} handled as specified, ${cases.length - handled} not`);
process.stdout.write(`${lines.join('\n')}\n`);
process.exitCode = handled === cases.length ? 0 : 1;
