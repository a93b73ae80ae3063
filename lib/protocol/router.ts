import { fail, ok, type Result } from './envelope';
import { describeIssues } from './errors';
import { isMessageName, type MessageName, messages, type RequestOf, type SenderKind } from './messages';
import type { ResponseOf } from './responses';
import { PROTOCOL_TAG } from './wire';

/** What the router needs to know about who sent a message (a subset of runtime.MessageSender). */
export interface SenderInfo {
  id?: string;
  url?: string;
  /** The sender's tab; its URL only where the extension may see it (Chrome, on the three sites). */
  tab?: { id?: number; url?: string };
  frameId?: number;
}

export interface HandlerContext {
  sender: SenderInfo;
  kind: SenderKind;
}

export type Handlers = {
  [N in MessageName]: (request: RequestOf<N>, context: HandlerContext) => Promise<ResponseOf<N>>;
};

export interface RouterOptions {
  /** Decides whether a sender is one of our pages, one of our content scripts, or nobody we talk to. */
  classifySender: (sender: SenderInfo) => SenderKind | null;
  /** Maps thrown errors to a code; storage errors are reported as such so the UI can say so. */
  isStorageError: (error: unknown) => boolean;
  /** The text of a storage error when it has a better one than "could not write" (a failed upgrade). */
  storageMessage?: (error: unknown) => string | null;
  /** Refusals a service makes on purpose: reported with their own message and code, not as bugs. */
  refusalCode?: (error: unknown) => 'not-found' | 'conflict' | null;
  log: (message: string, detail?: unknown) => void;
}

/**
 * The single entry point of the background: validates the envelope, the sender and the payload before
 * any handler runs, and turns every outcome into a Result. Anything refused is logged, never acted upon.
 */
export function createRouter(handlers: Handlers, options: RouterOptions) {
  return async function route(message: unknown, sender: SenderInfo): Promise<Result<unknown>> {
    if (!isWireRequest(message)) {
      options.log('refused a message that is not a Rapport request');
      return fail('invalid-request', 'Not a Rapport request: expected { tag, type, payload }.');
    }
    const { type, payload } = message;
    if (!isMessageName(type)) {
      options.log(`refused unknown message "${type.slice(0, 60)}"`);
      return fail('unknown-message', `Unknown message "${type.slice(0, 60)}".`);
    }
    const kind = options.classifySender(sender);
    const spec = messages[type];
    if (kind === null || !(spec.senders as readonly SenderKind[]).includes(kind)) {
      options.log(`refused "${type}" from ${sender.url ?? 'an unknown sender'}`);
      return fail('forbidden', `"${type}" is not accepted from this sender.`);
    }
    const parsed = spec.request.safeParse(payload);
    if (!parsed.success) {
      const detail = describeIssues(parsed.error);
      options.log(`refused malformed "${type}": ${detail}`);
      return fail('invalid-request', `Malformed "${type}": ${detail}`);
    }
    try {
      const handler = handlers[type] as (request: unknown, context: HandlerContext) => Promise<unknown>;
      return ok(await handler(parsed.data, { sender, kind }));
    } catch (error) {
      const refusal = options.refusalCode?.(error) ?? null;
      if (refusal && error instanceof Error) {
        options.log(`refused "${type}": ${error.message}`);
        return fail(refusal, error.message);
      }
      const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      options.log(`"${type}" failed: ${text}`, error);
      if (options.isStorageError(error)) {
        const message = options.storageMessage?.(error);
        return fail(
          'storage',
          message ?? `Rapport could not write to its database (${text}). Nothing was changed.`,
        );
      }
      return fail('internal', `Rapport hit an unexpected error handling "${type}": ${text}`);
    }
  };
}

function isWireRequest(value: unknown): value is { tag: string; type: string; payload: unknown } {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return record.tag === PROTOCOL_TAG && typeof record.type === 'string' && 'payload' in record;
}
