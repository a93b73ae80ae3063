import type { RapportDatabase } from '@/lib/db/database';
import type { DigestRow, PromptStateRow } from '@/lib/db/rows';
import type { PromptPerson } from '@/lib/domain/prompts';
import { topicsOf } from '@/lib/domain/shared-topics';
import { toPromptPerson } from './digests';
import { currentGeneration } from './popup-cache';

// Everyone's digest, as the prompt rules read it, kept in worker memory between computations over
// everyone (the popup's summary, a person's standing). Reading every digest from IndexedDB was the
// larger half of the popup's recomputation after a write (about 600 of 1,200 ms at 10,000 people on a
// loaded machine), although a write rebuilds only its own person's digest.
//
// The copy is tied to the digests' generation (popup-cache.ts): every transaction that rebuilds digests
// raises it by one, and so does erasing everything. The copy is used only when its generation is the
// current one. After a rebuild commits, refreshDigests hands over the rows it wrote, and the copy moves
// to the next generation only if it was at the one the rebuild started from; otherwise it is left to be
// read again in full. The worker may be stopped at any time: then the next computation reads everything.

interface Mirror {
  generation: number;
  people: Map<string, PromptPerson>;
  /** Whether `people` is in id order, as a full read gives it (a person added since is at the end). */
  ordered: boolean;
  /** How many people who are not archived carry each topic, counted when first asked at this generation. */
  carriers?: { generation: number; counts: Map<string, number> };
}

const mirrors = new WeakMap<RapportDatabase, Mirror>();
/** Full reads per store, so tests can tell the copy is used. */
const fullReads = new WeakMap<RapportDatabase, number>();

export interface Everyone {
  /** In id order, as a full read of the digests gives them. */
  people: PromptPerson[];
  states: PromptStateRow[];
  /** The digests' generation these were read at. */
  generation: number;
}

/** Everyone's digest and every prompt state, consistent with one generation of the digests. */
export async function readEveryone(db: RapportDatabase): Promise<Everyone> {
  return db.transaction('r', db.digests, db.promptStates, db.popupCache, async () => {
    const [generation, states] = await Promise.all([currentGeneration(db), db.promptStates.toArray()]);
    const mirror = mirrors.get(db);
    if (mirror?.generation === generation) {
      if (!mirror.ordered) {
        mirror.people = new Map([...mirror.people].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
        mirror.ordered = true;
      }
      return { people: [...mirror.people.values()], states, generation };
    }
    const digests = await db.digests.toArray();
    fullReads.set(db, (fullReads.get(db) ?? 0) + 1);
    const people = new Map(digests.map((row) => [row.personId, toPromptPerson(row)]));
    // A rebuild that committed while this read ran may already have moved the copy on: keep the newer.
    if (!(mirror && mirror.generation > generation)) {
      mirrors.set(db, { generation, people, ordered: true });
    }
    return { people: [...people.values()], states, generation };
  });
}

/**
 * Called once a rebuild of digests has committed: it moved the generation from `from` to `from + 1`,
 * writing `rebuilt` and deleting `gone`. The copy follows only if it was at `from`.
 */
export function followRebuild(
  db: RapportDatabase,
  from: number,
  rebuilt: readonly DigestRow[],
  gone: readonly string[],
): void {
  const mirror = mirrors.get(db);
  if (mirror?.generation !== from) return;
  for (const row of rebuilt) {
    if (!mirror.people.has(row.personId)) mirror.ordered = false;
    mirror.people.set(row.personId, toPromptPerson(row));
  }
  for (const id of gone) mirror.people.delete(id);
  mirror.generation = from + 1;
}

export interface Mirrored {
  people: ReadonlyMap<string, PromptPerson>;
  /** How many people who are not archived carry each topic (tagTopic, any kind of tag). */
  carriers: ReadonlyMap<string, number>;
}

/**
 * The copy, when it is at `generation` (read in the caller's transaction); null otherwise. For reads that
 * need a few people at once (search's ties) and can do without when the copy is missing or behind.
 */
export function mirroredAt(db: RapportDatabase, generation: number): Mirrored | null {
  const mirror = mirrors.get(db);
  if (mirror?.generation !== generation) return null;
  if (mirror.carriers?.generation !== generation) {
    const counts = new Map<string, number>();
    for (const person of mirror.people.values()) {
      if (person.archived) continue;
      const { interests, goals, expertise, tools } = person.tags;
      for (const topic of topicsOf([interests, goals, expertise, tools]))
        counts.set(topic, (counts.get(topic) ?? 0) + 1);
    }
    mirror.carriers = { generation, counts };
  }
  return { people: mirror.people, carriers: mirror.carriers.counts };
}

/** How many times every digest was read from the store (for tests). */
export function fullDigestReads(db: RapportDatabase): number {
  return fullReads.get(db) ?? 0;
}
