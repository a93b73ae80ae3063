import { browser } from '#imports';
import type { Network } from '@/lib/sites/types';
import { unmarkSite } from './page-marks';

/**
 * Per-site preferences that content scripts read, so they live in storage.local as plain values (no
 * schema library in content scripts) and anything unexpected reads as the default.
 *
 * Where Rapport shows itself on a site: in the page (the default) or in the browser's side panel, for
 * users who want the page untouched (LinkedIn's terms forbid adding elements to its pages, and it probes
 * for extensions). Stored per site in storage.local; no schema library here because content scripts
 * read it, and anything but 'panel' means the default.
 */
export type DisplayMode = 'page' | 'panel';

const key = (network: Network) => `display:${network}`;

function parse(value: unknown): DisplayMode {
  return value === 'panel' ? 'panel' : 'page';
}

export async function readDisplayMode(network: Network): Promise<DisplayMode> {
  const stored = await browser.storage.local.get(key(network));
  return parse(stored[key(network)]);
}

/** A switch to the side panel takes the site's page mark away first (lib/platform/page-marks.ts). */
export async function writeDisplayMode(network: Network, mode: DisplayMode): Promise<void> {
  if (mode === 'panel') await unmarkSite(network);
  await browser.storage.local.set({ [key(network)]: mode });
}

/** Every site's display mode in one read (the worker's page marks). */
export async function readDisplayModes(): Promise<Record<Network, DisplayMode>> {
  const stored = await browser.storage.local.get(SITE_NETWORKS.map(key));
  return Object.fromEntries(SITE_NETWORKS.map((network) => [network, parse(stored[key(network)])])) as Record<
    Network,
    DisplayMode
  >;
}

/** Whether a storage change touches any site's display mode. */
export function changesDisplayMode(changes: Readonly<Record<string, unknown>>): boolean {
  return SITE_NETWORKS.some((network) => key(network) in changes);
}

export function watchDisplayMode(
  network: Network,
  onChange: (mode: DisplayMode) => void,
  signal: AbortSignal,
) {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && key(network) in changes) onChange(parse(changes[key(network)]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}

interface SidePanelApis {
  sidePanel?: { open(options: { tabId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

/**
 * Opens the browser's side panel (Chrome) or sidebar (Firefox). Must be called synchronously inside a
 * click handler: both browsers require a user gesture.
 */
export function openBrowserSidePanel(tabId: number): Promise<void> {
  const apis = browser as unknown as SidePanelApis;
  if (apis.sidePanel) return apis.sidePanel.open({ tabId });
  if (apis.sidebarAction) return apis.sidebarAction.open();
  return Promise.reject(new Error('This browser has no side panel for extensions.'));
}

/** The in-page sidebar's layout on a site: collapsed to a small tab or open, and on which side. */
export interface SidebarLayout {
  collapsed: boolean;
  side: 'left' | 'right';
}

export const DEFAULT_LAYOUT: SidebarLayout = { collapsed: false, side: 'right' };
const layoutKey = (network: Network) => `layout:${network}`;

export function parseLayout(value: unknown): SidebarLayout {
  if (typeof value !== 'object' || value === null) return DEFAULT_LAYOUT;
  const record = value as Record<string, unknown>;
  return { collapsed: record.collapsed === true, side: record.side === 'left' ? 'left' : 'right' };
}

export async function readLayout(network: Network): Promise<SidebarLayout> {
  const stored = await browser.storage.local.get(layoutKey(network));
  return parseLayout(stored[layoutKey(network)]);
}

export async function writeLayout(network: Network, change: Partial<SidebarLayout>): Promise<SidebarLayout> {
  const next = { ...(await readLayout(network)), ...change };
  await browser.storage.local.set({ [layoutKey(network)]: next });
  return next;
}

export function watchLayout(
  network: Network,
  onChange: (layout: SidebarLayout) => void,
  signal: AbortSignal,
) {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && layoutKey(network) in changes)
      onChange(parseLayout(changes[layoutKey(network)]?.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener), { once: true });
}

// In a backup: the per-site preferences travel in the flat settings next to the others, as
// `sites.<network>.display` ('page' | 'panel'), `sites.<network>.side` ('left' | 'right') and
// `sites.<network>.collapsed` (boolean). The options page adds them to the worker's backup and writes
// them back after a restore; anything else under `sites.` is ignored.
const SITE_NETWORKS: readonly Network[] = ['linkedin', 'facebook', 'x'];

export interface SitePreferences {
  display: DisplayMode;
  layout: SidebarLayout;
}

export function sitePreferencesToFlat(
  preferences: Readonly<Record<Network, SitePreferences>>,
): Record<string, string | boolean> {
  const flat: Record<string, string | boolean> = {};
  for (const network of SITE_NETWORKS) {
    const { display, layout } = preferences[network];
    flat[`sites.${network}.display`] = display;
    flat[`sites.${network}.side`] = layout.side;
    flat[`sites.${network}.collapsed`] = layout.collapsed;
  }
  return flat;
}

/** The sites a backup's flat settings name, read as the content scripts read them (default when odd). */
export function sitePreferencesFromFlat(
  flat: Readonly<Record<string, unknown>>,
): Partial<Record<Network, SitePreferences>> {
  const found: Partial<Record<Network, SitePreferences>> = {};
  for (const network of SITE_NETWORKS) {
    const at = (name: string) =>
      Object.hasOwn(flat, `sites.${network}.${name}`) ? flat[`sites.${network}.${name}`] : undefined;
    const [display, side, collapsed] = [at('display'), at('side'), at('collapsed')];
    if (display === undefined && side === undefined && collapsed === undefined) continue;
    found[network] = { display: parse(display), layout: parseLayout({ side, collapsed }) };
  }
  return found;
}

/** One site's display mode and layout in one read: what its content script needs first, on every load. */
export async function readPreferencesOf(network: Network): Promise<SitePreferences> {
  const stored = await browser.storage.local.get([key(network), layoutKey(network)]);
  return { display: parse(stored[key(network)]), layout: parseLayout(stored[layoutKey(network)]) };
}

export async function readSitePreferences(): Promise<Record<Network, SitePreferences>> {
  const entries = await Promise.all(
    SITE_NETWORKS.map(async (network) => [network, await readPreferencesOf(network)] as const),
  );
  return Object.fromEntries(entries) as Record<Network, SitePreferences>;
}

/** Writes the sites a backup names; returns which. */
export async function writeSitePreferences(
  preferences: Partial<Record<Network, SitePreferences>>,
): Promise<Network[]> {
  const written = Object.keys(preferences) as Network[];
  const items: Record<string, unknown> = {};
  for (const network of written) {
    const { display, layout } = preferences[network] as SitePreferences;
    items[key(network)] = display;
    items[layoutKey(network)] = layout;
  }
  // As writeDisplayMode: no site set to the side panel keeps its page mark while the setting is written.
  for (const network of written) {
    if ((preferences[network] as SitePreferences).display === 'panel') await unmarkSite(network);
  }
  if (written.length > 0) await browser.storage.local.set(items);
  return written;
}
