// reconnect: ties past their keep-in-touch date (cadence.ts: strong ties monthly, weak quarterly, or the
// user's own cadence), weighted by tie strength and how overdue they are (scoring.ts). People never
// contacted and never met have nothing to reconnect: ask-question and introduce cover them, and an
// imported address book does not flood the list.

import { STRONG_CADENCE_DAYS, WEAK_CADENCE_DAYS } from '../cadence';
import { timeSpan } from '../time-words';
import { followUpOf, type PersonFacts, type PromptContext } from './context';
import { bandScore, reconnectValue } from './scoring';
import type { Prompt } from './types';

function tieWords(facts: PersonFacts): string {
  const topic = facts.focusTopics[0];
  const tie = facts.tie.strong ? 'strong tie' : 'weak tie';
  return topic === undefined ? tie : `${tie} with shared ${topic.kind}: ${topic.label}`;
}

export function reconnectPrompt(facts: PersonFacts, ctx: PromptContext): Prompt | null {
  const { person, lastAt, first } = facts;
  const due = followUpOf(facts, ctx.now);
  if (due === null || due.status === 'upcoming') return null;
  const talked = lastAt !== null && (person.metAt === null || lastAt >= person.metAt);
  const since = Math.max(lastAt ?? -Infinity, person.metAt ?? -Infinity);
  const cadence = person.cadenceDays ?? (facts.tie.strong ? STRONG_CADENCE_DAYS : WEAK_CADENCE_DAYS);
  const topic = facts.focusTopics[0];
  return {
    key: `reconnect:${person.id}:${due.dueAt}`,
    kind: 'reconnect',
    personIds: [person.id],
    score: bandScore(
      'reconnect',
      reconnectValue(facts.tie.score, due.overdueDays, cadence, topic !== undefined),
    ),
    reason: `${timeSpan(ctx.now - since)} since you ${talked ? 'talked' : 'met'}; ${tieWords(facts)}`,
    draft:
      topic === undefined
        ? `Hi ${first}, it's been a while since we last talked. How have you been, and what are you working on these days?`
        : `Hi ${first}, it's been a while! How are things going with ${topic.label}? I'd love to hear what you've been working on.`,
    network: facts.network,
    dueAt: due.dueAt,
  };
}
