// ask-question: a thoughtful question to a tie who shares a topic the user focuses on, weak ties first
// (they bring the diverse perspectives strong ties cannot). Only after QUIET_DAYS without contact, so the
// user is not nudged about someone they just talked to; the key names the last contact, so once the user
// logs the question the prompt goes, and comes back a month after the conversation dies down.

import { MS_PER_DAY } from '../time';
import { timeSpan } from '../time-words';
import type { PersonFacts, PromptContext } from './context';
import { bandScore, questionValue } from './scoring';
import type { Prompt } from './types';

export const QUIET_DAYS = 30;

export function askQuestionPrompt(facts: PersonFacts, ctx: PromptContext): Prompt | null {
  const { person, lastAt, first, focusTopics } = facts;
  const topic = focusTopics[0];
  if (topic === undefined) return null;
  if (lastAt !== null && ctx.now - lastAt < QUIET_DAYS * MS_PER_DAY) return null;
  const more = focusTopics.length > 1 ? ` (and ${focusTopics.length - 1} more)` : '';
  const quiet = lastAt === null ? 'no contact logged yet' : `no contact for ${timeSpan(ctx.now - lastAt)}`;
  return {
    key: `ask-question:${person.id}:${topic.key}:${lastAt ?? 'never'}`,
    kind: 'ask-question',
    personIds: [person.id],
    score: bandScore('ask-question', questionValue(facts.tie.score, focusTopics.length)),
    reason: `${facts.tie.strong ? 'strong' : 'weak'} tie who shares your ${topic.kind}: ${topic.label}${more}; ${quiet}`,
    draft:
      topic.kind === 'goal'
        ? `Hi ${first}, I'm working on ${topic.label} too: what's one thing you'd do differently if you were starting today?`
        : `Hi ${first}, I saw you're into ${topic.label}: what's one thing you'd do differently if you were starting today?`,
    network: facts.network,
    dueAt: lastAt === null ? (person.metAt ?? ctx.now) : lastAt + QUIET_DAYS * MS_PER_DAY,
  };
}
