// Every answer from the background worker is one of these, so callers never have to guess whether a
// rejection was a bug, a refused message or a storage failure.
export type ErrorCode =
  | 'invalid-request' // the message did not match its schema
  | 'unknown-message' // no handler of that name
  | 'forbidden' // the sender may not send this message
  | 'not-found' // the request names something that is not (or no longer) in Rapport
  | 'conflict' // the request contradicts what is stored (e.g. a profile that belongs to someone else)
  | 'storage' // IndexedDB failed (quota, blocked, closed)
  | 'internal'; // a bug: the handler threw

export interface ProtocolError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ProtocolError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

/** Thrown by clients when the background answers with an error, so UI code can show `message`. */
export class RapportError extends Error {
  readonly code: ErrorCode | 'no-answer';
  constructor(code: ErrorCode | 'no-answer', message: string) {
    super(message);
    this.name = 'RapportError';
    this.code = code;
  }
}

/** Whether the worker gave no answer (gone, or not within the deadline): the request may be sent again. */
export function isNoAnswer(error: unknown): boolean {
  return error instanceof RapportError && error.code === 'no-answer';
}
