import { describe, expect, it } from 'vitest';
import { headlineChange } from '@/components/MilestoneBanner';
import { buildPrompts, type PromptPerson } from '@/lib/domain/prompts';
import { milestonePromptKey } from '@/lib/ui/milestone-dismissals';

const T = 1_700_000_000_000;

describe('milestonePromptKey', () => {
  it('is the key the popup gives the headline change the banner shows, so one dismissal hides both', () => {
    const history = [
      { headline: 'Engineer at A', seenAt: T - 5 * 86_400_000 },
      { headline: 'Director at B', seenAt: T - 86_400_000 },
    ];
    const jane: PromptPerson = {
      id: 'jane',
      name: 'Jane Doe',
      tags: { interests: [], goals: [], expertise: [], tools: [] },
      closeness: 0.8,
      metAt: null,
      tieOverride: null,
      cadenceDays: null,
      snoozedUntil: null,
      archived: false,
      identities: [{ network: 'linkedin', handle: 'jane', url: '', headlineHistory: history }],
      interactions: [],
      links: [],
    };
    const input = { people: [jane], states: [], focus: { interests: [], goals: [] }, flagged: [] };
    const prompt = buildPrompts(input, T).find((p) => p.kind === 'acknowledge-success');
    const change = headlineChange(history);
    expect(change).not.toBeNull();
    const key = milestonePromptKey('jane', 'linkedin', change?.seenAt ?? 0);
    expect(prompt?.key).toBe(key);
    // Dismissed under that key, the popup no longer offers it either.
    const states = [{ key, status: 'dismissed' as const }];
    expect(buildPrompts({ ...input, states }, T).some((p) => p.kind === 'acknowledge-success')).toBe(false);
  });
});
