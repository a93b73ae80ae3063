import type { RapportDatabase } from '@/lib/db/database';
import type { Direction, InteractionKind } from '@/lib/domain/types';
import { logInteraction } from '@/lib/services/interactions';
import { saveNote } from '@/lib/services/notes';
import { addPerson, updatePerson } from '@/lib/services/people';
import { snapshot, T0, testClock } from '../services/helpers';

export const DAY = 86_400_000;
export const NOW = T0 + 400 * DAY;

/** Adds someone from a LinkedIn profile with the given fields; returns their id. */
export async function person(
  db: RapportDatabase,
  id: string,
  name: string,
  patch: Parameters<typeof updatePerson>[1]['patch'] = {},
): Promise<string> {
  const clock = testClock(T0);
  await addPerson(db, { personId: id, snapshot: snapshot(id, name) }, clock);
  if (Object.keys(patch).length > 0) await updatePerson(db, { personId: id, patch }, clock);
  return id;
}

let next = 0;
export async function log(
  db: RapportDatabase,
  personId: string,
  at: number,
  kind: InteractionKind,
  direction: Direction,
  text: string | null = null,
): Promise<void> {
  next += 1;
  await logInteraction(
    db,
    { id: `seed-${next}`, personId, at, kind, direction, channel: 'linkedin', text, sourceUrl: null },
    testClock(at),
  );
}

export async function note(db: RapportDatabase, handle: string, text: string): Promise<void> {
  next += 1;
  await saveNote(
    db,
    { ref: { network: 'linkedin', id: handle }, snapshot: null, noteId: `note-${next}`, text },
    testClock(T0),
  );
}

/**
 * Ana owes nothing but asked a question 3 days ago (reply), Ben's headline... (not modelled), Carl is a
 * tie last contacted 120 days ago (reconnect), Dee shared news 2 days ago (congratulate).
 */
export async function seedPrompts(db: RapportDatabase) {
  await person(db, 'ana', 'Ana Alvarez', { expertise: ['Kubernetes'], howWeMet: 'Rust meetup in Lyon' });
  await log(db, 'ana', NOW - 200 * DAY, 'message', 'me');
  await log(db, 'ana', NOW - 3 * DAY, 'question-asked', 'them', 'Which CI do you use?');
  await person(db, 'carl', 'Carl Chen', { interests: ['Climate'], metAt: NOW - 500 * DAY });
  await log(db, 'carl', NOW - 120 * DAY, 'meeting', 'mutual');
  await person(db, 'dee', 'Dee Diaz', { tools: ['Figma'] });
  await log(db, 'dee', NOW - 2 * DAY, 'share', 'them', 'Launched our design system');
  await note(db, 'dee', 'Great at hiring designers');
}
