import type { Direction, InteractionKind, TieOverride } from '@/lib/domain/types';
import type { Network } from '@/lib/sites';

// Rows as stored. Times are epoch milliseconds; ids are UUIDs chosen by whoever creates the row, so that
// a retried write lands on the same row and imports can merge by id. Optional facts are null, never
// absent, so a row read back always has every field (v1 rows get them in the v2 upgrade).

export const TAG_KINDS = ['interests', 'goals', 'expertise', 'tools'] as const;
export type TagKind = (typeof TAG_KINDS)[number];
export type Tags = Record<TagKind, string[]>;

export interface PersonRow extends Tags {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  howWeMet: string;
  metAt: number | null;
  /** Another person's id; cleared when that person is deleted, moved to the survivor on a merge. */
  introducedBy: string | null;
  /** The user's answer to "How strong is your relationship?", 0..1. */
  closeness: number | null;
  tieOverride: TieOverride;
  /** Null: the default cadence for the tie (see lib/domain/cadence.ts). */
  cadenceDays: number | null;
  snoozedUntil: number | null;
  archived: boolean;
  /** Derived by withDerivedKeys: lower-cased words of the name, for prefix search (multiEntry index). */
  nameWords: string[];
  /** Derived by withDerivedKeys: 'kind:tag' lower-cased, for "who has expertise in X" (multiEntry index). */
  tagKeys: string[];
}

export interface HeadlineChange {
  headline: string;
  seenAt: number;
}

/** One account of a person on one network; (network, handle) is unique across the store. */
export interface IdentityRow {
  network: Network;
  handle: string;
  personId: string;
  url: string;
  lastSeenName: string | null;
  lastSeenHeadline: string | null;
  lastSeenAvatarUrl: string | null;
  lastSeenAt: number;
  /** Oldest first, at most HEADLINE_HISTORY_MAX: a changed headline is a success worth acknowledging. */
  headlineHistory: HeadlineChange[];
}

/** One string per profile, as the identities table's key [network+handle]: for maps and sets in memory. */
export const identityKey = (network: string, handle: string): string => `${network}\u0000${handle}`;

/** Plain text, never rendered as HTML. */
export interface NoteRow {
  id: string;
  personId: string;
  text: string;
  createdAt: number;
  updatedAt: number;
}

export const CHANNELS = ['linkedin', 'facebook', 'x', 'email', 'in-person', 'phone', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface InteractionRow {
  id: string;
  personId: string;
  at: number;
  kind: InteractionKind;
  direction: Direction;
  channel: Channel;
  text: string | null;
  sourceUrl: string | null;
  createdAt: number;
  updatedAt: number;
}

export const LINK_KINDS = ['knows', 'introduced-me-to', 'works-with'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/**
 * Person to person. The key is [fromId+kind+toId], so adding a link twice, or two links meeting in a merge,
 * collapses to one row. 'knows' and 'works-with' are symmetric and stored with fromId < toId;
 * 'introduced-me-to' reads "fromId introduced me to toId".
 */
export interface LinkRow {
  fromId: string;
  kind: LinkKind;
  toId: string;
  createdAt: number;
}

export const HEADLINE_HISTORY_MAX = 10;

// Version 3: what the toolbar popup needs to be fast, kept in IndexedDB (the MV3 worker can be stopped at
// any moment, so nothing here lives in memory).

/** What the user did with one prompt occurrence (see lib/domain/prompts: keys are stable). */
export interface PromptStateRow {
  key: string;
  status: 'done' | 'dismissed' | 'snoozed';
  /** Snoozed until; null for done and dismissed. */
  until: number | null;
  /** The first person the prompt names, so a person's states go with them. */
  personId: string;
  updatedAt: number;
}

/** One logged interaction as the prompts read it; text only where a prompt quotes it. */
export interface DigestFact {
  at: number;
  kind: InteractionKind;
  direction: Direction;
  text: string | null;
}

/**
 * Interactions a digest no longer lists one by one: how many of each neutral stand-in (see
 * lib/services/digest-facts.ts), all placed at `at`, the person's earliest interaction.
 */
export interface DigestOlder {
  at: number;
  counts: { kind: InteractionKind; direction: Direction; count: number }[];
}

/**
 * Per person, everything the prompts, follow-ups and counts read, recomputed from the person's rows
 * whenever one of them changes (digestQueue). One row per person, so the popup reads 10,000 small rows
 * instead of every interaction.
 */
export interface DigestRow {
  personId: string;
  /** When the digest was computed: `facts` are exact for any later time (see digest-facts.ts). */
  computedAt: number;
  name: string;
  interests: string[];
  goals: string[];
  expertise: string[];
  tools: string[];
  closeness: number | null;
  metAt: number | null;
  tieOverride: TieOverride;
  cadenceDays: number | null;
  snoozedUntil: number | null;
  archived: boolean;
  identities: { network: Network; handle: string; url: string; headlineHistory: HeadlineChange[] }[];
  links: { otherPersonId: string; kind: LinkKind }[];
  facts: DigestFact[];
  older: DigestOlder | null;
  interactionCount: number;
  /**
   * The person's prompt states (done, dismissed, snoozed) in one string. Not read by the prompt rules:
   * it lets a rebuild tell whether anything the popup shows changed (digests.ts). Absent in digests built
   * before it existed, which then count as changed once.
   */
  promptStates?: string;
}

/** Search text per person: lower-cased name, handles, tags, how we met and notes (capped). */
export interface SearchRow {
  personId: string;
  name: string;
  haystack: string;
  networks: Network[];
  /** The first handle per network, for opening the profile from a search result. */
  handles: { network: Network; handle: string; url: string }[];
  archived: boolean;
}

/** A person whose digest and search row must be recomputed; written in the same transaction as the change. */
export interface DigestQueueRow {
  personId: string;
}

/**
 * Version 4: the popup's computed answer (prompts, follow-ups, counts; never the tab's person), one row
 * under key 'popup'. `generation` goes up each time digests are rebuilt (digests.ts, same transaction),
 * so an answer computed from older digests is never stored over a newer state. `value` is shaped and
 * checked by lib/services/popup-cache.ts; null when there is none.
 */
export interface PopupCacheRow {
  key: string;
  generation: number;
  value: unknown;
  /** Raised only by rebuilds that changed what the prompts are computed from (absent: 0). */
  inputs?: number;
}
