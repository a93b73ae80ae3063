// What every prompt rule needs, computed once per call: the active people with their tie strength and
// reciprocity ledger, the topics they share with the user's focus, the link graph, and which prompt keys
// the user has put away. Everything here is linear in the input (plus a sort by id).

import { type FollowUp, followUp } from '../cadence';
import { latestAt } from '../interactions';
import { loopOpenedBy, type ReciprocityLedger, reciprocityLedger } from '../reciprocity';
import { countSharedTopics, topicsOf } from '../shared-topics';
import { compareText, firstName, plainText, topicKeyMemo } from './text';
import { type TieScore, tieScore } from './tie-score';
import {
  type FlaggedSuccess,
  NETWORKS,
  type Network,
  type PromptInput,
  type PromptPerson,
  type PromptState,
} from './types';

/** A topic the user focuses on, in the user's own words. A goal wins over an interest of the same name. */
export interface Topic {
  key: string;
  label: string;
  kind: 'goal' | 'interest';
}

export interface PersonFacts {
  person: PromptPerson;
  name: string;
  first: string;
  tie: TieScore;
  /** Only `openLoops` is meaningful: without a loop-opening interaction the empty ledger is used. */
  ledger: ReciprocityLedger;
  lastAt: number | null;
  /** Focus topics found among the person's interests, goals or expertise: goals first, then by key. */
  focusTopics: Topic[];
  /** Their interests and goals (not expertise or tools): what introductions are matched on. */
  introTopics: Set<string>;
  network: Network | null;
}

export interface PromptContext {
  now: number;
  /** Not archived and not snoozed, ordered by id. */
  active: PersonFacts[];
  /** Plain names of everyone, archived included (an introduction may name an archived person). */
  names: Map<string, string>;
  focus: Map<string, Topic>;
  flagged: Map<string, FlaggedSuccess[]>;
  linked: (a: string, b: string) => boolean;
  hidden: (key: string) => boolean;
  /** Topics (tagTopic) two or more current (not archived) people carry: the tie model's shared tags. */
  sharedTags: ReadonlySet<string>;
  /** topicKey, memoised for this call. */
  keyOf: (raw: string) => string;
  /** The facts of one current person, as `active` holds them, with this context's shared tags and links. */
  factsOf: (person: PromptPerson) => PersonFacts;
}

function focusTopics(input: PromptInput, keyOf: (raw: string) => string): Map<string, Topic> {
  const topics = new Map<string, Topic>();
  const add = (raw: string, kind: Topic['kind']) => {
    const key = keyOf(raw);
    if (key === '') return;
    const label = plainText(raw, 80);
    const seen = topics.get(key);
    // Same key spelled differently: keep the smaller label so input order never matters.
    if (seen === undefined || (seen.kind === kind && compareText(label, seen.label) < 0)) {
      topics.set(key, { key, label, kind });
    } else if (seen.kind === 'interest' && kind === 'goal') topics.set(key, { key, label, kind });
  };
  for (const raw of input.focus.goals) add(raw, 'goal');
  for (const raw of input.focus.interests) add(raw, 'interest');
  return topics;
}

function personTopics(person: PromptPerson): Set<string> {
  const { interests, goals, expertise, tools } = person.tags;
  return topicsOf([interests, goals, expertise, tools]);
}

/** The person's follow-up at `now` from their facts, or null with no contact and no meeting to count from. */
export function followUpOf(facts: PersonFacts, now: number): FollowUp | null {
  const { person, lastAt, tie } = facts;
  if (lastAt === null && person.metAt === null) return null;
  return followUp(
    {
      lastInteractionAt: lastAt,
      metAt: person.metAt,
      cadenceDays: person.cadenceDays,
      strong: tie.strong,
      snoozedUntil: person.snoozedUntil,
    },
    now,
  );
}

export function hiddenKeys(states: readonly PromptState[], now: number): Set<string> {
  const hidden = new Set<string>();
  for (const state of states) {
    if (state.status !== 'snoozed' || state.until === undefined || state.until > now) hidden.add(state.key);
  }
  return hidden;
}

/** Undirected: a link stored on either side connects both. Links to unknown ids or to oneself are ignored. */
function linkGraph(people: readonly PromptPerson[]): Map<string, Set<string>> {
  const ids = new Set(people.map((p) => p.id));
  const graph = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    const set = graph.get(a);
    if (set === undefined) graph.set(a, new Set([b]));
    else set.add(b);
  };
  for (const person of people) {
    for (const link of person.links) {
      if (link.otherPersonId === person.id || !ids.has(link.otherPersonId)) continue;
      add(person.id, link.otherPersonId);
      add(link.otherPersonId, person.id);
    }
  }
  return graph;
}

export function preferredNetwork(person: PromptPerson): Network | null {
  return NETWORKS.find((network) => person.identities.some((i) => i.network === network)) ?? null;
}

const NO_LOOPS: ReciprocityLedger = reciprocityLedger([], 0);

/**
 * What a person's tie depends on beyond their own rows. Given when the input holds only some of the people
 * (the prompts of one person, from a cached run over everyone), so their tie is the one the full run gives.
 */
export interface StoreFacts {
  /** PromptContext.sharedTags of the run over everyone. */
  sharedTags: ReadonlySet<string>;
  /** How many distinct people are linked to each person. */
  linkCounts: ReadonlyMap<string, number>;
}

export function buildContext(input: PromptInput, now: number, store?: StoreFacts): PromptContext {
  const names = new Map<string, string>();
  for (const person of input.people) {
    if (names.has(person.id)) throw new Error(`buildPrompts: person id "${person.id}" appears twice`);
    names.set(person.id, plainText(person.name, 80));
  }
  const keyOf = topicKeyMemo();
  const focus = focusTopics(input, keyOf);
  const graph = linkGraph(input.people);
  const hidden = hiddenKeys(input.states, now);

  const current = input.people.filter((p) => !p.archived);
  // The tie model's shared tags, as every surface counts them (lib/domain/shared-topics.ts): topics two
  // or more current people carry, or the user's focus names.
  const topicsOfPerson = new Map(current.map((p) => [p.id, personTopics(p)] as const));
  const carriers = new Map<string, number>();
  for (const topics of topicsOfPerson.values())
    for (const topic of topics) carriers.set(topic, (carriers.get(topic) ?? 0) + 1);
  const sharedTags = new Set<string>();
  for (const [topic, count] of carriers) if (count >= 2) sharedTags.add(topic);
  const sharedKeys = store?.sharedTags ?? sharedTags;
  const focusForTies = topicsOf([input.focus.interests, input.focus.goals]);

  // Goals first, then by key: the order focusTopics lists them in for every person.
  const focusList = [...focus.values()].sort((a, b) =>
    a.kind === b.kind ? compareText(a.key, b.key) : a.kind === 'goal' ? -1 : 1,
  );
  const factsOf = (person: PromptPerson): PersonFacts => {
    const sharedTagCount = countSharedTopics(
      topicsOfPerson.get(person.id) ?? personTopics(person),
      focusForTies,
      (topic) => sharedKeys.has(topic),
    );
    const tie = tieScore(
      {
        closeness: person.closeness,
        metAt: person.metAt,
        interactions: person.interactions,
        sharedTagCount,
        mutualLinkCount: store?.linkCounts.get(person.id) ?? graph.get(person.id)?.size ?? 0,
        override: person.tieOverride,
      },
      now,
    );
    const { interests, goals, expertise } = person.tags;
    const introTopics = new Set<string>();
    for (const list of [interests, goals]) for (const raw of list) introTopics.add(keyOf(raw));
    introTopics.delete('');
    const shared: Topic[] = [];
    for (const topic of focusList) {
      if (introTopics.has(topic.key) || expertise.some((raw) => keyOf(raw) === topic.key)) shared.push(topic);
    }
    return {
      person,
      name: names.get(person.id) ?? '',
      first: firstName(person.name),
      tie,
      // Only open loops are read from the ledger, and most people have nothing that could open one.
      ledger: person.interactions.some((f) => loopOpenedBy(f) !== null)
        ? reciprocityLedger(person.interactions, now)
        : NO_LOOPS,
      lastAt: latestAt(person.interactions),
      focusTopics: shared,
      introTopics,
      network: preferredNetwork(person),
    };
  };
  const active = current.filter((p) => !(p.snoozedUntil !== null && p.snoozedUntil > now)).map(factsOf);
  active.sort((a, b) => compareText(a.person.id, b.person.id));

  const flagged = new Map<string, FlaggedSuccess[]>();
  for (const success of input.flagged) {
    const list = flagged.get(success.personId);
    if (list === undefined) flagged.set(success.personId, [success]);
    else list.push(success);
  }

  return {
    now,
    active,
    names,
    focus,
    flagged,
    linked: (a, b) => graph.get(a)?.has(b) ?? false,
    hidden: (key) => hidden.has(key),
    sharedTags,
    keyOf,
    factsOf,
  };
}

/** Where the active person with this id is, or -1: `active` is in id order (buildContext). */
export function activeIndexOf(active: readonly PersonFacts[], id: string): number {
  let low = 0;
  let high = active.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareText((active[middle] as PersonFacts).person.id, id) < 0) low = middle + 1;
    else high = middle;
  }
  return active[low]?.person.id === id ? low : -1;
}

/** The facts of the active person with this id, or undefined. */
export function activeFactsOf(active: readonly PersonFacts[], id: string): PersonFacts | undefined {
  const at = activeIndexOf(active, id);
  return at < 0 ? undefined : active[at];
}
