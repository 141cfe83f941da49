/**
 * The bundled example, built once for the whole test run (vitest globalSetup) into a folder of
 * its own: the tests that only read the pack share it, rather than each building it again.
 */
import type { TestProject } from 'vitest/node';
import { build } from '../../src/pipeline/build.js';
import { workspace } from './workspace.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Working folder of the example, built: packs/2026-10 holds its pack. Read it, never write. */
    exampleDir: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const w = workspace();
  const result = await build({ configPath: w.config });
  if (result.diagnostics.errorCount > 0) throw new Error(`the bundled example does not build: ${result.diagnostics.errorCount} errors`);
  project.provide('exampleDir', w.dir);
}
