import type { RapportDatabase } from '@/lib/db/database';
import { displayName, nameWords, newPersonRow, tagKey, withDerivedKeys } from '@/lib/db/derive';
import type { PersonRow, TagKind } from '@/lib/db/rows';
import type { PersonDetails, PersonPatch, PersonSummary, WireProfileSnapshot } from '@/lib/protocol/types';
import type { Clock } from './clock';
import { ConflictError, notFound } from './errors';
import { ensurePerson } from './identities';
import { cadenceOf, usableNumber, usableTime } from './tie-inputs';

/**
 * One click on a profile, no form: the person is named from the snapshot. The client chooses the id, so a
 * retry returns the same person; a profile already in Rapport returns its person, whatever the id.
 */
export async function addPerson(
  db: RapportDatabase,
  input: { personId: string; snapshot: WireProfileSnapshot },
  clock: Clock,
): Promise<PersonDetails> {
  return db.transaction('rw', db.people, db.identities, async () => {
    const { snapshot } = input;
    const ref = { network: snapshot.network, id: snapshot.id };
    const personId = await ensurePerson(db, ref, snapshot, clock, input.personId);
    return toPersonDetails(await mustGetPerson(db, personId));
  });
}

/** Someone without a profile yet, named by the user. The client's id makes a retry land on the same row. */
export async function createPerson(
  db: RapportDatabase,
  input: { personId: string; name: string },
  clock: Clock,
): Promise<PersonDetails> {
  return db.transaction('rw', db.people, async () => {
    const existing = await db.people.get(input.personId);
    if (existing) {
      if (existing.name !== displayName(input.name, input.name)) {
        throw new ConflictError(
          `The id ${input.personId.slice(0, 100)} is already someone else's; nothing was added.`,
        );
      }
      return toPersonDetails(existing);
    }
    const row = newPersonRow(input.personId, displayName(input.name, input.name), clock.now());
    await db.people.add(row);
    return toPersonDetails(row);
  });
}

export async function getPerson(db: RapportDatabase, personId: string): Promise<PersonDetails | null> {
  const row = await db.people.get(personId);
  return row ? toPersonDetails(row) : null;
}

/**
 * Applies only the fields present in the patch, read and written in one transaction: IndexedDB runs
 * read-write transactions on the same table one after another, so two tabs editing different fields of
 * the same person both land.
 */
export async function updatePerson(
  db: RapportDatabase,
  input: { personId: string; patch: PersonPatch },
  clock: Clock,
): Promise<PersonDetails> {
  return db.transaction('rw', db.people, async () => {
    const row = await mustGetPerson(db, input.personId);
    const patch = definedOnly(input.patch);
    if (patch.introducedBy !== undefined && patch.introducedBy !== null) {
      if (patch.introducedBy === row.id)
        throw new ConflictError('Someone cannot introduce you to themselves.');
      if (!(await db.people.get(patch.introducedBy))) throw notFound('Person', patch.introducedBy);
    }
    const next = withDerivedKeys({ ...row, ...patch, updatedAt: Math.max(clock.now(), row.updatedAt) });
    await db.people.put(next);
    return toPersonDetails(next);
  });
}

/**
 * Adds and removes single tags (case-insensitively) instead of replacing the list, so two pages adding
 * different tags to the same person at once both land. A tag both added and removed ends up removed.
 */
export async function editTags(
  db: RapportDatabase,
  input: { personId: string; kind: TagKind; add: string[]; remove: string[] },
  clock: Clock,
): Promise<PersonDetails> {
  return db.transaction('rw', db.people, async () => {
    const row = await mustGetPerson(db, input.personId);
    const removed = new Set(input.remove.map((tag) => tagKey(input.kind, tag)));
    const tags = [...row[input.kind], ...input.add].filter((tag) => !removed.has(tagKey(input.kind, tag)));
    const next = withDerivedKeys({
      ...row,
      [input.kind]: tags,
      updatedAt: Math.max(clock.now(), row.updatedAt),
    });
    await db.people.put(next);
    return toPersonDetails(next);
  });
}

export function archivePerson(db: RapportDatabase, personId: string, archived: boolean, clock: Clock) {
  return updatePerson(db, { personId, patch: { archived } }, clock);
}

/**
 * Removes the person and everything that is only theirs: identities, notes, interactions and links
 * either way. Other people keep all their rows; one who was "introduced by" this person forgets who did,
 * since the reference would point at nothing.
 */
export async function deletePerson(db: RapportDatabase, personId: string): Promise<boolean> {
  return db.transaction('rw', db.allTables, async () => {
    if (!(await db.people.get(personId))) return false;
    await db.identities.where('personId').equals(personId).delete();
    await db.notes.where('personId').equals(personId).delete();
    await db.interactions
      .where('[personId+at]')
      .between([personId, -Infinity], [personId, Infinity])
      .delete();
    await db.links.where('fromId').equals(personId).delete();
    await db.links.where('toId').equals(personId).delete();
    await db.people
      .filter((row) => row.introducedBy === personId)
      .modify((row) => {
        row.introducedBy = null;
      });
    await db.people.delete(personId);
    return true;
  });
}

export const SEARCH_LIMIT_MAX = 50;

/**
 * People whose name has a word starting with each word of the query ("ja do" finds Jane Doe), archived
 * last, then by name. For "link this profile to an existing person".
 */
export async function searchPeople(
  db: RapportDatabase,
  input: { query: string; limit: number },
): Promise<PersonSummary[]> {
  const words = nameWords(input.query);
  const first = words[0];
  if (first === undefined) return [];
  const rows = await db.people
    .where('nameWords')
    .startsWith(first)
    .distinct()
    .filter((row) => words.every((word) => row.nameWords.some((own) => own.startsWith(word))))
    .toArray();
  return sortForLists(rows).slice(0, input.limit).map(toPersonSummary);
}

function sortForLists(rows: PersonRow[]): PersonRow[] {
  return rows.sort(
    (a, b) =>
      Number(a.archived) - Number(b.archived) || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1),
  );
}

export async function mustGetPerson(db: RapportDatabase, personId: string): Promise<PersonRow> {
  const row = await db.people.get(personId);
  if (!row) throw notFound('Person', personId);
  return row;
}

/** Drops keys whose value is undefined, so a spread never blanks a stored field. */
function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}

export function toPersonSummary(row: PersonRow): PersonSummary {
  return { id: row.id, name: row.name, createdAt: row.createdAt, updatedAt: row.updatedAt };
}

export function toPersonDetails(row: PersonRow): PersonDetails {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    howWeMet: row.howWeMet,
    // Guarded so a corrupt stored number cannot make the client refuse the whole answer.
    metAt: usableTime(row.metAt),
    introducedBy: row.introducedBy,
    closeness: usableNumber(row.closeness, 0, 1),
    tieOverride: row.tieOverride,
    cadenceDays: cadenceOf(row),
    snoozedUntil: usableTime(row.snoozedUntil),
    archived: row.archived,
    interests: [...row.interests],
    goals: [...row.goals],
    expertise: [...row.expertise],
    tools: [...row.tools],
  };
}
