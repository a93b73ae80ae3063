import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { RapportDatabase } from '@/lib/db/database';
import { getPopupData } from '@/lib/services/popup';
import { fixture, readRaw, writeReleased } from './released';

// Version 4 adds one table, popupCache (the popup's stored answer); no row of version 3 changes.

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

async function upgradedFromV3(): Promise<{ name: string; db: RapportDatabase }> {
  const name = `test-${crypto.randomUUID()}`;
  names.push(name);
  await writeReleased(name, 3, fixture(3));
  const db = new RapportDatabase(name);
  await db.open();
  return { name, db };
}

describe('upgrade from version 3 to 4', () => {
  it('adds an empty popupCache and leaves every row of every table as it was', async () => {
    const { name, db } = await upgradedFromV3();
    expect(db.verno).toBe(4);
    db.close();
    const { version, rows } = await readRaw(name);
    expect(version).toBe(4);
    expect(rows.popupCache).toEqual([]);
    for (const [table, before] of Object.entries(fixture(3))) {
      expect(rows[table], table).toHaveLength(before.length);
      expect(rows[table], table).toEqual(expect.arrayContaining(before));
    }
  });

  it('stores the first popup answer and serves the next open from it', async () => {
    const { db } = await upgradedFromV3();
    const now = 1_695_500_000_000;
    const first = await getPopupData(db, now, { tabProfile: null });
    expect(first.prompts.map((p) => p.kind)).toContain('reply-acknowledge');
    const row = await db.popupCache.get('popup');
    expect(row?.generation).toBe(1);
    expect(row?.value).toMatchObject({ value: { computedAt: now, prompts: first.prompts } });
    expect(await getPopupData(db, now + 1, { tabProfile: null })).toEqual(first);
    db.close();
  });
});
