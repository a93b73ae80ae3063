import type { RapportDatabase } from '@/lib/db/database';
import { tagKey } from '@/lib/db/derive';
import type { TagKind } from '@/lib/db/rows';

// Suggestions while the user adds a tag: the tags of that kind they already use, most used first, so the
// same interest is spelled the same way on everyone and "who else is into X" finds them all.

/**
 * Index entries read at most per request. The `tagKeys` index is read alone (no rows), so this bounds
 * the work on a very large store; counts beyond it are a sample, which is enough to rank suggestions.
 */
export const TAG_SCAN_MAX = 20_000;

export interface TagUse {
  tag: string;
  count: number;
}

/** Tags of `kind` starting with `prefix` (case-insensitive), most used first, then alphabetically. */
export async function listTags(
  db: RapportDatabase,
  input: { kind: TagKind; prefix: string; limit: number },
): Promise<TagUse[]> {
  return db.transaction('r', db.people, async () => {
    const keys = await db.people
      .where('tagKeys')
      .startsWith(tagKey(input.kind, input.prefix))
      .limit(TAG_SCAN_MAX)
      .keys();
    const counts = new Map<string, number>();
    for (const key of keys) counts.set(String(key), (counts.get(String(key)) ?? 0) + 1);
    const top = [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)).slice(0, input.limit);
    // The index keeps keys lower-cased: show the spelling the user typed, from one person who has it.
    return Promise.all(
      top.map(async ([key, count]) => {
        const row = await db.people.where('tagKeys').equals(key).first();
        const tag = row?.[input.kind].find((one) => tagKey(input.kind, one) === key);
        return { tag: tag ?? key.slice(input.kind.length + 1), count };
      }),
    );
  });
}
