import { describe, expect, it } from 'vitest';
import { buildPrompts } from '@/lib/domain/prompts';
import { toPromptPerson } from '@/lib/services/digests';
import { EMPTY_FOCUS, getPopupData, RUN_KEPT_MS, toPromptState } from '@/lib/services/popup';
import { useTestDatabase } from '../services/helpers';
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
  it('is computed at the last computation’s time within RUN_KEPT_MS, and equals a full computation', async () => {
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

  it('is computed at the clock’s time once RUN_KEPT_MS has passed', async () => {
    await seedPrompts(db());
    await getPopupData(db(), NOW, { tabProfile: null });
    await log(db(), 'ana', NOW + RUN_KEPT_MS, 'message', 'me');
    const after = await getPopupData(db(), NOW + RUN_KEPT_MS, { tabProfile: null });
    expect(after.computedAt).toBe(NOW + RUN_KEPT_MS);
    expect(shown(after.prompts)).toEqual(shown(await fullComputation(NOW + RUN_KEPT_MS)));
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
