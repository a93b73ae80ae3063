// Plain-words reasons for a tie score, so the user can see (and disagree with) why a tie counts as strong or
// weak. Listed in a fixed order (the user's own say first, then the dimensions by weight of evidence), not
// sorted by contribution, so the list does not reshuffle between visits.

import type { ReciprocityLedger } from './reciprocity';
import { INTENSITY_WINDOW_WORDS } from './tie-dimensions';
import { plural, timeAgo, timeSpan } from './time-words';
import type { InteractionFact, TieOverride } from './types';

/** A streak shorter than this is ordinary back-and-forth (a follow-up to one's own message), not a pattern. */
export const STREAK_REASON_MIN = 3;

export interface ReasonFacts {
  override: TieOverride;
  /** Already clamped to [0,1]; null when the user has not answered. */
  closeness: number | null;
  lastAt: number | null;
  startAt: number | null;
  recentCount: number;
  interactions: readonly InteractionFact[];
  ledger: ReciprocityLedger;
  mutualLinkCount: number;
  sharedTagCount: number;
}

export function closenessWords(closeness: number): string {
  if (closeness >= 0.8) return 'very close';
  if (closeness >= 0.6) return 'close';
  if (closeness >= 0.4) return 'somewhat close';
  if (closeness >= 0.2) return 'not very close';
  return 'distant';
}

/** "gave you feedback", "gave you feedback 3 times". */
function times(count: number, words: string): string {
  return count === 1 ? words : `${words} ${count} times`;
}

function count(interactions: readonly InteractionFact[], test: (fact: InteractionFact) => boolean): number {
  let n = 0;
  for (const fact of interactions) if (test(fact)) n += 1;
  return n;
}

export function tieReasons(facts: ReasonFacts, now: number): string[] {
  const reasons: string[] = [];
  const { interactions, ledger } = facts;

  if (facts.override !== null) reasons.push(`you marked this tie as ${facts.override}`);
  if (facts.closeness !== null) {
    reasons.push(`you rated this relationship ${closenessWords(facts.closeness)}`);
  }

  reasons.push(
    facts.lastAt === null ? 'no contact logged yet' : `last contact ${timeAgo(now - facts.lastAt)}`,
  );
  if (interactions.length > 0) {
    const exchanges = facts.recentCount === 0 ? 'no exchanges' : plural(facts.recentCount, 'exchange');
    reasons.push(`${exchanges} in ${INTENSITY_WINDOW_WORDS}`);
  }

  const { streak } = ledger;
  if (streak !== null && streak.count >= STREAK_REASON_MIN) {
    reasons.push(`${streak.who === 'me' ? 'you' : 'they'} started the last ${streak.count} exchanges`);
  } else if (interactions.length >= 2) {
    reasons.push(`they started ${ledger.initiatedByThem} of ${interactions.length} exchanges`);
  }
  const answered = count(interactions, (f) => f.kind === 'question-answered' && f.direction !== 'me');
  if (answered > 0) {
    reasons.push(
      answered === 1 ? 'they answered a question of yours' : `they answered ${answered} of your questions`,
    );
  }

  if (facts.startAt !== null) reasons.push(`known for ${timeSpan(now - facts.startAt)}`);

  const intros = (direction: InteractionFact['direction']) =>
    count(interactions, (f) => f.kind === 'introduction' && f.direction === direction);
  const [introsByThem, introsByMe, introsTogether] = [intros('them'), intros('me'), intros('mutual')];
  if (introsByThem > 0) reasons.push(times(introsByThem, 'introduced you to someone'));
  if (introsByMe > 0) reasons.push(times(introsByMe, 'you introduced them to someone'));
  if (introsTogether > 0) reasons.push(times(introsTogether, 'you made an introduction together'));
  const feedbackIn = count(interactions, (f) => f.kind === 'feedback-received');
  const feedbackOut = count(interactions, (f) => f.kind === 'feedback-given');
  if (feedbackIn > 0) reasons.push(times(feedbackIn, 'gave you feedback'));
  if (feedbackOut > 0) reasons.push(times(feedbackOut, 'you gave them feedback'));

  const links = Math.floor(Math.max(0, facts.mutualLinkCount));
  if (links > 0) {
    reasons.push(`${plural(links, 'person', 'people')} you know ${links === 1 ? 'knows' : 'know'} them`);
  }
  const tags = Math.floor(Math.max(0, facts.sharedTagCount));
  if (tags > 0) reasons.push(plural(tags, 'shared tag'));

  return reasons;
}
