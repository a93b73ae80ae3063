import { describe, expect, it, vi } from 'vitest';
import { responses } from '@/lib/protocol/responses';
import { eraseEverything } from '@/lib/services/data';
import { addLink } from '@/lib/services/links';
import { saveNote } from '@/lib/services/notes';
import { addPerson, archivePerson, updatePerson } from '@/lib/services/people';
import { getPersonStanding } from '@/lib/services/person-view';
import { inputsVersion } from '@/lib/services/popup-cache';
import { actOnPrompt } from '@/lib/services/prompt-actions';
import { digest, snapshot, T0, testClock, useTestDatabase } from './helpers';

const getDb = useTestDatabase();
const clock = testClock();

async function person(id: string, patch: Parameters<typeof updatePerson>[1]['patch'] = {}) {
  await addPerson(getDb(), { personId: id, snapshot: snapshot(id, `Person ${id}`) }, clock);
  if (Object.keys(patch).length > 0) await updatePerson(getDb(), { personId: id, patch }, clock);
}

async function standing(id: string) {
  const value = await getPersonStanding(getDb(), id, T0);
  // Every answer fits the message's response schema (bounded, strict).
  expect(responses.getPersonStanding().safeParse(value).success).toBe(true);
  return value;
}

describe('getPersonStanding', () => {
  it('ranks everyone by tie strength into Dunbar layers: 5 innermost, then 15', async () => {
    // Seven people: the closest six fill the 5 layer and start the 15; the one not rated comes last.
    for (const [index, id] of ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'].entries())
      await person(id, { closeness: 1 - index * 0.1 });
    await person('p7');
    expect(await standing('p1')).toMatchObject({ layer: 5, rank: 1, ranked: 7 });
    expect(await standing('p5')).toMatchObject({ layer: 5, rank: 5 });
    expect(await standing('p7')).toMatchObject({ layer: 15, rank: 7 });
    // Archived people are not ranked, and no longer count among the others.
    await archivePerson(getDb(), 'p7', true, clock);
    expect(await standing('p7')).toMatchObject({ layer: null, rank: null, ranked: 6 });
  });

  it('names who else has each of their tags, strongest ties first, archived people left out', async () => {
    await person('jane', { interests: ['Climbing', 'Chess'], goals: ['Hiring engineers'] });
    await person('rahul', { interests: ['climbing'], closeness: 0.2 });
    await person('zoe', { expertise: ['CLIMBING'], closeness: 0.9 });
    await person('old', { interests: ['Climbing', 'Chess'] });
    await archivePerson(getDb(), 'old', true, clock);
    const { shared } = await standing('jane');
    expect(shared).toEqual([
      {
        tag: 'Climbing',
        count: 2,
        people: [
          { id: 'zoe', name: 'Person zoe', url: 'https://www.linkedin.com/in/zoe/' },
          { id: 'rahul', name: 'Person rahul', url: 'https://www.linkedin.com/in/rahul/' },
        ],
      },
    ]);
  });

  it('counts each person once per topic however often they spell it, and shows the five strongest', async () => {
    await person('jane', { interests: ['Rust'] });
    // Seven others carry the topic; one of them three times, in three kinds and spellings.
    await person('twice', { interests: ['rust'], expertise: ['RUST'], tools: ['Rust '], closeness: 0.1 });
    for (const [index, id] of ['a', 'b', 'c', 'd', 'e', 'f'].entries())
      await person(id, { interests: ['Rust'], closeness: 0.9 - index * 0.1 });
    const { shared } = await standing('jane');
    expect(shared).toHaveLength(1);
    expect(shared[0]?.count).toBe(7);
    // The five strongest ties, strongest first; the weakest, who carries it three times, is not among them.
    expect(shared[0]?.people.map((p) => p.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('suggests the best introduction that includes them, with its reason, until they are linked', async () => {
    await person('jane', { goals: ['Hiring engineers'], closeness: 0.8 });
    await person('rahul', { goals: ['hiring engineers'], closeness: 0.7 });
    await person('zoe', { goals: ['Hiring engineers'], closeness: 0.3 });
    // Rahul and Zoe share the goal too, but only pairs with Jane are offered on Jane's page.
    const first = (await standing('jane')).introduction;
    expect(first).toMatchObject({ kind: 'introduce', personIds: ['jane', 'rahul'] });
    expect(first?.reason).toBe(
      'Person jane and Person rahul both care about Hiring engineers and are not connected yet',
    );
    expect(first?.people.map((p) => p.name)).toEqual(['Person jane', 'Person rahul']);
    await addLink(getDb(), { fromId: 'rahul', kind: 'knows', toId: 'jane' }, clock);
    expect((await standing('jane')).introduction?.personIds).toEqual(['jane', 'zoe']);
    await addLink(getDb(), { fromId: 'jane', kind: 'works-with', toId: 'zoe' }, clock);
    expect((await standing('jane')).introduction).toBeNull();
  });

  it('ranks introductions with the user’s focus, as the popup does', async () => {
    await person('jane', { interests: ['Climbing'], goals: ['Hiring'], closeness: 0.9 });
    // Equally close: without focus the tie goes to the key order (rahul < zoe); focus on hiring tips it.
    await person('rahul', { interests: ['climbing'], closeness: 0.6 });
    await person('zoe', { goals: ['hiring'], closeness: 0.6 });
    expect((await standing('jane')).introduction?.personIds).toEqual(['jane', 'rahul']);
    const focused = await getPersonStanding(getDb(), 'jane', T0, { interests: [], goals: ['Hiring'] });
    expect(focused.introduction?.personIds).toEqual(['jane', 'zoe']);
  });

  it('lists their prompts the user put away, and leaves out other people’s', async () => {
    await person('jane');
    await person('rahul');
    const dismiss = (key: string, personId: string) =>
      actOnPrompt(
        getDb(),
        {
          key,
          kind: 'acknowledge-success',
          personIds: [personId],
          network: 'linkedin',
          action: 'dismiss',
          until: null,
          text: null,
          interactionId: null,
        },
        clock,
      );
    await dismiss('acknowledge-success:jane:headline:linkedin:123', 'jane');
    await dismiss('acknowledge-success:rahul:headline:linkedin:456', 'rahul');
    expect((await standing('jane')).hiddenPrompts).toEqual([
      'acknowledge-success:jane:headline:linkedin:123',
    ]);
  });

  it('refuses an unknown person and changes nothing', async () => {
    await person('jane');
    await getPersonStanding(getDb(), 'jane', T0);
    const before = await digest(getDb());
    await expect(getPersonStanding(getDb(), 'nobody', T0)).rejects.toThrow('nobody is not in Rapport');
    expect(await digest(getDb())).toBe(before);
  });
});

describe('everyone’s standing, kept between reads', () => {
  // Each computation over everyone reads every prompt state once (the digests come from the worker's
  // copy, digest-mirror.ts, so they are no longer read each time).
  const computations = () => {
    const spy = vi.spyOn(getDb().promptStates, 'toArray');
    return () => spy.mock.calls.length;
  };

  it('is computed once while nothing the scores read changes, a note included', async () => {
    await person('jane', { interests: ['chess'] });
    await person('rahul', { interests: ['chess'] });
    const reads = computations();
    const first = await standing('jane');
    await saveNote(
      getDb(),
      { ref: { network: 'linkedin', id: 'jane' }, snapshot: null, noteId: 'n1', text: 'Plays on Sundays' },
      clock,
    );
    expect(await standing('jane')).toEqual(first);
    expect(await standing('rahul')).toMatchObject({ ranked: 2 });
    expect(reads()).toBe(1);
  });

  it('is computed again after a write the scores read, a new minute, or another focus', async () => {
    await person('jane', { interests: ['chess'] });
    await person('rahul');
    const reads = computations();
    expect((await standing('jane')).shared).toEqual([]);
    await updatePerson(getDb(), { personId: 'rahul', patch: { interests: ['Chess'] } }, clock);
    expect((await standing('jane')).shared.map((tag) => tag.count)).toEqual([1]);
    expect(reads()).toBe(2);
    await getPersonStanding(getDb(), 'jane', T0 + 60_000);
    await getPersonStanding(getDb(), 'jane', T0 + 60_000, { interests: ['chess'], goals: [] });
    expect(reads()).toBe(4);
  });

  it('never outlives an erase', async () => {
    await person('jane', { interests: ['chess'] });
    await person('rahul', { interests: ['chess'] });
    expect((await standing('jane')).ranked).toBe(2);
    const version = () => getDb().transaction('r', getDb().popupCache, () => inputsVersion(getDb()));
    const before = await version();
    await eraseEverything(getDb());
    // The version the kept computation is matched on only goes up, so no count of later writes can
    // bring it back to a number it had before the erase.
    expect(await version()).toBeGreaterThan(before);
    await person('jane', { interests: ['chess'] });
    expect((await standing('jane')).ranked).toBe(1);
  });
});
