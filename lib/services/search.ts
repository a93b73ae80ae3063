import type { RapportDatabase } from '@/lib/db/database';
import { type Network, type PromptPerson, profileUrl, type UserFocus } from '@/lib/domain/prompts';
import { tieScore } from '@/lib/domain/prompts/tie-score';
import { searchKey } from '@/lib/domain/search-key';
import { mirroredAt } from './digest-mirror';
import { type MatchedIn, refreshDigests, SECTIONS, type SectionCode, toPromptPerson } from './digests';
import { EMPTY_FOCUS } from './popup';
import { currentGeneration, keptPerStore, tiesKey } from './popup-cache';
import { type IndexedRow, type SearchIndex, searchIndexAt } from './search-index';
import { sharedTagCountFromCarriers, sharedTagCountOf } from './shared-tags';

// "Who has experience with X?": every word of the query must appear (as a substring, case- and
// accent-insensitive) in the person's name, handles, tags (interests, goals, expertise, tools), how we
// met or notes. Reads the search rows only (one small row per person), then computes the tie of the best
// candidates from their digests, the same way the person view does.

export type Strength = 'any' | 'strong' | 'weak';

export interface SearchInput {
  query: string;
  strength: Strength;
  network: Network | null;
  includeArchived: boolean;
  limit: number;
}

export interface SearchHit {
  personId: string;
  name: string;
  strong: boolean;
  score: number;
  /** Where the words were found, in section order. */
  matchedIn: MatchedIn[];
  /** The profile to open: the first identity, LinkedIn first. Null for someone without one. */
  network: Network | null;
  url: string | null;
  handle: string | null;
  archived: boolean;
}

export interface SearchResult {
  hits: SearchHit[];
  /** How many people matched the words and network (before the strength filter and the limit). */
  matched: number;
}

/** Candidates whose tie is computed when filtering by strength: bounds the work on a vague query. */
export const STRENGTH_CANDIDATES_MAX = 300;

/** The sections of a haystack that holds every word where they occur, in section order. */
function sectionsOf(haystack: string, words: readonly string[]): MatchedIn[] {
  const found = new Set<SectionCode>();
  for (const word of words) {
    let index = haystack.indexOf(word);
    while (index >= 0) {
      const start = haystack.lastIndexOf('\n', index) + 1;
      found.add(haystack[start] as SectionCode);
      index = haystack.indexOf(word, index + 1);
    }
  }
  return (Object.keys(SECTIONS) as SectionCode[])
    .filter((code) => found.has(code))
    .map((code) => SECTIONS[code]);
}

/** Name matches first (a word starting the name before one inside it), then the rest. */
function rank(row: IndexedRow, words: readonly string[]): 0 | 1 | 2 {
  if (words.every((w) => row.nameParts.some((part) => part.startsWith(w)))) return 0;
  if (words.every((w) => row.nameKey.includes(w))) return 1;
  return 2;
}

/** The search rows as of now (digests refreshed first); also used to warm the index when the popup opens. */
export async function searchIndex(db: RapportDatabase, now: number): Promise<SearchIndex> {
  await refreshDigests(db, now);
  const generation = await db.transaction('r', db.popupCache, () => currentGeneration(db));
  return searchIndexAt(db, generation);
}

/**
 * Ties computed by earlier searches, kept while the key holds (tiesKey: the prompts' inputs, the focus and
 * the minute): typing a query searches again on every key, and a strong/weak filter needs the tie of up to
 * STRENGTH_CANDIDATES_MAX candidates each time.
 */
const keptTies = keptPerStore<Map<string, { score: number; strong: boolean }>>();

export async function searchAll(
  db: RapportDatabase,
  input: SearchInput,
  now: number,
  focus: UserFocus = EMPTY_FOCUS,
): Promise<SearchResult> {
  const words = searchKey(input.query)
    .split(' ')
    .filter((w) => w !== '');
  const { rows, generation } = await searchIndex(db, now);
  // Rows are in name order already, so three buckets by rank give the sorted list without a sort.
  const buckets: IndexedRow[][] = [[], [], []];
  for (const row of rows) {
    if (row.archived && !input.includeArchived) continue;
    if (input.network !== null && !row.networks.includes(input.network)) continue;
    if (!words.every((word) => row.haystack.includes(word))) continue;
    buckets[words.length === 0 ? 0 : rank(row, words)]?.push(row);
  }
  const candidates = buckets.flat();
  // Where the words were found is worked out for the rows that can be shown only: a vague query matches
  // thousands (at 50,000 people that walk was most of a search's scan).
  const considered = candidates
    .slice(0, input.strength === 'any' ? input.limit : Math.max(input.limit, STRENGTH_CANDIDATES_MAX))
    .map((row) => ({ row, matchedIn: sectionsOf(row.haystack, words) }));
  const kept = keptTies(db, await tiesKey(db, focus, now), () => new Map());
  // Everyone's digest in worker memory (digest-mirror.ts), when it is at this generation: the ties come
  // from it without reading a digest or walking the tag index.
  const mirrored = mirroredAt(db, generation);
  if (mirrored) {
    for (const { row } of considered) {
      const person = kept.has(row.personId) ? undefined : mirrored.people.get(row.personId);
      if (person)
        kept.set(
          row.personId,
          searchTie(
            person,
            sharedTagCountFromCarriers(
              { ...person.tags, archived: person.archived },
              focus,
              mirrored.carriers,
            ),
            now,
          ),
        );
    }
  }
  return db.transaction('r', db.digests, db.people, async () => {
    const missing = considered.filter((c) => !kept.has(c.row.personId)).map((c) => c.row.personId);
    const digests = missing.length === 0 ? [] : await db.digests.bulkGet(missing);
    // One index walk per tag for the whole search: the same tags recur across hits.
    const holders = new Map<string, Promise<string[]>>();
    const computed = await Promise.all(
      digests.map(async (digest) => {
        if (!digest) return null;
        const person = toPromptPerson(digest);
        const shared = await sharedTagCountOf(db, { id: person.id, ...person.tags }, focus, holders);
        return searchTie(person, shared, now);
      }),
    );
    for (const [index, digest] of digests.entries()) {
      const tie = computed[index];
      if (digest && tie) kept.set(digest.personId, tie);
    }
    const hits: SearchHit[] = [];
    for (const { row, matchedIn } of considered) {
      const tie = kept.get(row.personId);
      if (!tie) continue;
      if (input.strength === 'strong' && !tie.strong) continue;
      if (input.strength === 'weak' && tie.strong) continue;
      const profile = row.handles[0];
      hits.push({
        personId: row.personId,
        name: row.name,
        strong: tie.strong,
        score: tie.score,
        matchedIn,
        network: profile?.network ?? null,
        url: profile ? profileUrl({ ...profile, headlineHistory: [] }) : null,
        handle: profile?.handle ?? null,
        archived: row.archived,
      });
      if (hits.length >= input.limit) break;
    }
    return { hits, matched: candidates.length };
  });
}

/** A hit's tie, from the person's digest and their shared-tag count (counted by the caller). */
function searchTie(person: PromptPerson, sharedTagCount: number, now: number) {
  const { score, strong } = tieScore(
    {
      closeness: person.closeness,
      metAt: person.metAt,
      interactions: person.interactions,
      sharedTagCount,
      mutualLinkCount: new Set(person.links.map((l) => l.otherPersonId)).size,
      override: person.tieOverride,
    },
    now,
  );
  return { score, strong };
}
