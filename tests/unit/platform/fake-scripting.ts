import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type RegisteredScript = Parameters<typeof fakeBrowser.scripting.registerContentScripts>[0][number];

/**
 * WXT's fake browser leaves `scripting`'s registered content scripts unimplemented. This is an in-memory
 * registry with Chrome's rules (an id registered twice, or unregistered or updated while absent, rejects
 * the whole call and changes nothing), and a log of each call with what storage said at that moment.
 */
export function fakeScriptRegistry() {
  const registered = new Map<string, RegisteredScript>();
  const calls: { call: string; ids: string[]; stored: Record<string, unknown> }[] = [];
  const log = async (call: string, ids: string[]) => {
    calls.push({ call, ids, stored: await fakeBrowser.storage.local.get(null) });
  };
  const missing = (ids: string[]) => ids.find((id) => !registered.has(id));
  const { scripting } = fakeBrowser;
  vi.spyOn(scripting, 'getRegisteredContentScripts').mockImplementation(async () => [...registered.values()]);
  vi.spyOn(scripting, 'registerContentScripts').mockImplementation(async (scripts) => {
    const ids = scripts.map((script) => script.id);
    await log('register', ids);
    const taken = ids.find((id) => registered.has(id));
    if (taken) throw new Error(`Duplicate script ID '${taken}'`);
    for (const script of scripts) registered.set(script.id, script);
  });
  vi.spyOn(scripting, 'unregisterContentScripts').mockImplementation(async (filter) => {
    const ids = filter?.ids ?? [...registered.keys()];
    await log('unregister', ids);
    const absent = missing(ids);
    if (absent) throw new Error(`Nonexistent script ID '${absent}'`);
    for (const id of ids) registered.delete(id);
  });
  vi.spyOn(scripting, 'updateContentScripts').mockImplementation(async (scripts) => {
    const ids = scripts.map((script) => script.id);
    await log('update', ids);
    const absent = missing(ids);
    if (absent) throw new Error(`Nonexistent script ID '${absent}'`);
    for (const script of scripts) registered.set(script.id, { ...registered.get(script.id), ...script });
  });
  return { registered, calls };
}
