import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { toggleSidebar } from '@/lib/platform/commands';
import { readLayout, writeDisplayMode } from '@/lib/platform/site-preferences';
import { sessionTabProfiles } from '@/lib/platform/tab-profiles';
import { fakeScriptRegistry } from './fake-scripting';

const jane = {
  network: 'linkedin' as const,
  id: 'jane-doe',
  url: 'https://www.linkedin.com/in/jane-doe/',
  name: 'Jane Doe',
  headline: null,
  avatarUrl: null,
};

beforeEach(() => {
  fakeBrowser.reset();
  // Setting a site to the side panel takes its page mark away first (lib/platform/page-marks.ts).
  fakeScriptRegistry();
});

describe('the keyboard shortcut', () => {
  it("collapses and reopens the sidebar on the tab's site, and remembers it per site", async () => {
    const tabs = sessionTabProfiles();
    await tabs.set(4, { snapshot: jane, details: 'read', seq: 1 });
    expect(await toggleSidebar(4, tabs)).toBe('collapsed');
    expect(await readLayout('linkedin')).toEqual({ collapsed: true, side: 'right' });
    expect(await readLayout('x')).toEqual({ collapsed: false, side: 'right' });
    expect(await toggleSidebar(4, tabs)).toBe('opened');
    expect((await readLayout('linkedin')).collapsed).toBe(false);
  });

  it('does nothing on a tab that shows no profile', async () => {
    const tabs = sessionTabProfiles();
    await tabs.set(5, { snapshot: null, details: 'read', seq: 1 });
    expect(await toggleSidebar(5, tabs)).toBe('nothing');
    expect(await toggleSidebar(6, tabs)).toBe('nothing');
  });

  it('opens the side panel instead on a site set to use it', async () => {
    const tabs = sessionTabProfiles();
    await tabs.set(4, { snapshot: jane, details: 'read', seq: 1 });
    await writeDisplayMode('linkedin', 'panel');
    // fakeBrowser models Firefox's sidebarAction; Chrome's sidePanel takes the same path.
    const open = vi.spyOn(fakeBrowser.sidebarAction, 'open').mockResolvedValue(undefined);
    expect(await toggleSidebar(4, tabs)).toBe('panel');
    expect(open).toHaveBeenCalledOnce();
    expect((await readLayout('linkedin')).collapsed).toBe(false);
  });
});
