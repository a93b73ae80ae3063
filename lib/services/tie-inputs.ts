import type { InteractionRow, LinkRow, PersonRow } from '@/lib/db/rows';
import type { InteractionFact, TieInputs } from '@/lib/domain';
import { INTERACTION_KINDS } from '@/lib/domain/types';

// Rows → the tie model's inputs. The domain throws a RangeError on a NaN or out-of-range time (a bug
// upstream); rows written by an older version, an import or a bug must not make the whole person view
// fail, so unusable values are dropped here, as if unknown.

const MAX_TIME_MS = 8.64e15;
const KINDS = new Set<string>(INTERACTION_KINDS);

export function usableTime(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_TIME_MS ? value : null;
}

export function usableNumber(value: unknown, min: number, max: number): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max ? value : null;
}

/** Whether the tie model (and the view's schema) can take this row; others are left out of both. */
export function isUsableInteraction(row: InteractionRow): boolean {
  return (
    usableTime(row.at) !== null &&
    KINDS.has(row.kind) &&
    (row.direction === 'me' || row.direction === 'them' || row.direction === 'mutual')
  );
}

export function interactionFacts(rows: readonly InteractionRow[]): InteractionFact[] {
  return rows
    .filter(isUsableInteraction)
    .map((row) => ({ at: row.at, kind: row.kind, direction: row.direction }));
}

/**
 * sharedTagCount: how many of this person's tags at least one other person in Rapport also has (common
 * ground within the user's network; the user's own focus is not modelled yet). mutualLinkCount: how many
 * distinct other people are linked to this person, any kind (everyone in Rapport is someone the user knows).
 */
export function tieInputs(
  person: PersonRow,
  interactions: readonly InteractionFact[],
  links: readonly LinkRow[],
  sharedTagCount: number,
): TieInputs {
  const others = new Set(links.map((link) => (link.fromId === person.id ? link.toId : link.fromId)));
  others.delete(person.id);
  return {
    closeness: usableNumber(person.closeness, 0, 1),
    metAt: usableTime(person.metAt),
    interactions,
    sharedTagCount,
    mutualLinkCount: others.size,
    override: person.tieOverride === 'strong' || person.tieOverride === 'weak' ? person.tieOverride : null,
  };
}

export function cadenceOf(person: PersonRow): number | null {
  return usableNumber(person.cadenceDays, Number.MIN_VALUE, 36_500);
}

export function snoozeOf(person: PersonRow): number | null {
  return usableTime(person.snoozedUntil);
}
