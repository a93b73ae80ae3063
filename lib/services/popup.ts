import type { RapportDatabase } from '@/lib/db/database';
import type { PromptStateRow } from '@/lib/db/rows';
import { followUp, STRONG_CADENCE_DAYS, WEAK_CADENCE_DAYS } from '@/lib/domain/cadence';
import { type DunbarLayer, dunbarLayers } from '@/lib/domain/dunbar';
import {
  actionUrl,
  buildPrompts,
  type Prompt,
  type PromptPerson,
  type PromptState,
  profileUrl,
  type UserFocus,
} from '@/lib/domain/prompts';
import { buildContext } from '@/lib/domain/prompts/context';
import { MS_PER_DAY } from '@/lib/domain/time';
import type { WireProfileRef } from '@/lib/protocol/types';
import { refreshDigests, toPromptPerson } from './digests';

// What the toolbar popup shows, from the per-person digests (one small row per person, see digests.ts)
// and the prompt states: today's prompts, the follow-ups of the next two weeks, counts, and the person
// of the current tab. Nothing here reads the interactions table.

/** Follow-ups shown: due within this many days. */
export const UPCOMING_DAYS = 14;
export const PROMPTS_SHOWN_MAX = 30;
export const UPCOMING_SHOWN_MAX = 30;

/**
 * The user's focus (interests and goals the prompts match on). No settings exist yet (the options page,
 * issue 8, will hold them): until then the focus is empty, so no ask-question prompts appear and
 * introductions and reconnects are not boosted by focus.
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
  /** True while the focus is not configurable (see EMPTY_FOCUS). */
  focusEmpty: boolean;
}

export function toPromptState(row: PromptStateRow): PromptState {
  return row.until === null
    ? { key: row.key, status: row.status }
    : { key: row.key, status: row.status, until: row.until };
}

interface Loaded {
  people: PromptPerson[];
  byId: Map<string, PromptPerson>;
  states: PromptState[];
}

async function load(db: RapportDatabase, now: number): Promise<Loaded> {
  await refreshDigests(db, now);
  const [digests, stateRows] = await db.transaction('r', db.digests, db.promptStates, () =>
    Promise.all([db.digests.toArray(), db.promptStates.toArray()]),
  );
  const people = digests.map(toPromptPerson);
  return { people, byId: new Map(people.map((p) => [p.id, p])), states: stateRows.map(toPromptState) };
}

function toPopupPrompt(prompt: Prompt, byId: Map<string, PromptPerson>): PopupPrompt {
  const first = byId.get(prompt.personIds[0] ?? '');
  return {
    key: prompt.key,
    kind: prompt.kind,
    personIds: prompt.personIds,
    people: prompt.personIds.map((id) => ({ id, name: byId.get(id)?.name ?? '' })),
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

/** Due prompts only: what the toolbar badge counts. */
export async function countDuePrompts(db: RapportDatabase, now: number): Promise<number> {
  const { people, states } = await load(db, now);
  return buildPrompts({ people, states, focus: EMPTY_FOCUS, flagged: [] }, now).length;
}

export async function getPopupData(
  db: RapportDatabase,
  now: number,
  options: { tabProfile: WireProfileRef | null },
): Promise<PopupData> {
  const { people, byId, states } = await load(db, now);
  // Flagged successes are stored as 'share' interactions (lib/menu/kinds.ts), so none are passed apart.
  const input = { people, states, focus: EMPTY_FOCUS, flagged: [] };
  const all = buildPrompts(input, now);
  const ctx = buildContext(input, now);

  const layers = dunbarLayers(ctx.active.map((f) => ({ id: f.person.id, score: f.tie.score })));
  const counts: PopupCounts = {
    people: ctx.active.length,
    strong: 0,
    weak: 0,
    layers: [5, 15, 50, 150].map((layer) => ({ layer: layer as DunbarLayer, count: 0, strong: 0 })),
    beyondLayers: 0,
    dueToday: all.length,
    archived: people.filter((p) => p.archived).length,
  };
  const horizon = now + UPCOMING_DAYS * MS_PER_DAY;
  const upcoming: UpcomingFollowUp[] = [];
  for (const facts of ctx.active) {
    const { person, tie, lastAt } = facts;
    if (tie.strong) counts.strong += 1;
    else counts.weak += 1;
    const layer = layers.get(person.id) ?? null;
    const slot = counts.layers.find((l) => l.layer === layer);
    if (slot) {
      slot.count += 1;
      if (tie.strong) slot.strong += 1;
    } else counts.beyondLayers += 1;
    if (lastAt === null && person.metAt === null) continue;
    const due = followUp(
      {
        lastInteractionAt: lastAt,
        metAt: person.metAt,
        cadenceDays: person.cadenceDays ?? (tie.strong ? STRONG_CADENCE_DAYS : WEAK_CADENCE_DAYS),
        strong: tie.strong,
        snoozedUntil: person.snoozedUntil,
      },
      now,
    );
    if (due.status === 'upcoming' && due.dueAt <= horizon) {
      upcoming.push({
        personId: person.id,
        name: facts.name,
        dueAt: due.dueAt,
        strong: tie.strong,
        url: personUrl(person),
      });
    }
  }
  upcoming.sort((a, b) => a.dueAt - b.dueAt || (a.personId < b.personId ? -1 : 1));

  let tabPerson: TabPerson | null = null;
  if (options.tabProfile !== null) {
    const ref = options.tabProfile;
    const identity = await db.identities.get([ref.network, ref.id]);
    const person = identity ? byId.get(identity.personId) : undefined;
    const facts = person ? ctx.active.find((f) => f.person.id === person.id) : undefined;
    const top = person ? all.find((p) => p.personIds.includes(person.id)) : undefined;
    tabPerson = {
      ref,
      personId: person?.id ?? null,
      name: person?.name ?? null,
      strong: facts?.tie.strong ?? null,
      score: facts?.tie.score ?? null,
      layer: person ? (layers.get(person.id) ?? null) : null,
      lastContactAt: person ? latest(person) : null,
      topPrompt: top ? toPopupPrompt(top, byId) : null,
    };
  }

  return {
    computedAt: now,
    prompts: all.slice(0, PROMPTS_SHOWN_MAX).map((p) => toPopupPrompt(p, byId)),
    upcoming: upcoming.slice(0, UPCOMING_SHOWN_MAX),
    counts,
    tabPerson,
    focusEmpty: true,
  };
}

function latest(person: PromptPerson): number | null {
  let at: number | null = null;
  for (const f of person.interactions) if (at === null || f.at > at) at = f.at;
  return at;
}
