import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { overheardReport, overhearTabReports, type ShownTab, supersedes } from '@/lib/protocol/tab-reports';
import type { TabState } from '@/lib/protocol/types';
import { wireRequest } from '@/lib/protocol/wire';

const EXTENSION = 'rapport-extension-id';
const jane = {
  network: 'linkedin' as const,
  id: 'jane-doe',
  url: 'https://www.linkedin.com/in/jane-doe/',
  name: 'Jane Doe',
  headline: null,
  avatarUrl: null,
};
const fromTab7 = { id: EXTENSION, url: 'https://www.linkedin.com/feed/', frameId: 0, tab: { id: 7 } };
const report = (payload: unknown) => wireRequest('reportProfile', payload);

describe('overheardReport: the sidebar hears its own tab’s content script, and nothing else', () => {
  it('takes a valid report from the top frame of its tab', () => {
    expect(
      overheardReport(report({ snapshot: jane, details: 'read', seq: 12.5 }), fromTab7, 7, EXTENSION),
    ).toEqual({ snapshot: jane, details: 'read', seq: 12.5 });
    expect(
      overheardReport(report({ snapshot: null, details: 'reading', seq: 3 }), fromTab7, 7, EXTENSION),
    ).toEqual({
      snapshot: null,
      details: 'read',
      seq: 3,
    });
  });

  it.each([
    ['another tab', { ...fromTab7, tab: { id: 8 } }],
    ['a sub-frame', { ...fromTab7, frameId: 3 }],
    ['another extension', { ...fromTab7, id: 'someone-else' }],
    ['an extension page (no tab)', { id: EXTENSION, url: `chrome-extension://${EXTENSION}/popup.html` }],
    ['a content script of another site', { ...fromTab7, url: 'https://x.com/home' }],
  ])('refuses a report from %s', (_, sender) => {
    expect(
      overheardReport(report({ snapshot: jane, details: 'read', seq: 1 }), sender, 7, EXTENSION),
    ).toBeNull();
  });

  it.each([
    ['another message type', wireRequest('saveNote', { snapshot: jane, details: 'read', seq: 1 })],
    [
      'another protocol tag',
      { tag: 'rapport/v0', type: 'reportProfile', payload: { snapshot: jane, details: 'read', seq: 1 } },
    ],
    ['no seq', report({ snapshot: jane, details: 'read' })],
    ['a seq that is not a time', report({ snapshot: jane, details: 'read', seq: Number.POSITIVE_INFINITY })],
    ['a negative seq', report({ snapshot: jane, details: 'read', seq: -1 })],
    ['an extra field', report({ snapshot: jane, details: 'read', seq: 1, admin: true })],
    [
      'a name over the bound',
      report({ snapshot: { ...jane, name: 'x'.repeat(501) }, details: 'read', seq: 1 }),
    ],
    [
      'a javascript: URL',
      report({ snapshot: { ...jane, url: 'javascript:alert(1)' }, details: 'read', seq: 1 }),
    ],
    ['not an object', 'reportProfile'],
    ['null', null],
  ])('refuses %s', (_, message) => {
    expect(overheardReport(message, fromTab7, 7, EXTENSION)).toBeNull();
  });
});

describe('a report over the in-page sidebar’s port, checked against the page that hosts it', () => {
  // The port has no sender URL; the sidebar gives its host page's origin (location.ancestorOrigins).
  const overPort = (url: string) => ({ id: EXTENSION, url, frameId: 0, tab: { id: 7 } });

  it('is taken when the host page is the report’s own site', () => {
    const heard = report({ snapshot: jane, details: 'read', seq: 2 });
    expect(overheardReport(heard, overPort('https://www.linkedin.com'), 7, EXTENSION)).not.toBeNull();
  });

  it('is refused when the host page is another site', () => {
    const heard = report({ snapshot: jane, details: 'read', seq: 2 });
    expect(overheardReport(heard, overPort('https://x.com'), 7, EXTENSION)).toBeNull();
  });
});

describe('overhearTabReports: one report heard twice (port and runtime message) reaches the view once', () => {
  beforeEach(() => fakeBrowser.reset());
  // As Chrome gives it: a sender's tab is a whole tab, of which overheardReport reads the id.
  const sender = { ...fromTab7, id: fakeBrowser.runtime.id } as unknown as Parameters<
    typeof fakeBrowser.runtime.onMessage.trigger
  >[1];

  it('drops the second copy, but not a different report of the same time', async () => {
    const heard: TabState[] = [];
    const stop = overhearTabReports(7, (state) => heard.push(state), { inPage: false });
    const first = report({ snapshot: jane, details: 'reading', seq: 5 });
    await fakeBrowser.runtime.onMessage.trigger(first, sender);
    await fakeBrowser.runtime.onMessage.trigger(first, sender);
    expect(heard).toHaveLength(1);
    await fakeBrowser.runtime.onMessage.trigger(report({ snapshot: jane, details: 'read', seq: 5 }), sender);
    await fakeBrowser.runtime.onMessage.trigger(report({ snapshot: null, details: 'read', seq: 5 }), sender);
    expect(heard.map((state) => state.details)).toEqual(['reading', 'read', 'read']);
    expect(heard.at(-1)?.snapshot).toBeNull();
    stop();
    await fakeBrowser.runtime.onMessage.trigger(report({ snapshot: jane, details: 'read', seq: 6 }), sender);
    expect(heard).toHaveLength(3);
  });
});

describe('supersedes: the newest report wins, whichever way it arrived', () => {
  const shown = (seq: number, confirmed: boolean, snapshot: ShownTab['snapshot'] = jane): ShownTab => ({
    tabId: 7,
    snapshot,
    details: 'read',
    seq,
    confirmed,
  });
  it('a newer report replaces an older one, and an older copy never comes back', () => {
    expect(supersedes(shown(20, false), shown(10, true))).toBe(true);
    // The worker's copy of the previous person's report, arriving after the next person was heard directly.
    expect(supersedes(shown(10, true), shown(20, false))).toBe(false);
  });
  it("of two copies of one report, the worker's wins (it has recorded the sighting), not the reverse", () => {
    expect(supersedes(shown(10, true), shown(10, false))).toBe(true);
    expect(supersedes(shown(10, false), shown(10, true))).toBe(false);
  });
  it('an answer from before any report (the worker had none yet) never hides a report already heard', () => {
    expect(supersedes(shown(0, true, null), shown(50, false))).toBe(false);
    expect(supersedes(shown(50, false), shown(0, true, null))).toBe(true);
  });
});
