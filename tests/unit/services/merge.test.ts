import { describe, expect, it } from 'vitest';
import type { RapportDatabase } from '@/lib/db/database';
import { linkIdentity } from '@/lib/services/identities';
import { logInteraction } from '@/lib/services/interactions';
import { addLink } from '@/lib/services/links';
import { mergePeople, splitIdentity } from '@/lib/services/merge';
import { saveNote } from '@/lib/services/notes';
import { addPerson, getPerson, updatePerson } from '@/lib/services/people';
import { counts, digest, snapshot, T0, testClock, useTestDatabase } from './helpers';

const getDb = useTestDatabase();

/** Jane twice (LinkedIn and X, added separately), Rahul and Zoe, with rows everywhere. */
async function seed(db: RapportDatabase) {
  const clock = testClock();
  await addPerson(db, { personId: 'jane', snapshot: snapshot('jane-doe', 'Jane Doe') }, clock);
  const onX = {
    network: 'x',
    id: 'janedoe',
    url: 'https://x.com/janedoe',
    name: 'Jane',
    headline: null,
    avatarUrl: null,
  } as const;
  await addPerson(db, { personId: 'jane2', snapshot: onX }, clock);
  await addPerson(db, { personId: 'rahul', snapshot: snapshot('rahul', 'Rahul') }, clock);
  await addPerson(db, { personId: 'zoe', snapshot: snapshot('zoe', 'Zoe') }, clock);
  await updatePerson(
    db,
    { personId: 'jane', patch: { interests: ['Hiring'], howWeMet: 'PyCon', metAt: T0 } },
    clock,
  );
  await updatePerson(
    db,
    {
      personId: 'jane2',
      patch: { interests: ['hiring', 'Chess'], tools: ['Figma'], closeness: 0.8, metAt: T0 - 5 },
    },
    clock,
  );
  await updatePerson(db, { personId: 'zoe', patch: { introducedBy: 'jane2' } }, clock);
  for (const [who, ref] of [
    ['jane', 'jane-doe'],
    ['jane2', 'janedoe'],
  ] as const) {
    const network = who === 'jane' ? 'linkedin' : 'x';
    await saveNote(db, { ref: { network, id: ref }, snapshot: null, noteId: `n-${who}`, text: who }, clock);
    const base = {
      personId: who,
      kind: 'message',
      direction: 'me',
      channel: 'linkedin',
      text: null,
      sourceUrl: null,
    } as const;
    await logInteraction(db, { ...base, id: `i-${who}`, at: T0 }, clock);
  }
  await addLink(db, { fromId: 'jane', kind: 'knows', toId: 'rahul' }, clock);
  await addLink(db, { fromId: 'rahul', kind: 'knows', toId: 'jane2' }, clock); // collapses with the one above
  await addLink(db, { fromId: 'jane2', kind: 'works-with', toId: 'zoe' }, clock);
  await addLink(db, { fromId: 'jane', kind: 'knows', toId: 'jane2' }, clock); // would point at itself
}

describe('mergePeople', () => {
  it('moves everything to the survivor, loses nothing, collapses duplicate links', async () => {
    const db = getDb();
    await seed(db);
    const before = await counts(db);
    const person = await mergePeople(db, { survivorId: 'jane', mergedId: 'jane2' }, testClock());
    expect(await counts(db)).toEqual({
      ...before,
      people: before.people - 1,
      links: before.links - 2, // the duplicate 'knows rahul' and the link between the two Janes
    });
    expect(await db.identities.where('personId').equals('jane').count()).toBe(2);
    expect(await db.notes.where('personId').equals('jane').count()).toBe(2);
    expect(await db.interactions.toArray()).toSatisfy((rows: { personId: string }[]) =>
      rows.every((row) => row.personId === 'jane'),
    );
    expect(person).toMatchObject({
      interests: ['Hiring', 'Chess'],
      tools: ['Figma'],
      closeness: 0.8,
      metAt: T0 - 5,
      howWeMet: 'PyCon',
    });
    expect((await getPerson(db, 'zoe'))?.introducedBy).toBe('jane');
    const links = await db.links.toArray();
    expect(links.map((link) => `${link.fromId} ${link.kind} ${link.toId}`).sort()).toEqual([
      'jane knows rahul',
      'jane works-with zoe',
    ]);
    expect(await db.people.get('jane2')).toBeUndefined();
  });

  it('changes nothing when either person is unknown or both are the same', async () => {
    const db = getDb();
    await seed(db);
    const before = await digest(db);
    // An unknown merged person reads as "merged already": a retry succeeds without writing.
    expect(await mergePeople(db, { survivorId: 'jane', mergedId: 'ghost' }, testClock())).toMatchObject({
      id: 'jane',
    });
    await expect(mergePeople(db, { survivorId: 'ghost', mergedId: 'jane' }, testClock())).rejects.toThrow();
    await expect(mergePeople(db, { survivorId: 'jane', mergedId: 'jane' }, testClock())).rejects.toThrow();
    expect(await digest(db)).toBe(before);
  });
});

describe('splitIdentity', () => {
  it('makes one profile a person of its own; notes and interactions stay; a retry is harmless', async () => {
    const db = getDb();
    await seed(db);
    await mergePeople(db, { survivorId: 'jane', mergedId: 'jane2' }, testClock());
    const before = await counts(db);
    const ref = { network: 'x', id: 'janedoe' } as const;
    const person = await splitIdentity(db, { ref, newPersonId: 'new-jane' }, testClock());
    expect(person).toMatchObject({ id: 'new-jane', name: 'Jane', interests: [] });
    await splitIdentity(db, { ref, newPersonId: 'new-jane' }, testClock());
    expect(await counts(db)).toEqual({ ...before, people: before.people + 1 });
    expect((await db.identities.get(['x', 'janedoe']))?.personId).toBe('new-jane');
    expect(await db.notes.where('personId').equals('jane').count()).toBe(2);
  });

  it("refuses to split a person's only profile, or onto an id in use", async () => {
    const db = getDb();
    await seed(db);
    await linkIdentity(
      db,
      { ref: { network: 'facebook', id: 'jd' }, snapshot: null, personId: 'jane' },
      testClock(),
    );
    const before = await digest(db);
    const ref = { network: 'linkedin', id: 'rahul' } as const;
    await expect(splitIdentity(db, { ref, newPersonId: 'r2' }, testClock())).rejects.toThrow(/only profile/);
    const janes = { network: 'linkedin', id: 'jane-doe' } as const;
    await expect(splitIdentity(db, { ref: janes, newPersonId: 'zoe' }, testClock())).rejects.toThrow(
      /already/,
    );
    expect(await digest(db)).toBe(before);
  });
});
