import type { RapportDatabase } from '@/lib/db/database';
import type { SearchRow } from '@/lib/db/rows';
import { searchKey } from '@/lib/domain/search-key';
import { insertionIndex } from '@/lib/domain/sorted';
import { currentGeneration } from './popup-cache';

// Every search row in worker memory, in result order (by name, then id), as of one digest generation
// (popup-cache.ts: raised by one in the same transaction as any rebuild). Typing a query then scans
// memory instead of reading every row again.
//
// Like the copy of the digests (digest-mirror.ts), it follows rebuilds rather than being read again
// after each: refreshDigests hands over the search rows a rebuild wrote, and the index moves to the next
// generation only if it was at the one the rebuild started from. Reading every row again after each
// write cost the popup at 50,000 people about 100 ms of the worker's time per write (the popup warms the
// index each time it opens, so the next search need not wait). Any other change of generation (erase,
// a replace) leaves it to be read again in full. The worker may be stopped at any time: then the first
// search reads everything.

export interface IndexedRow extends SearchRow {
  nameKey: string;
  nameParts: string[];
}

export interface SearchIndex {
  generation: number;
  rows: IndexedRow[];
}

interface Held {
  loading: Promise<SearchIndex>;
  /** Set once loading has finished, so a rebuild can be followed synchronously as it commits. */
  index: SearchIndex | null;
}

/** A rebuild of more rows than this (an import's batch) drops the index: one read later costs less. */
const FOLLOWED_ROWS_MAX = 64;

const held = new WeakMap<RapportDatabase, Held>();
const fullLoads = new WeakMap<RapportDatabase, number>();
const collator = new Intl.Collator();

function indexed(row: SearchRow): IndexedRow {
  const nameKey = searchKey(row.name);
  return { ...row, nameKey, nameParts: nameKey.split(' ') };
}

function inOrder(a: SearchRow, b: SearchRow): number {
  return collator.compare(a.name, b.name) || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0);
}

/** Two lists in inOrder, as one. */
function merged(a: readonly IndexedRow[], b: readonly IndexedRow[]): IndexedRow[] {
  const out: IndexedRow[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length)
    out.push(
      inOrder(a[i] as IndexedRow, b[j] as IndexedRow) <= 0 ? (a[i++] as IndexedRow) : (b[j++] as IndexedRow),
    );
  while (i < a.length) out.push(a[i++] as IndexedRow);
  while (j < b.length) out.push(b[j++] as IndexedRow);
  return out;
}

/**
 * Rows read per transaction. The worker answers everything in turn, and reading, indexing and sorting
 * every row at once was one long task, which a message arriving then (the popup opened again, an action
 * in it, a sidebar's read) waited behind: at 50,000 people the popup opened just after the index began
 * loading showed its data 1.3 to 2.8 s after its document existed (the slowest of 20 opens, in each of
 * six runs of the bench), 0.42 s with pages. Each page is its own task; the pages are merged as they
 * come.
 */
const LOAD_PAGE = 5_000;
/** A load that a rebuild overtook this many times reads everything in one transaction instead. */
const LOAD_RESTARTS_MAX = 2;

/**
 * Every search row, by pages of `page` in key order, each page read with the generation: a rebuild that
 * commits between two pages makes the load start over at the new one. `between` runs between pages
 * (a seam for tests).
 */
export async function loadSearchIndex(
  db: RapportDatabase,
  page = LOAD_PAGE,
  between: () => Promise<void> = async () => undefined,
): Promise<SearchIndex> {
  let restarts = 0;
  let generation: number | null = null;
  let rows: IndexedRow[] = [];
  let after: string | null = null;
  for (;;) {
    const from: string | null = after;
    const size = restarts > LOAD_RESTARTS_MAX ? Number.POSITIVE_INFINITY : page;
    const [at, chunk]: [number, SearchRow[]] = await db.transaction('r', db.searchRows, db.popupCache, () =>
      Promise.all([
        currentGeneration(db),
        (from === null ? db.searchRows.toCollection() : db.searchRows.where(':id').above(from))
          .limit(size)
          .toArray(),
      ]),
    );
    if (generation !== null && at !== generation) {
      restarts += 1;
      [generation, rows, after] = [null, [], null];
      continue;
    }
    generation = at;
    rows = merged(rows, chunk.map(indexed).sort(inOrder));
    const last: SearchRow | undefined = chunk.at(-1);
    if (chunk.length < size || last === undefined) break;
    after = last.personId;
    await between();
  }
  fullLoads.set(db, (fullLoads.get(db) ?? 0) + 1);
  return { generation: generation ?? 0, rows };
}

/** The index at `generation`, the current one (the caller refreshed the digests and then read it). */
export async function searchIndexAt(db: RapportDatabase, generation: number): Promise<SearchIndex> {
  const current = held.get(db);
  if (current) {
    const index = await current.loading.catch(() => null);
    if (index?.generation === generation) return index;
  }
  const next: Held = { loading: loadSearchIndex(db), index: null };
  held.set(db, next);
  next.loading.then(
    (index) => {
      if (held.get(db) === next) next.index = index;
    },
    () => {
      if (held.get(db) === next) held.delete(db);
    },
  );
  return next.loading;
}

/** Where the row of `personId` under `name` is in `rows` (in inOrder, which both decide), or -1. */
function positionOf(rows: readonly IndexedRow[], personId: string, name: string): number {
  const at = insertionIndex(rows, { personId, name } as IndexedRow, inOrder);
  return rows[at]?.personId === personId && rows[at]?.name === name ? at : -1;
}

/**
 * Called once a rebuild of digests has committed: it moved the generation from `from` to `from + 1`,
 * writing `rows` and deleting the rows of `gone`. The index follows only if it was at `from`.
 * `named`: each rebuilt or deleted person's name before the rebuild, as their digest had it (written
 * with their search row); their old rows are found by binary search under it. A pass over every row
 * (at 50,000 people, 6.5 ms in Node after every write) is left for a person found under no name: one
 * added, or a row that does not say what their digest did.
 */
export function followSearchRows(
  db: RapportDatabase,
  from: number,
  rows: readonly SearchRow[],
  gone: readonly string[],
  named: ReadonlyMap<string, string>,
): void {
  const current = held.get(db);
  const index = current?.index;
  if (!current || index?.generation !== from) return;
  if (rows.length > FOLLOWED_ROWS_MAX) {
    held.delete(db);
    return;
  }
  let next = [...index.rows];
  const unplaced = new Set<string>();
  for (const personId of [...gone, ...rows.map((row) => row.personId)]) {
    const name = named.get(personId);
    const at = name === undefined ? -1 : positionOf(next, personId, name);
    if (at >= 0) next.splice(at, 1);
    else unplaced.add(personId);
  }
  if (unplaced.size > 0) next = next.filter((row) => !unplaced.has(row.personId));
  for (const row of rows) next.splice(insertionIndex(next, row, inOrder), 0, indexed(row));
  // A new array: a search that is scanning the old one finishes on the generation it started with.
  current.index = { generation: from + 1, rows: next };
  current.loading = Promise.resolve(current.index);
}

/** How many times every search row was read from the store (for tests). */
export function fullSearchIndexLoads(db: RapportDatabase): number {
  return fullLoads.get(db) ?? 0;
}
