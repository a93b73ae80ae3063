import { browser } from '#imports';
import { RapportError, type Result } from './envelope';
import { describeIssues } from './errors';
import type { FirstRead, FirstReadSlots } from './first-read';
import type { MessageName, RequestOf } from './messages';
import { extensionReplaced, REPLACED_MESSAGE } from './replaced';
import { type ResponseOf, responses } from './responses';
import { FIRST_READS_SLOT, wireRequest } from './wire';

/**
 * Calls the background from an extension page (sidebar, side panel, popup, options). The answer is
 * validated too: a worker from an older version, or a bug, must not put malformed data in front of the user.
 */
export function call<N extends MessageName>(type: N, request: RequestOf<N>): Promise<ResponseOf<N>> {
  let sent: Promise<unknown>;
  try {
    sent = browser.runtime.sendMessage(wireRequest(type, request));
  } catch (error) {
    // An extension that was reloaded under this page throws here rather than rejecting.
    sent = Promise.reject(error);
  }
  return acceptAnswer(type, sent);
}

/**
 * Checks the answer to a `type` request that is already on its way (a page's first read, sent by a script
 * of its own before this module has loaded: lib/protocol/first-read.ts).
 */
export async function acceptAnswer<N extends MessageName>(
  type: N,
  sent: Promise<unknown>,
): Promise<ResponseOf<N>> {
  let answer: unknown;
  try {
    answer = await sent;
  } catch (error) {
    if (extensionReplaced()) throw new RapportError('no-answer', REPLACED_MESSAGE);
    const text = error instanceof Error ? error.message : String(error);
    throw new RapportError('no-answer', `Rapport's background did not answer (${text}).`);
  }
  const result = answer as Result<unknown> | undefined;
  if (!result || typeof result !== 'object' || typeof result.ok !== 'boolean') {
    throw new RapportError('no-answer', `Rapport's background gave no answer to "${type}".`);
  }
  if (!result.ok) throw new RapportError(result.error.code, result.error.message);
  const parsed = responses[type].safeParse(result.value);
  if (!parsed.success) {
    throw new RapportError('internal', `Unexpected answer to "${type}": ${describeIssues(parsed.error)}`);
  }
  return parsed.data as ResponseOf<N>;
}

/**
 * The first read of `type` that the page's early script sent (first-read.ts), once; null when it did not
 * (the bundle then asks itself). Here rather than in first-read.ts, so the pages' bundles load no file more.
 */
export function takeFirstRead<R>(type: string): FirstRead<R> | null {
  const slots = (globalThis as FirstReadSlots)[FIRST_READS_SLOT];
  const read = slots?.[type] ?? null;
  if (slots) delete slots[type];
  return read as FirstRead<R> | null;
}
