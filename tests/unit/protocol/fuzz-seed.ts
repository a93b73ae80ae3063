import type { RapportDatabase } from '@/lib/db/database';
import { linkIdentity } from '@/lib/services/identities';
import { logInteraction } from '@/lib/services/interactions';
import { addLink } from '@/lib/services/links';
import { saveNote } from '@/lib/services/notes';
import { addPerson, updatePerson } from '@/lib/services/people';

/** A small store with a row in every table, named the way fuzz-payloads.ts names them. */
export async function seedStore(db: RapportDatabase): Promise<void> {
  const clock = { now: () => 1_699_000_000_000, newId: () => crypto.randomUUID() };
  const snap = (id: string, name: string) => ({
    network: 'linkedin' as const,
    id,
    url: `https://www.linkedin.com/in/${id}/`,
    name,
    headline: null,
    avatarUrl: null,
  });
  await addPerson(db, { personId: 'jane', snapshot: snap('jane-doe', 'Jane Doe') }, clock);
  await addPerson(db, { personId: 'rahul', snapshot: snap('rahul-mehta', 'Rahul Mehta') }, clock);
  await addPerson(db, { personId: 'zoe', snapshot: snap('zoe', 'Zoe Chen') }, clock);
  await linkIdentity(db, { ref: { network: 'x', id: 'jd' }, snapshot: null, personId: 'jane' }, clock);
  await updatePerson(db, { personId: 'jane', patch: { expertise: ['Hiring'], closeness: 0.6 } }, clock);
  await saveNote(
    db,
    { ref: { network: 'linkedin', id: 'jane-doe' }, snapshot: null, noteId: 'n-1', text: 'x' },
    clock,
  );
  const base = {
    personId: 'jane',
    kind: 'message',
    direction: 'me',
    channel: 'linkedin',
    text: null,
    sourceUrl: null,
  } as const;
  await logInteraction(db, { ...base, id: 'i-1', at: 1_698_000_000_000 }, clock);
  await addLink(db, { fromId: 'jane', kind: 'works-with', toId: 'zoe' }, clock);
}
