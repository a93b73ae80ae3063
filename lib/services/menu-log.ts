import type { RapportDatabase } from '@/lib/db/database';
import type { Channel } from '@/lib/db/rows';
import type { MenuKind } from '@/lib/menu/kinds';
import type { Interaction, WireProfileRef, WireProfileSnapshot } from '@/lib/protocol/types';
import type { Clock } from './clock';
import { ensurePerson } from './identities';
import { logInteraction } from './interactions';

export interface MenuLogInput {
  ref: WireProfileRef;
  /** What the tab showed of this profile, if it is the same profile: names someone new. */
  snapshot: WireProfileSnapshot | null;
  entry: MenuKind;
  text: string | null;
  sourceUrl: string | null;
  interactionId: string;
}

/**
 * One transaction: the person behind the profile (added if new, so a right-click never asks for a form)
 * and the interaction. Returns what the confirmation and the undo need.
 */
export async function logFromMenu(
  db: RapportDatabase,
  input: MenuLogInput,
  clock: Clock,
): Promise<{ interaction: Interaction; personName: string; createdPerson: boolean }> {
  return db.transaction('rw', db.people, db.identities, db.interactions, async () => {
    const existing = await db.identities.get([input.ref.network, input.ref.id]);
    const personId = existing?.personId ?? (await ensurePerson(db, input.ref, input.snapshot, clock));
    const interaction = await logInteraction(
      db,
      {
        id: input.interactionId,
        personId,
        at: clock.now(),
        kind: input.entry.kind,
        direction: input.entry.direction,
        channel: input.ref.network satisfies Channel,
        text: input.text,
        sourceUrl: input.sourceUrl,
      },
      clock,
    );
    const person = await db.people.get(personId);
    return { interaction, personName: person?.name ?? input.ref.id, createdPerson: !existing };
  });
}
