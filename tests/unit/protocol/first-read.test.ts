import { afterEach, describe, expect, it, vi } from 'vitest';
import { acceptAnswer } from '@/lib/protocol/client';
import { RapportError } from '@/lib/protocol/envelope';
import { sendFirstRead, takeFirstRead } from '@/lib/protocol/first-read';
import { PROTOCOL_TAG } from '@/lib/protocol/wire';

// The in-page sidebar's first read is sent by a tiny script of its own (sidebar-first.js) before the
// sidebar's bundle has loaded; the bundle then takes that answer and checks it like any other.

const TAB = { tabId: 7, snapshot: null, details: 'read', seq: 0 };

function stubRuntime(sendMessage: (message: unknown) => Promise<unknown>) {
  vi.stubGlobal('browser', undefined);
  vi.stubGlobal('chrome', { runtime: { sendMessage } });
}

afterEach(() => {
  takeFirstRead();
  vi.unstubAllGlobals();
});

describe('the sidebar first read', () => {
  it('asks the worker which profile its tab shows, once, and hands the answer over once', async () => {
    const sent: unknown[] = [];
    stubRuntime(async (message) => {
      sent.push(message);
      return { ok: true, value: { tab: TAB, view: null } };
    });
    sendFirstRead();
    expect(sent).toEqual([{ tag: PROTOCOL_TAG, type: 'getTabPerson', payload: { tabId: null } }]);
    const early = takeFirstRead();
    expect(early).not.toBeNull();
    expect(takeFirstRead()).toBeNull();
    await expect(acceptAnswer('getTabPerson', early as Promise<unknown>)).resolves.toEqual({
      tab: TAB,
      view: null,
    });
  });

  it('leaves nothing to take when there is no extension runtime (the bundle then asks itself)', () => {
    vi.stubGlobal('browser', undefined);
    vi.stubGlobal('chrome', undefined);
    sendFirstRead();
    expect(takeFirstRead()).toBeNull();
  });

  it('keeps a send that threw for the bundle to report, not as an unhandled rejection', async () => {
    stubRuntime(() => {
      throw new Error('Extension context invalidated.');
    });
    sendFirstRead();
    // The bundle takes it a while later: a rejection nobody handled by then would be reported as such.
    await new Promise((resolve) => setTimeout(resolve, 10));
    const early = takeFirstRead() as Promise<unknown>;
    const failure = await acceptAnswer('getTabPerson', early).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RapportError);
    expect(failure).toMatchObject({ code: 'no-answer' });
    expect(String((failure as Error).message)).toContain('Extension context invalidated.');
  });
});

describe('acceptAnswer', () => {
  it('refuses an answer that does not match the message, and says which', async () => {
    const failure = await acceptAnswer(
      'getTabPerson',
      Promise.resolve({ ok: true, value: { tab: { ...TAB, tabId: 'seven' }, view: null } }),
    ).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'internal' });
    expect(String((failure as Error).message)).toMatch(/^Unexpected answer to "getTabPerson": .*tabId/);
  });

  it("passes the worker's own error on with its code", async () => {
    await expect(
      acceptAnswer(
        'getTabPerson',
        Promise.resolve({ ok: false, error: { code: 'storage', message: 'The disk is full.' } }),
      ),
    ).rejects.toMatchObject({ code: 'storage', message: 'The disk is full.' });
  });

  it('treats a missing answer as no answer', async () => {
    await expect(acceptAnswer('getTabPerson', Promise.resolve(undefined))).rejects.toMatchObject({
      code: 'no-answer',
    });
  });
});
