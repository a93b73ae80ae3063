import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import { SidebarApp } from './sidebar-app';

/**
 * The browser's side panel: the same view as the in-page sidebar, following whichever tab is active in
 * this window, and the profile that tab shows as it navigates.
 */
export function SidePanelApp() {
  const [tabId, setTabId] = useState<number | null | 'none'>(null);

  useEffect(() => {
    let windowId: number | undefined;
    const refresh = async () => {
      const [active] = await browser.tabs.query({ active: true, currentWindow: true });
      windowId = active?.windowId;
      setTabId(active?.id ?? 'none');
    };
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (windowId === undefined || info.windowId === windowId) setTabId(info.tabId);
    };
    void refresh();
    browser.tabs.onActivated.addListener(onActivated);
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, []);

  if (tabId === null) return <p class="status">Loading…</p>;
  if (tabId === 'none') return <p class="status">No tab is active.</p>;
  return <SidebarApp key={tabId} tabId={tabId} surface="panel" />;
}
