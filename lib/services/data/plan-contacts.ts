import type { RapportDatabase } from '@/lib/db/database';
import { displayName, newPersonRow } from '@/lib/db/derive';
import { HEADLINE_HISTORY_MAX, type IdentityRow, identityKey, type PersonRow } from '@/lib/db/rows';
import type { ImportedContact, LinkedInConnection } from '@/lib/io';
import { canonicalProfileUrl } from '@/lib/sites/urls';
import type { Clock } from '../clock';
import { addProblems, canonical, emptyPlan, type ImportPlan } from './import-types';

// Contact lists into the store: LinkedIn's Connections.csv and vCards. A contact whose profile Rapport
// already has is that person (updated, never duplicated); the others become new people. What the user
// wrote (a name they corrected, their notes) is never overwritten by a file.

function withHeadline(row: IdentityRow, headline: string | null, now: number): IdentityRow {
  if (headline === null || row.lastSeenHeadline === headline) return row;
  const history =
    row.headlineHistory.at(-1)?.headline === headline
      ? row.headlineHistory
      : [...row.headlineHistory, { headline, seenAt: now }].slice(-HEADLINE_HISTORY_MAX);
  return { ...row, lastSeenHeadline: headline, headlineHistory: history };
}

/**
 * Each connection is a person with a LinkedIn profile; the headline is "Position at Company", and the
 * connection date becomes "met on" when none is recorded. A newer file updates headlines and fills gaps.
 */
export async function planConnections(
  db: RapportDatabase,
  connections: readonly LinkedInConnection[],
  clock: Clock,
): Promise<ImportPlan> {
  const plan = emptyPlan('linkedin', 'merge');
  const { report } = plan;
  const now = clock.now();
  const known = await db.identities.bulkGet(
    connections.map((c) => ['linkedin', c.identity.handle] as [string, string]),
  );
  const owners = await db.people.bulkGet([...new Set(known.flatMap((row) => (row ? [row.personId] : [])))]);
  const people = new Map(owners.flatMap((row) => (row ? [[row.id, row] as const] : [])));
  const touched = new Map<string, PersonRow>();
  connections.forEach((connection, i) => {
    const identity = known[i];
    if (!identity) {
      const id = clock.newId();
      const person: PersonRow = {
        ...newPersonRow(id, displayName(connection.name, connection.identity.handle), now),
        metAt: connection.connectedAt,
      };
      plan.people.push(person);
      plan.identities.push({
        network: 'linkedin',
        handle: connection.identity.handle,
        personId: id,
        url: connection.identity.url,
        lastSeenName: connection.name,
        lastSeenHeadline: connection.headline,
        lastSeenAvatarUrl: null,
        lastSeenAt: now,
        headlineHistory: connection.headline ? [{ headline: connection.headline, seenAt: now }] : [],
      });
      report.people.new++;
      report.records.new++;
      return;
    }
    let changed = false;
    const nextIdentity = withHeadline(
      { ...identity, lastSeenName: identity.lastSeenName ?? connection.name },
      connection.headline,
      now,
    );
    if (canonical(nextIdentity) !== canonical(identity)) {
      plan.identities.push(nextIdentity);
      report.records.updated++;
      changed = true;
    } else report.records.unchanged++;
    const person = touched.get(identity.personId) ?? people.get(identity.personId);
    if (person && person.metAt === null && connection.connectedAt !== null) {
      touched.set(person.id, {
        ...person,
        metAt: connection.connectedAt,
        updatedAt: Math.max(now, person.updatedAt),
      });
      changed = true;
    }
    report.people[changed ? 'updated' : 'unchanged']++;
  });
  plan.people.push(...touched.values());
  return plan;
}

const looksLikeId = (value: string | null): value is string =>
  value !== null && value.length >= 1 && value.length <= 100;

/**
 * Each card is a person: the same one as in Rapport when its UID is a person's id (a card Rapport wrote)
 * or one of its LinkedIn, Facebook or X links is a known profile. Profiles the person does not have yet are
 * added; the card's NOTE becomes a note unless the person already has one with that text. E-mail
 * addresses, phone numbers and birthdays are not kept: Rapport has no place for them.
 */
export async function planVCards(
  db: RapportDatabase,
  contacts: readonly Pick<ImportedContact, 'name' | 'identities' | 'note' | 'uid' | 'line'>[],
  clock: Clock,
): Promise<ImportPlan> {
  const plan = emptyPlan('vcard', 'merge');
  const { report } = plan;
  const now = clock.now();
  const refs = contacts.flatMap((c) => c.identities.map((r) => [r.network, r.id] as [string, string]));
  const knownIdentities = new Map<string, IdentityRow>();
  for (const row of await db.identities.bulkGet(refs))
    if (row) knownIdentities.set(identityKey(row.network, row.handle), row);
  const uids = contacts.map((c) => c.uid).filter(looksLikeId);
  const byUid = new Map<string, PersonRow>();
  for (const row of await db.people.bulkGet(uids)) if (row) byUid.set(row.id, row);
  const existingIds = new Set<string>();
  for (const row of knownIdentities.values()) existingIds.add(row.personId);
  for (const id of byUid.keys()) existingIds.add(id);
  const existingNotes = await db.notes
    .where('personId')
    .anyOf([...existingIds])
    .toArray();
  const noteTexts = new Map<string, Set<string>>();
  const remember = (personId: string, text: string) => {
    const set = noteTexts.get(personId) ?? new Set<string>();
    set.add(text.trim());
    noteTexts.set(personId, set);
  };
  for (const note of existingNotes) remember(note.personId, note.text);
  // A card Rapport wrote holds all of a person's notes as one NOTE: reading it back adds nothing.
  const byPerson = new Map<string, typeof existingNotes>();
  for (const note of existingNotes)
    byPerson.set(note.personId, [...(byPerson.get(note.personId) ?? []), note]);
  for (const [personId, notes] of byPerson) {
    remember(
      personId,
      [...notes]
        .sort((a, b) => a.createdAt - b.createdAt)
        .map((n) => n.text)
        .join('\n\n'),
    );
  }
  // Profiles planned in this file, so two cards for the same profile are one person.
  const planned = new Map<string, string>();
  const newPeople = new Set<string>();
  const updated = new Set<string>();
  const taken = new Set<string>();
  const everyone = new Set<string>();

  for (const contact of contacts) {
    const owners = contact.identities
      .map(
        (ref) =>
          knownIdentities.get(identityKey(ref.network, ref.id))?.personId ??
          planned.get(identityKey(ref.network, ref.id)),
      )
      .filter((id) => id !== undefined);
    let personId = looksLikeId(contact.uid) && byUid.has(contact.uid) ? contact.uid : owners[0];
    const isNew = personId === undefined;
    if (personId === undefined) {
      const uidFree =
        looksLikeId(contact.uid) &&
        !byUid.has(contact.uid) &&
        !taken.has(contact.uid) &&
        !(await db.people.get(contact.uid));
      personId = uidFree ? (contact.uid as string) : clock.newId();
      taken.add(personId);
      plan.people.push(newPersonRow(personId, displayName(contact.name, contact.name), now));
      newPeople.add(personId);
    }
    let changed = false;
    for (const ref of contact.identities) {
      const k = identityKey(ref.network, ref.id);
      const owner = knownIdentities.get(k)?.personId ?? planned.get(k);
      if (owner === personId) {
        report.records.unchanged += knownIdentities.has(k) ? 1 : 0;
        continue;
      }
      if (owner !== undefined) {
        addProblems(plan, [
          {
            line: contact.line,
            reason: `${contact.name}: ${ref.network} profile ${ref.id} already belongs to someone else in Rapport; left there`,
          },
        ]);
        continue;
      }
      planned.set(k, personId);
      plan.identities.push({
        network: ref.network,
        handle: ref.id,
        personId,
        url: canonicalProfileUrl(ref),
        lastSeenName: null,
        lastSeenHeadline: null,
        lastSeenAvatarUrl: null,
        lastSeenAt: now,
        headlineHistory: [],
      });
      report.records.new++;
      changed = true;
    }
    if (contact.note !== null && contact.note.trim() !== '') {
      if (noteTexts.get(personId)?.has(contact.note.trim())) report.records.unchanged++;
      else {
        plan.notes.push({ id: clock.newId(), personId, text: contact.note, createdAt: now, updatedAt: now });
        remember(personId, contact.note);
        report.records.new++;
        changed = true;
      }
    }
    everyone.add(personId);
    if (!isNew && changed) updated.add(personId);
  }
  report.people.new = newPeople.size;
  report.people.updated = [...updated].filter((id) => !newPeople.has(id)).length;
  report.people.unchanged = everyone.size - report.people.new - report.people.updated;
  return plan;
}
