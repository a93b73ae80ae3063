// The kept run (prompt-run.ts) must give exactly what a full run gives, whatever the writes in between:
// random sequences of the writes the popup sees (logged interactions, prompt states, a person's own
// fields) mixed with the ones that start over (tags, names, links, archive, snooze, someone added, the
// clock), each checked against a run from scratch and against buildPrompts.

import { describe, expect, it } from 'vitest';
import { buildPrompts } from '@/lib/domain/prompts';
import { promptRun } from '@/lib/domain/prompts/prompt-run';
import { randomSteps } from './random-writes';

describe('promptRun', () => {
  it.each([1, 2, 3, 4])(
    'equals a full run after random writes (seed %i)',
    (seed) => {
      let kept = 0;
      randomSteps(seed, 120, ({ input, now, run, last }) => {
        // The topic index is carried over only when the run was not started over.
        if (run.index.labels === last.index.labels) kept += 1;
        const full = promptRun(input, now);
        expect(run.prompts).toEqual(full.prompts);
        expect(run.ctx.active).toEqual(full.ctx.active);
        expect(run.prompts).toEqual(buildPrompts(input, now));
      });
      expect(kept).toBeGreaterThan(80);
    },
    30_000,
  ); // a full run for each step: generous on a shared machine
});
