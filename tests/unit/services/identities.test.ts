import { describe, expect, it } from 'vitest';
import { HEADLINE_HISTORY_MAX } from '@/lib/db/rows';
import { linkIdentity, recordSighting, SIGHTING_REFRESH_MS } from '@/lib/services/identities';
import { addPerson } from '@/lib/services/people';
import { digest, snapshot, T0, testClock, useTestDatabase } from './helpers';

const getDb = useTestDatabase();
const janeOnX = { network: 'x', id: 'janedoe' } as const;

async function addJane() {
  return addPerson(
    getDb(),
    { personId: 'jane', snapshot: snapshot('jane-doe', 'Jane Doe', 'Engineer') },
    testClock(),
  );
}

describe('linkIdentity', () => {
  it('attaches another profile to an existing person, named from its snapshot', async () => {
    await addJane();
    const xSnapshot = {
      ...janeOnX,
      url: 'https://x.com/janedoe',
      name: 'Jane',
      headline: 'bio',
      avatarUrl: null,
    };
    const identity = await linkIdentity(
      getDb(),
      { ref: janeOnX, snapshot: xSnapshot, personId: 'jane' },
      testClock(),
    );
    expect(identity).toMatchObject({
      network: 'x',
      handle: 'janedoe',
      personId: 'jane',
      lastSeenName: 'Jane',
    });
    expect(await getDb().identities.where('personId').equals('jane').count()).toBe(2);
    // A retry is harmless.
    await linkIdentity(getDb(), { ref: janeOnX, snapshot: null, personId: 'jane' }, testClock());
    expect(await getDb().identities.count()).toBe(2);
  });

  it('refuses a profile that belongs to someone else, and an unknown person', async () => {
    await addJane();
    await addPerson(getDb(), { personId: 'rahul', snapshot: snapshot('rahul', 'Rahul') }, testClock());
    const before = await digest(getDb());
    const ref = { network: 'linkedin', id: 'rahul' } as const;
    await expect(
      linkIdentity(getDb(), { ref, snapshot: null, personId: 'jane' }, testClock()),
    ).rejects.toThrow(/merge/);
    await expect(
      linkIdentity(getDb(), { ref: janeOnX, snapshot: null, personId: 'ghost' }, testClock()),
    ).rejects.toThrow(/not in Rapport/);
    expect(await digest(getDb())).toBe(before);
  });
});

describe('recordSighting', () => {
  it('never creates anyone for an unknown profile', async () => {
    expect(await recordSighting(getDb(), snapshot('stranger', 'Stranger'), T0)).toBe(false);
    expect(await getDb().people.count()).toBe(0);
  });

  it('updates what was last seen and remembers headline changes, capped', async () => {
    await addJane();
    const db = getDb();
    expect((await db.identities.get(['linkedin', 'jane-doe']))?.headlineHistory).toEqual([
      { headline: 'Engineer', seenAt: T0 },
    ]);
    await recordSighting(db, snapshot('jane-doe', 'Jane D.', 'Engineering Manager'), T0 + 10);
    // A page that showed no headline keeps the old one and adds nothing to the history.
    await recordSighting(db, snapshot('jane-doe', null, null), T0 + SIGHTING_REFRESH_MS * 2);
    const row = await db.identities.get(['linkedin', 'jane-doe']);
    expect(row).toMatchObject({
      lastSeenName: 'Jane D.',
      lastSeenHeadline: 'Engineering Manager',
      lastSeenAt: T0 + SIGHTING_REFRESH_MS * 2,
    });
    expect(row?.headlineHistory.map((change) => change.headline)).toEqual([
      'Engineer',
      'Engineering Manager',
    ]);
    for (let i = 0; i < HEADLINE_HISTORY_MAX + 5; i += 1) {
      await recordSighting(db, snapshot('jane-doe', 'Jane', `Role ${i}`), T0 + 100 + i);
    }
    const history = (await db.identities.get(['linkedin', 'jane-doe']))?.headlineHistory ?? [];
    expect(history).toHaveLength(HEADLINE_HISTORY_MAX);
    expect(history.at(-1)).toEqual({ headline: `Role ${HEADLINE_HISTORY_MAX + 4}`, seenAt: T0 + 100 + 14 });
  });

  it('skips the write when nothing changed and it was seen recently', async () => {
    await addJane();
    const before = await digest(getDb());
    await recordSighting(getDb(), snapshot('jane-doe', 'Jane Doe', 'Engineer'), T0 + 1000);
    expect(await digest(getDb())).toBe(before);
  });
});
