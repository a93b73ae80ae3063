import { type Browser, browser } from '#imports';
import type { RapportDatabase } from '@/lib/db/database';
import { MENU_KINDS, menuKindById, SUCCESS_LATER, THANKED_TEXT } from '@/lib/menu/kinds';
import { resolveMenuTarget, selectionText, sourceUrlOf } from '@/lib/menu/target';
import type { Clock } from '@/lib/services/clock';
import { deleteInteraction } from '@/lib/services/interactions';
import { logFromMenu } from '@/lib/services/menu-log';
import { confirmOnTab } from './confirm';
import { saveMenuDraft } from './menu-draft';
import type { TabProfiles } from './tab-profiles';

const PARENT = 'rapport-log';
const UNDO = 'rapport-undo';
const CONTEXTS: ['page', 'link', 'selection'] = ['page', 'link', 'selection'];
const LAST_LOGGED_KEY = 'menu:last-logged';
/** An undo offered longer than this after the log would surprise more than help. */
const UNDO_WINDOW_MS = 10 * 60 * 1000;

interface Deps {
  db: RapportDatabase;
  tabs: TabProfiles;
  clock: Clock;
}

/**
 * "Log interaction" on any page, link or selection. Menus are (re)created on install, update and browser
 * start; the click listener is registered synchronously, so a click wakes a stopped worker and works.
 */
export function registerContextMenu(deps: Deps): void {
  browser.runtime.onInstalled.addListener(() => void createMenus());
  browser.runtime.onStartup.addListener(() => void createMenus());
  browser.contextMenus.onClicked.addListener((info, tab) => {
    void onClick(info, tab, deps).catch((error: unknown) => {
      console.warn('Rapport: could not log from the menu', error);
      void confirmOnTab(tab?.id, 'error', `Rapport could not log this: ${errorText(error)}`);
    });
  });
  namePersonWhenShown(deps);
}

export async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  const menus = browser.contextMenus;
  menus.create({ id: PARENT, title: 'Log interaction', contexts: CONTEXTS });
  for (const entry of MENU_KINDS) {
    menus.create({ id: `${PARENT}:${entry.id}`, parentId: PARENT, title: entry.title, contexts: CONTEXTS });
  }
  menus.create({ id: `${PARENT}:sep`, parentId: PARENT, type: 'separator', contexts: CONTEXTS });
  menus.create({
    id: `${PARENT}:${SUCCESS_LATER.id}`,
    parentId: PARENT,
    title: SUCCESS_LATER.title,
    contexts: CONTEXTS,
  });
  menus.create({
    id: UNDO,
    parentId: PARENT,
    title: 'Undo the last log',
    contexts: CONTEXTS,
    enabled: false,
  });
}

interface LastLogged {
  interactionId: string;
  at: number;
}

async function onClick(
  info: Browser.contextMenus.OnClickData,
  tab: Browser.tabs.Tab | undefined,
  deps: Deps,
) {
  const id = String(info.menuItemId);
  if (id === UNDO) return undoLast(tab?.id, deps);
  const entry = menuKindById(id.slice(`${PARENT}:`.length));
  if (!id.startsWith(`${PARENT}:`) || !entry) return;
  const click = { linkUrl: info.linkUrl, pageUrl: info.pageUrl, selectionText: info.selectionText };
  const selected = selectionText(click.selectionText);
  const text = interactionText(entry.id, selected.text, sourceUrlOf(click));
  const target = resolveMenuTarget(click);
  if (target.via === 'none') {
    await saveMenuDraft(
      { entryId: entry.id, text, truncated: selected.truncated, sourceUrl: sourceUrlOf(click) },
      deps.clock,
    );
    return;
  }
  const shown = tab?.id !== undefined ? (await deps.tabs.get(tab.id))?.snapshot : null;
  const snapshot = shown && shown.network === target.ref.network && shown.id === target.ref.id ? shown : null;
  const logged = await logFromMenu(
    deps.db,
    {
      ref: target.ref,
      snapshot,
      entry,
      text,
      sourceUrl: sourceUrlOf(click),
      interactionId: deps.clock.newId(),
    },
    deps.clock,
  );
  const last: LastLogged = { interactionId: logged.interaction.id, at: deps.clock.now() };
  await browser.storage.session.set({ [LAST_LOGGED_KEY]: last });
  await browser.contextMenus.update(UNDO, {
    enabled: true,
    title: `Undo: ${entry.title} (${logged.personName})`,
  });
  const shortened = selected.truncated ? ' The selected text was shortened to 2,000 characters.' : '';
  await confirmOnTab(tab?.id, 'ok', `Logged “${entry.title}” with ${logged.personName}.${shortened}`);
}

async function undoLast(tabId: number | undefined, deps: Deps) {
  const stored = await browser.storage.session.get(LAST_LOGGED_KEY);
  const last = stored[LAST_LOGGED_KEY] as LastLogged | undefined;
  await browser.storage.session.remove(LAST_LOGGED_KEY);
  await browser.contextMenus.update(UNDO, { enabled: false, title: 'Undo the last log' });
  if (!last || deps.clock.now() - last.at > UNDO_WINDOW_MS) {
    await confirmOnTab(tabId, 'error', 'Nothing recent to undo.');
    return;
  }
  await deleteInteraction(deps.db, last.interactionId);
  await confirmOnTab(tabId, 'ok', 'Undone: the interaction was removed.');
}

interface ShownMenus {
  onShown?: { addListener(listener: (info: { linkUrl?: string; pageUrl?: string }) => void): void };
  refresh?: () => Promise<void>;
}

/** Firefox only (menus.onShown): the menu names the person before it opens. Chrome keeps the plain title. */
function namePersonWhenShown(deps: Deps) {
  const menus = browser.contextMenus as unknown as ShownMenus;
  if (!menus.onShown || !menus.refresh) return;
  const refresh = menus.refresh;
  menus.onShown.addListener((info) => {
    const target = resolveMenuTarget(info);
    void (async () => {
      let title = 'Log interaction';
      if (target.ref) {
        const identity = await deps.db.identities.get([target.ref.network, target.ref.id]);
        const person = identity ? await deps.db.people.get(identity.personId) : undefined;
        title = `Log interaction with ${person?.name ?? identity?.lastSeenName ?? target.ref.id}`;
      }
      await browser.contextMenus.update(PARENT, { title });
      await refresh();
    })();
  });
}

/**
 * The stored text: the selection; for "Thanked them" a marker the prompts recognise; for a success to
 * acknowledge later, something to name it by (the prompt quotes it), else the link to the news.
 */
function interactionText(entryId: string, selected: string | null, source: string | null): string | null {
  if (entryId === 'thanked') return selected ? `${THANKED_TEXT}: ${selected}` : THANKED_TEXT;
  if (entryId === SUCCESS_LATER.id) return selected ?? source ?? 'news flagged from the context menu';
  return selected;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
