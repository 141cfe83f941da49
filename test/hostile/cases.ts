/**
 * The hostile corpus of issue 11: what a careless or unlucky user types, each case an edit of
 * the bundled example (big inputs are generated when the case runs), with what boardpack must
 * do about it. Run them with `npm run hostile`; hostile.test.ts runs them in `npm test`.
 */
import type { HostileCase } from './harness.js';
import { packsWellFormed } from './harness.js';

export const CASES: HostileCase[] = [
  {
    id: 'example',
    area: 'messages',
    was: 'the baseline: the bundled example, untouched',
    exit: 0,
    output: [/^wrote packs\/2026-10\/$/m],
    check: (w) => packsWellFormed(w),
  },
];
