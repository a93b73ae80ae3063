import type { RapportDatabase } from '@/lib/db/database';
import type { Channel, PromptStateRow } from '@/lib/db/rows';
import type { Network, PromptKind } from '@/lib/domain/prompts';
import type { InteractionKind } from '@/lib/domain/types';
import type { Interaction } from '@/lib/protocol/types';
import type { Clock } from './clock';
import { ConflictError, notFound } from './errors';
import { logInteraction } from './interactions';
import { addLink } from './links';

// What the user does with a prompt from the popup. Rapport never sends anything: "done" means the user
// acted themselves, and logs it so the relationship's record (and so the cadence) moves on.

/**
 * The interaction "done" logs, initiated by the user, per prompt kind. Each is what the prompt's own rule
 * counts as acting on it, so the prompt goes away for good and not only by its state:
 * - reply-acknowledge → 'question-answered' (closes their question: lib/domain/reciprocity.ts)
 * - thank → 'message' (a thank-you travels as a message; it closes feedback and thanks)
 * - acknowledge-success → 'congratulation' (recognition; the success counts as acknowledged)
 * - reconnect → 'message' (a new last contact: the cadence starts again)
 * - ask-question → 'question-asked' (the user invited them to answer)
 * - introduce → 'introduction' logged with both people, and a 'knows' link between them (they now know
 *   each other, so they are not proposed again).
 */
export const DONE_KIND: Readonly<Record<PromptKind, InteractionKind>> = {
  'reply-acknowledge': 'question-answered',
  thank: 'message',
  'acknowledge-success': 'congratulation',
  reconnect: 'message',
  'ask-question': 'question-asked',
  introduce: 'introduction',
};

/** Logged as the interaction's text when the user did not keep the draft. */
const DONE_TEXT: Readonly<Record<PromptKind, string>> = {
  'reply-acknowledge': 'Answered their question',
  thank: 'Thanked them',
  'acknowledge-success': 'Congratulated them',
  reconnect: 'Reconnected',
  'ask-question': 'Asked them a question',
  introduce: 'Introduced them',
};

export const INTERACTION_TEXT_MAX = 2_000;

export type PromptAction = 'done' | 'dismiss' | 'snooze';

export interface ActOnPromptInput {
  key: string;
  kind: PromptKind;
  personIds: string[];
  network: Network | null;
  action: PromptAction;
  /** Snooze only: until when (a day, a week, a date). */
  until: number | null;
  /** Done only: what was sent (the edited draft), logged with the interaction; null logs a short label. */
  text: string | null;
  /** Done only: the client-chosen id of the interaction (the second person of an introduction gets `${id}:2`). */
  interactionId: string | null;
}

export interface ActOnPromptResult {
  state: PromptStateRow;
  interactions: Interaction[];
}

/** Sanity of the request against the key it names: keys start with the kind and name every person. */
function checkKey(input: ActOnPromptInput): void {
  const first = input.personIds[0];
  if (first === undefined) throw new ConflictError('A prompt cannot name nobody.');
  if (
    !input.key.startsWith(`${input.kind}:`) ||
    !input.personIds.every((id) => input.key.includes(`:${id}`))
  ) {
    throw new ConflictError(
      'This prompt cannot be acted on: its key does not match its kind and people; nothing was changed.',
    );
  }
  if (input.kind === 'introduce' ? input.personIds.length !== 2 : input.personIds.length !== 1) {
    throw new ConflictError(
      `A ${input.kind} prompt cannot name ${input.personIds.length} people; nothing was changed.`,
    );
  }
}

export async function actOnPrompt(
  db: RapportDatabase,
  input: ActOnPromptInput,
  clock: Clock,
): Promise<ActOnPromptResult> {
  checkKey(input);
  const now = clock.now();
  if (input.action === 'snooze' && (input.until === null || input.until <= now)) {
    throw new ConflictError('A snooze cannot end in the past; nothing was changed.');
  }
  if (input.action === 'done' && input.interactionId === null) {
    throw new ConflictError('"Done" cannot be recorded without an interaction id (chosen by the client).');
  }
  return db.transaction('rw', db.people, db.interactions, db.links, db.promptStates, async () => {
    for (const id of input.personIds) if (!(await db.people.get(id))) throw notFound('Person', id);
    const interactions: Interaction[] = [];
    if (input.action === 'done' && input.interactionId !== null) {
      const text = (input.text?.trim() || DONE_TEXT[input.kind]).slice(0, INTERACTION_TEXT_MAX);
      const channel: Channel = input.network ?? 'other';
      for (const [index, personId] of input.personIds.entries()) {
        const id = index === 0 ? input.interactionId : `${input.interactionId}:${index + 1}`;
        interactions.push(
          await logInteraction(
            db,
            {
              id,
              personId,
              at: now,
              kind: DONE_KIND[input.kind],
              direction: 'me',
              channel,
              text,
              sourceUrl: null,
            },
            clock,
          ),
        );
      }
      const [a, b] = input.personIds;
      if (input.kind === 'introduce' && a !== undefined && b !== undefined) {
        await addLink(db, { fromId: a, kind: 'knows', toId: b }, clock);
      }
    }
    const state: PromptStateRow = {
      key: input.key,
      status: input.action === 'done' ? 'done' : input.action === 'dismiss' ? 'dismissed' : 'snoozed',
      until: input.action === 'snooze' ? input.until : null,
      personId: input.personIds[0] ?? '',
      updatedAt: now,
    };
    await db.promptStates.put(state);
    return { state, interactions };
  });
}
