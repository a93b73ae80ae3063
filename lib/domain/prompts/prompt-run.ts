// The prompts over everyone, kept from one run to the next so that a write costs about as much as the
// people it changed. At 10,000 people the full run (context, then every rule) took most of the popup's
// time after each logged interaction, although the write changed one person.
//
// Every prompt but introduce depends only on its person's facts, `now`, the focus, the prompt states it
// looks up, and a few facts about everyone: the shared tags, the link graph and the names (thanks name
// the people introduced). Those change only when someone's name, tags, links, archived flag or snooze
// changes, or someone comes or goes: then the run starts over. Otherwise only the people whose digest
// changed, or whose looked-up prompt states changed, are computed again, and introduce reorders them
// within their topics. The result is the full run's (tests/unit/domain/prompts/prompt-run.test.ts).

import { indexInSorted, insertionIndex } from '../sorted';
import { activeIndexOf, buildContext, hiddenKeys, type PersonFacts, type PromptContext } from './context';
import { personPrompts, rankPrompts } from './index';
import { byStrength, introducePrompts, type TopicIndex, topicIndex } from './introduce';
import { comparePrompts } from './scoring';
import type { Prompt, PromptInput, PromptPerson } from './types';

interface Own {
  person: PromptPerson;
  /** Null when the person is archived or snoozed. */
  facts: PersonFacts | null;
  prompts: Prompt[];
  /** The prompt keys whose state the rules looked up for this person. */
  asked: string[];
}

export interface PromptRun {
  /**
   * The same object for a full run and every run kept from it: along it the time, who is active (in
   * the same order), archived or snoozed do not change, and a changed person's facts are new objects.
   */
  lineage: object;
  input: PromptInput;
  ctx: PromptContext;
  /** Visible prompts, best first, as buildPrompts gives them. */
  prompts: Prompt[];
  /** The introductions among them, best first. */
  introductions: Prompt[];
  /** Per person, in the order of input.people. */
  own: Own[];
  /** Everyone's own prompts, best first. */
  ranked: Prompt[];
  index: TopicIndex;
  hidden: Set<string>;
}

/** Past this many changed people a full run is as cheap. */
const MOST_CHANGED = 500;

/** Whether what other people's prompts read of this person is the same. */
const sameForOthers = (a: PromptPerson, b: PromptPerson) =>
  a.id === b.id &&
  a.name === b.name &&
  a.archived === b.archived &&
  a.snoozedUntil === b.snoozedUntil &&
  JSON.stringify([a.tags, a.links]) === JSON.stringify([b.tags, b.links]);

/** Computes people's own prompts in `ctx`, noting which prompt states each looked up. */
function ownPrompts(ctx: PromptContext, hidden: ReadonlySet<string>) {
  let asked: string[] = [];
  const lookup = {
    ...ctx,
    hidden: (key: string) => {
      asked.push(key);
      return hidden.has(key);
    },
  };
  return (person: PromptPerson, facts: PersonFacts | null): Own => {
    asked = [];
    return { person, facts, prompts: facts ? personPrompts(facts, lookup) : [], asked };
  };
}

// The lists kept sorted here change by a few items per write: the items that left are found and the
// few new ones put in place, both by binary search. Sorting them again (at 50,000 people, about 33,000
// prompts and topics of up to 14,000 people) took most of a kept run: without it, the run after a
// write went from 75 to 15 ms (median, in Node). Filtering out the items that left, a pass over every
// list with a set lookup per item, was then most of what remained.

/** `sorted` without `gone` and with `added`, in `compare` order (`sorted` is in that order already). */
function placed<T>(
  sorted: readonly T[],
  gone: Iterable<T>,
  added: readonly T[],
  compare: (a: T, b: T) => number,
) {
  const next = [...sorted];
  for (const item of gone) {
    const at = indexInSorted(next, item, compare);
    if (at >= 0) next.splice(at, 1);
  }
  for (const item of added) next.splice(insertionIndex(next, item, compare), 0, item);
  return next;
}

/**
 * The introductions (few, in comparePrompts order) put among everyone's own prompts, as rankPrompts
 * would rank them together: no key is in both (an introduction's names the pair, an own prompt's its kind
 * and person).
 */
function withIntroductions(ranked: readonly Prompt[], introductions: readonly Prompt[]): Prompt[] {
  const out: Prompt[] = [];
  let from = 0;
  for (const prompt of introductions) {
    const at = insertionIndex(ranked, prompt, comparePrompts);
    for (let i = from; i < at; i += 1) out.push(ranked[i] as Prompt);
    out.push(prompt);
    from = at;
  }
  for (let i = from; i < ranked.length; i += 1) out.push(ranked[i] as Prompt);
  return out;
}

function finish(run: Omit<PromptRun, 'prompts' | 'introductions'>): PromptRun {
  const introductions = rankPrompts(introducePrompts(run.ctx, run.index));
  return { ...run, introductions, prompts: withIntroductions(run.ranked, introductions) };
}

function fullRun(input: PromptInput, now: number): PromptRun {
  const built = buildContext(input, now);
  const hidden = hiddenKeys(input.states, now);
  const ctx = { ...built, hidden: (key: string) => hidden.has(key) };
  const facts = new Map(ctx.active.map((f) => [f.person.id, f]));
  const ownOf = ownPrompts(ctx, hidden);
  const own = input.people.map((p) => ownOf(p, facts.get(p.id) ?? null));
  const ranked = rankPrompts(own.flatMap((o) => o.prompts));
  return finish({ lineage: {}, input, ctx, own, ranked, index: topicIndex(ctx), hidden });
}

/** buildPrompts' answer and context for `input` at `now`, from `last` where it still holds. */
export function promptRun(input: PromptInput, now: number, last?: PromptRun): PromptRun {
  return (last?.ctx.now === now && keptRun(last, input)) || fullRun(input, now);
}

/**
 * The run for `input` at the time of `last`, computing again only where `last` no longer holds; null
 * when it must start over (see the top of this file). Pure: `last` is not changed.
 */
export function keptRun(last: PromptRun, input: PromptInput): PromptRun | null {
  const now = last.ctx.now;
  const before = last.input.people;
  const after = input.people;
  if (
    input.flagged.length + last.input.flagged.length > 0 ||
    before.length !== after.length ||
    JSON.stringify(last.input.focus) !== JSON.stringify(input.focus)
  )
    return null;
  const hidden = hiddenKeys(input.states, now);
  const flipped = new Set([...hidden].filter((key) => !last.hidden.has(key)));
  for (const key of last.hidden) if (!hidden.has(key)) flipped.add(key);

  const ctx = { ...last.ctx, hidden: (key: string) => hidden.has(key) };
  const own = [...last.own];
  const ownOf = ownPrompts(ctx, hidden);
  const replaced = new Map<PersonFacts, PersonFacts>();
  const dropped = new Set<Prompt>();
  const added: Prompt[] = [];
  let recomputed = 0;
  for (let i = 0; i < after.length; i += 1) {
    const person = after[i] as PromptPerson;
    // own[i].person is before[i]: comparing the two lists' entries reads no one's row (at 50,000
    // people, reading each `own` entry here was the kept run's largest cost).
    const same = before[i] === person;
    if (same && flipped.size === 0) continue;
    const was = own[i] as Own;
    if (same && !was.asked.some((key) => flipped.has(key))) continue;
    // Nobody came or went (same ids in the same order), and nothing others read of them changed.
    recomputed += 1;
    if (!sameForOthers(was.person, person) || recomputed > MOST_CHANGED) return null;
    // Archived and snooze are unchanged, so whether they are active is too.
    const facts = was.facts && (same ? was.facts : ctx.factsOf(person));
    const next = ownOf(person, facts);
    own[i] = next;
    for (const prompt of was.prompts) dropped.add(prompt);
    added.push(...next.prompts);
    if (was.facts && facts && facts !== was.facts) replaced.set(was.facts, facts);
  }

  const ranked = recomputed > 0 ? rankedAgain(last.ranked, dropped, added) : last.ranked;
  let index = last.index;
  if (replaced.size > 0) {
    // `active` is in id order: each replaced person is found by binary search, not by a pass over all.
    const active = [...ctx.active];
    for (const [was, is] of replaced) {
      const at = activeIndexOf(active, was.person.id);
      if (active[at] !== was) return null;
      active[at] = is;
    }
    ctx.active = active;
    // Each topic's list stays strongest first: the person is taken out and put back by their new tie.
    const topics = index.topics.map(([key, list]): [string, PersonFacts[]] => {
      const moved = [...replaced].filter(([, is]) => is.introTopics.has(key));
      if (moved.length === 0) return [key, list];
      return [
        key,
        placed(
          list,
          moved.map(([was]) => was),
          moved.map(([, is]) => is),
          byStrength,
        ),
      ];
    });
    index = { ...index, topics };
  }
  return finish({ lineage: last.lineage, input, ctx, own, ranked, index, hidden });
}

/**
 * `ranked` without `dropped` and with `added`, as rankPrompts would rank them. Every own prompt's key
 * names its person, and all of a recomputed person's prompts are dropped, so only `added` can hold a key
 * twice (two flagged successes of one person in one millisecond): that is left to rankPrompts.
 */
function rankedAgain(ranked: readonly Prompt[], dropped: ReadonlySet<Prompt>, added: readonly Prompt[]) {
  const keys = new Set<string>();
  for (const prompt of added) {
    if (keys.has(prompt.key)) return rankPrompts([...ranked.filter((p) => !dropped.has(p)), ...added]);
    keys.add(prompt.key);
  }
  return placed(ranked, dropped, [...added].sort(comparePrompts), comparePrompts);
}
