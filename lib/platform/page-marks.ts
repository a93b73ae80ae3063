import { browser } from '#imports';
import { readerScriptFile } from '@/lib/content/script-files';
import type { Network } from '@/lib/sites/types';
import type { DisplayMode } from './site-preferences';

// Chrome: the worker keeps one registered content script per site set to show Rapport in the page, the
// page mark (lib/content/page-mark.ts), on the pages where the manifest runs that site's whole script.
// The mark lets the whole script make the sidebar at the page load's first moment. The rule that
// matters is one way round: a site set to the side panel must never have a mark, or its pages would get
// a frame before storage says otherwise. So a switch to the side panel takes the mark away before the
// setting is written (unmarkSite, in the writers of site-preferences.ts), and the worker adds marks only
// after a write, from what storage then says (syncPageMarks). Firefox has no marks: its whole script
// reads storage first, as before.

const PAGE_MARK_FILE = 'page-mark.js';
const ID_PREFIX = 'rapport-page-mark:';
export const pageMarkId = (network: Network) => `${ID_PREFIX}${network}`;

export interface PageMarksPlan {
  /** Ours, of sites set to the side panel (or of sites this version no longer knows). */
  unregister: string[];
  /** Sites shown in the page that have a mark: its pages are set again, in case this version's differ. */
  update: Network[];
  register: Network[];
}

/** What to change so that exactly the sites shown in the page have a mark; other registrations untouched. */
export function planPageMarks(
  modes: Readonly<Partial<Record<Network, DisplayMode>>>,
  registeredIds: readonly string[],
): PageMarksPlan {
  const wanted = (Object.keys(modes) as Network[]).filter((network) => modes[network] === 'page');
  const ours = registeredIds.filter((id) => id.startsWith(ID_PREFIX));
  const wantedIds = new Set(wanted.map(pageMarkId));
  const registered = new Set(ours);
  return {
    unregister: ours.filter((id) => !wantedIds.has(id)),
    update: wanted.filter((network) => registered.has(pageMarkId(network))),
    register: wanted.filter((network) => !registered.has(pageMarkId(network))),
  };
}

/**
 * Takes a site's mark away, before its pages are set to the side panel. Nothing to take (Chrome rejects
 * an unknown id) is no error; a mark that stays is, so that the setting is then not written.
 */
export async function unmarkSite(network: Network): Promise<void> {
  // Firefox has no marks (and no `scripting` permission, so no such namespace).
  if (import.meta.env.FIREFOX || !browser.scripting) return;
  const ids = [pageMarkId(network)];
  await browser.scripting.unregisterContentScripts({ ids }).catch(async (error: unknown) => {
    if ((await browser.scripting.getRegisteredContentScripts({ ids })).length > 0) throw error;
  });
}

type ReadModes = () => Promise<Readonly<Partial<Record<Network, DisplayMode>>>>;

type ManifestScripts = NonNullable<ReturnType<typeof browser.runtime.getManifest>['content_scripts']>;

/** The pages of a site where the manifest runs its whole script: its profile pages (wxt.config.ts). */
function markOf(network: Network, scripts: ManifestScripts) {
  const entry = scripts.find((script) => (script.js ?? []).includes(readerScriptFile(network)));
  if (!entry?.matches) throw new Error(`No content script for ${network} in the manifest`);
  return {
    id: pageMarkId(network),
    // A path of the built extension (a build test checks it is there), which WXT's types cannot know.
    js: [PAGE_MARK_FILE as never],
    matches: entry.matches,
    ...(entry.exclude_matches ? { excludeMatches: entry.exclude_matches } : {}),
    runAt: 'document_start' as const,
    persistAcrossSessions: true,
  };
}

/** Brings the registered marks in line with the stored display modes. */
export async function syncPageMarks(readModes: ReadModes): Promise<void> {
  const registered = await browser.scripting.getRegisteredContentScripts();
  const plan = planPageMarks(
    await readModes(),
    registered.map((script) => script.id),
  );
  const scripts = browser.runtime.getManifest().content_scripts ?? [];
  const marks = (networks: Network[]) => networks.map((network) => markOf(network, scripts));
  if (plan.unregister.length > 0) await browser.scripting.unregisterContentScripts({ ids: plan.unregister });
  if (plan.update.length > 0) await browser.scripting.updateContentScripts(marks(plan.update));
  if (plan.register.length > 0) await browser.scripting.registerContentScripts(marks(plan.register));
}

/**
 * The worker's side: marks set on install, update and browser start (a registration survives both, but
 * a new version's pages may differ, and a failed sync is tried again), and after each change of a display
 * mode. One sync at a time, so two quick switches end as the last one says.
 */
export function registerPageMarks(
  readModes: ReadModes,
  changesDisplayMode: (changes: Readonly<Record<string, unknown>>) => boolean,
): void {
  let queue = Promise.resolve();
  const sync = () => {
    queue = queue
      .then(() => syncPageMarks(readModes))
      .catch((error: unknown) => console.warn('Rapport: could not set the page marks', error));
  };
  browser.runtime.onInstalled.addListener(sync);
  browser.runtime.onStartup.addListener(sync);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changesDisplayMode(changes)) sync();
  });
}
