import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie from 'dexie';

// The schemas as released, frozen here so upgrade tests keep meaning what they meant, and a way to write a
// fixture exactly as that version stored it (no middleware, no upgrade).

export type Rows = Record<string, object[]>;
/** A fixture of version 2 or later: these tables are always there (version 3 adds promptStates and more). */
export type Fixture = Rows & Record<'people' | 'identities' | 'notes' | 'interactions' | 'links', object[]>;

export const fixture = (version: 1 | 2 | 3): Fixture =>
  JSON.parse(readFileSync(join(import.meta.dirname, `../../fixtures/db/v${version}.json`), 'utf8'));

/** Declares the schema as released up to `version` on `db`. */
export function declareReleased(db: Dexie, version: 1 | 2 | 3): Dexie {
  db.version(1).stores({ people: 'id', identities: '[network+handle], personId', notes: 'id, personId' });
  if (version === 1) return db;
  db.version(2).stores({
    people: 'id, *nameWords, *tagKeys',
    interactions: 'id, [personId+at]',
    links: '[fromId+kind+toId], fromId, toId',
  });
  if (version === 3) {
    db.version(3).stores({
      promptStates: 'key, personId',
      digests: 'personId',
      searchRows: 'personId',
      digestQueue: 'personId',
    });
  }
  return db;
}

/** Creates database `name` at `version` holding `rows`, then closes it. */
export async function writeReleased(name: string, version: 1 | 2 | 3, rows: Rows): Promise<void> {
  const db = declareReleased(new Dexie(name), version);
  await db.open();
  for (const [table, tableRows] of Object.entries(rows)) await db.table(table).bulkAdd(tableRows);
  db.close();
}

/** Everything in the store as IndexedDB holds it, opened without a schema (so without any upgrade). */
export async function readRaw(name: string): Promise<{ version: number; rows: Rows }> {
  const db = new Dexie(name);
  await db.open();
  const rows: Rows = {};
  for (const table of db.tables) rows[table.name] = await table.toArray();
  db.close();
  return { version: db.verno, rows };
}
