// The engagement prompts: what to do next for which relationship, ranked and explained. Pure: `now` is
// passed in, and the same input in any order gives the same output.

import { assertTime } from '../time';
import { acknowledgeSuccessPrompt } from './acknowledge-success';
import { askQuestionPrompt } from './ask-question';
import { buildContext, type PersonFacts, type PromptContext } from './context';
import { introducePrompts } from './introduce';
import { reconnectPrompt } from './reconnect';
import { replyAcknowledgePrompt } from './reply-acknowledge';
import { comparePrompts } from './scoring';
import { thankPrompt } from './thank';
import type { BuildOptions, Prompt, PromptInput } from './types';

export { networkOfUrl } from './acknowledge-success';
export { actionUrl, profileUrl } from './action-url';
export { QUIET_DAYS } from './ask-question';
export { MAX_PAIRS, PER_TOPIC } from './introduce';
export { BANDS, OWED_URGENT_DAYS, SUCCESS_FRESH_DAYS } from './scoring';
export { plainText } from './text';
export { THANKS } from './thank';
export type {
  BuildOptions,
  FlaggedSuccess,
  HeadlineSeen,
  Network,
  Prompt,
  PromptIdentity,
  PromptInput,
  PromptInteraction,
  PromptKind,
  PromptLink,
  PromptPerson,
  PromptState,
  PromptTags,
  UserFocus,
} from './types';
export { NETWORKS } from './types';

/**
 * The prompts of one person that depend on nothing but their own facts (every kind but introduce), not
 * put away by the user. One way to contact each person at a time: someone owed a reply or thanks gets no
 * reconnect (answering is the reconnection), and someone due a reconnect gets no question prompt (the
 * reconnect names the shared topic). This is decided before the user's states apply, so dismissing a
 * reconnect does not bring up a question to the same person instead.
 */
export function personPrompts(facts: PersonFacts, ctx: PromptContext): Prompt[] {
  const owed = [replyAcknowledgePrompt(facts, ctx), thankPrompt(facts, ctx)].filter((p) => p !== null);
  const reconnect = owed.length === 0 ? reconnectPrompt(facts, ctx) : null;
  const ask = owed.length === 0 && reconnect === null ? askQuestionPrompt(facts, ctx) : null;
  return [...owed, acknowledgeSuccessPrompt(facts, ctx), reconnect, ask].filter(
    (p): p is Prompt => p !== null && !ctx.hidden(p.key),
  );
}

/** Best first (scoring.ts), each key once. */
export function rankPrompts(prompts: Prompt[]): Prompt[] {
  const sorted = prompts.sort(comparePrompts);
  // Keys are unique by construction except for two flagged successes of one person in the same
  // millisecond; the sort makes the kept one independent of input order.
  return sorted.filter((prompt, i) => prompt.key !== sorted[i - 1]?.key);
}

/**
 * All prompts not put away by the user, best first, at most `limit`. Archived people and people snoozed
 * until after `now` get none.
 */
export function buildPrompts(input: PromptInput, now: number, options: BuildOptions = {}): Prompt[] {
  assertTime('now', now);
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  if (Number.isNaN(limit) || limit < 0) throw new RangeError(`limit must be >= 0, got ${limit}`);
  const ctx = options.context ?? buildContext(input, now, options.store);
  const own = ctx.active.flatMap((facts) => personPrompts(facts, ctx));
  return rankPrompts([...own, ...introducePrompts(ctx)]).slice(0, limit);
}
