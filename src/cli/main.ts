#!/usr/bin/env node
/** The boardpack command: the command line of run.ts on this process's arguments and streams. */
import { run } from './run.js';

// `boardpack list | head`: a reader that stops reading is not an error of boardpack's.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}
process.exitCode = await run(process.argv, { stdout: process.stdout, stderr: process.stderr });
