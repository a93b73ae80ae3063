import type { RapportDatabase } from '@/lib/db/database';

// The popup's last computed answer, kept in IndexedDB (the worker may be stopped at any time), so opening
// the popup reads one row instead of every digest. It is valid while:
// - no write is waiting in digestQueue (every write to people, identities, notes, interactions, links or
//   prompt states queues someone in its own transaction: lib/db/digest-queue.ts);
// - no digest was rebuilt since it was computed: refreshDigests raises the row's `generation` and clears
//   its value in the same transaction, and an answer is only stored if the generation it was computed
//   from is still the current one (a write that lands while it is computed is never hidden);
// - the clock is within [computedAt, validUntil) and the answer was computed for the same focus.

const KEY = 'popup';
/** Bumped when the cached shape or meaning changes, so an answer stored by an older version is recomputed. */
const SHAPE = 2;

export interface Cached {
  computedAt: number;
  validUntil: number;
  /** The focus (or any other input outside the store) the answer was computed for, as JSON. */
  inputs: string;
}

interface Stored<T> {
  shape: number;
  value: T;
}

function usable<T extends Cached>(stored: unknown, now: number, inputs: string): T | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const { shape, value } = stored as Stored<T>;
  if (shape !== SHAPE || typeof value !== 'object' || value === null) return null;
  if (!(value.computedAt <= now && now < value.validUntil) || value.inputs !== inputs) return null;
  return value;
}

/** The cached answer if it is still valid at `now` for `inputs`; otherwise null. */
export async function readCached<T extends Cached>(
  db: RapportDatabase,
  now: number,
  inputs: string,
): Promise<T | null> {
  return db.transaction('r', db.popupCache, db.digestQueue, async () => {
    const [row, queued] = await Promise.all([db.popupCache.get(KEY), db.digestQueue.limit(1).primaryKeys()]);
    return queued.length === 0 ? usable<T>(row?.value, now, inputs) : null;
  });
}

/** The generation of the digests being read; call inside the transaction that reads them. */
export async function currentGeneration(db: RapportDatabase): Promise<number> {
  return (await db.popupCache.get(KEY))?.generation ?? 0;
}

/**
 * Called by refreshDigests in its transaction: digests were rebuilt, so the generation goes up (search
 * rows are read again). The answer is dropped when the popup's inputs changed, and kept when only what
 * the popup does not show did (a note, a last-seen time).
 */
export async function invalidateCached(db: RapportDatabase, answerStale = true): Promise<void> {
  const row = await db.popupCache.get(KEY);
  await db.popupCache.put({
    key: KEY,
    generation: (row?.generation ?? 0) + 1,
    value: answerStale ? null : (row?.value ?? null),
    inputs: (row?.inputs ?? 0) + (answerStale ? 1 : 0),
  });
}

/**
 * Empties every table but this row, which is marked stale instead: its counters only ever go up, so a
 * computation kept in worker memory from before can never pass for one made after (erase, a replace).
 * Call inside a read-write transaction over every table.
 */
export async function clearAllTables(db: RapportDatabase): Promise<void> {
  for (const table of db.tables) if (table.name !== db.popupCache.name) await table.clear();
  await invalidateCached(db);
}

/**
 * A number that changes whenever what the prompts and tie scores are computed from changes (digests,
 * prompt states), and not for a note: for caches of computations over everyone. Call in a transaction.
 */
export async function inputsVersion(db: RapportDatabase): Promise<number> {
  return (await db.popupCache.get(KEY))?.inputs ?? 0;
}

/** Stores `value` unless a write or a digest rebuild happened since `generation` was read. */
export async function storeCached<T extends Cached>(
  db: RapportDatabase,
  generation: number,
  value: T,
): Promise<boolean> {
  return db.transaction('rw', db.popupCache, db.digestQueue, async () => {
    const [current, queued] = await Promise.all([
      currentGeneration(db),
      db.digestQueue.limit(1).primaryKeys(),
    ]);
    if (current !== generation || queued.length > 0) return false;
    const stored: Stored<T> = { shape: SHAPE, value };
    const inputs = await inputsVersion(db);
    await db.popupCache.put({ key: KEY, generation, value: stored, inputs });
    return true;
  });
}

/** How long a computation over everyone is reused while nothing it reads changed (scores drift with time). */
export const REUSE_MS = 60_000;

/**
 * The key of a computation over everyone's ties kept in worker memory: it holds while the prompts'
 * inputs are unchanged, for the same focus, within the same minute.
 */
export async function tiesKey(db: RapportDatabase, focus: unknown, now: number): Promise<string> {
  const version = await db.transaction('r', db.popupCache, () => inputsVersion(db));
  return `${version}|${JSON.stringify(focus)}|${Math.floor(now / REUSE_MS)}`;
}

/**
 * One value per store kept in worker memory while its key (tiesKey) stays the same, made again by `make`
 * when it changes. A value that is a promise and fails is dropped, so the next call tries again.
 */
export function keptPerStore<T>(): (db: RapportDatabase, key: string, make: () => T) => T {
  const held = new WeakMap<RapportDatabase, { key: string; value: T }>();
  return (db, key, make) => {
    const kept = held.get(db);
    if (kept?.key === key) return kept.value;
    const value = make();
    held.set(db, { key, value });
    if (value instanceof Promise) {
      value.catch(() => {
        if (held.get(db)?.value === value) held.delete(db);
      });
    }
    return value;
  };
}
