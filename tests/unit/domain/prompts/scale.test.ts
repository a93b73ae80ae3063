// 10,000 people with 10 interactions each: the popup's worst case. Only the shape is checked here; the
// timing lives in build-prompts.bench.ts, since timings in unit tests are flaky on shared machines.

import { describe, expect, it } from 'vitest';
import { BANDS, buildPrompts } from '../../../../lib/domain/prompts';
import { largeInput, NOW } from './fixtures';

describe('buildPrompts at scale', () => {
  it('handles 10,000 people with 10 interactions each', () => {
    const data = largeInput(10_000, 10);
    const prompts = buildPrompts(data, NOW);
    expect(prompts.length).toBeGreaterThan(1000);
    expect(new Set(prompts.map((p) => p.key)).size).toBe(prompts.length);
    const hidden = new Set(
      data.people.filter((p) => p.archived || (p.snoozedUntil ?? 0) > NOW).map((p) => p.id),
    );
    // One assertion over all prompts: thousands of expect calls would cost more than the code under test.
    const malformed = prompts.filter(
      (p) =>
        p.personIds.some((id) => hidden.has(id)) ||
        p.score < 10 * BANDS[p.kind] ||
        p.score > 10 * BANDS[p.kind] + 9 ||
        p.reason === '' ||
        p.draft === '' ||
        !Number.isFinite(p.dueAt),
    );
    expect(malformed).toEqual([]);
    expect(new Set(prompts.map((p) => p.kind)).size).toBe(6);
    expect(buildPrompts(data, NOW, { limit: 20 })).toEqual(prompts.slice(0, 20));
  }, 60_000); // generous: CI machines are shared; the benchmark is where speed is measured
});
