import { type InteractionRow, type LinkRow, type PersonRow, TAG_KINDS } from '@/lib/db/rows';
import type { InteractionFact, TieInputs } from '@/lib/domain';
import { groupBy } from '@/lib/domain/group-by';
import { countSharedTopics, topicsOf } from '@/lib/domain/shared-topics';
import { tieStrength } from '@/lib/domain/tie-strength';
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
 * sharedTagCount: how many of this person's topics the user's focus names or another person who is not
 * archived also carries (lib/domain/shared-topics.ts, counted alike everywhere). mutualLinkCount: how many
 * distinct other people are linked to this person, any kind (everyone in Rapport is someone the user knows).
 */
export function tieInputs(
  person: Pick<PersonRow, 'id' | 'closeness' | 'metAt' | 'tieOverride'>,
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

/** What the people CSV says of each tie: score and strong/weak, as the sidebar computes them. */
export interface TieSummary {
  score: number;
  strong: boolean;
}

interface TieStore {
  people: readonly Pick<
    PersonRow,
    'id' | 'closeness' | 'metAt' | 'tieOverride' | 'archived' | (typeof TAG_KINDS)[number]
  >[];
  interactions: readonly InteractionRow[];
  links: readonly LinkRow[];
}

/**
 * Every person's tie from a whole store (a backup), with the same inputs the person view reads from the
 * database: their usable interactions, their links, and how many of their tags someone else also has.
 * Pure: the options page calls it to fill the CSV's tie columns.
 */
export function tieSummaries(
  store: TieStore,
  now: number,
  focus: { interests: readonly string[]; goals: readonly string[] } = { interests: [], goals: [] },
): Map<string, TieSummary> {
  const topicsOfPerson = new Map(
    store.people.map((person) => [person.id, topicsOf(TAG_KINDS.map((kind) => person[kind] ?? []))]),
  );
  // How many people who are not archived carry each topic (lib/domain/shared-topics.ts).
  const holders = new Map<string, number>();
  for (const person of store.people) {
    if (person.archived === true) continue;
    for (const topic of topicsOfPerson.get(person.id) ?? [])
      holders.set(topic, (holders.get(topic) ?? 0) + 1);
  }
  const named = topicsOf([focus.interests, focus.goals]);
  const interactionsOf = groupBy(store.interactions, (row) => row.personId);
  const linksOf = groupBy(store.links, (link) => [link.fromId, link.toId]);
  const ties = new Map<string, TieSummary>();
  for (const person of store.people) {
    const own = topicsOf(TAG_KINDS.map((kind) => person[kind] ?? []));
    const self = person.archived === true ? 0 : 1;
    const shared = countSharedTopics(own, named, (topic) => (holders.get(topic) ?? 0) - self >= 1);
    const facts = interactionFacts(interactionsOf.get(person.id) ?? []);
    const { score, strong } = tieStrength(
      tieInputs(person, facts, linksOf.get(person.id) ?? [], shared),
      now,
    );
    ties.set(person.id, { score, strong });
  }
  return ties;
}
