import type { RapportDatabase } from '@/lib/db/database';
import type { PromptStateRow } from '@/lib/db/rows';
import { compareScores, DUNBAR_LAYERS, type DunbarLayer, layerAtRank, topRanked } from '@/lib/domain/dunbar';
import {
  actionUrl,
  type Prompt,
  type PromptPerson,
  type PromptState,
  personPrompts,
  profileUrl,
  type UserFocus,
} from '@/lib/domain/prompts';
import { activeFactsOf, buildContext, type PersonFacts } from '@/lib/domain/prompts/context';
import { snoozedPromptsBackAt } from '@/lib/domain/prompts/next-change';
import { keptRun, type PromptRun, promptRun } from '@/lib/domain/prompts/prompt-run';
import { comparePrompts } from '@/lib/domain/prompts/scoring';
import { insertionIndex } from '@/lib/domain/sorted';
import { MS_PER_DAY } from '@/lib/domain/time';
import type { WireProfileRef } from '@/lib/protocol/types';
import { readEveryone } from './digest-mirror';
import { refreshDigests, toPromptPerson } from './digests';
import { ownerOf } from './identities';
import { type Cached, readCached, storeCached } from './popup-cache';
import { personColumns } from './popup-columns';

// What the toolbar popup shows, from the per-person digests (one small row per person, see digests.ts)
// and the prompt states: today's prompts, the follow-ups of the next two weeks, counts, and the person
// of the current tab. Nothing here reads the interactions table.

/** Follow-ups shown: due within this many days. */
export const UPCOMING_DAYS = 14;
export const PROMPTS_SHOWN_MAX = 30;
export const UPCOMING_SHOWN_MAX = 30;

/**
 * The user's focus (interests and goals the prompts match on) is a setting (lib/settings), read by the
 * caller. While it is empty no ask-question prompts appear and nothing is boosted by focus.
 */
export const EMPTY_FOCUS: UserFocus = { interests: [], goals: [] };

export interface PopupPrompt {
  key: string;
  kind: Prompt['kind'];
  personIds: string[];
  people: { id: string; name: string }[];
  reason: string;
  draft: string;
  network: Prompt['network'];
  dueAt: number;
  /** Where to act (a profile, or X's post intent); null when there is no such page. Never posts. */
  url: string | null;
}

export interface UpcomingFollowUp {
  personId: string;
  name: string;
  dueAt: number;
  strong: boolean;
  url: string | null;
}

export interface PopupCounts {
  people: number;
  strong: number;
  weak: number;
  layers: { layer: DunbarLayer; count: number; strong: number }[];
  beyondLayers: number;
  dueToday: number;
  archived: number;
}

export interface TabPerson {
  ref: WireProfileRef;
  personId: string | null;
  name: string | null;
  strong: boolean | null;
  score: number | null;
  layer: DunbarLayer | null;
  lastContactAt: number | null;
  topPrompt: PopupPrompt | null;
}

export interface PopupData {
  computedAt: number;
  prompts: PopupPrompt[];
  upcoming: UpcomingFollowUp[];
  counts: PopupCounts;
  tabPerson: TabPerson | null;
  /** True when the user has set no focus: the popup suggests setting one. */
  focusEmpty: boolean;
}

export function toPromptState(row: PromptStateRow): PromptState {
  return row.until === null
    ? { key: row.key, status: row.status }
    : { key: row.key, status: row.status, until: row.until };
}

/** Follow-ups, counts and prompt texts drift with time (scores, "3 days ago"): a cached answer is
 * recomputed at least this often even when no prompt changes state. */
export const CACHE_MAX_AGE_MS = 60 * 60 * 1000;

/** What the popup shows that does not depend on the tab: kept in the store (popup-cache.ts). */
export interface PopupSummary extends Cached {
  prompts: PopupPrompt[];
  upcoming: UpcomingFollowUp[];
  counts: PopupCounts;
  /** For the tab's person, so their tie and top prompt are the ones the full computation gives: */
  sharedTags: string[];
  /** The people in Dunbar's layers, strongest first (at most 150). */
  ranked: string[];
  /** Introductions (each person in at most one): the only prompts that depend on other people. */
  introductions: { score: number; prompt: PopupPrompt }[];
}

/** `people`: at least the ones the prompt names. */
function toPopupPrompt(prompt: Prompt, people: ReadonlyMap<string, PromptPerson>) {
  const first = people.get(prompt.personIds[0] ?? '');
  return {
    key: prompt.key,
    kind: prompt.kind,
    personIds: prompt.personIds,
    // Raw names, as the popup always showed them (the prompts' own texts use plain ones).
    people: prompt.personIds.map((id) => ({ id, name: people.get(id)?.name ?? '' })),
    reason: prompt.reason,
    draft: prompt.draft,
    network: prompt.network,
    dueAt: prompt.dueAt,
    url: first ? actionUrl(prompt, first) : null,
  };
}

export function personUrl(person: PromptPerson): string | null {
  const identity = [...person.identities].sort((a, b) =>
    a.network === b.network ? (a.handle < b.handle ? -1 : 1) : a.network === 'linkedin' ? -1 : 1,
  )[0];
  return identity ? profileUrl(identity) : null;
}

/**
 * Everything in the summary from a run of the prompts over every digest, at the run's time: taken when
 * the stored one is stale. Exported for its tests (a kept lineage against a full run).
 */
export function summarize(run: PromptRun): PopupSummary {
  const { ctx, prompts: all, introductions } = run;
  const { people, states, focus } = run.input;
  const now = ctx.now;
  const shown = all.slice(0, PROMPTS_SHOWN_MAX);
  // Only the people the shown prompts name: a map of everyone costs more than the rest after a write.
  const named = new Set([...shown, ...introductions].flatMap((p) => p.personIds));
  // Prompts name active people: found by id in the active list (in id order), not by a pass over everyone.
  const byId = new Map<string, PromptPerson>();
  for (const id of named) {
    const person = activeFactsOf(ctx.active, id)?.person ?? people.find((p) => p.id === id);
    if (person) byId.set(id, person);
  }
  const popupPrompt = (prompt: Prompt) => toPopupPrompt(prompt, byId);

  // Passes over everyone read columns of numbers kept along the run's lineage (popup-columns.ts).
  const columns = personColumns(run, UPCOMING_DAYS);
  const size = ctx.active.length;
  // Dunbar's layers hold the 150 strongest: only their order is needed, not everyone's.
  const idAt = (index: number) => (ctx.active[index] as PersonFacts).person.id;
  // Rows by index (Array.from with a map callback took 4 ms of the 12 here at 50,000 people, in Node).
  const rows = new Array<number>(size);
  for (let index = 0; index < size; index += 1) rows[index] = index;
  const top = topRanked(
    rows,
    DUNBAR_LAYERS.at(-1) ?? 0,
    // Ids are read only between equal scores: reading one is a cache miss.
    (a, b) =>
      compareScores(columns.score[a] as number, columns.score[b] as number) || (idAt(a) < idAt(b) ? -1 : 1),
  );
  const counts: PopupCounts = {
    people: size,
    strong: 0,
    weak: 0,
    layers: DUNBAR_LAYERS.map((layer) => ({ layer, count: 0, strong: 0 })),
    beyondLayers: size - top.length,
    dueToday: all.length,
    archived: columns.archived,
  };
  top.forEach((at, index) => {
    const layer = layerAtRank(index + 1);
    const slot = counts.layers.find((entry) => entry.layer === layer);
    if (slot) {
      slot.count += 1;
      if (columns.strong[at] === 1) slot.strong += 1;
    }
  });
  const horizon = now + UPCOMING_DAYS * MS_PER_DAY;
  // Only the soonest UPCOMING_SHOWN_MAX are shown: they are selected as they come, not all sorted.
  const soonest: number[] = [];
  const sooner = (a: number, b: number) =>
    (columns.upcomingDue[a] as number) - (columns.upcomingDue[b] as number) || (idAt(a) < idAt(b) ? -1 : 1);
  let changeAt = Number.POSITIVE_INFINITY;
  for (let index = 0; index < size; index += 1) {
    counts.strong += columns.strong[index] as number;
    changeAt = Math.min(changeAt, columns.changeAt[index] as number);
    const dueAt = columns.upcomingDue[index] as number;
    // NaN (no upcoming follow-up) fails both tests.
    if (!(dueAt <= horizon)) continue;
    const last = soonest[UPCOMING_SHOWN_MAX - 1];
    if (last !== undefined && dueAt > (columns.upcomingDue[last] as number)) continue;
    soonest.splice(insertionIndex(soonest, index, sooner), 0, index);
    if (soonest.length > UPCOMING_SHOWN_MAX) soonest.pop();
  }
  counts.weak = size - counts.strong;
  return {
    computedAt: now,
    // Until the answer changes by time alone: a prompt appears or goes (someone's personChange, a snooze
    // of a person or a prompt ending) or a follow-up enters what is upcoming; at most CACHE_MAX_AGE_MS.
    validUntil: Math.min(
      changeAt,
      columns.peopleBackAt,
      snoozedPromptsBackAt(states, now),
      now + CACHE_MAX_AGE_MS,
    ),
    inputs: JSON.stringify(focus),
    prompts: shown.map(popupPrompt),
    upcoming: soonest.map((index) => {
      const facts = ctx.active[index] as PersonFacts;
      return {
        personId: facts.person.id,
        name: facts.name,
        dueAt: columns.upcomingDue[index] as number,
        strong: facts.tie.strong,
        url: personUrl(facts.person),
      };
    }),
    counts,
    sharedTags: [...ctx.sharedTags],
    ranked: top.map(idAt),
    introductions: introductions.map((prompt) => ({ score: prompt.score, prompt: popupPrompt(prompt) })),
  };
}

/** One computation at a time per store: a popup opened while the badge recomputes waits for it. */
const computing = new WeakMap<RapportDatabase, Promise<unknown>>();
/** The last run of the prompts per store, in worker memory: a stopped worker starts with a full run. */
const runs = new WeakMap<RapportDatabase, PromptRun>();

/** The summary at `now`: the stored one while valid, else computed from the digests (and stored). */
export async function popupSummary(
  db: RapportDatabase,
  now: number,
  focus: UserFocus,
): Promise<PopupSummary> {
  const inputs = JSON.stringify(focus);
  const cached = await readCached<PopupSummary>(db, now, inputs);
  if (cached) return cached;
  const running = computing.get(db);
  if (running) {
    await running.catch(() => undefined);
    const fresh = await readCached<PopupSummary>(db, now, inputs);
    if (fresh) return fresh;
  }
  // The answer goes back as soon as it is computed; storing it (an IndexedDB write, 5 to 50 ms) finishes
  // inside `work`, which a popup opened meanwhile waits for before it reads the stored answer.
  let answer: (summary: PopupSummary) => void = () => undefined;
  const answered = new Promise<PopupSummary>((resolve) => {
    answer = resolve;
  });
  const work = (async () => {
    // Writes were waiting: once they are in the digests, the stored answer may still hold (a note).
    if ((await refreshDigests(db, now)) > 0) {
      const kept = await readCached<PopupSummary>(db, now, inputs);
      if (kept) return kept;
    }
    const { people, states, generation } = await readEveryone(db);
    // Flagged successes are stored as 'share' interactions (lib/menu/kinds.ts), so none are passed apart.
    const input = { people, states: states.map(toPromptState), focus, flagged: [] };
    // A new time changes every score, so only a run at the same time can be kept and computed again just
    // for the people a write changed (prompt-run.ts): a write it can keep is computed at the run's time,
    // as long as that answer holds at the clock's time, as a stored one must (below). Its answer is valid
    // at most CACHE_MAX_AGE_MS after the run, so an older run is not tried: a kept run's answer is never
    // older than what the popup shows without a write. (Runs were kept a minute: at 50,000 people the
    // first write after a quiet minute paid a full run, 1.1 to 1.4 s, in the popup's reply.)
    const last = runs.get(db);
    const kept = last && last.ctx.now <= now && now < last.ctx.now + CACHE_MAX_AGE_MS && keptRun(last, input);
    let run = kept || promptRun(input, now);
    let summary = summarize(run);
    // Something fell due since the kept run's time: the answer must be the one at now.
    if (summary.validUntil <= now) {
      run = promptRun(input, now);
      summary = summarize(run);
    }
    runs.set(db, run);
    answer(summary);
    await storeCached(db, generation, summary);
    return summary;
  })();
  computing.set(db, work);
  work
    .finally(() => {
      if (computing.get(db) === work) computing.delete(db);
    })
    .catch((error: unknown) => console.warn('Rapport: computing or storing the popup answer failed', error));
  return Promise.race([answered, work]);
}

/** Due prompts only: what the toolbar badge counts. */
export async function countDuePrompts(
  db: RapportDatabase,
  now: number,
  focus: UserFocus = EMPTY_FOCUS,
): Promise<number> {
  return (await popupSummary(db, now, focus)).counts.dueToday;
}

/**
 * The tab's person from their own digest and the summary: their tie uses the summary's shared tags and
 * their links, exactly as the computation over everyone does, and their top prompt is the best of their
 * own prompts and the introduction that names them.
 */
async function tabPersonOf(
  db: RapportDatabase,
  now: number,
  ref: WireProfileRef,
  focus: UserFocus,
  summary: PopupSummary,
): Promise<TabPerson> {
  const none: TabPerson = {
    ref,
    personId: null,
    name: null,
    strong: null,
    score: null,
    layer: null,
    lastContactAt: null,
    topPrompt: null,
  };
  const personId = await ownerOf(db, ref);
  if (personId === null) return none;
  const [digest, stateRows] = await db.transaction('r', db.digests, db.promptStates, () =>
    Promise.all([db.digests.get(personId), db.promptStates.where('personId').equals(personId).toArray()]),
  );
  if (!digest) return none;
  const person = toPromptPerson(digest);
  // Links count only towards people who exist, and oneself never (as in the link graph of context.ts).
  const others = [...new Set(person.links.map((l) => l.otherPersonId))].filter((id) => id !== person.id);
  const linked = others.length === 0 ? [] : await db.digests.where(':id').anyOf(others).primaryKeys();
  const input = { people: [person], states: stateRows.map(toPromptState), focus, flagged: [] };
  const store = {
    sharedTags: new Set(summary.sharedTags),
    linkCounts: new Map([[person.id, linked.length]]),
  };
  const ctx = buildContext(input, now, store);
  const facts = ctx.active[0];
  // Alone in the input, they have no introduction but the summary's.
  const own = facts ? personPrompts(facts, ctx) : [];
  const self = new Map([[person.id, person]]);
  const candidates = [
    ...own.map((prompt) => ({ score: prompt.score, prompt: toPopupPrompt(prompt, self) })),
    ...summary.introductions.filter(({ prompt }) => prompt.personIds.includes(person.id)),
  ];
  candidates.sort((a, b) => comparePrompts({ ...a.prompt, score: a.score }, { ...b.prompt, score: b.score }));
  const rank = summary.ranked.indexOf(person.id);
  return {
    ref,
    personId: person.id,
    name: person.name,
    strong: facts?.tie.strong ?? null,
    score: facts?.tie.score ?? null,
    layer: rank < 0 ? null : (DUNBAR_LAYERS.find((size) => rank < size) ?? null),
    lastContactAt: latest(person),
    topPrompt: candidates[0]?.prompt ?? null,
  };
}

export async function getPopupData(
  db: RapportDatabase,
  now: number,
  options: { tabProfile: WireProfileRef | null; focus?: UserFocus },
): Promise<PopupData> {
  const focus = options.focus ?? EMPTY_FOCUS;
  const summary = await popupSummary(db, now, focus);
  const tabPerson =
    options.tabProfile === null
      ? null
      : await tabPersonOf(db, summary.computedAt, options.tabProfile, focus, summary);
  return {
    computedAt: summary.computedAt,
    prompts: summary.prompts,
    upcoming: summary.upcoming,
    counts: summary.counts,
    tabPerson,
    focusEmpty: focus.interests.length + focus.goals.length === 0,
  };
}

function latest(person: PromptPerson): number | null {
  let at: number | null = null;
  for (const f of person.interactions) if (at === null || f.at > at) at = f.at;
  return at;
}
