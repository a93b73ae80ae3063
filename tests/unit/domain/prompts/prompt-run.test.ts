// The kept run (prompt-run.ts) must give exactly what a full run gives, whatever the writes in between:
// random sequences of the writes the popup sees (logged interactions, prompt states, a person's own
// fields) mixed with the ones that start over (tags, names, links, archive, snooze, someone added, the
// clock), each checked against a run from scratch and against buildPrompts.

import { describe, expect, it } from 'vitest';
import type { PromptInput } from '@/lib/domain/prompts';
import { buildPrompts } from '@/lib/domain/prompts';
import { promptRun } from '@/lib/domain/prompts/prompt-run';
import { seededRandom } from '../../../fixtures/seeded-random';
import { DAY, NOW } from './fixtures';
import { fewTopicsInput, type Write, writes } from './random-writes';

describe('promptRun', () => {
  it.each([1, 2, 3, 4])(
    'equals a full run after random writes (seed %i)',
    (seed) => {
      const random = seededRandom(seed);
      let input: PromptInput = fewTopicsInput(seed);
      let now = NOW;
      let run = promptRun(input, now);
      const { common, rare } = writes(random);
      let kept = 0;
      for (let step = 0; step < 120; step += 1) {
        if (random() < 0.05) now += Math.floor(random() * 3) * DAY;
        const write =
          random() < 0.08
            ? (rare[Math.floor(random() * rare.length)] as Write)
            : (common[Math.floor(random() * common.length)] as Write);
        input = write(input, run, now);
        const last = run;
        run = promptRun(input, now, last);
        // The topic index is carried over only when the run was not started over.
        if (run.index.labels === last.index.labels) kept += 1;
        const full = promptRun(input, now);
        expect(run.prompts).toEqual(full.prompts);
        expect(run.ctx.active).toEqual(full.ctx.active);
        expect(run.prompts).toEqual(buildPrompts(input, now));
      }
      expect(kept).toBeGreaterThan(80);
    },
    30_000,
  ); // a full run for each step: generous on a shared machine
});
