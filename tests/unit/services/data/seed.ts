import type { RapportDatabase } from '@/lib/db/database';
import { linkIdentity } from '@/lib/services/identities';
import { logInteraction } from '@/lib/services/interactions';
import { addLink } from '@/lib/services/links';
import { saveNote } from '@/lib/services/notes';
import { addPerson, createPerson, updatePerson } from '@/lib/services/people';
import { snapshot, testClock } from '../helpers';

/** Three people with a row in every table: Jane (two profiles, tags, a note, an interaction), Rahul, Ada. */
export async function seed(db: RapportDatabase) {
  const clock = testClock();
  await addPerson(
    db,
    { personId: 'jane', snapshot: snapshot('jane-doe', 'Jane Doe', 'Head of Product') },
    clock,
  );
  await addPerson(db, { personId: 'rahul', snapshot: snapshot('rahul-mehta', 'Rahul Mehta') }, clock);
  await createPerson(db, { personId: 'ada', name: 'Ada Lovelace' }, clock);
  await linkIdentity(db, { ref: { network: 'x', id: 'janedoe' }, snapshot: null, personId: 'jane' }, clock);
  clock.advance(1_000);
  await updatePerson(
    db,
    {
      personId: 'jane',
      patch: { expertise: ['Hiring', 'Rust'], closeness: 0.7, howWeMet: 'PyCon', introducedBy: 'rahul' },
    },
    clock,
  );
  await saveNote(
    db,
    {
      ref: { network: 'linkedin', id: 'jane-doe' },
      snapshot: null,
      noteId: 'n-jane',
      text: 'Likes "=SUM(A1)"',
    },
    clock,
  );
  await saveNote(
    db,
    {
      ref: { network: 'linkedin', id: 'rahul-mehta' },
      snapshot: null,
      noteId: 'n-rahul',
      text: 'Rahul note',
    },
    clock,
  );
  await logInteraction(
    db,
    {
      id: 'i-jane',
      personId: 'jane',
      at: clock.now(),
      kind: 'message',
      direction: 'me',
      channel: 'linkedin',
      text: 'hello',
      sourceUrl: null,
    },
    clock,
  );
  await logInteraction(
    db,
    {
      id: 'i-ada',
      personId: 'ada',
      at: clock.now(),
      kind: 'meeting',
      direction: 'mutual',
      channel: 'in-person',
      text: null,
      sourceUrl: null,
    },
    clock,
  );
  await addLink(db, { fromId: 'jane', kind: 'knows', toId: 'rahul' }, clock);
  await addLink(db, { fromId: 'ada', kind: 'introduced-me-to', toId: 'jane' }, clock);
  await addLink(db, { fromId: 'ada', kind: 'works-with', toId: 'rahul' }, clock);
  return clock;
}

/** The user's data (not caches derived from it), keys sorted at every level, rows sorted: equal means same data. */
export async function dataDigest(db: RapportDatabase): Promise<string> {
  const names = ['people', 'identities', 'notes', 'interactions', 'links', 'promptStates'];
  const tables = await Promise.all(
    db.tables
      .filter((table) => names.includes(table.name))
      .map(async (table) => [
        table.name,
        (await table.toArray())
          .map(sortKeys)
          .map((r) => JSON.stringify(r))
          .sort(),
      ]),
  );
  return JSON.stringify(tables);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}
