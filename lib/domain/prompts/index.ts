// The engagement prompts: what to do next for which relationship, ranked and explained. Pure: `now` is
// passed in, and the same input in any order gives the same output.

import { assertTime } from '../time';
import { acknowledgeSuccessPrompts } from './acknowledge-success';
import { askQuestionPrompts } from './ask-question';
import { buildContext } from './context';
import { introducePrompts } from './introduce';
import { reconnectPrompts } from './reconnect';
import { replyAcknowledgePrompts } from './reply-acknowledge';
import { comparePrompts } from './scoring';
import { thankPrompts } from './thank';
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

const idsOf = (prompts: readonly Prompt[]) => new Set(prompts.flatMap((p) => p.personIds));

/**
 * All prompts not put away by the user, best first (scoring.ts), at most `limit`. Archived people and
 * people snoozed until after `now` get none.
 * One way to contact each person at a time: someone owed a reply or thanks gets no reconnect (answering is
 * the reconnection), and someone due a reconnect gets no question prompt (the reconnect names the shared
 * topic). This is decided before the user's states apply, so dismissing a reconnect does not bring up a
 * question to the same person instead.
 */
export function buildPrompts(input: PromptInput, now: number, options: BuildOptions = {}): Prompt[] {
  assertTime('now', now);
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  if (Number.isNaN(limit) || limit < 0) throw new RangeError(`limit must be >= 0, got ${limit}`);
  const ctx = options.context ?? buildContext(input, now, options.store);

  const owed = [...replyAcknowledgePrompts(ctx), ...thankPrompts(ctx)];
  const reconnect = reconnectPrompts(ctx, idsOf(owed));
  const busy = new Set([...idsOf(owed), ...idsOf(reconnect)]);
  const all = [
    ...owed,
    ...acknowledgeSuccessPrompts(ctx),
    ...reconnect,
    ...askQuestionPrompts(ctx, busy),
    ...introducePrompts(ctx),
  ];

  const visible = all.filter((prompt) => !ctx.hidden(prompt.key)).sort(comparePrompts);
  // Keys are unique by construction except for two flagged successes of one person in the same
  // millisecond; the sort makes the kept one independent of input order.
  const unique = visible.filter((prompt, i) => prompt.key !== visible[i - 1]?.key);
  return unique.slice(0, limit);
}
