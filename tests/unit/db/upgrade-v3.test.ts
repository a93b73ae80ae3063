import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { RapportDatabase } from '@/lib/db/database';
import { getPopupData } from '@/lib/services/popup';
import { searchAll } from '@/lib/services/search';

/** The schema as released in version 2, frozen here so the test keeps meaning what it meant. */
class RapportV2 extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(1).stores({ people: 'id', identities: '[network+handle], personId', notes: 'id, personId' });
    this.version(2).stores({
      people: 'id, *nameWords, *tagKeys',
      interactions: 'id, [personId+at]',
      links: '[fromId+kind+toId], fromId, toId',
    });
  }
}

type Rows = Record<'people' | 'identities' | 'notes' | 'interactions' | 'links', unknown[]>;
const fixture: Rows = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../fixtures/db/v2.json'), 'utf8'),
);
const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

async function openUpgraded(): Promise<RapportDatabase> {
  const name = `test-${crypto.randomUUID()}`;
  names.push(name);
  const v2 = new RapportV2(name);
  await v2.open();
  for (const [table, rows] of Object.entries(fixture)) await v2.table(table).bulkAdd(rows);
  v2.close();
  const db = new RapportDatabase(name);
  await db.open();
  return db;
}

describe('upgrade from version 2', () => {
  it('keeps every row unchanged and adds the popup tables, with every person queued', async () => {
    const db = await openUpgraded();
    expect(db.verno).toBe(4);
    for (const [table, rows] of Object.entries(fixture))
      expect(await db.table(table).toArray()).toEqual(expect.arrayContaining(rows as object[]));
    expect(await db.people.count()).toBe(2);
    expect(await db.promptStates.count()).toBe(0);
    expect(await db.digests.count()).toBe(0);
    expect((await db.digestQueue.toCollection().primaryKeys()).sort()).toEqual(['p-jane', 'p-rahul']);
    db.close();
  });

  it('builds digests on first read: the owed reply from the fixture is a prompt, and notes are searchable', async () => {
    const db = await openUpgraded();
    const now = 1_695_500_000_000;
    const data = await getPopupData(db, now, { tabProfile: { network: 'linkedin', id: 'jane-doe' } });
    expect(await db.digestQueue.count()).toBe(0);
    expect(await db.digests.count()).toBe(2);
    expect(data.prompts.map((p) => p.kind)).toContain('reply-acknowledge');
    expect(data.tabPerson?.personId).toBe('p-jane');
    const found = await searchAll(
      db,
      { query: 'kubernetes', strength: 'any', network: null, includeArchived: false, limit: 10 },
      now,
    );
    expect(found.hits.map((h) => [h.personId, h.matchedIn])).toEqual([['p-jane', ['notes']]]);
    db.close();
  });
});
