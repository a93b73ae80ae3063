import { afterEach, beforeEach } from 'vitest';
import { RapportDatabase } from '@/lib/db/database';
import type { WireProfileSnapshot } from '@/lib/protocol/types';
import type { Clock } from '@/lib/services/clock';

export const T0 = 1_700_000_000_000;

export function testClock(start = T0): Clock & { advance: (ms: number) => void } {
  let now = start;
  let next = 0;
  return {
    now: () => now,
    newId: () => `id-${++next}`,
    advance: (ms) => {
      now += ms;
    },
  };
}

export function snapshot(
  id: string,
  name: string | null,
  headline: string | null = null,
): WireProfileSnapshot {
  return {
    network: 'linkedin',
    id,
    url: `https://www.linkedin.com/in/${id}/`,
    name,
    headline,
    avatarUrl: null,
  };
}

/** A fresh fake-indexeddb database per test, deleted afterwards; `db()` returns the current one. */
export function useTestDatabase(): () => RapportDatabase {
  let db: RapportDatabase | undefined;
  beforeEach(async () => {
    db = new RapportDatabase(`test-${crypto.randomUUID()}`);
    await db.open();
  });
  afterEach(async () => {
    await db?.delete();
  });
  return () => {
    if (!db) throw new Error('no test database');
    return db;
  };
}

/** Every row of every table, in key order: equal digests mean nothing was written. */
export async function digest(db: RapportDatabase): Promise<string> {
  const tables = await Promise.all(db.tables.map(async (table) => [table.name, await table.toArray()]));
  return JSON.stringify(tables);
}

/** Row counts per table. */
export async function counts(db: RapportDatabase) {
  return {
    people: await db.people.count(),
    identities: await db.identities.count(),
    notes: await db.notes.count(),
    interactions: await db.interactions.count(),
    links: await db.links.count(),
  };
}

/** Rows that point at a person who is not there; a consistent store has none. */
export async function orphans(db: RapportDatabase): Promise<string[]> {
  const ids = new Set(await db.people.toCollection().primaryKeys());
  const found: string[] = [];
  const check = (what: string, personId: string | null) => {
    if (personId !== null && !ids.has(personId)) found.push(`${what} → ${personId}`);
  };
  for (const row of await db.identities.toArray())
    check(`identity ${row.network}:${row.handle}`, row.personId);
  for (const row of await db.notes.toArray()) check(`note ${row.id}`, row.personId);
  for (const row of await db.interactions.toArray()) check(`interaction ${row.id}`, row.personId);
  for (const row of await db.links.toArray()) {
    check(`link ${row.kind} from`, row.fromId);
    check(`link ${row.kind} to`, row.toId);
  }
  for (const row of await db.people.toArray()) check(`introducedBy of ${row.id}`, row.introducedBy);
  return found;
}
