import { describe, expect, it } from 'vitest';
import { RapportDatabase } from '@/lib/db/database';
import { buildPrompts } from '@/lib/domain/prompts';
import { toPromptPerson } from '@/lib/services/digests';
import { logInteraction } from '@/lib/services/interactions';
import { CACHE_MAX_AGE_MS, EMPTY_FOCUS, getPopupData, toPromptState } from '@/lib/services/popup';
import { testClock, useTestDatabase } from '../services/helpers';
import { DAY, log, NOW, person, seedPrompts } from './seed';

// Right after a write the popup keeps the last run of the prompts (prompt-run.ts) and its time, so it
// recomputes only the people the write changed; the answer must still be the full computation's.

const db = useTestDatabase();
const SECOND = 1000;
const shown = (prompts: { key: string; reason: string; draft: string }[]) =>
  prompts.map(({ key, reason, draft }) => ({ key, reason, draft }));

async function fullComputation(at: number) {
  const people = (await db().digests.toArray()).map(toPromptPerson);
  const states = (await db().promptStates.toArray()).map(toPromptState);
  return buildPrompts({ people, states, focus: EMPTY_FOCUS, flagged: [] }, at);
}

describe('the popup right after a write', () => {
  it('is computed at the last computation’s time shortly after it, and equals a full computation', async () => {
    await seedPrompts(db());
    await getPopupData(db(), NOW, { tabProfile: null });
    await log(db(), 'ana', NOW + 10 * SECOND, 'question-answered', 'me');
    await log(db(), 'carl', NOW + 15 * SECOND, 'question-asked', 'them', 'Coffee soon?');
    const after = await getPopupData(db(), NOW + 20 * SECOND, { tabProfile: null });
    expect(after.computedAt).toBe(NOW);
    expect(after.prompts.some((p) => p.key.startsWith('reply-acknowledge:ana'))).toBe(false);
    expect(after.prompts.some((p) => p.key.startsWith('reply-acknowledge:carl'))).toBe(true);
    expect(shown(after.prompts)).toEqual(shown(await fullComputation(NOW)));
  });

  it('keeps the run as long as a stored answer may be shown: a write 50 minutes later is still computed at its time', async () => {
    await seedPrompts(db());
    await getPopupData(db(), NOW, { tabProfile: null });
    const later = NOW + 50 * 60 * SECOND;
    await log(db(), 'carl', later, 'question-asked', 'them', 'Coffee soon?');
    const after = await getPopupData(db(), later + SECOND, { tabProfile: null });
    expect(after.computedAt).toBe(NOW);
    expect(after.prompts.some((p) => p.key.startsWith('reply-acknowledge:carl'))).toBe(true);
    expect(shown(after.prompts)).toEqual(shown(await fullComputation(NOW)));
  });

  it('gives the whole answer a store that never kept a run gives at that time: prompts, follow-ups, counts', async () => {
    await seedPrompts(db());
    await person(db(), 'eve', 'Eve Ekwueme', { cadenceDays: 30 });
    await person(db(), 'finn', 'Finn Foster', { cadenceDays: 7 });
    await log(db(), 'eve', NOW - 25 * DAY, 'message', 'me');
    await log(db(), 'finn', NOW - 20 * DAY, 'meeting', 'mutual');
    // The same rows in a second store, which computes only once, after the writes.
    const fresh = new RapportDatabase(`fresh-${crypto.randomUUID()}`);
    await fresh.open();
    try {
      for (const table of db().tables) await fresh.table(table.name).bulkPut(await table.toArray());
      const before = await getPopupData(db(), NOW, { tabProfile: null });
      const writes = [
        {
          id: 'w1',
          personId: 'eve',
          at: NOW + 5 * SECOND,
          kind: 'message' as const,
          direction: 'them' as const,
        },
        {
          id: 'w2',
          personId: 'finn',
          at: NOW + 6 * SECOND,
          kind: 'comment' as const,
          direction: 'me' as const,
        },
        {
          id: 'w3',
          personId: 'ana',
          at: NOW + 7 * SECOND,
          kind: 'question-answered' as const,
          direction: 'me' as const,
        },
      ];
      for (const store of [db(), fresh]) {
        for (const write of writes) {
          await logInteraction(
            store,
            { ...write, channel: 'linkedin', text: null, sourceUrl: null },
            testClock(write.at),
          );
        }
      }
      const kept = await getPopupData(db(), NOW + 20 * SECOND, { tabProfile: null });
      const full = await getPopupData(fresh, NOW, { tabProfile: null });
      expect(kept.computedAt).toBe(NOW);
      // Eve (every 30 days) was due in 5 days and now in 30, past the 14 shown; Finn (every 7) was
      // overdue and is now due in a week.
      const upcoming = (data: typeof kept) => data.upcoming.map((entry) => entry.personId);
      expect(upcoming(before)).toContain('eve');
      expect(upcoming(before)).not.toContain('finn');
      expect(upcoming(kept)).toContain('finn');
      expect(upcoming(kept)).not.toContain('eve');
      expect({ prompts: kept.prompts, upcoming: kept.upcoming, counts: kept.counts }).toEqual({
        prompts: full.prompts,
        upcoming: full.upcoming,
        counts: full.counts,
      });
    } finally {
      await fresh.delete();
    }
  });

  it('is computed at the clock’s time once the run is as old as a stored answer may be (CACHE_MAX_AGE_MS)', async () => {
    await seedPrompts(db());
    await getPopupData(db(), NOW, { tabProfile: null });
    await log(db(), 'ana', NOW + CACHE_MAX_AGE_MS, 'message', 'me');
    const after = await getPopupData(db(), NOW + CACHE_MAX_AGE_MS, { tabProfile: null });
    expect(after.computedAt).toBe(NOW + CACHE_MAX_AGE_MS);
    expect(shown(after.prompts)).toEqual(shown(await fullComputation(NOW + CACHE_MAX_AGE_MS)));
  });

  it('is computed at the clock’s time when a prompt fell due since the last computation', async () => {
    await seedPrompts(db());
    await person(db(), 'eve', 'Eve', { cadenceDays: 30 });
    const dueAt = NOW + 30 * SECOND;
    await log(db(), 'eve', dueAt - 30 * DAY, 'message', 'me');
    const before = await getPopupData(db(), NOW, { tabProfile: null });
    expect(before.prompts.some((p) => p.key === `reconnect:eve:${dueAt}`)).toBe(false);
    await log(db(), 'ana', NOW + 40 * SECOND, 'message', 'me');
    const after = await getPopupData(db(), NOW + 45 * SECOND, { tabProfile: null });
    expect(after.computedAt).toBe(NOW + 45 * SECOND);
    expect(after.prompts.some((p) => p.key === `reconnect:eve:${dueAt}`)).toBe(true);
  });
});
