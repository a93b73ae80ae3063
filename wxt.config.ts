import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { narrowSiteScripts } from './lib/content/script-matches';
import { inlineStylesheets } from './scripts/inline-stylesheets';

const SITE_MATCHES = [
  '*://*.linkedin.com/*',
  '*://*.facebook.com/*',
  '*://x.com/*',
  '*://*.x.com/*',
  '*://twitter.com/*',
  '*://*.twitter.com/*',
];

// Dexie's package resolves to its ES5 build (for old bundlers); its ES2020 build is the same code, 1.5 KB
// smaller gzipped, of the worker's 80 KB budget (issue #9). Every browser Rapport supports runs it.
export const MODERN_DEXIE = { find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' };

// Chrome MV3 is the primary target; Firefox builds as MV2 (WXT's default for Firefox), where the
// sidebar_action and a background page are the mature APIs.
export default defineConfig({
  // Overridable so that two builds (say, two people testing in one checkout) do not overwrite each other.
  outDir: process.env.RAPPORT_OUT_DIR ?? '.output',
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact(), inlineStylesheets()], resolve: { alias: [MODERN_DEXIE] } }),
  hooks: {
    // Chrome: each site's whole content script on page loads at profile URLs, its watcher on the rest of
    // the site (issue #9: at most 5 ms of script on other pages). Firefox runs the whole script everywhere.
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser === 'firefox' || !manifest.content_scripts) return;
      manifest.content_scripts = narrowSiteScripts(manifest.content_scripts);
    },
    // Content scripts run on every page of three busy sites (issue #9: 5 ms of script on a page load). The
    // polyfill was a third of each one, and taking it out saved about 1.4 ms of script per page load. What
    // they use (runtime.sendMessage, runtime.getURL, runtime.id, storage.local.get, storage.onChanged)
    // returns promises natively in Chrome's MV3 and in Firefox, so they get WXT's plain `browser`
    // (browser ?? chrome). The worker too: every API it calls returns a promise natively (Chrome 123 and
    // later, the manifest's minimum), it answers messages with sendResponse rather than a returned promise
    // (which Chrome's own onMessage ignores), and the polyfill was 2.7 KB of its 80 KB gzip budget
    // (issue #9). The extension pages keep the polyfill.
    'vite:build:extendConfig': (entrypoints, config) => {
      const native = ['content-script', 'background'];
      if (!entrypoints.every((entrypoint) => native.includes(entrypoint.type))) return;
      config.resolve ??= {};
      const alias = config.resolve.alias ?? [];
      const entries = Array.isArray(alias)
        ? alias
        : Object.entries(alias).map(([find, replacement]) => ({ find, replacement }));
      config.resolve.alias = [{ find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' }, ...entries];
    },
  },
  manifest: ({ browser }) => ({
    name: 'Rapport',
    description:
      'Private notes, tie strength and follow-ups for the people you meet on LinkedIn, Facebook and X. Stays on your machine.',
    // Chrome: `scripting` and host permissions for the content scripts' own sites, so a new version runs
    // in the sites' open tabs at once (lib/platform/take-over-tabs.ts). Chrome's install prompt already
    // names these sites for the content scripts; Firefox does this by itself and gets neither.
    permissions: ['storage', 'contextMenus', 'alarms', ...(browser === 'firefox' ? [] : ['scripting'])],
    ...(browser === 'firefox' ? {} : { host_permissions: SITE_MATCHES }),
    // The first Chrome whose every API the worker calls returns a promise natively (contextMenus, 123):
    // the worker runs without webextension-polyfill (see the hook above).
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: '123' }),
    // Each asked for only when the user turns its feature on (options page), and given back when turned off:
    // notifications for the daily digest, downloads for automatic backup files.
    optional_permissions: ['notifications', 'downloads'],
    // The toolbar button: its badge confirms context-menu logs (and later counts due prompts).
    action: { default_title: 'Rapport', default_popup: 'popup.html' },
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+R' },
        description: 'Open or collapse the Rapport sidebar on a profile',
      },
    },
    // The in-page sidebar is an extension page in an iframe. Only on the three sites, and in Chrome only
    // through a per-session URL, so a page cannot probe for the extension by fetching a known file.
    web_accessible_resources:
      browser === 'firefox'
        ? ['sidebar.html']
        : [{ resources: ['sidebar.html'], matches: SITE_MATCHES, use_dynamic_url: true }],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'rapport@rapport.invalid',
              // 140 is the first release that understands data_collection_permissions (142 on Android).
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
