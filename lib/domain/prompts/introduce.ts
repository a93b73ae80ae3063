// introduce: two of the user's ties who share an interest or goal and are not linked yet. Introductions
// add value for both (new ties bring new perspectives) and the user is the bridge.
// No all-pairs scan: people are indexed by topic, only the PER_TOPIC strongest ties of each topic are
// paired (the user must know both well enough to vouch for them), and at most MAX_PAIRS pairs are looked
// at in all. Topics the user focuses on go first, then rarer topics: two people into "urban beekeeping"
// make a better match than two people into "leadership".

import type { PersonFacts, PromptContext } from './context';
import { bandScore, comparePrompts, introduceValue } from './scoring';
import { compareText, plainText } from './text';
import { NETWORKS, type Prompt } from './types';

export const PER_TOPIC = 8;
export const MAX_PAIRS = 4000;

export const byStrength = (a: PersonFacts, b: PersonFacts) =>
  b.tie.score - a.tie.score || compareText(a.person.id, b.person.id);

/** Topics of the user's focus sort before the rest. */
const focusedFirst = (ctx: PromptContext, key: string) => (ctx.focus.has(key) ? 0 : 1);

/** The newest headline seen on any network: ", Director at B", or '' when none is known. */
function headlineOf(facts: PersonFacts): string {
  let best: { headline: string; seenAt: number } | null = null;
  for (const identity of facts.person.identities) {
    for (const seen of identity.headlineHistory) {
      const newer = best === null || seen.seenAt > best.seenAt;
      if (newer || (seen.seenAt === best?.seenAt && compareText(seen.headline, best.headline) < 0))
        best = seen;
    }
  }
  const text = best === null ? '' : plainText(best.headline, 80);
  return text === '' ? '' : ` (${text})`;
}

/**
 * The active people of each topic two or more of them share, strongest first, topics in the order they
 * are paired in; and each topic's label. Kept by prompt-run.ts between runs: a logged interaction moves
 * its person within their topics' lists, and nothing else here changes.
 */
export interface TopicIndex {
  topics: [string, PersonFacts[]][];
  labels: Map<string, string>;
}

export function topicIndex(ctx: PromptContext): TopicIndex {
  const members = new Map<string, PersonFacts[]>();
  const labels = new Map<string, string>();
  for (const facts of ctx.active) {
    for (const raw of [...facts.person.tags.interests, ...facts.person.tags.goals]) {
      const key = ctx.keyOf(raw);
      const label = ctx.focus.get(key)?.label ?? plainText(raw, 80);
      const seen = labels.get(key);
      if (key !== '' && (seen === undefined || compareText(label, seen) < 0)) labels.set(key, label);
    }
    for (const key of facts.introTopics) {
      const list = members.get(key);
      if (list === undefined) members.set(key, [facts]);
      else list.push(facts);
    }
  }
  const topics = [...members.entries()].filter(([, list]) => list.length >= 2);
  topics.sort(
    ([ka, a], [kb, b]) =>
      focusedFirst(ctx, ka) - focusedFirst(ctx, kb) || a.length - b.length || compareText(ka, kb),
  );
  for (const [, list] of topics) list.sort(byStrength);
  return { topics, labels };
}

export function introducePrompts(ctx: PromptContext, index = topicIndex(ctx)): Prompt[] {
  const { topics, labels } = index;
  const pairs = new Map<string, { a: PersonFacts; b: PersonFacts; topics: string[] }>();
  let considered = 0;
  for (const [topic, list] of topics) {
    const top = list.slice(0, PER_TOPIC);
    for (let i = 0; i < top.length && considered < MAX_PAIRS; i += 1) {
      for (let j = i + 1; j < top.length && considered < MAX_PAIRS; j += 1) {
        considered += 1;
        const [x, y] = [top[i], top[j]];
        if (x === undefined || y === undefined || ctx.linked(x.person.id, y.person.id)) continue;
        const [a, b] = compareText(x.person.id, y.person.id) < 0 ? [x, y] : [y, x];
        const key = `introduce:${a.person.id}:${b.person.id}`;
        const pair = pairs.get(key);
        if (pair === undefined) pairs.set(key, { a, b, topics: [topic] });
        else pair.topics.push(topic);
      }
    }
  }

  const candidates: Prompt[] = [];
  for (const [key, { a, b, topics: shared }] of pairs) {
    if (ctx.hidden(key)) continue;
    shared.sort((x, y) => focusedFirst(ctx, x) - focusedFirst(ctx, y) || compareText(x, y));
    const first = shared[0] ?? '';
    const label = labels.get(first) ?? first;
    const more = shared.length > 1 ? ` (and ${shared.length - 1} more)` : '';
    const isFocus = ctx.focus.has(first);
    candidates.push({
      key,
      kind: 'introduce',
      personIds: [a.person.id, b.person.id],
      score: bandScore(
        'introduce',
        introduceValue(Math.min(a.tie.score, b.tie.score), shared.length, isFocus),
      ),
      reason: `${a.name} and ${b.name} both care about ${label}${more} and are not connected yet`,
      draft:
        `Hi ${a.first} and ${b.first}, I'd like to introduce you: you both care about ${label}, and I think ` +
        `you'd enjoy comparing notes. ${a.first}, meet ${b.name}${headlineOf(b)}. ` +
        `${b.first}, meet ${a.name}${headlineOf(a)}.`,
      network:
        NETWORKS.find(
          (n) =>
            a.person.identities.some((i) => i.network === n) &&
            b.person.identities.some((i) => i.network === n),
        ) ?? null,
      dueAt: ctx.now,
    });
  }

  // Each person in at most one introduction, best pairs first: a list of ten introductions for the same
  // well-connected person is noise, and the next best pair shows up once one is done or dismissed.
  candidates.sort(comparePrompts);
  const used = new Set<string>();
  return candidates.filter((prompt) => {
    if (prompt.personIds.some((id) => used.has(id))) return false;
    for (const id of prompt.personIds) used.add(id);
    return true;
  });
}
