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
 * How long a page waits for the worker's answer. Chromium can leave a message unanswered for good when
 * the worker is stopped while it is on its way (tests/e2e/worker-kills.test.ts saw it in about 1 run in
 * 10), and a field would then say "Saving…" forever: after this it says the worker did not answer, and
 * keeps what was typed. A person's reads and writes take milliseconds; a cold worker opening a large
 * database, seconds.
 */
export const ANSWER_DEADLINE_MS = 10_000;

/**
 * Work whose length grows with the whole store or a file (an import, an export, erasing everything, the
 * popup's and search's first build of their digests at 50,000 people): no deadline, the page shows its own
 * progress.
 */
const UNBOUNDED: ReadonlySet<MessageName> = new Set<MessageName>([
  'previewImport',
  'applyImport',
  'exportData',
  'exportPersonData',
  'eraseAll',
  'getPopupData',
  'searchAll',
  'getPersonStanding',
  'getDataCounts',
  'mergePeople',
]);

/** The deadline for an answer to `type`, in ms; null for none. */
export function answerDeadline(type: MessageName): number | null {
  return UNBOUNDED.has(type) ? null : ANSWER_DEADLINE_MS;
}

/** Rejects when `sent` has not settled within `ms`. */
function withDeadline(sent: Promise<unknown>, ms: number | null, type: string): Promise<unknown> {
  if (ms === null) return sent;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer to "${type}" within ${Math.round(ms / 1000)} seconds`)),
      ms,
    );
  });
  return Promise.race([sent, late]).finally(() => clearTimeout(timer));
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
    answer = await withDeadline(sent, answerDeadline(type), type);
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
  const parsed = responses[type]().safeParse(result.value);
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
