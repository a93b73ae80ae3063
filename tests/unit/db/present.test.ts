import { describe, expect, it } from 'vitest';
import { bulkGetPresent } from '@/lib/db/present';
import type { IdentityRow } from '@/lib/db/rows';
import { T0, useTestDatabase } from '../services/helpers';

const db = useTestDatabase();
const note = (id: string) => ({ id, personId: 'p', text: id, createdAt: T0, updatedAt: T0 });
const identity = (handle: string): IdentityRow => ({
  network: 'linkedin',
  handle,
  personId: 'p',
  url: `https://www.linkedin.com/in/${handle}/`,
  lastSeenName: null,
  lastSeenHeadline: null,
  lastSeenAvatarUrl: null,
  lastSeenAt: T0,
  headlineHistory: [],
});

describe('bulkGetPresent answers as bulkGet does', () => {
  it('on an empty table, on a table with fewer rows than asked for, and with more', async () => {
    const asked = ['a', 'missing', 'b', 'a'];
    expect(await bulkGetPresent(db().notes, asked)).toEqual([undefined, undefined, undefined, undefined]);
    await db().notes.bulkPut([note('a'), note('b')]);
    // Two rows, four keys asked: the keys are listed first.
    expect(await bulkGetPresent(db().notes, asked)).toEqual(await db().notes.bulkGet(asked));
    expect(await bulkGetPresent(db().notes, asked)).toEqual([note('a'), undefined, note('b'), note('a')]);
    await db().notes.bulkPut(['c', 'd', 'e'].map(note));
    // More rows than keys asked: a plain bulkGet.
    expect(await bulkGetPresent(db().notes, ['e', 'x'])).toEqual([note('e'), undefined]);
    expect(await bulkGetPresent(db().notes, [])).toEqual([]);
  });

  it('with compound keys', async () => {
    await db().identities.bulkPut([identity('jane'), identity('rahul')]);
    const asked: [string, string][] = [
      ['linkedin', 'jane'],
      ['x', 'jane'],
      ['linkedin', 'ada'],
      ['linkedin', 'rahul'],
      ['linkedin', 'nobody'],
    ];
    expect(await bulkGetPresent(db().identities, asked)).toEqual(await db().identities.bulkGet(asked));
    expect((await bulkGetPresent(db().identities, asked)).map((row) => row?.handle ?? null)).toEqual([
      'jane',
      null,
      null,
      'rahul',
      null,
    ]);
  });
});
