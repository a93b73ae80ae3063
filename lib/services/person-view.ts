import type { RapportDatabase } from '@/lib/db/database';
import { type PersonRow, TAG_KINDS } from '@/lib/db/rows';
import { followUp, reciprocityLedger, tieStrength } from '@/lib/domain';
import { layerAtRank } from '@/lib/domain/dunbar';
import type { UserFocus } from '@/lib/domain/prompts';
import { activeFactsOf, buildContext, type PersonFacts } from '@/lib/domain/prompts/context';
import { byStrength, introducePrompts } from '@/lib/domain/prompts/introduce';
import { countSharedTopics } from '@/lib/domain/shared-topics';
import { insertionIndex } from '@/lib/domain/sorted';
import type { PersonView, TieView, WireProfileRef } from '@/lib/protocol/types';
import type { Clock } from './clock';
import { readEveryone } from './digest-mirror';
import { refreshDigests } from './digests';
import { notFound } from './errors';
import { ownerOf, toIdentity } from './identities';
import { allInteractionsOf, toInteraction } from './interactions';
import { linksOf, linkViews } from './links';
import { notesOf } from './notes';
import { toPersonDetails, toPersonSummary } from './people';
import { EMPTY_FOCUS, personUrl, toPromptState } from './popup';
import { keptPerStore, tiesKey } from './popup-cache';
import { focusTopics, ownTopics, topicsHeldByOthers } from './shared-tags';
import { cadenceOf, interactionFacts, isUsableInteraction, snoozeOf, tieInputs } from './tie-inputs';

/** The view keeps the newest ones; listInteractions pages through the rest. */
export const PERSON_VIEW_INTERACTIONS_MAX = 200;

/**
 * Everything the sidebar shows about the person behind a profile, read in one transaction. The user's
 * focus may still be on its way (settings live in extension storage, not the database): the reads do
 * not wait for it, only the count of shared tags does.
 */
export async function getPersonView(
  db: RapportDatabase,
  ref: WireProfileRef,
  clock: Clock,
  focus: UserFocus | Promise<UserFocus> = EMPTY_FOCUS,
): Promise<PersonView> {
  const focusRead = Promise.resolve(focus);
  // A view of nobody does not wait for it, and its failure is then nobody's to report.
  focusRead.catch(() => undefined);
  // Nobody's profile, known from memory, needs no transaction.
  const read = await (db.owners.lookup(ref.network, ref.id) === null ? null : readPerson(db, ref));
  if (!read) {
    return {
      ref,
      person: null,
      notes: [],
      details: null,
      identities: [],
      interactions: [],
      links: [],
      tie: null,
    };
  }
  const { person, notes, identities, rows, links, linkRows, held } = read;
  const sharedTagCount = countSharedTopics(ownTopics(person), focusTopics(await focusRead), (topic) =>
    held.has(topic),
  );
  // Rows the tie model cannot read (only a bug could write them) are left out of the list as well.
  const usable = rows.filter(isUsableInteraction).sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : 1));
  return {
    ref,
    person: toPersonSummary(person),
    notes,
    details: toPersonDetails(person),
    identities: identities.map(toIdentity),
    interactions: usable.slice(0, PERSON_VIEW_INTERACTIONS_MAX).map(toInteraction),
    links,
    tie: tieView(person, usable, linkRows, sharedTagCount, clock.now()),
  };
}

/** The person's rows, in one transaction: one round of requests once the profile names the person. */
function readPerson(db: RapportDatabase, ref: WireProfileRef) {
  return db.transaction('r', db.allTables, async () => {
    const personId = await ownerOf(db, ref);
    if (personId === null) return null;
    // The link rows are read once, for the list of who knows them and for the tie model.
    const personRead = db.people.get(personId);
    const linkRowsRead = linksOf(db, personId);
    const [person, notes, identities, rows, links, linkRows, held] = await Promise.all([
      personRead,
      notesOf(db, personId),
      db.identities.where('personId').equals(personId).toArray(),
      allInteractionsOf(db, personId),
      linkRowsRead.then((linkRows) => linkViews(db, personId, linkRows)),
      linkRowsRead,
      personRead.then((row) => (row ? topicsHeldByOthers(db, row) : new Set<string>())),
    ]);
    return person ? { person, notes, identities, rows, links, linkRows, held } : null;
  });
}

function tieView(
  person: PersonRow,
  rows: Parameters<typeof interactionFacts>[0],
  links: Parameters<typeof tieInputs>[2],
  sharedTagCount: number,
  now: number,
): TieView {
  const facts = interactionFacts(rows);
  const inputs = tieInputs(person, facts, links, sharedTagCount);
  const strength = tieStrength(inputs, now);
  const ledger = reciprocityLedger(facts, now);
  const due = followUp(
    {
      lastInteractionAt: ledger.lastAt,
      metAt: inputs.metAt,
      cadenceDays: cadenceOf(person),
      strong: strength.strong,
      snoozedUntil: snoozeOf(person),
    },
    now,
  );
  return {
    computedAt: now,
    score: strength.score,
    strong: strength.strong,
    reasons: strength.reasons,
    dimensions: strength.dimensions,
    sharedTagCount: inputs.sharedTagCount,
    mutualLinkCount: inputs.mutualLinkCount,
    reciprocity: ledger,
    followUp: due,
  };
}

/** The first `count` of `people` by score (highest first, then id), without sorting them all. */
function strongestFirst<T extends { id: string }>(
  people: readonly T[],
  scoreOf: (id: string) => number,
  count: number,
) {
  const top: { person: T; score: number }[] = [];
  const before = (a: { person: T; score: number }, b: { person: T; score: number }) =>
    b.score - a.score || (a.person.id < b.person.id ? -1 : 1);
  for (const person of people) {
    const entry = { person, score: scoreOf(person.id) };
    const last = top[count - 1];
    if (last && before(entry, last) >= 0) continue;
    top.splice(insertionIndex(top, entry, before), 0, entry);
    if (top.length > count) top.pop();
  }
  return top.map((entry) => entry.person);
}

/** Shown per shared tag: the strongest ties first. */
export const SHARED_PEOPLE_MAX = 5;
const HIDDEN_PROMPTS_MAX = 100;

const standings = keptPerStore<ReturnType<typeof computeEveryonesStanding>>();

async function computeEveryonesStanding(db: RapportDatabase, now: number, focus: UserFocus) {
  const { people, states: stateRows } = await readEveryone(db);
  const ctx = buildContext({ people, states: stateRows.map(toPromptState), focus, flagged: [] }, now);
  // The same order dunbarLayers ranks by: strongest first, equal scores by id.
  const ranked = [...ctx.active].sort(byStrength);
  return { people, stateRows, ctx, ranked };
}

/**
 * Everyone's scores, layers and ranking: the costly part of a standing (every digest, one pass of the
 * prompt context). The sidebar asks again after each read of a person, so the last one is kept in
 * worker memory while the prompts' inputs are unchanged (a note leaves them), for the same focus, within
 * the same minute.
 */
async function everyonesStanding(db: RapportDatabase, now: number, focus: UserFocus) {
  await refreshDigests(db, now);
  return standings(db, await tiesKey(db, focus, now), () => computeEveryonesStanding(db, now, focus));
}

/**
 * Where this person stands among all the user's ties, which needs everyone's score: read from the
 * popup's per-person digests (one small row each), never from the interactions. Their Dunbar layer
 * and rank; who else has each of their tags; the best introduction the popup's rule finds for them
 * (ranked with the user's focus, as in the popup); which of their prompts the user put away (the
 * headline banner reads its dismissal there).
 */
export async function getPersonStanding(
  db: RapportDatabase,
  personId: string,
  now: number,
  focus: UserFocus = EMPTY_FOCUS,
) {
  const { people, stateRows, ctx, ranked } = await everyonesStanding(db, now, focus);
  // Per call, nothing is built for everyone (at 50,000 people a map of every score and of every name,
  // and each person's tags copied into a set, made most of a standing's time): lookups by id in the
  // active list, which is in id order, and one pass over everyone's tags without copies.
  const me = activeFactsOf(ctx.active, personId);
  const rank = me ? ranked.indexOf(me) + 1 : 0;

  // Archived or snoozed people are not active: only they are looked for among everyone.
  const self = me?.person ?? people.find((p) => p.id === personId);
  if (!self) throw notFound('Person', personId);
  const scoreOf = (id: string) => activeFactsOf(ctx.active, id)?.tie.score ?? -1;
  const byKey = new Map<string, { tag: string; people: typeof people; last: string | null }>();
  for (const kind of TAG_KINDS) {
    for (const tag of self.tags[kind]) {
      const key = ctx.keyOf(tag);
      if (key !== '' && !byKey.has(key)) byKey.set(key, { tag, people: [], last: null });
    }
  }
  for (const other of people) {
    if (other.archived || other.id === personId) continue;
    for (const kind of TAG_KINDS) {
      for (const tag of other.tags[kind]) {
        const entry = byKey.get(ctx.keyOf(tag));
        // Counted once per person, whichever of their tags spell the topic.
        if (!entry || entry.last === other.id) continue;
        entry.last = other.id;
        entry.people.push(other);
      }
    }
  }
  const shared = [...byKey.values()]
    .filter((entry) => entry.people.length > 0)
    .map(({ tag, people: holders }) => ({
      tag,
      count: holders.length,
      people: strongestFirst(holders, scoreOf, SHARED_PEOPLE_MAX).map((p) => ({
        id: p.id,
        name: p.name,
        url: personUrl(p),
      })),
    }));

  // The popup's introduction rule, asked only about pairs that include this person: the others are
  // narrowed to those sharing a topic with them and every other pair counts as already linked.
  const topics = me?.introTopics ?? new Set<string>();
  const sharesTopic = (facts: PersonFacts) => {
    for (const key of facts.introTopics) if (topics.has(key)) return true;
    return false;
  };
  const introduce = introducePrompts({
    ...ctx,
    active: ctx.active.filter((f) => f === me || sharesTopic(f)),
    linked: (a, b) => (a !== personId && b !== personId) || ctx.linked(a, b),
  })[0];
  // An introduction pairs active people.
  const names = new Map(
    (introduce?.personIds ?? []).map((id) => [id, activeFactsOf(ctx.active, id)?.person] as const),
  );
  const introduction = introduce
    ? {
        key: introduce.key,
        kind: introduce.kind,
        personIds: introduce.personIds,
        people: introduce.personIds.map((id) => ({ id, name: names.get(id)?.name ?? '' })),
        reason: introduce.reason,
        draft: introduce.draft,
        network: introduce.network,
        dueAt: introduce.dueAt,
        url: null,
      }
    : null;

  return {
    layer: rank > 0 ? layerAtRank(rank) : null,
    rank: rank > 0 ? rank : null,
    ranked: ranked.length,
    shared,
    introduction,
    hiddenPrompts: stateRows
      .filter((row) => row.personId === personId && ctx.hidden(row.key))
      .map((row) => row.key)
      .slice(0, HIDDEN_PROMPTS_MAX),
  };
}
