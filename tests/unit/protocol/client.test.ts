import { afterEach, describe, expect, it, vi } from 'vitest';
import { ANSWER_DEADLINE_MS, acceptAnswer, answerDeadline } from '@/lib/protocol/client';
import { RapportError } from '@/lib/protocol/envelope';

// A page never waits for good: an answer that does not come within the deadline is reported as such, so a
// field says the worker did not answer (and keeps the text) instead of "Saving…" forever.

const NOTE = { id: 'n1', personId: 'p1', text: 'Met at the meetup', createdAt: 1, updatedAt: 1 };

afterEach(() => {
  vi.useRealTimers();
});

describe('the deadline on an answer from the worker', () => {
  it('reports a write the worker never answered, after the deadline and not before', async () => {
    vi.useFakeTimers();
    const outcome = acceptAnswer('saveNote', new Promise(() => undefined)).then(
      () => 'answered',
      (error: unknown) => error,
    );
    let settled: unknown = null;
    void outcome.then((value) => {
      settled = value;
    });
    await vi.advanceTimersByTimeAsync(ANSWER_DEADLINE_MS - 1);
    expect(settled).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    const error = await outcome;
    expect(error).toBeInstanceOf(RapportError);
    expect(error).toMatchObject({ code: 'no-answer' });
    expect((error as Error).message).toContain('"saveNote" within 10 seconds');
  });

  it('accepts an answer that comes before the deadline', async () => {
    vi.useFakeTimers();
    const answer = new Promise((resolve) =>
      setTimeout(() => resolve({ ok: true, value: { note: NOTE } }), ANSWER_DEADLINE_MS - 10),
    );
    const outcome = acceptAnswer('saveNote', answer);
    await vi.advanceTimersByTimeAsync(ANSWER_DEADLINE_MS);
    await expect(outcome).resolves.toEqual({ note: NOTE });
  });

  it('gives work that grows with the store or a file no deadline', async () => {
    expect(answerDeadline('applyImport')).toBeNull();
    expect(answerDeadline('getPopupData')).toBeNull();
    expect(answerDeadline('getPersonView')).toBe(ANSWER_DEADLINE_MS);
    vi.useFakeTimers();
    let settled = false;
    void acceptAnswer('applyImport', new Promise(() => undefined)).finally(() => {
      settled = true;
    });
    await vi.advanceTimersByTimeAsync(ANSWER_DEADLINE_MS * 6);
    expect(settled).toBe(false);
  });
});
