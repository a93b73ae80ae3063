import { describe, expect, it } from 'vitest';
import type { InteractionInput } from '@/lib/protocol/types';
import {
  deleteInteraction,
  listInteractions,
  logInteraction,
  updateInteraction,
} from '@/lib/services/interactions';
import { addLink, removeLink, whoKnows } from '@/lib/services/links';
import { addPerson } from '@/lib/services/people';
import { digest, snapshot, T0, testClock, useTestDatabase } from './helpers';

const getDb = useTestDatabase();

async function addPeople(...ids: string[]) {
  for (const id of ids)
    await addPerson(getDb(), { personId: id, snapshot: snapshot(id, id.toUpperCase()) }, testClock());
}

function interaction(id: string, at: number, personId = 'jane'): InteractionInput {
  return {
    id,
    personId,
    at,
    kind: 'message',
    direction: 'me',
    channel: 'linkedin',
    text: null,
    sourceUrl: null,
  };
}

describe('interactions', () => {
  it('logs idempotently by client id, lists newest first, pages with before', async () => {
    await addPeople('jane', 'rahul');
    const db = getDb();
    const clock = testClock();
    for (const [id, at] of [
      ['a', T0 + 1],
      ['b', T0 + 3],
      ['c', T0 + 2],
    ] as const) {
      await logInteraction(db, interaction(id, at), clock);
    }
    await logInteraction(db, interaction('a', T0 + 1), clock);
    await logInteraction(db, interaction('r', T0 + 9, 'rahul'), clock);
    const ids = async (before: number | null, limit = 10) =>
      (await listInteractions(db, { personId: 'jane', before, limit })).map((row) => row.id);
    expect(await ids(null)).toEqual(['b', 'c', 'a']);
    expect(await ids(null, 2)).toEqual(['b', 'c']);
    expect(await ids(T0 + 2)).toEqual(['a']);
  });

  it('edits only the patched fields, deletes, and refuses to move an id to someone else', async () => {
    await addPeople('jane', 'rahul');
    const db = getDb();
    const clock = testClock();
    await logInteraction(db, { ...interaction('a', T0), text: 'hello' }, clock);
    clock.advance(10);
    const edited = await updateInteraction(
      db,
      { id: 'a', patch: { kind: 'call', direction: 'them' } },
      clock,
    );
    expect(edited).toMatchObject({
      kind: 'call',
      direction: 'them',
      text: 'hello',
      createdAt: T0,
      updatedAt: T0 + 10,
    });
    const before = await digest(db);
    await expect(logInteraction(db, interaction('a', T0, 'rahul'), clock)).rejects.toThrow(/someone else/);
    await expect(logInteraction(db, interaction('z', T0, 'ghost'), clock)).rejects.toThrow(/not in Rapport/);
    await expect(updateInteraction(db, { id: 'zz', patch: {} }, clock)).rejects.toThrow(/not in Rapport/);
    expect(await digest(db)).toBe(before);
    expect(await deleteInteraction(db, 'a')).toBe(true);
    expect(await deleteInteraction(db, 'a')).toBe(false);
  });
});

describe('links', () => {
  it('collapses a symmetric link given either way round, and answers who knows someone', async () => {
    await addPeople('jane', 'rahul', 'zoe');
    const db = getDb();
    const clock = testClock();
    await addLink(db, { fromId: 'rahul', kind: 'knows', toId: 'jane' }, clock);
    await addLink(db, { fromId: 'jane', kind: 'knows', toId: 'rahul' }, clock);
    await addLink(db, { fromId: 'zoe', kind: 'introduced-me-to', toId: 'jane' }, clock);
    await addLink(db, { fromId: 'jane', kind: 'introduced-me-to', toId: 'zoe' }, clock);
    expect(await db.links.count()).toBe(3);
    const knowsJane = await whoKnows(db, 'jane');
    expect(knowsJane.map((view) => [view.other.id, view.link.kind])).toEqual([
      ['rahul', 'knows'],
      ['zoe', 'introduced-me-to'],
      ['zoe', 'introduced-me-to'],
    ]);
    expect(await removeLink(db, { fromId: 'jane', kind: 'knows', toId: 'rahul' })).toBe(true);
    expect(await removeLink(db, { fromId: 'jane', kind: 'knows', toId: 'rahul' })).toBe(false);
    expect((await whoKnows(db, 'rahul')).length).toBe(0);
  });

  it('refuses a link to oneself or to someone unknown', async () => {
    await addPeople('jane');
    await expect(
      addLink(getDb(), { fromId: 'jane', kind: 'knows', toId: 'jane' }, testClock()),
    ).rejects.toThrow();
    await expect(addLink(getDb(), { fromId: 'jane', kind: 'knows', toId: 'x' }, testClock())).rejects.toThrow(
      /not in Rapport/,
    );
    expect(await getDb().links.count()).toBe(0);
  });
});
