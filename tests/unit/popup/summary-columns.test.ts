// The popup's summary reads everyone's follow-ups, ties and validity times from columns it keeps along a
// run's lineage (lib/services/popup-columns.ts), computing again only the rows a kept run replaced. Over
// random writes, each summary must equal the one of a full run at the same time, which starts a lineage
// of its own and so computes every row.

import { describe, expect, it } from 'vitest';
import { promptRun } from '@/lib/domain/prompts/prompt-run';
import { summarize } from '@/lib/services/popup';
import { randomSteps } from '../domain/prompts/random-writes';

describe('the popup summary along a lineage of kept runs', () => {
  it.each([1, 2, 3])(
    'equals the summary of a full run after random writes (seed %i)',
    (seed) => {
      let patched = 0;
      let first = true;
      randomSteps(seed, 100, ({ input, now, run, last }) => {
        // The starting run is summarized once, as the popup does, so its lineage has columns to patch.
        if (first) summarize(last);
        first = false;
        if (run.lineage === last.lineage) patched += 1;
        // The full run first: it must not disturb the kept lineage's columns either.
        const full = summarize(promptRun(input, now));
        expect(summarize(run)).toEqual(full);
      });
      // Most steps went through the kept columns, not a lineage of their own.
      expect(patched).toBeGreaterThan(60);
    },
    30_000,
  );
});
