import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  pageMarkId,
  planPageMarks,
  registerPageMarks,
  syncPageMarks,
  unmarkSite,
} from '@/lib/platform/page-marks';
import {
  changesDisplayMode,
  readDisplayModes,
  writeDisplayMode,
  writeSitePreferences,
} from '@/lib/platform/site-preferences';
import { fakeScriptRegistry } from './fake-scripting';

// The whole scripts' entries as the Chrome build's manifest has them (wxt.config.ts narrows them).
const CONTENT_SCRIPTS = [
  { js: ['content-scripts/linkedin.js'], matches: ['*://*.linkedin.com/in/*'] },
  {
    js: ['linkedin-watch.js'],
    matches: ['*://*.linkedin.com/*'],
    exclude_matches: ['*://*.linkedin.com/in/*'],
  },
  { js: ['content-scripts/x.js'], matches: ['*://*.x.com/*'], exclude_matches: ['*://*.x.com/home'] },
  {
    js: ['content-scripts/facebook.js'],
    matches: ['*://*.facebook.com/*'],
    exclude_matches: ['*://*.facebook.com/'],
  },
];

let registry: ReturnType<typeof fakeScriptRegistry>;
beforeEach(() => {
  fakeBrowser.reset();
  registry = fakeScriptRegistry();
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'Rapport',
    version: '0',
    content_scripts: CONTENT_SCRIPTS,
  });
});

const marked = () => [...registry.registered.keys()].sort();

describe('planning the page marks', () => {
  it('marks the sites shown in the page, unmarks the others, and sets marks already there again', () => {
    const plan = planPageMarks({ linkedin: 'page', facebook: 'panel', x: 'page' }, [
      pageMarkId('x'),
      pageMarkId('facebook'),
    ]);
    expect(plan).toEqual({
      unregister: [pageMarkId('facebook')],
      update: ['x'],
      register: ['linkedin'],
    });
  });

  it('leaves registrations that are not page marks alone', () => {
    expect(planPageMarks({ linkedin: 'panel' }, ['someone-else', pageMarkId('linkedin')])).toEqual({
      unregister: [pageMarkId('linkedin')],
      update: [],
      register: [],
    });
  });
});

describe('syncing the page marks', () => {
  it('registers each site shown in the page on the pages its whole script runs on, at document_start', async () => {
    await syncPageMarks(readDisplayModes);
    expect(marked()).toEqual([pageMarkId('facebook'), pageMarkId('linkedin'), pageMarkId('x')]);
    expect(registry.registered.get(pageMarkId('x'))).toMatchObject({
      js: ['page-mark.js'],
      matches: ['*://*.x.com/*'],
      excludeMatches: ['*://*.x.com/home'],
      runAt: 'document_start',
    });
    expect(registry.registered.get(pageMarkId('linkedin'))).not.toHaveProperty('excludeMatches');
  });

  it('follows the stored modes, and a second sync changes nothing (no duplicate registration)', async () => {
    await syncPageMarks(readDisplayModes);
    await fakeBrowser.storage.local.set({ 'display:linkedin': 'panel' });
    await syncPageMarks(readDisplayModes);
    await syncPageMarks(readDisplayModes);
    expect(marked()).toEqual([pageMarkId('facebook'), pageMarkId('x')]);
    await fakeBrowser.storage.local.set({ 'display:linkedin': 'page' });
    await syncPageMarks(readDisplayModes);
    expect(marked()).toEqual([pageMarkId('facebook'), pageMarkId('linkedin'), pageMarkId('x')]);
  });

  it('runs on install and after a display mode changes, not after other storage changes', async () => {
    registerPageMarks(readDisplayModes, changesDisplayMode);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await vi.waitFor(() => expect(marked()).toHaveLength(3));
    const before = registry.calls.length;
    await fakeBrowser.storage.local.set({ 'layout:x': { collapsed: true, side: 'left' } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(registry.calls.length).toBe(before);
    await fakeBrowser.storage.local.set({ 'display:x': 'panel' });
    await vi.waitFor(() => expect(marked()).toEqual([pageMarkId('facebook'), pageMarkId('linkedin')]));
  });
});

describe('switching a site to the side panel', () => {
  it('takes its mark away before the setting is stored', async () => {
    await syncPageMarks(readDisplayModes);
    await writeDisplayMode('linkedin', 'panel');
    const unregistered = registry.calls.find((call) => call.call === 'unregister');
    expect(unregistered?.ids).toEqual([pageMarkId('linkedin')]);
    expect(unregistered?.stored['display:linkedin']).toBeUndefined();
    expect((await fakeBrowser.storage.local.get('display:linkedin'))['display:linkedin']).toBe('panel');
    expect(marked()).toEqual([pageMarkId('facebook'), pageMarkId('x')]);
  });

  it('does the same for the sites a restored backup sets to the side panel, and only those', async () => {
    await syncPageMarks(readDisplayModes);
    const layout = { collapsed: false, side: 'right' } as const;
    await writeSitePreferences({ x: { display: 'panel', layout }, facebook: { display: 'page', layout } });
    const unregistered = registry.calls.filter((call) => call.call === 'unregister');
    expect(unregistered.map((call) => call.ids)).toEqual([[pageMarkId('x')]]);
    expect(unregistered[0]?.stored['display:x']).toBeUndefined();
    expect(marked()).toEqual([pageMarkId('facebook'), pageMarkId('linkedin')]);
  });

  it('is not written when the mark could not be taken away', async () => {
    await syncPageMarks(readDisplayModes);
    vi.mocked(fakeBrowser.scripting.unregisterContentScripts).mockRejectedValueOnce(new Error('busy'));
    await expect(writeDisplayMode('linkedin', 'panel')).rejects.toThrow('busy');
    expect(await fakeBrowser.storage.local.get('display:linkedin')).toEqual({});
    expect(marked()).toContain(pageMarkId('linkedin'));
  });

  it('is no error when the site had no mark, and switching to the page leaves marks to the worker', async () => {
    await expect(unmarkSite('facebook')).resolves.toBeUndefined();
    await writeDisplayMode('facebook', 'page');
    expect(registry.calls.map((call) => call.call)).toEqual(['unregister']);
  });
});
