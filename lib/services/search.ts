import type { RapportDatabase } from '@/lib/db/database';
import { tagKey } from '@/lib/db/derive';
import type { DigestRow, SearchRow } from '@/lib/db/rows';
import { type Network, profileUrl } from '@/lib/domain/prompts';
import { tieScore } from '@/lib/domain/prompts/tie-score';
import { expandFacts } from './digest-facts';
import { type MatchedIn, refreshDigests, SECTIONS, type SectionCode, searchKey } from './digests';

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

function sectionsOf(haystack: string, words: readonly string[]): MatchedIn[] | null {
  const found = new Set<SectionCode>();
  for (const word of words) {
    let index = haystack.indexOf(word);
    if (index < 0) return null;
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

/** Name matches first (a word starting the name before one inside it), then by name. */
function rank(row: SearchRow, words: readonly string[]): number {
  const name = searchKey(row.name);
  if (words.every((w) => name.split(' ').some((part) => part.startsWith(w)))) return 0;
  if (words.every((w) => name.includes(w))) return 1;
  return 2;
}

async function sharedTagCount(db: RapportDatabase, digest: DigestRow): Promise<number> {
  const keys = [
    ...digest.interests.map((t) => tagKey('interests', t)),
    ...digest.goals.map((t) => tagKey('goals', t)),
    ...digest.expertise.map((t) => tagKey('expertise', t)),
    ...digest.tools.map((t) => tagKey('tools', t)),
  ];
  const holders = await Promise.all(
    keys.map((key) => db.people.where('tagKeys').equals(key).limit(2).primaryKeys()),
  );
  return holders.filter((ids) => ids.some((id) => id !== digest.personId)).length;
}

export async function searchAll(db: RapportDatabase, input: SearchInput, now: number): Promise<SearchResult> {
  await refreshDigests(db, now);
  const words = searchKey(input.query)
    .split(' ')
    .filter((w) => w !== '');
  return db.transaction('r', db.searchRows, db.digests, db.people, async () => {
    const rows = await db.searchRows.toArray();
    const candidates: { row: SearchRow; matchedIn: MatchedIn[]; rank: number }[] = [];
    for (const row of rows) {
      if (row.archived && !input.includeArchived) continue;
      if (input.network !== null && !row.networks.includes(input.network)) continue;
      const matchedIn = words.length === 0 ? [] : sectionsOf(row.haystack, words);
      if (matchedIn === null) continue;
      candidates.push({ row, matchedIn, rank: words.length === 0 ? 0 : rank(row, words) });
    }
    candidates.sort(
      (a, b) =>
        a.rank - b.rank || a.row.name.localeCompare(b.row.name) || (a.row.personId < b.row.personId ? -1 : 1),
    );
    const considered = candidates.slice(
      0,
      input.strength === 'any' ? input.limit : Math.max(input.limit, STRENGTH_CANDIDATES_MAX),
    );
    const digests = await db.digests.bulkGet(considered.map((c) => c.row.personId));
    const hits: SearchHit[] = [];
    for (const [index, { row, matchedIn }] of considered.entries()) {
      const digest = digests[index];
      if (!digest) continue;
      const tie = tieScore(
        {
          closeness: digest.closeness,
          metAt: digest.metAt,
          interactions: expandFacts(digest.facts, digest.older),
          sharedTagCount: await sharedTagCount(db, digest),
          mutualLinkCount: new Set(digest.links.map((l) => l.otherPersonId)).size,
          override: digest.tieOverride,
        },
        now,
      );
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
