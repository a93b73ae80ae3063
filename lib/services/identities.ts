import type { RapportDatabase } from '@/lib/db/database';
import { displayName, newPersonRow } from '@/lib/db/derive';
import { HEADLINE_HISTORY_MAX, type IdentityRow } from '@/lib/db/rows';
import type { Identity, WireProfileRef, WireProfileSnapshot } from '@/lib/protocol/types';
import { canonicalProfileUrl } from '@/lib/sites/urls';
import type { Clock } from './clock';
import { ConflictError, notFound } from './errors';

/**
 * The person behind a profile, created (with its identity) if the profile is new. Call inside a
 * transaction that covers people and identities. `personId` is the client's id for a new person.
 */
export async function ensurePerson(
  db: RapportDatabase,
  ref: WireProfileRef,
  snapshot: WireProfileSnapshot | null,
  clock: Clock,
  personId: string = clock.newId(),
): Promise<string> {
  const identity = await db.identities.get([ref.network, ref.id]);
  if (identity) return identity.personId;
  if (await db.people.get(personId)) {
    throw new ConflictError(`The id ${personId.slice(0, 100)} is already someone else's; nothing was added.`);
  }
  const now = clock.now();
  const matching = sameProfile(ref, snapshot) ? snapshot : null;
  await db.people.add(newPersonRow(personId, displayName(matching?.name, ref.id), now));
  await db.identities.add(newIdentityRow(ref, matching, personId, now));
  return personId;
}

/**
 * The id of the person behind a profile, or null for nobody: from the worker's copy when it is exact
 * (lib/db/profile-owners.ts), else from the store. Inside a transaction, before it writes identities.
 */
export async function ownerOf(db: RapportDatabase, ref: WireProfileRef): Promise<string | null> {
  const known = db.owners.lookup(ref.network, ref.id);
  if (known !== undefined) return known;
  return (await db.identities.get([ref.network, ref.id]))?.personId ?? null;
}

/**
 * Attaches a profile to an existing person ("this is also Jane"). A profile that already belongs to
 * someone else is refused: moving it would leave its notes behind, which is what mergePeople is for.
 */
export async function linkIdentity(
  db: RapportDatabase,
  input: { ref: WireProfileRef; snapshot: WireProfileSnapshot | null; personId: string },
  clock: Clock,
): Promise<Identity> {
  return db.transaction('rw', db.people, db.identities, async () => {
    const { ref, personId } = input;
    if (!(await db.people.get(personId))) throw notFound('Person', personId);
    const existing = await db.identities.get([ref.network, ref.id]);
    if (existing && existing.personId !== personId) {
      throw new ConflictError(
        `${ref.network}:${ref.id} already belongs to another person in Rapport; merge the two people instead.`,
      );
    }
    if (existing) return toIdentity(existing);
    const now = clock.now();
    const row = newIdentityRow(ref, sameProfile(ref, input.snapshot) ? input.snapshot : null, personId, now);
    await db.identities.add(row);
    await db.people.update(personId, { updatedAt: now });
    return toIdentity(row);
  });
}

/** Rewrites last-seen times at most this often when nothing else changed, to keep page views cheap. */
export const SIGHTING_REFRESH_MS = 60 * 60 * 1000;

/**
 * A known profile was viewed: refresh what was last seen and remember a changed headline. Never creates a
 * person; an unknown profile costs one key lookup. A value the page did not show (null) keeps the old one.
 */
export async function recordSighting(
  db: RapportDatabase,
  snapshot: WireProfileSnapshot,
  now: number,
): Promise<boolean> {
  // Most profiles viewed are nobody's: then no write transaction is opened at all.
  if (db.owners.lookup(snapshot.network, snapshot.id) === null) return false;
  return db.transaction('rw', db.identities, async () => {
    const row = await db.identities.get([snapshot.network, snapshot.id]);
    if (!row) return false;
    const headline = snapshot.headline ?? row.lastSeenHeadline;
    const next: IdentityRow = {
      ...row,
      url: snapshot.url,
      lastSeenName: snapshot.name ?? row.lastSeenName,
      lastSeenHeadline: headline,
      lastSeenAvatarUrl: snapshot.avatarUrl ?? row.lastSeenAvatarUrl,
      lastSeenAt: Math.max(now, row.lastSeenAt),
      headlineHistory: withHeadline(row.headlineHistory, headline, now),
    };
    const changed =
      next.url !== row.url ||
      next.lastSeenName !== row.lastSeenName ||
      next.lastSeenHeadline !== row.lastSeenHeadline ||
      next.lastSeenAvatarUrl !== row.lastSeenAvatarUrl;
    if (!changed && now - row.lastSeenAt < SIGHTING_REFRESH_MS) return true;
    await db.identities.put(next);
    return true;
  });
}

function withHeadline(history: IdentityRow['headlineHistory'], headline: string | null, now: number) {
  if (headline === null || history.at(-1)?.headline === headline) return history;
  return [...history, { headline, seenAt: now }].slice(-HEADLINE_HISTORY_MAX);
}

function sameProfile(
  ref: WireProfileRef,
  snapshot: WireProfileSnapshot | null,
): snapshot is WireProfileSnapshot {
  return snapshot !== null && snapshot.network === ref.network && snapshot.id === ref.id;
}

export function newIdentityRow(
  ref: WireProfileRef,
  snapshot: WireProfileSnapshot | null,
  personId: string,
  now: number,
): IdentityRow {
  return {
    network: ref.network,
    handle: ref.id,
    personId,
    // Without a snapshot the URL is rebuilt from the handle, so every identity links somewhere.
    url: snapshot?.url ?? canonicalProfileUrl(ref),
    lastSeenName: snapshot?.name ?? null,
    lastSeenHeadline: snapshot?.headline ?? null,
    lastSeenAvatarUrl: snapshot?.avatarUrl ?? null,
    lastSeenAt: now,
    headlineHistory: snapshot?.headline ? [{ headline: snapshot.headline, seenAt: now }] : [],
  };
}

export function toIdentity(row: IdentityRow): Identity {
  return {
    network: row.network,
    handle: row.handle,
    personId: row.personId,
    url: row.url,
    lastSeenName: row.lastSeenName,
    lastSeenHeadline: row.lastSeenHeadline,
    lastSeenAvatarUrl: row.lastSeenAvatarUrl,
    lastSeenAt: row.lastSeenAt,
    headlineHistory: row.headlineHistory.map((change) => ({ ...change })),
  };
}
