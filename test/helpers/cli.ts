/**
 * The command line run in this process, in a given working folder, as a user runs it there:
 * its exit code and what it printed. A real process costs a second of module loading a run;
 * the few tests that need one (exit status of the process, another time zone) still spawn it.
 * It changes the process's working folder, which vitest's forks pool allows (threads do not);
 * the tests of a worker run one at a time, so no other test sees the change.
 */
import { run } from '../../src/cli/run.js';

export interface CliRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function cli(cwd: string, ...args: string[]): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const before = process.cwd();
  process.chdir(cwd);
  try {
    const status = await run(['node', 'boardpack', ...args], {
      stdout: { write: (t: string) => stdout.push(t) },
      stderr: { write: (t: string) => stderr.push(t) },
    });
    return { status, stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    process.chdir(before);
  }
}
