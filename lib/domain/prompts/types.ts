// Inputs and outputs of the engagement prompts. The database layer maps its rows onto these, so the prompt
// rules never depend on how anything is stored. Times are epoch milliseconds.

import type { InteractionFact, TieOverride } from '../types';
import type { PromptContext, StoreFacts } from './context';

export type Network = 'linkedin' | 'facebook' | 'x';

/** Preference order when a person is on several networks: Rapport is about professional ties. */
export const NETWORKS: readonly Network[] = ['linkedin', 'x', 'facebook'];

/** A logged interaction; `text` is what the user noted (the question, the news), plain text. */
export interface PromptInteraction extends InteractionFact {
  text?: string;
}

export interface HeadlineSeen {
  headline: string;
  seenAt: number;
}

export interface PromptIdentity {
  network: Network;
  handle: string;
  url: string;
  /** Any order; each revisit that saw a headline adds one entry. */
  headlineHistory: readonly HeadlineSeen[];
}

/** Links are stored on one side but mean the same from both: "A knows B" links B to A as well. */
export interface PromptLink {
  otherPersonId: string;
  /** 'introduced-me-to': this person introduced the user to the other person. */
  kind: 'knows' | 'introduced-me-to' | 'works-with';
}

export interface PromptTags {
  interests: readonly string[];
  goals: readonly string[];
  expertise: readonly string[];
  tools: readonly string[];
}

export interface PromptPerson {
  id: string;
  name: string;
  tags: PromptTags;
  closeness: number | null;
  metAt: number | null;
  tieOverride: TieOverride;
  cadenceDays: number | null;
  snoozedUntil: number | null;
  archived: boolean;
  identities: readonly PromptIdentity[];
  interactions: readonly PromptInteraction[];
  links: readonly PromptLink[];
}

/**
 * What the user did with a prompt, by key. 'snoozed' hides it while `until > now`; a snooze without a date
 * hides it for good, because a missing field must never bring back something the user put away.
 */
export interface PromptState {
  key: string;
  status: 'done' | 'dismissed' | 'snoozed';
  until?: number;
}

/** The user's current focus, in their own words. */
export interface UserFocus {
  interests: readonly string[];
  goals: readonly string[];
}

/** A success the user flagged from the context menu on a page; `text` is the selected page text. */
export interface FlaggedSuccess {
  personId: string;
  at: number;
  text: string;
  sourceUrl?: string;
}

export type PromptKind =
  | 'reply-acknowledge'
  | 'thank'
  | 'acknowledge-success'
  | 'reconnect'
  | 'introduce'
  | 'ask-question';

export interface Prompt {
  /** Stable and deterministic: names the occurrence, so done/dismissed/snoozed sticks to it. */
  key: string;
  kind: PromptKind;
  personIds: string[];
  /** Higher first; see scoring.ts for the bands. */
  score: number;
  /** Plain words shown to the user: why this prompt, why now. */
  reason: string;
  /** A plain-text starting point the user edits; never sent by Rapport. */
  draft: string;
  /** Where to act; null when the person has no identity there (email, in person). */
  network: Network | null;
  /** Since when the prompt has been due. */
  dueAt: number;
}

export interface PromptInput {
  people: readonly PromptPerson[];
  states: readonly PromptState[];
  focus: UserFocus;
  flagged: readonly FlaggedSuccess[];
}

export interface BuildOptions {
  /** At most this many prompts, best first; all of them when absent. */
  limit?: number;
  /** Facts of the whole store when `input` holds only some people (see context.ts). */
  store?: StoreFacts;
  /** The context of this same input and `now`, when the caller built it already (it is the costly part). */
  context?: PromptContext;
}
