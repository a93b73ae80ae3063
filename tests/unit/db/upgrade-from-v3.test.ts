import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { RapportDatabase } from '@/lib/db/database';
import { getPopupData } from '@/lib/services/popup';
import { fixture, writeReleased } from './released';

// Every released schema version has a fixture and a test that opens it with the current code: v1
// (migration.test.ts), v2 (upgrade-v3.test.ts) and v3 here, whatever versions come after it.

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

async function openFromV3(): Promise<RapportDatabase> {
  const name = `test-${crypto.randomUUID()}`;
  names.push(name);
  await writeReleased(name, 3, fixture(3));
  const db = new RapportDatabase(name);
  await db.open();
  return db;
}

describe('opening a version 3 store', () => {
  it('keeps every row of every table', async () => {
    const db = await openFromV3();
    for (const [table, rows] of Object.entries(fixture(3))) {
      const stored = await db.table(table).toArray();
      expect(stored, table).toHaveLength(rows.length);
      expect(stored, table).toEqual(expect.arrayContaining(rows));
    }
    db.close();
  });

  it('serves the popup from it: the queued digest is rebuilt, prompt states still apply', async () => {
    const db = await openFromV3();
    const data = await getPopupData(db, 1_695_500_000_000, { tabProfile: null });
    expect(await db.digestQueue.count()).toBe(0);
    expect(await db.digests.count()).toBe(2);
    expect(data.prompts.map((p) => p.kind)).toContain('reply-acknowledge');
    expect(await db.promptStates.get('thank:p-jane')).toMatchObject({ status: 'done' });
    db.close();
  });
});
