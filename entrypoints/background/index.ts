import { browser, defineBackground } from '#imports';
import { createHandlers } from '@/lib/background/handlers';
import { isStorageError, RapportDatabase } from '@/lib/db/database';
import { openFailureMessage } from '@/lib/db/open-failure';
import { quotaMessage } from '@/lib/db/quota';
import { registerAutoBackup } from '@/lib/platform/auto-backup';
import { registerBadge } from '@/lib/platform/badge';
import { registerCommands } from '@/lib/platform/commands';
import { registerContextMenu } from '@/lib/platform/context-menu';
import { registerDigest } from '@/lib/platform/digest-notification';
import { registerPageMarks } from '@/lib/platform/page-marks';
import { scriptingPageScripts } from '@/lib/platform/page-scripts';
import { classifySender } from '@/lib/platform/sender';
import { changesDisplayMode, readDisplayModes } from '@/lib/platform/site-preferences';
import { sessionTabProfiles } from '@/lib/platform/tab-profiles';
import { registerTakeOver } from '@/lib/platform/take-over-tabs';
import { dataChangeAnnouncer } from '@/lib/protocol/data-changed';
import { createRouter } from '@/lib/protocol/router';
import { ConflictError, NotFoundError } from '@/lib/services/errors';

// Listeners are registered synchronously: an MV3 worker woken by a message must have them in place
// before the first await. No state that matters lives here; it is all in IndexedDB or storage.session.
export default defineBackground(() => {
  const db = new RapportDatabase();
  const tabs = sessionTabProfiles();
  const clock = { now: () => Date.now(), newId: () => crypto.randomUUID() };
  const pageScripts = scriptingPageScripts();
  const route = createRouter(createHandlers({ db, tabs, clock, pageScripts }), {
    classifySender,
    isStorageError,
    storageMessage: (error) => openFailureMessage(error) ?? quotaMessage(error),
    refusalCode: (error) =>
      error instanceof NotFoundError ? 'not-found' : error instanceof ConflictError ? 'conflict' : null,
    log: (message, detail) => console.warn(`Rapport: ${message}`, detail ?? ''),
  });
  // Answered through sendResponse: Chrome's own onMessage (the worker runs without the polyfill, see
  // wxt.config.ts) ignores a returned promise. `route` never rejects: every failure is a result.
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void route(message, sender).then(sendResponse);
    return true;
  });
  registerCommands(tabs);
  registerContextMenu({ db, tabs, clock });
  registerBadge({ db, clock });
  registerDigest({ db, clock });
  registerAutoBackup({ db, clock });
  // Firefox runs a new version's content scripts in open tabs by itself.
  if (!import.meta.env.FIREFOX) registerTakeOver();
  // Chrome: sites shown in the page are marked from the page load's first moment (lib/content/page-mark.ts).
  if (!import.meta.env.FIREFOX) registerPageMarks(readDisplayModes, changesDisplayMode);
  db.onDataChange(dataChangeAnnouncer());
  browser.tabs.onRemoved.addListener((tabId) => {
    void tabs.forget(tabId);
  });
});
