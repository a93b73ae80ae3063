import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { dataChangeAnnouncer, isDataChanged } from '@/lib/protocol/data-changed';
import { wireRequest } from '@/lib/protocol/wire';

const EXTENSION = 'rapport-extension-id';
const fromWorker = { id: EXTENSION };
const news = { tag: 'rapport/v1', type: 'dataChanged' };

describe('isDataChanged: the worker’s news of a write, and nothing else', () => {
  it('takes the announcement from this extension’s worker', () => {
    expect(isDataChanged(news, fromWorker, EXTENSION)).toBe(true);
  });

  it.each([
    ['another extension', news, { id: 'someone-else' }],
    ['a page in a tab (a sidebar, a content script)', news, { id: EXTENSION, tab: { id: 7 } as never }],
    ['another message type', wireRequest('reportProfile', {}), fromWorker],
    ['another protocol', { tag: 'rapport/v0', type: 'dataChanged' }, fromWorker],
    ['something that is not a message', 'dataChanged', fromWorker],
    ['null', null, fromWorker],
  ])('refuses %s', (_, message, sender) => {
    expect(isDataChanged(message, sender, EXTENSION)).toBe(false);
  });
});

describe('dataChangeAnnouncer', () => {
  let sent: unknown[];
  beforeEach(() => {
    vi.useFakeTimers();
    sent = [];
    vi.spyOn(browser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
      sent.push(message);
      // As when no Rapport page is open: nobody receives it.
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
  });
  afterEach(() => vi.useRealTimers());

  it('tells the pages once per burst of writes, and again after the next write', async () => {
    const announce = dataChangeAnnouncer();
    for (let write = 0; write < 20; write++) announce();
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(150);
    expect(sent).toEqual([news]);
    announce();
    await vi.advanceTimersByTimeAsync(150);
    expect(sent).toEqual([news, news]);
  });
});
