import type { RapportDatabase } from '@/lib/db/database';
import type { InteractionRow } from '@/lib/db/rows';
import type { Interaction, InteractionInput, InteractionPatch } from '@/lib/protocol/types';
import type { Clock } from './clock';
import { ConflictError, notFound } from './errors';

/**
 * Logs what happened with someone. The client chooses the id: a retry rewrites the same row (keeping when
 * it was first logged), and an id already used for someone else is refused rather than moved.
 */
export async function logInteraction(
  db: RapportDatabase,
  input: InteractionInput,
  clock: Clock,
): Promise<Interaction> {
  return db.transaction('rw', db.people, db.interactions, async () => {
    if (!(await db.people.get(input.personId))) throw notFound('Person', input.personId);
    const existing = await db.interactions.get(input.id);
    if (existing && existing.personId !== input.personId) {
      throw new ConflictError(
        `Interaction ${input.id.slice(0, 100)} belongs to someone else; it was not changed.`,
      );
    }
    const now = clock.now();
    const row: InteractionRow = {
      ...input,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    await db.interactions.put(row);
    return toInteraction(row);
  });
}

export async function updateInteraction(
  db: RapportDatabase,
  input: { id: string; patch: InteractionPatch },
  clock: Clock,
): Promise<Interaction> {
  return db.transaction('rw', db.interactions, async () => {
    const row = await db.interactions.get(input.id);
    if (!row) throw notFound('Interaction', input.id);
    const patch = Object.fromEntries(Object.entries(input.patch).filter(([, value]) => value !== undefined));
    const next: InteractionRow = { ...row, ...patch, updatedAt: Math.max(clock.now(), row.updatedAt) };
    await db.interactions.put(next);
    return toInteraction(next);
  });
}

/** Deleting what is already gone succeeds, so a retried delete does not show an error. */
export async function deleteInteraction(db: RapportDatabase, id: string): Promise<boolean> {
  return db.transaction('rw', db.interactions, async () => {
    if (!(await db.interactions.get(id))) return false;
    await db.interactions.delete(id);
    return true;
  });
}

/** Newest first, `limit` at most; `before` (exclusive) pages on from the last one shown. */
export async function listInteractions(
  db: RapportDatabase,
  input: { personId: string; before: number | null; limit: number },
): Promise<Interaction[]> {
  const upper = input.before ?? Number.POSITIVE_INFINITY;
  const rows = await db.interactions
    .where('[personId+at]')
    .between([input.personId, Number.NEGATIVE_INFINITY], [input.personId, upper], true, input.before === null)
    .reverse()
    .limit(input.limit)
    .toArray();
  return rows.map(toInteraction);
}

/** All of one person's interactions, in key order (for the tie model, which sorts them itself). */
export function allInteractionsOf(db: RapportDatabase, personId: string): Promise<InteractionRow[]> {
  return db.interactions
    .where('[personId+at]')
    .between([personId, Number.NEGATIVE_INFINITY], [personId, Number.POSITIVE_INFINITY], true, true)
    .toArray();
}

export function toInteraction(row: InteractionRow): Interaction {
  return {
    id: row.id,
    personId: row.personId,
    at: row.at,
    kind: row.kind,
    direction: row.direction,
    channel: row.channel,
    text: row.text,
    sourceUrl: row.sourceUrl,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
