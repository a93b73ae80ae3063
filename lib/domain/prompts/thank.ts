// thank: they helped the user (gave feedback, or introduced the user to someone) and no thanks is logged
// since. Feedback uses the reciprocity ledger's loop (answered by returning feedback or any direct message,
// email, call or meeting started by the user or together). An introduction counts as thanked by the same
// direct channels at or after it; a reaction or a like is not a thank-you.

import { timeAgo } from '../time-words';
import type { InteractionKind } from '../types';
import type { PersonFacts, PromptContext } from './context';
import { loggedText } from './owed';
import { bandScore, owedValue } from './scoring';
import { compareText } from './text';
import type { Prompt } from './types';

export const THANKS: ReadonlySet<InteractionKind> = new Set<InteractionKind>([
  'message',
  'email',
  'call',
  'meeting',
]);

interface Help {
  kind: 'feedback' | 'introduction';
  at: number;
}

function unthankedHelp(facts: PersonFacts): Help[] {
  const { interactions } = facts.person;
  // Most people never helped: skip them without allocating (this runs for every person).
  if (facts.ledger.openLoops.length === 0 && !interactions.some((f) => f.kind === 'introduction')) return [];
  const help: Help[] = facts.ledger.openLoops
    .filter((loop) => loop.kind === 'feedback')
    .map((loop) => ({ kind: 'feedback', at: loop.at }));
  let thankedAt = -Infinity;
  for (const f of interactions) {
    if (f.direction !== 'them' && THANKS.has(f.kind)) thankedAt = Math.max(thankedAt, f.at);
  }
  for (const f of interactions) {
    if (f.kind === 'introduction' && f.direction === 'them' && f.at > thankedAt) {
      help.push({ kind: 'introduction', at: f.at });
    }
  }
  return help.sort((a, b) => a.at - b.at || compareText(a.kind, b.kind));
}

/** Who they introduced the user to, from the 'introduced-me-to' links: "Sam", "Sam and Ana", or null. */
function introducedNames(facts: PersonFacts, ctx: PromptContext): string | null {
  const names = facts.person.links
    .filter((link) => link.kind === 'introduced-me-to')
    .map((link) => ctx.names.get(link.otherPersonId) ?? '')
    .filter((name) => name !== '');
  const unique = [...new Set(names)].sort(compareText);
  if (unique.length === 0) return null;
  return unique.length <= 2 ? unique.join(' and ') : `${unique.slice(0, 2).join(', ')} and others`;
}

export function thankPrompt(facts: PersonFacts, ctx: PromptContext): Prompt | null {
  const help = unthankedHelp(facts);
  const oldest = help[0];
  const newest = help.at(-1);
  if (oldest === undefined || newest === undefined) return null;
  const { person, first } = facts;
  const latest = (kind: Help['kind']) => help.filter((h) => h.kind === kind).at(-1);
  const parts: string[] = [];
  const reasons: string[] = [];
  const intro = latest('introduction');
  if (intro !== undefined) {
    const who = introducedNames(facts, ctx);
    const noted = loggedText(person.interactions, intro.at, (f) => f.kind === 'introduction');
    parts.push(
      who !== null
        ? `introducing me to ${who}`
        : noted !== null
          ? `the introduction ("${noted}")`
          : 'the introduction',
    );
    reasons.push(`they introduced you to ${who ?? 'someone'} ${timeAgo(ctx.now - intro.at)}`);
  }
  const feedback = latest('feedback');
  if (feedback !== undefined) {
    const noted = loggedText(person.interactions, feedback.at, (f) => f.kind === 'feedback-received');
    parts.push(noted === null ? 'your feedback' : `your feedback ("${noted}")`);
    reasons.push(`they gave you feedback ${timeAgo(ctx.now - feedback.at)}`);
  }
  return {
    key: `thank:${person.id}:${newest.at}`,
    kind: 'thank',
    personIds: [person.id],
    score: bandScore('thank', owedValue(oldest.at, facts.tie.score, ctx.now)),
    reason: `${reasons.join('; ')}, and no thanks is logged since`,
    draft: `Hi ${first}, thank you for ${parts.join(' and for ')}. It really helped, and I'll keep you posted.`,
    network: facts.network,
    dueAt: oldest.at,
  };
}
