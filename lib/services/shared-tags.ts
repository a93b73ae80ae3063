import type { RapportDatabase } from '@/lib/db/database';
import { tagKey } from '@/lib/db/derive';
import { TAG_KINDS } from '@/lib/db/rows';
import type { UserFocus } from '@/lib/domain/prompts';
import { countSharedTopics, topicsOf } from '@/lib/domain/shared-topics';

/** A person's tags of each kind, as stored rows and digests hold them. */
type TagLists = { readonly [K in (typeof TAG_KINDS)[number]]?: readonly string[] };

/**
 * Up to two people who are not archived and carry `topic` in any kind of tag, from the tag index: two are
 * enough to know whether someone other than a given person has it, so a topic held by thousands costs
 * no more than a rare one. Shared by the calls of one search (`memo`), where the same tags recur.
 */
function activeHolders(db: RapportDatabase, topic: string, memo?: Map<string, Promise<string[]>>) {
  let found = memo?.get(topic);
  if (found === undefined) {
    found = db.people
      .where('tagKeys')
      .anyOf(TAG_KINDS.map((kind) => tagKey(kind, topic)))
      .filter((row) => row.archived !== true)
      .limit(2)
      .primaryKeys();
    memo?.set(topic, found);
  }
  return found;
}

/**
 * The tie model's sharedTagCount for one person, as every surface counts it (lib/domain/shared-topics.ts):
 * their topics the user's focus names or another active person also carries.
 */
export async function sharedTagCountOf(
  db: RapportDatabase,
  person: { id: string } & TagLists,
  focus: UserFocus,
  memo?: Map<string, Promise<string[]>>,
): Promise<number> {
  const named = focusTopics(focus);
  const held = await topicsHeldByOthers(db, person, { skip: named, memo });
  return countSharedTopics(ownTopics(person), named, (topic) => held.has(topic));
}

/** The topics the user's focus names. */
export function focusTopics(focus: UserFocus): Set<string> {
  return topicsOf([focus.interests, focus.goals]);
}

/** A person's own topics, over every kind of tag. */
export function ownTopics(person: TagLists): Set<string> {
  return topicsOf(TAG_KINDS.map((kind) => person[kind] ?? []));
}

/**
 * Which of a person's topics another active person also carries, from the tag index; topics in `skip`
 * (already counted as shared some other way) are not looked up. With the focus not yet known, look up
 * all of them and count with countSharedTopics once it is (the sidebar's view reads both at once).
 */
export async function topicsHeldByOthers(
  db: RapportDatabase,
  person: { id: string } & TagLists,
  options: { skip?: ReadonlySet<string>; memo?: Map<string, Promise<string[]>> } = {},
): Promise<Set<string>> {
  const held = new Set<string>();
  await Promise.all(
    [...ownTopics(person)]
      .filter((topic) => !options.skip?.has(topic))
      .map(async (topic) => {
        const ids = await activeHolders(db, topic, options.memo);
        if (ids.some((id) => id !== person.id)) held.add(topic);
      }),
  );
  return held;
}

/**
 * The same count from `carriers` (how many people who are not archived carry each topic, as the worker's
 * copy of the digests counts them) instead of the tag index: another such person carries a topic when
 * the count, less the person themselves if they are one, is at least one.
 */
export function sharedTagCountFromCarriers(
  person: { archived: boolean } & TagLists,
  focus: UserFocus,
  carriers: ReadonlyMap<string, number>,
): number {
  const self = person.archived ? 0 : 1;
  return countSharedTopics(ownTopics(person), focusTopics(focus), (topic) => {
    return (carriers.get(topic) ?? 0) - self >= 1;
  });
}
