import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie, { type Table } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { RapportDatabase } from '@/lib/db/database';
import { ROOT } from '../meta/source-graph';

interface V1 {
  people: { id: string; name: string; createdAt: number; updatedAt: number }[];
  identities: {
    network: string;
    handle: string;
    personId: string;
    url: string;
    lastSeenName: string | null;
    lastSeenHeadline: string | null;
    lastSeenAvatarUrl: string | null;
    lastSeenAt: number;
  }[];
  notes: { id: string; personId: string; text: string; createdAt: number; updatedAt: number }[];
}

/** The schema as released in version 1, frozen here so the test keeps meaning what it meant. */
class RapportV1 extends Dexie {
  people!: Table<V1['people'][number], string>;
  identities!: Table<V1['identities'][number], [string, string]>;
  notes!: Table<V1['notes'][number], string>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({
      people: 'id',
      identities: '[network+handle], personId',
      notes: 'id, personId',
    });
  }
}

const fixture: V1 = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/db/v1.json'), 'utf8'));
const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

async function openUpgraded(): Promise<RapportDatabase> {
  const name = `test-${crypto.randomUUID()}`;
  names.push(name);
  const v1 = new RapportV1(name);
  await v1.transaction('rw', v1.people, v1.identities, v1.notes, async () => {
    await v1.people.bulkAdd(fixture.people);
    await v1.identities.bulkAdd(fixture.identities);
    await v1.notes.bulkAdd(fixture.notes);
  });
  v1.close();
  const db = new RapportDatabase(name);
  await db.open();
  return db;
}

describe('upgrade from version 1', () => {
  it('keeps every row and gives the new fields their documented defaults', async () => {
    const db = await openUpgraded();
    expect(db.verno).toBe(4);
    const people = await db.people.toArray();
    expect(people).toHaveLength(fixture.people.length);
    for (const old of fixture.people) {
      expect(await db.people.get(old.id)).toEqual({
        ...old,
        howWeMet: '',
        metAt: null,
        introducedBy: null,
        closeness: null,
        tieOverride: null,
        cadenceDays: null,
        snoozedUntil: null,
        archived: false,
        interests: [],
        goals: [],
        expertise: [],
        tools: [],
        nameWords: expect.any(Array),
        tagKeys: [],
      });
    }
    expect(await db.notes.toArray()).toEqual([...fixture.notes].sort((a, b) => a.id.localeCompare(b.id)));
    expect(await db.identities.count()).toBe(fixture.identities.length);
    for (const old of fixture.identities) {
      const row = await db.identities.get([old.network, old.handle]);
      const history = old.lastSeenHeadline
        ? [{ headline: old.lastSeenHeadline, seenAt: old.lastSeenAt }]
        : [];
      const url = old.url || `https://www.linkedin.com/in/${old.handle}/`;
      expect(row).toEqual({ ...old, url, headlineHistory: history });
    }
    expect(await db.interactions.count()).toBe(0);
    expect(await db.links.count()).toBe(0);
    db.close();
  });

  it('indexes upgraded rows: name search and per-person lookups work at once', async () => {
    const db = await openUpgraded();
    const jane = '7b0c1f4e-0000-4000-8000-000000000001';
    expect(await db.people.where('nameWords').startsWith('doe').primaryKeys()).toEqual([jane]);
    expect(await db.people.where('nameWords').startsWith('zoë').count()).toBe(1);
    expect(await db.people.where('nameWords').startsWith('núñez').count()).toBe(1);
    expect(await db.identities.where('personId').equals(jane).count()).toBe(2);
    db.close();
  });
});
