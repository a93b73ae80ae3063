import { describe, expect, it } from 'vitest';
import { dunbarLayers } from '@/lib/domain/dunbar';
import { buildPrompts } from '@/lib/domain/prompts';
import { buildContext } from '@/lib/domain/prompts/context';
import { toPromptPerson } from '@/lib/services/digests';
import { addLink } from '@/lib/services/links';
import { CACHE_MAX_AGE_MS, countDuePrompts, getPopupData, toPromptState } from '@/lib/services/popup';
import { currentGeneration, invalidateCached, storeCached } from '@/lib/services/popup-cache';
import { actOnPrompt } from '@/lib/services/prompt-actions';
import { searchAll } from '@/lib/services/search';
import { testClock, useTestDatabase } from '../services/helpers';
import { DAY, log, NOW, note, person, seedPrompts } from './seed';

const db = useTestDatabase();
const MINUTE = 60_000;
const keysAt = async (now: number) =>
  (await getPopupData(db(), now, { tabProfile: null })).prompts.map((p) => p.key);

describe('the stored popup answer', () => {
  it('is reused while nothing changed: the digests are not read again', async () => {
    await seedPrompts(db());
    const first = await getPopupData(db(), NOW, { tabProfile: null });
    // Digests are derived, so removing them behind the store's back is no write: only the cache can answer.
    await db().digests.clear();
    const again = await getPopupData(db(), NOW + MINUTE, { tabProfile: null });
    expect(again).toEqual(first);
    expect(first.prompts.length).toBeGreaterThan(0);
  });

  it('is dropped by any write, whoever made it: an answered question leaves the prompts', async () => {
    await seedPrompts(db());
    expect(await keysAt(NOW)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^reply-acknowledge:ana/)]),
    );
    await log(db(), 'ana', NOW - DAY, 'question-answered', 'me');
    expect((await keysAt(NOW)).some((key) => key.startsWith('reply-acknowledge:ana'))).toBe(false);
  });

  it('is kept by a write that changes nothing it shows (a note), while search finds the note at once', async () => {
    await seedPrompts(db());
    const first = await getPopupData(db(), NOW, { tabProfile: null });
    await note(db(), 'ana', 'Bakes sourdough on Sundays');
    const again = await getPopupData(db(), NOW + MINUTE, { tabProfile: null });
    // Not recomputed: the answer is the one computed at NOW.
    expect(again.computedAt).toBe(NOW);
    expect(again).toEqual(first);
    const found = await searchAll(
      db(),
      { query: 'sourdough', strength: 'any', network: null, includeArchived: false, limit: 10 },
      NOW,
    );
    expect(found.hits.map((hit) => hit.personId)).toEqual(['ana']);
  });

  it('is recomputed by a write that changes what it shows, even one about a person it does not list', async () => {
    await seedPrompts(db());
    await getPopupData(db(), NOW, { tabProfile: null });
    await person(db(), 'zed', 'Zed Zane', {});
    const again = await getPopupData(db(), NOW + MINUTE, { tabProfile: null });
    expect(again.computedAt).toBe(NOW + MINUTE);
    expect(again.counts.people).toBe((await db().people.count()) - again.counts.archived);
  });

  it('is dropped when a prompt is dismissed', async () => {
    await seedPrompts(db());
    const data = await getPopupData(db(), NOW, { tabProfile: null });
    const prompt = data.prompts[0];
    if (!prompt) throw new Error('no prompt');
    await actOnPrompt(
      db(),
      { ...prompt, action: 'dismiss', until: null, text: null, interactionId: null },
      testClock(NOW),
    );
    expect(await keysAt(NOW)).not.toContain(prompt.key);
    expect(await countDuePrompts(db(), NOW)).toBe(data.counts.dueToday - 1);
  });

  it('shows a prompt that falls due as time passes, at the moment it does', async () => {
    await person(db(), 'eve', 'Eve', { cadenceDays: 30 });
    const dueAt = NOW + 30 * MINUTE;
    await log(db(), 'eve', dueAt - 30 * DAY, 'message', 'me');
    const before = await getPopupData(db(), NOW, { tabProfile: null });
    expect(before.upcoming.map((u) => [u.personId, u.dueAt])).toEqual([['eve', dueAt]]);
    expect((await db().popupCache.get('popup'))?.value).toMatchObject({ value: { validUntil: dueAt } });
    // Still before: the stored answer (no reconnect yet).
    expect(await keysAt(dueAt - 1)).toEqual([]);
    expect(await keysAt(dueAt)).toEqual([`reconnect:eve:${dueAt}`]);
  });

  // Empties the digests under the stored answer, which stays: a recomputation shows nobody. Every real
  // digest write raises the generation, so this does too (the worker's copy of the digests follows it).
  const emptyDigestsUnderTheAnswer = () =>
    db().transaction('rw', db().digests, db().popupCache, async () => {
      await db().digests.clear();
      await invalidateCached(db(), false);
    });

  it('lives at most CACHE_MAX_AGE_MS when nothing falls due, and never for a clock set back', async () => {
    await seedPrompts(db());
    await getPopupData(db(), NOW, { tabProfile: null });
    await emptyDigestsUnderTheAnswer();
    // Recomputed from the (now empty) digests: nobody left.
    expect(await keysAt(NOW + CACHE_MAX_AGE_MS)).toEqual([]);
    await seedPrompts(db());
    await getPopupData(db(), NOW, { tabProfile: null });
    await emptyDigestsUnderTheAnswer();
    expect(await keysAt(NOW - 1)).toEqual([]);
  });

  it('is per focus: a new focus brings its ask-question prompts', async () => {
    await person(db(), 'gil', 'Gil', { interests: ['Rust'] });
    await log(db(), 'gil', NOW - 60 * DAY, 'message', 'me');
    const focus = { interests: ['rust'], goals: [] };
    expect(await countDuePrompts(db(), NOW)).toBe(0);
    const data = await getPopupData(db(), NOW, { tabProfile: null, focus });
    expect(data.prompts.map((p) => p.kind)).toEqual(['ask-question']);
    expect(await countDuePrompts(db(), NOW)).toBe(0);
  });

  it('is never stored over a newer state: a rebuild since the read refuses the store', async () => {
    await seedPrompts(db());
    await getPopupData(db(), NOW, { tabProfile: null });
    const generation = await db().transaction('r', db().popupCache, () => currentGeneration(db()));
    await db().transaction('rw', db().popupCache, () => invalidateCached(db()));
    const stale = { computedAt: NOW, validUntil: NOW + DAY, inputs: '' };
    expect(await storeCached(db(), generation, stale)).toBe(false);
    await log(db(), 'ana', NOW - DAY, 'message', 'me');
    expect(await storeCached(db(), generation + 1, stale)).toBe(false);
  });
});

describe("the tab's person from the stored answer", () => {
  it('has the tie, layer and top prompt that the computation over everyone gives', async () => {
    await seedPrompts(db());
    await person(db(), 'hal', 'Hal Hunt', { interests: ['Beekeeping', 'Climate'] });
    await person(db(), 'ivy', 'Ivy Ito', { interests: ['Beekeeping'], goals: ['Climate'] });
    await person(db(), 'jon', 'Jon Jones', { interests: ['Beekeeping'], archived: true });
    await log(db(), 'hal', NOW - 10 * DAY, 'message', 'mutual');
    await log(db(), 'ivy', NOW - 95 * DAY, 'meeting', 'me');
    await addLink(db(), { fromId: 'ana', kind: 'knows', toId: 'carl' }, testClock(NOW));
    await addLink(db(), { fromId: 'jon', kind: 'works-with', toId: 'ana' }, testClock(NOW));
    const focus = { interests: ['beekeeping'], goals: [] };
    await getPopupData(db(), NOW, { tabProfile: null, focus });

    const people = (await db().digests.toArray()).map(toPromptPerson);
    const states = (await db().promptStates.toArray()).map(toPromptState);
    const input = { people, states, focus, flagged: [] };
    const ctx = buildContext(input, NOW);
    const all = buildPrompts(input, NOW);
    const layers = dunbarLayers(ctx.active.map((f) => ({ id: f.person.id, score: f.tie.score })));
    expect(all.some((p) => p.kind === 'introduce')).toBe(true);
    for (const id of ['ana', 'carl', 'dee', 'hal', 'ivy', 'jon']) {
      const data = await getPopupData(db(), NOW, { tabProfile: { network: 'linkedin', id }, focus });
      const facts = ctx.active.find((f) => f.person.id === id);
      expect(data.tabPerson, id).toMatchObject({
        personId: id,
        strong: facts?.tie.strong ?? null,
        score: facts?.tie.score ?? null,
        layer: layers.get(id) ?? null,
      });
      expect(data.tabPerson?.topPrompt?.key ?? null, id).toBe(
        all.find((p) => p.personIds.includes(id))?.key ?? null,
      );
    }
  });
});
