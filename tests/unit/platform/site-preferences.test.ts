import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  readSitePreferences,
  sitePreferencesFromFlat,
  sitePreferencesToFlat,
  writeDisplayMode,
  writeLayout,
  writeSitePreferences,
} from '@/lib/platform/site-preferences';
import { fakeScriptRegistry } from './fake-scripting';

beforeEach(() => {
  fakeBrowser.reset();
  fakeScriptRegistry();
});

describe('per-site preferences in a backup', () => {
  it('go out as flat settings and come back as they were', async () => {
    await writeDisplayMode('linkedin', 'panel');
    await writeLayout('x', { collapsed: true, side: 'left' });
    const flat = sitePreferencesToFlat(await readSitePreferences());
    expect(flat).toEqual({
      'sites.linkedin.display': 'panel',
      'sites.linkedin.side': 'right',
      'sites.linkedin.collapsed': false,
      'sites.facebook.display': 'page',
      'sites.facebook.side': 'right',
      'sites.facebook.collapsed': false,
      'sites.x.display': 'page',
      'sites.x.side': 'left',
      'sites.x.collapsed': true,
    });
    const before = await readSitePreferences();
    fakeBrowser.reset();
    expect(await writeSitePreferences(sitePreferencesFromFlat(flat))).toEqual(['linkedin', 'facebook', 'x']);
    expect(await readSitePreferences()).toEqual(before);
  });

  it('read odd values as the content scripts do (the default), and leave sites a file does not name', async () => {
    await writeDisplayMode('facebook', 'panel');
    const found = sitePreferencesFromFlat({
      'sites.linkedin.display': 'sideways',
      'sites.linkedin.side': 42,
      'sites.linkedin.collapsed': 'yes',
      'sites.myspace.display': 'panel',
      theme: 'dark',
    });
    expect(found).toEqual({ linkedin: { display: 'page', layout: { collapsed: false, side: 'right' } } });
    expect(await writeSitePreferences(found)).toEqual(['linkedin']);
    expect((await readSitePreferences()).facebook.display).toBe('panel');
  });

  it('ignore keys inherited from the prototype', () => {
    const inherited = Object.create({ 'sites.x.display': 'panel' }) as Record<string, unknown>;
    expect(sitePreferencesFromFlat(inherited)).toEqual({});
  });
});
