import { describe, expect, it, vi } from 'vitest';
import { LOAD_DELAY_MS } from '@/lib/db/profile-owners';
import { eraseEverything } from '@/lib/services/data/erase';
import { newIdentityRow, recordSighting } from '@/lib/services/identities';
import { mergePeople, splitIdentity } from '@/lib/services/merge';
import { addPerson, deletePerson } from '@/lib/services/people';
import { getPersonView } from '@/lib/services/person-view';
import { snapshot, T0, testClock, useTestDatabase } from '../services/helpers';

const getDb = useTestDatabase();
const owners = () => getDb().owners;

async function add(personId: string, handle: string) {
  await addPerson(getDb(), { personId, snapshot: snapshot(handle, `Name of ${handle}`) }, testClock());
}

/** What the store itself says, to hold the copy against. */
async function storeSays(handle: string): Promise<string | null> {
  return (await getDb().identities.get(['linkedin', handle]))?.personId ?? null;
}

describe('the profile owners kept in worker memory', () => {
  it('answers nothing until loaded, then every profile, and nobody for an unknown one', async () => {
    await add('jane', 'jane-doe');
    expect(owners().lookup('linkedin', 'jane-doe')).toBeUndefined();
    await owners().load();
    expect(owners().lookup('linkedin', 'jane-doe')).toBe('jane');
    expect(owners().lookup('linkedin', 'someone-else')).toBeNull();
    // The network is part of the key.
    expect(owners().lookup('x', 'jane-doe')).toBeNull();
  });

  it('loads by itself, a little after the first lookup', async () => {
    await add('jane', 'jane-doe');
    const asked = Date.now();
    expect(owners().lookup('linkedin', 'jane-doe')).toBeUndefined();
    await vi.waitFor(() => expect(owners().loaded).toBe(true), { timeout: LOAD_DELAY_MS * 10 });
    expect(Date.now() - asked).toBeGreaterThanOrEqual(LOAD_DELAY_MS - 5);
    expect(owners().lookup('linkedin', 'jane-doe')).toBe('jane');
  });

  it('reads a store larger than one chunk of the load in full', async () => {
    const rows = Array.from({ length: 12_345 }, (_, index) =>
      newIdentityRow({ network: 'x', id: `h${index}` }, null, `p${index % 100}`, T0),
    );
    await getDb().identities.bulkAdd(rows);
    await owners().load();
    expect(owners().lookup('x', 'h0')).toBe('p0');
    expect(owners().lookup('x', 'h5000')).toBe('p0');
    expect(owners().lookup('x', 'h12344')).toBe('p44');
    expect(owners().lookup('x', 'h12345')).toBeNull();
  });

  it('follows every committed write: a new profile, a merge, a split, a deletion', async () => {
    await owners().load();
    await add('jane', 'jane-doe');
    await add('janet', 'janet-d');
    expect(owners().lookup('linkedin', 'jane-doe')).toBe('jane');
    await mergePeople(getDb(), { survivorId: 'jane', mergedId: 'janet' }, testClock());
    expect(owners().lookup('linkedin', 'janet-d')).toBe('jane');
    await splitIdentity(
      getDb(),
      { ref: { network: 'linkedin', id: 'janet-d' }, newPersonId: 'j2' },
      testClock(),
    );
    expect(owners().lookup('linkedin', 'janet-d')).toBe('j2');
    await deletePerson(getDb(), 'jane');
    expect(owners().lookup('linkedin', 'jane-doe')).toBeNull();
    for (const handle of ['jane-doe', 'janet-d']) {
      expect(owners().lookup('linkedin', handle)).toBe(await storeSays(handle));
    }
  });

  it('keeps nothing of a transaction that aborted', async () => {
    await owners().load();
    const db = getDb();
    await expect(
      db.transaction('rw', db.people, db.identities, async () => {
        await addPerson(db, { personId: 'jane', snapshot: snapshot('jane-doe', 'Jane') }, testClock());
        throw new Error('the rest of the write failed');
      }),
    ).rejects.toThrow('the rest of the write failed');
    expect(await storeSays('jane-doe')).toBeNull();
    expect(owners().lookup('linkedin', 'jane-doe')).toBeNull();
  });

  it('keeps only the rows a write stored when some of them failed', async () => {
    await add('jane', 'jane-doe');
    await owners().load();
    const db = getDb();
    await db.transaction('rw', db.identities, async () => {
      const rows = [
        newIdentityRow({ network: 'linkedin', id: 'jane-doe' }, null, 'someone-else', T0),
        newIdentityRow({ network: 'linkedin', id: 'new-one' }, null, 'new', T0),
      ];
      // The first is refused (the profile is Jane's already); the transaction goes on and commits.
      await db.identities.bulkAdd(rows).catch(() => undefined);
    });
    expect(await storeSays('jane-doe')).toBe('jane');
    expect(owners().lookup('linkedin', 'jane-doe')).toBe('jane');
    expect(owners().lookup('linkedin', 'new-one')).toBe(await storeSays('new-one'));
    expect(owners().lookup('linkedin', 'new-one')).toBe('new');
  });

  it('answers nothing while a write to identities is under way, and the write once it committed', async () => {
    await owners().load();
    const db = getDb();
    const during: unknown[] = [];
    await db.transaction('rw', db.people, db.identities, async () => {
      during.push(owners().lookup('linkedin', 'jane-doe'));
      await addPerson(db, { personId: 'jane', snapshot: snapshot('jane-doe', 'Jane') }, testClock());
      during.push(owners().lookup('linkedin', 'jane-doe'));
    });
    expect(during).toEqual([undefined, undefined]);
    expect(owners().lookup('linkedin', 'jane-doe')).toBe('jane');
  });

  it('drops a load that a committed write overtook, and a later load is exact', async () => {
    const db = getDb();
    // The write's transaction is made first, so the load's read runs after it commits.
    const write = addPerson(db, { personId: 'jane', snapshot: snapshot('jane-doe', 'Jane') }, testClock());
    const load = owners().load();
    await Promise.all([write, load]);
    expect(owners().loaded).toBe(false);
    await owners().load();
    expect(owners().lookup('linkedin', 'jane-doe')).toBe('jane');
  });

  it('forgets everything when the store is erased, until loaded again', async () => {
    await add('jane', 'jane-doe');
    await owners().load();
    await eraseEverything(getDb());
    expect(owners().lookup('linkedin', 'jane-doe')).toBeUndefined();
    await owners().load();
    expect(owners().lookup('linkedin', 'jane-doe')).toBeNull();
  });

  it('gives the same person view and sightings whether loaded or not', async () => {
    const db = getDb();
    await add('jane', 'jane-doe');
    const clock = testClock();
    const jane = { network: 'linkedin', id: 'jane-doe' } as const;
    const nobody = { network: 'linkedin', id: 'nobody' } as const;
    const fromStore = [await getPersonView(db, jane, clock), await getPersonView(db, nobody, clock)];
    await owners().load();
    expect([await getPersonView(db, jane, clock), await getPersonView(db, nobody, clock)]).toEqual(fromStore);
    expect(await recordSighting(db, snapshot('nobody', 'No One'), T0)).toBe(false);
    expect(await recordSighting(db, snapshot('jane-doe', 'Jane D.'), T0)).toBe(true);
    expect((await db.identities.get(['linkedin', 'jane-doe']))?.lastSeenName).toBe('Jane D.');
    expect(await db.identities.get(['linkedin', 'nobody'])).toBeUndefined();
  });
});
