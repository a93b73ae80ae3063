// Shared by reply-acknowledge and thank: finding the text the user logged with an interaction, so a draft
// can name the exact question or feedback instead of "your message".

import { compareText, plainText } from './text';
import type { PromptInteraction } from './types';

/**
 * The plain text of the interaction of `kind` at `at` (the smallest text when several were logged in the
 * same millisecond, so input order never matters); null when none has text.
 */
export function loggedText(
  interactions: readonly PromptInteraction[],
  at: number,
  test: (fact: PromptInteraction) => boolean,
): string | null {
  let best: string | null = null;
  for (const fact of interactions) {
    if (fact.at !== at || !test(fact) || fact.text === undefined) continue;
    const text = plainText(fact.text, 120);
    if (text !== '' && (best === null || compareText(text, best) < 0)) best = text;
  }
  return best;
}
