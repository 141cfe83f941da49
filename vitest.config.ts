import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

const shared = { testTimeout: 60_000, hookTimeout: 120_000 };

export default defineConfig({
  test: {
    // One test thread a core (vitest leaves one core to itself by default, which on a two-core
    // machine runs the files one at a time; its own thread is mostly idle).
    maxWorkers: availableParallelism(),
    projects: [
      {
        test: {
          ...shared,
          name: 'boardpack',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.isolated.test.ts', 'test/**/*.libreoffice.test.ts'],
          // One worker per core, each importing the modules once for all its files: the stages are
          // pure, and a build's worker threads are kept between builds (chart-pool.ts), so files
          // share them rather than each paying for vega again. Processes rather than threads, so
          // that test/helpers/cli.ts can run the command line in a working folder (process.chdir).
          pool: 'forks',
          isolate: false,
          // The run's temporary folder, then the example pack, built once for the tests that only read it.
          globalSetup: ['test/helpers/temp-folder.ts', 'test/helpers/example-pack.ts'],
        },
      },
      {
        // Real LibreOffice conversions (npm run test:pdf, and .ci/run): a quarter of the suite's
        // CPU time for one file, so kept out of `npm test`, which must stay quick.
        test: {
          ...shared,
          name: 'libreoffice',
          include: ['test/**/*.libreoffice.test.ts'],
          pool: 'forks',
          globalSetup: ['test/helpers/temp-folder.ts', 'test/helpers/example-pack.ts'],
        },
      },
      {
        // Tests that replace a module (vi.mock) need modules of their own.
        test: {
          ...shared,
          name: 'isolated',
          include: ['test/**/*.isolated.test.ts'],
          pool: 'threads',
          isolate: true,
          globalSetup: ['test/helpers/temp-folder.ts'],
        },
      },
    ],
  },
});
