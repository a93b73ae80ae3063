// reply-acknowledge: they asked the user a question and no answer is logged since. The reciprocity ledger
// decides what is open (one rule for the whole extension); feedback loops are left to thank.ts, whose
// draft thanks them, so a piece of feedback never yields two prompts.

import { loopOpenedBy } from '../reciprocity';
import { plural, timeAgo } from '../time-words';
import type { PersonFacts, PromptContext } from './context';
import { loggedText } from './owed';
import { bandScore, owedValue } from './scoring';
import type { Prompt } from './types';

/**
 * One prompt per person covering all their open questions. The key names the newest one, so a new
 * question after a dismissal brings the prompt back, while the same questions stay put away.
 */
export function replyAcknowledgePrompt(facts: PersonFacts, ctx: PromptContext): Prompt | null {
  const loops = facts.ledger.openLoops.filter((loop) => loop.kind === 'question');
  const oldest = loops[0];
  const newest = loops.at(-1);
  if (oldest === undefined || newest === undefined) return null;
  const { person, first } = facts;
  const question = loggedText(person.interactions, newest.at, (f) => loopOpenedBy(f) === 'question');
  const reason =
    loops.length === 1
      ? `${newest.text}, and no answer is logged since`
      : `${plural(loops.length, 'question')} from them without an answer, the oldest ${timeAgo(ctx.now - oldest.at)}`;
  const draft =
    question === null
      ? `Hi ${first}, thanks for your question the other day. Here's what I think: `
      : `Hi ${first}, thanks for your question ("${question}"). Here's what I think: `;
  return {
    key: `reply-acknowledge:${person.id}:${newest.at}`,
    kind: 'reply-acknowledge',
    personIds: [person.id],
    score: bandScore('reply-acknowledge', owedValue(oldest.at, facts.tie.score, ctx.now)),
    reason,
    draft,
    network: facts.network,
    dueAt: oldest.at,
  };
}
