import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RapportDatabase } from '@/lib/db/database';
import { linkRow, newPersonRow, withDerivedKeys } from '@/lib/db/derive';
import { LINK_KINDS } from '@/lib/db/rows';
import { mergePeople } from '@/lib/services/merge';
import { counts, orphans, T0, testClock } from './helpers';

// Any store, any two people: a merge keeps every note, interaction and identity, and the links are exactly
// the old ones renamed, with self-links dropped and duplicates collapsed.

const PEOPLE = ['a', 'b', 'c', 'd', 'e'];
const person = fc.constantFrom(...PEOPLE);
const store = fc.record({
  tags: fc.array(fc.array(fc.constantFrom('Rust', 'rust', 'Go', 'Hiring'), { maxLength: 3 }), {
    minLength: PEOPLE.length,
    maxLength: PEOPLE.length,
  }),
  identities: fc.uniqueArray(
    fc.tuple(fc.constantFrom('linkedin', 'x'), fc.string({ minLength: 1, maxLength: 5 }), person),
    {
      selector: ([network, handle]) => `${network}:${handle}`,
      maxLength: 8,
    },
  ),
  notes: fc.array(person, { maxLength: 6 }),
  interactions: fc.array(person, { maxLength: 6 }),
  links: fc.array(fc.tuple(person, fc.constantFrom(...LINK_KINDS), person), { maxLength: 10 }),
  pair: fc.uniqueArray(person, { minLength: 2, maxLength: 2 }),
});

const linkId = (fromId: string, kind: (typeof LINK_KINDS)[number], toId: string) => {
  const row = linkRow(fromId, kind, toId, 0);
  return `${row.fromId} ${row.kind} ${row.toId}`;
};

describe('mergePeople, for any store', () => {
  it('loses nothing and collapses links exactly', async () => {
    await fc.assert(
      fc.asyncProperty(store, async (s) => {
        const db = new RapportDatabase(`test-${crypto.randomUUID()}`);
        try {
          await db.people.bulkAdd(
            PEOPLE.map((id, i) =>
              withDerivedKeys({ ...newPersonRow(id, `Person ${id}`, T0), interests: s.tags[i] ?? [] }),
            ),
          );
          await db.identities.bulkAdd(
            s.identities.map(([network, handle, personId]) => ({
              network,
              handle,
              personId,
              url: 'https://example.com/',
              lastSeenName: null,
              lastSeenHeadline: null,
              lastSeenAvatarUrl: null,
              lastSeenAt: T0,
              headlineHistory: [],
            })),
          );
          await db.notes.bulkAdd(
            s.notes.map((personId, i) => ({ id: `n${i}`, personId, text: '', createdAt: T0, updatedAt: T0 })),
          );
          await db.interactions.bulkAdd(
            s.interactions.map((personId, i) => ({
              id: `i${i}`,
              personId,
              at: T0 + i,
              kind: 'message' as const,
              direction: 'me' as const,
              channel: 'other' as const,
              text: null,
              sourceUrl: null,
              createdAt: T0,
              updatedAt: T0,
            })),
          );
          const links = s.links.filter(([from, , to]) => from !== to);
          await db.links.bulkPut(links.map(([from, kind, to]) => linkRow(from, kind, to, T0)));
          const [survivor, merged] = s.pair as [string, string];
          const before = await counts(db);

          await mergePeople(db, { survivorId: survivor, mergedId: merged }, testClock());

          const rename = (id: string) => (id === merged ? survivor : id);
          const expected = new Set(
            links
              .map(([from, kind, to]) => [rename(from), kind, rename(to)] as const)
              .filter(([from, , to]) => from !== to)
              .map(([from, kind, to]) => linkId(from, kind, to)),
          );
          const after = await counts(db);
          expect(after).toEqual({ ...before, people: before.people - 1, links: expected.size });
          const stored = (await db.links.toArray()).map((row) => `${row.fromId} ${row.kind} ${row.toId}`);
          expect(new Set(stored)).toEqual(expected);
          expect(await orphans(db)).toEqual([]);
          const tags = new Set([
            ...(s.tags[PEOPLE.indexOf(survivor)] ?? []),
            ...(s.tags[PEOPLE.indexOf(merged)] ?? []),
          ]);
          const union = new Set([...tags].map((tag) => tag.toLowerCase()));
          const kept = (await db.people.get(survivor))?.interests ?? [];
          expect(new Set(kept.map((tag) => tag.toLowerCase()))).toEqual(union);
        } finally {
          await db.delete();
        }
      }),
      { numRuns: 60 },
    );
  });
});
