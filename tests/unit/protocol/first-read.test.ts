import { afterEach, describe, expect, it, vi } from 'vitest';
import { acceptAnswer, takeFirstRead } from '@/lib/protocol/client';
import { RapportError } from '@/lib/protocol/envelope';
import { popupTabId, sendFirstRead } from '@/lib/protocol/first-read';
import { PROTOCOL_TAG } from '@/lib/protocol/wire';

// A page's first read (the in-page sidebar's, the popup's) is sent by a tiny script of its own before the
// page's bundle has loaded; the bundle then takes that answer and checks it like any other.

const TAB = { tabId: 7, snapshot: null, details: 'read', seq: 0 };

function stubRuntime(sendMessage: (message: unknown) => Promise<unknown>, tabs?: unknown) {
  vi.stubGlobal('browser', undefined);
  vi.stubGlobal('chrome', { runtime: { sendMessage }, tabs });
}

afterEach(() => {
  takeFirstRead('getTabPerson');
  takeFirstRead('getPopupData');
  vi.unstubAllGlobals();
});

describe('a page first read', () => {
  it('asks the worker once, and hands the answer over once, to the page that asks for it', async () => {
    const sent: unknown[] = [];
    stubRuntime(async (message) => {
      sent.push(message);
      return { ok: true, value: { tab: TAB, view: null } };
    });
    sendFirstRead('getTabPerson', { tabId: null });
    const early = takeFirstRead('getTabPerson');
    expect(early).not.toBeNull();
    expect(takeFirstRead('getTabPerson')).toBeNull();
    expect(takeFirstRead('getPopupData')).toBeNull();
    await expect(acceptAnswer('getTabPerson', early?.sent as Promise<unknown>)).resolves.toEqual({
      tab: TAB,
      view: null,
    });
    expect(sent).toEqual([{ tag: PROTOCOL_TAG, type: 'getTabPerson', payload: { tabId: null } }]);
  });

  it('leaves nothing to take when there is no extension runtime (the bundle then asks itself)', () => {
    vi.stubGlobal('browser', undefined);
    vi.stubGlobal('chrome', undefined);
    sendFirstRead('getTabPerson', { tabId: null });
    expect(takeFirstRead('getTabPerson')).toBeNull();
  });

  it('keeps a send that threw for the bundle to report, not as an unhandled rejection', async () => {
    stubRuntime(() => {
      throw new Error('Extension context invalidated.');
    });
    sendFirstRead('getTabPerson', { tabId: null });
    // The bundle takes it a while later: a rejection nobody handled by then would be reported as such.
    await new Promise((resolve) => setTimeout(resolve, 10));
    const early = takeFirstRead('getTabPerson');
    const failure = await acceptAnswer('getTabPerson', early?.sent as Promise<unknown>).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(RapportError);
    expect(failure).toMatchObject({ code: 'no-answer' });
    expect(String((failure as Error).message)).toContain('Extension context invalidated.');
  });

  it("asks for the popup's data once its tab is known, and says which tab that was", async () => {
    const sent: unknown[] = [];
    stubRuntime(
      async (message) => {
        sent.push(message);
        return { ok: false, error: { code: 'internal', message: 'not needed here' } };
      },
      { query: async () => [{ id: 42 }] },
    );
    sendFirstRead(
      'getPopupData',
      popupTabId('').then((tabId) => ({ tabId })),
    );
    const early = takeFirstRead<{ tabId: number | null }>('getPopupData');
    await expect(early?.request).resolves.toEqual({ tabId: 42 });
    await early?.sent;
    expect(sent).toEqual([{ tag: PROTOCOL_TAG, type: 'getPopupData', payload: { tabId: 42 } }]);
  });
});

describe("the popup's tab", () => {
  const tabs = (result: () => Promise<{ id?: number }[]>) => ({ query: result });

  it('is the one its address names, else the active tab of its window, else none', async () => {
    const active = tabs(async () => [{ id: 5 }]);
    expect(await popupTabId('#tab=12', active)).toBe(12);
    expect(await popupTabId('', active)).toBe(5);
    expect(await popupTabId('#q=rust', active)).toBe(5);
    expect(
      await popupTabId(
        '',
        tabs(async () => []),
      ),
    ).toBeNull();
    expect(
      await popupTabId(
        '',
        tabs(async () => [{}]),
      ),
    ).toBeNull();
    expect(
      await popupTabId(
        '',
        tabs(async () => {
          throw new Error('No current window');
        }),
      ),
    ).toBeNull();
    expect(await popupTabId('', undefined)).toBeNull();
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
