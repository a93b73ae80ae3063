import type { RapportDatabase } from '@/lib/db/database';
import { displayName, linkKey, linkRow, newPersonRow, withDerivedKeys } from '@/lib/db/derive';
import { type PersonRow, TAG_KINDS } from '@/lib/db/rows';
import type { PersonDetails, WireProfileRef } from '@/lib/protocol/types';
import type { Clock } from './clock';
import { ConflictError, notFound } from './errors';
import { linksOf } from './links';
import { mustGetPerson, toPersonDetails } from './people';

/**
 * Two people in Rapport turn out to be one. Everything of `mergedId` moves to `survivorId` in one
 * transaction: identities, notes, interactions, links (a link both had collapses to one; a link between
 * the two disappears, it would point at itself), tags (union), and "introduced by" references from others.
 * Where both have a value the survivor's wins, except that the earlier meeting date and both how-we-met
 * texts are kept. A merged person who is no longer there counts as merged already, so a retry succeeds.
 */
export async function mergePeople(
  db: RapportDatabase,
  input: { survivorId: string; mergedId: string },
  clock: Clock,
): Promise<PersonDetails> {
  const { survivorId, mergedId } = input;
  if (survivorId === mergedId) throw new ConflictError('A person cannot be merged with themselves.');
  return db.transaction('rw', db.allTables, async () => {
    const survivor = await mustGetPerson(db, survivorId);
    const merged = await db.people.get(mergedId);
    // Already merged (a retry after the worker was killed mid-answer): nothing left to move.
    if (!merged) return toPersonDetails(survivor);
    await db.identities.where('personId').equals(mergedId).modify({ personId: survivorId });
    await db.notes.where('personId').equals(mergedId).modify({ personId: survivorId });
    await db.interactions
      .where('[personId+at]')
      .between([mergedId, Number.NEGATIVE_INFINITY], [mergedId, Number.POSITIVE_INFINITY], true, true)
      .modify({ personId: survivorId });
    for (const link of await linksOf(db, mergedId)) {
      await db.links.delete(linkKey(link));
      const fromId = link.fromId === mergedId ? survivorId : link.fromId;
      const toId = link.toId === mergedId ? survivorId : link.toId;
      if (fromId === toId) continue;
      const moved = linkRow(fromId, link.kind, toId, link.createdAt);
      const twin = await db.links.get(linkKey(moved));
      await db.links.put(twin && twin.createdAt <= moved.createdAt ? twin : moved);
    }
    await db.people
      .filter((row) => row.introducedBy === mergedId)
      .modify((row) => {
        row.introducedBy = row.id === survivorId ? null : survivorId;
      });
    // Re-read: the survivor may itself have been "introduced by" the merged person.
    const combined = combine(await mustGetPerson(db, survivorId), merged);
    await db.people.put(
      withDerivedKeys({ ...combined, updatedAt: Math.max(clock.now(), combined.updatedAt) }),
    );
    await db.people.delete(mergedId);
    return toPersonDetails(await mustGetPerson(db, survivorId));
  });
}

function combine(survivor: PersonRow, merged: PersonRow): PersonRow {
  const howWeMet = [survivor.howWeMet, merged.howWeMet].filter((text) => text.trim() !== '');
  const introducedBy = survivor.introducedBy ?? merged.introducedBy;
  const metAts = [survivor.metAt, merged.metAt].filter((at): at is number => at !== null);
  const next: PersonRow = {
    ...survivor,
    createdAt: Math.min(survivor.createdAt, merged.createdAt),
    howWeMet: [...new Set(howWeMet)].join('\n\n'),
    metAt: metAts.length === 0 ? null : Math.min(...metAts),
    introducedBy: introducedBy === survivor.id || introducedBy === merged.id ? null : introducedBy,
    closeness: survivor.closeness ?? merged.closeness,
    tieOverride: survivor.tieOverride ?? merged.tieOverride,
    cadenceDays: survivor.cadenceDays ?? merged.cadenceDays,
    snoozedUntil: survivor.snoozedUntil ?? merged.snoozedUntil,
    archived: survivor.archived && merged.archived,
  };
  for (const kind of TAG_KINDS) next[kind] = [...survivor[kind], ...merged[kind]];
  return next;
}

/**
 * One profile was attached to the wrong person: it becomes a person of its own, named as last seen.
 * Notes and interactions stay where they are (nothing says which profile they were about). The client
 * chooses the new id, so a retry finds the split already done and returns the same person.
 */
export async function splitIdentity(
  db: RapportDatabase,
  input: { ref: WireProfileRef; newPersonId: string },
  clock: Clock,
): Promise<PersonDetails> {
  return db.transaction('rw', db.people, db.identities, async () => {
    const { ref, newPersonId } = input;
    const identity = await db.identities.get([ref.network, ref.id]);
    if (!identity) throw notFound('Profile', `${ref.network}:${ref.id}`);
    if (identity.personId === newPersonId) return toPersonDetails(await mustGetPerson(db, newPersonId));
    if (await db.people.get(newPersonId)) {
      throw new ConflictError(
        `The id ${newPersonId.slice(0, 100)} is already someone else's; nothing was split.`,
      );
    }
    const siblings = await db.identities.where('personId').equals(identity.personId).count();
    if (siblings < 2) throw new ConflictError(`${ref.network}:${ref.id} is this person's only profile.`);
    const now = clock.now();
    const person = newPersonRow(newPersonId, displayName(identity.lastSeenName, identity.handle), now);
    await db.people.add(person);
    await db.identities.put({ ...identity, personId: newPersonId });
    await db.people.update(identity.personId, { updatedAt: now });
    return toPersonDetails(person);
  });
}
