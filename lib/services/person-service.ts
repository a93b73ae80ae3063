import type { RapportDatabase } from '@/lib/db/database';
import type { IdentityRow, NoteRow, PersonRow } from '@/lib/db/rows';
import type { Note, PersonView, WireProfileRef, WireProfileSnapshot } from '@/lib/protocol/types';

export interface Clock {
  now: () => number;
  newId: () => string;
}

export async function getPersonView(db: RapportDatabase, ref: WireProfileRef): Promise<PersonView> {
  return db.transaction('r', db.people, db.identities, db.notes, async () => {
    const identity = await db.identities.get([ref.network, ref.id]);
    const person = identity ? await db.people.get(identity.personId) : undefined;
    if (!person) return { ref, person: null, notes: [] };
    const notes = await db.notes.where('personId').equals(person.id).toArray();
    notes.sort((a, b) => b.createdAt - a.createdAt || a.id.localeCompare(b.id));
    return { ref, person: toPersonSummary(person), notes: notes.map(toNote) };
  });
}

export interface SaveNoteInput {
  ref: WireProfileRef;
  snapshot: WireProfileSnapshot | null;
  noteId: string;
  text: string;
}

/**
 * One transaction: the person and identity are created if this is someone new, then the note is
 * written. Only `text` and `updatedAt` change on an existing note, and a note can never move to another
 * person through this call (the id is checked against the person the profile belongs to).
 */
export async function saveNote(db: RapportDatabase, input: SaveNoteInput, clock: Clock): Promise<Note> {
  return db.transaction('rw', db.people, db.identities, db.notes, async () => {
    const now = clock.now();
    const personId = await ensurePerson(db, input.ref, input.snapshot, clock);
    const existing = await db.notes.get(input.noteId);
    if (existing && existing.personId !== personId) {
      throw new Error(`Note ${input.noteId} belongs to someone else; it was not changed.`);
    }
    const row: NoteRow = existing
      ? { ...existing, text: input.text, updatedAt: now }
      : { id: input.noteId, personId, text: input.text, createdAt: now, updatedAt: now };
    await db.notes.put(row);
    await db.people.update(personId, { updatedAt: now });
    return toNote(row);
  });
}

async function ensurePerson(
  db: RapportDatabase,
  ref: WireProfileRef,
  snapshot: WireProfileSnapshot | null,
  clock: Clock,
): Promise<string> {
  const identity = await db.identities.get([ref.network, ref.id]);
  if (identity) return identity.personId;
  const now = clock.now();
  const matching = snapshot && snapshot.network === ref.network && snapshot.id === ref.id ? snapshot : null;
  const person: PersonRow = {
    id: clock.newId(),
    name: matching?.name ?? ref.id,
    createdAt: now,
    updatedAt: now,
  };
  const row: IdentityRow = {
    network: ref.network,
    handle: ref.id,
    personId: person.id,
    url: matching?.url ?? '',
    lastSeenName: matching?.name ?? null,
    lastSeenHeadline: matching?.headline ?? null,
    lastSeenAvatarUrl: matching?.avatarUrl ?? null,
    lastSeenAt: now,
  };
  await db.people.add(person);
  await db.identities.add(row);
  return person.id;
}

function toPersonSummary(row: PersonRow) {
  return { id: row.id, name: row.name, createdAt: row.createdAt, updatedAt: row.updatedAt };
}

function toNote(row: NoteRow): Note {
  return {
    id: row.id,
    personId: row.personId,
    text: row.text,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
