/**
 * The hostile corpus (issue 11): every case run through the command line, as `npm run hostile`
 * does, and held to what it must do.
 */
import { describe, expect, it } from 'vitest';
import { CASES } from './cases.js';
import { runCase } from './harness.js';

describe.concurrent('hostile inputs', () => {
  for (const c of CASES) {
    it(`${c.id} (${c.area})`, async () => {
      const r = await runCase(c);
      expect(r.problems, `first line: ${r.firstLine}`).toEqual([]);
    }, (c.timeoutMs ?? 120_000) + 60_000);
  }
});
