import { wireRequest } from '@/lib/protocol/wire';

/**
 * The in-page sidebar's first question to the worker (which profile its tab shows, and that person's
 * view), sent by a script of its own, `sidebar-first.js`, the moment the sidebar's page starts.
 *
 * Why a script of its own: the sidebar's main bundle is a module, which runs only once it and every
 * chunk it imports have loaded and been evaluated. Sent from there, the round trip to the worker came
 * after all of that. This script is tiny, classic and listed before the bundle in sidebar.html, so the
 * question is on its way while the bundle still loads, and the answer is usually there when the bundle
 * starts. The bundle checks the answer like any other (lib/protocol/client.ts acceptAnswer).
 *
 * No polyfill here, on purpose (it is most of what such a script would weigh): Chrome's and Firefox's
 * own runtime.sendMessage return a promise.
 */
const SLOT = '__rapportFirstRead';

type Slot = { [SLOT]?: Promise<unknown> };
type Runtime = { sendMessage(message: unknown): Promise<unknown> };

export const FIRST_READ = { type: 'getTabPerson', request: { tabId: null } } as const;

export function sendFirstRead(): void {
  const api = globalThis as unknown as { browser?: { runtime?: Runtime }; chrome?: { runtime?: Runtime } };
  const runtime = api.browser?.runtime ?? api.chrome?.runtime;
  if (!runtime) return;
  let sent: Promise<unknown>;
  try {
    sent = runtime.sendMessage(wireRequest(FIRST_READ.type, FIRST_READ.request));
  } catch (error) {
    sent = Promise.reject(error);
  }
  // Marked as handled: the bundle takes the answer (or the failure) later, and reports it then.
  sent.catch(() => undefined);
  (globalThis as Slot)[SLOT] = sent;
}

/** The first read's answer, once: null when the early script did not run (then the caller asks itself). */
export function takeFirstRead(): Promise<unknown> | null {
  const slot = globalThis as Slot;
  const sent = slot[SLOT] ?? null;
  delete slot[SLOT];
  return sent;
}
