import { browser } from '#imports';
import type { Clock } from '@/lib/services/clock';

/**
 * A context-menu log whose person is unknown: kept in storage.session (never in a URL) until the chooser
 * window, opened on it, logs it or is closed.
 */
export interface MenuDraft {
  entryId: string;
  text: string | null;
  truncated: boolean;
  sourceUrl: string | null;
}

export const menuDraftKey = (id: string) => `menu-draft:${id}`;

export async function saveMenuDraft(draft: MenuDraft, clock: Clock): Promise<void> {
  const id = clock.newId();
  await browser.storage.session.set({ [menuDraftKey(id)]: draft });
  await browser.windows.create({
    url: browser.runtime.getURL(`/chooser.html#${id}`),
    type: 'popup',
    width: 420,
    height: 600,
  });
}

export async function readMenuDraft(id: string): Promise<MenuDraft | null> {
  const stored = await browser.storage.session.get(menuDraftKey(id));
  return (stored[menuDraftKey(id)] as MenuDraft | undefined) ?? null;
}

export async function forgetMenuDraft(id: string): Promise<void> {
  await browser.storage.session.remove(menuDraftKey(id));
}
