// The tie model's "tags shared with the user's other ties or the user's focus" (TieInputs.sharedTagCount),
// defined once: the sidebar, the popup, search and the CSV export all count it this way, so a tie is
// strong or weak alike wherever it is shown.

/** A tag as a topic: spacing, case and kind aside ("Climate " as an interest is "climate" as a goal). */
export function tagTopic(tag: string): string {
  return tag.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The distinct topics of some tag lists (empty tags left out). */
export function topicsOf(lists: Iterable<readonly string[]>): Set<string> {
  const topics = new Set<string>();
  for (const list of lists) for (const tag of list) topics.add(tagTopic(tag));
  topics.delete('');
  return topics;
}

/**
 * How many of `own` topics count as shared: named by the user's focus, or held by another person who is
 * not archived (in any kind of tag). `heldByOthers` answers the second from whatever the caller has.
 */
export function countSharedTopics(
  own: ReadonlySet<string>,
  focus: ReadonlySet<string>,
  heldByOthers: (topic: string) => boolean,
): number {
  let count = 0;
  for (const topic of own) if (focus.has(topic) || heldByOthers(topic)) count += 1;
  return count;
}
