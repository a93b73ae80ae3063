import type { RapportDatabase } from '@/lib/db/database';
import type { NoteRow } from '@/lib/db/rows';
import type { Note, WireProfileRef, WireProfileSnapshot } from '@/lib/protocol/types';
import type { Clock } from './clock';
import { ConflictError } from './errors';
import { ensurePerson } from './identities';

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
      throw new ConflictError(`Note ${input.noteId} belongs to someone else; it was not changed.`);
    }
    const row: NoteRow = existing
      ? { ...existing, text: input.text, updatedAt: now }
      : { id: input.noteId, personId, text: input.text, createdAt: now, updatedAt: now };
    await db.notes.put(row);
    await db.people.update(personId, { updatedAt: now });
    return toNote(row);
  });
}

/** Deleting a note that is already gone is not an error: the retry of a delete must succeed. */
export async function deleteNote(db: RapportDatabase, noteId: string): Promise<boolean> {
  return db.transaction('rw', db.notes, async () => {
    if (!(await db.notes.get(noteId))) return false;
    await db.notes.delete(noteId);
    return true;
  });
}

export async function notesOf(db: RapportDatabase, personId: string): Promise<Note[]> {
  const rows = await db.notes.where('personId').equals(personId).toArray();
  rows.sort((a, b) => b.createdAt - a.createdAt || a.id.localeCompare(b.id));
  return rows.map(toNote);
}

export function toNote(row: NoteRow): Note {
  return {
    id: row.id,
    personId: row.personId,
    text: row.text,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
