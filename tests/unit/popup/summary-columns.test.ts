// The popup's summary reads everyone's follow-ups, ties and validity times from columns it keeps along a
// run's lineage (lib/services/popup-columns.ts), computing again only the rows a kept run replaced. Over
// random writes, each summary must equal the one of a full run at the same time, which starts a lineage
// of its own and so computes every row.

import { describe, expect, it } from 'vitest';
import type { PromptInput } from '@/lib/domain/prompts';
import { promptRun } from '@/lib/domain/prompts/prompt-run';
import { summarize } from '@/lib/services/popup';
import { seededRandom } from '../../fixtures/seeded-random';
import { DAY, NOW } from '../domain/prompts/fixtures';
import { fewTopicsInput, type Write, writes } from '../domain/prompts/random-writes';

describe('the popup summary along a lineage of kept runs', () => {
  it.each([1, 2, 3])(
    'equals the summary of a full run after random writes (seed %i)',
    (seed) => {
      const random = seededRandom(seed);
      let input: PromptInput = fewTopicsInput(seed);
      let now = NOW;
      let run = promptRun(input, now);
      summarize(run);
      const { common, rare } = writes(random);
      let patched = 0;
      for (let step = 0; step < 100; step += 1) {
        if (random() < 0.05) now += Math.floor(random() * 3) * DAY;
        const write =
          random() < 0.08
            ? (rare[Math.floor(random() * rare.length)] as Write)
            : (common[Math.floor(random() * common.length)] as Write);
        input = write(input, run, now);
        const last = run;
        run = promptRun(input, now, last);
        if (run.lineage === last.lineage) patched += 1;
        // The full run first: it must not disturb the kept lineage's columns either.
        const full = summarize(promptRun(input, now));
        expect(summarize(run)).toEqual(full);
      }
      // Most steps went through the kept columns, not a lineage of their own.
      expect(patched).toBeGreaterThan(60);
    },
    30_000,
  );
});
