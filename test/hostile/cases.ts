/**
 * The hostile corpus of issue 11: what a careless or unlucky user types, each case an edit of
 * the bundled example (big inputs are generated when the case runs), with what boardpack must
 * do about it. Run them with `npm run hostile`; hostile.test.ts runs them in `npm test`.
 */
import type { HostileCase } from './harness.js';
import { packsWellFormed } from './harness.js';
import { generateSheet } from './xlsx.js';

export const CASES: HostileCase[] = [
  {
    id: 'example',
    area: 'messages',
    was: 'the baseline: the bundled example, untouched',
    exit: 0,
    output: [/^wrote packs\/2026-10\/$/m],
    check: (w) => packsWellFormed(w),
  },

  // ---- limits
  {
    id: 'million-junk-rows',
    area: 'limits',
    was: 'a 1,000,000-row sheet of junk prints 1,000,005 warnings (258 MB) where a count and the first few would do',
    slow: true,
    setup: (w) => {
      generateSheet(w, (own, push) => {
        own.forEach(push);
        for (let r = 21; r < 1_000_021; r++) push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>JUNK${r}</t></is></c><c r="D${r}"><v>${r % 97}</v></c></row>`);
      });
    },
    exit: 0,
    output: [/Scorecard!A21 warning: indicator "JUNK21" is not in the indicator catalogue/, /^ {2}and 999,980 more like this \[indicator-not-in-catalogue\]$/m, /^1,000,00\d warnings$|\d errors?, 1,000,00\d warnings/m],
    check: (_w, o) => {
      const lines = `${o.stderr}${o.stdout}`.split('\n').length;
      return lines > 120 ? [`prints ${lines} lines`] : [];
    },
  },
];
