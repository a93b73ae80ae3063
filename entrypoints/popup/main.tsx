import { render } from 'preact';
import '@/components/theme.css';
import '@/components/popup.css';
import { acceptAnswer, takeFirstRead } from '@/lib/protocol/client';
import { addressedTabId } from '@/lib/protocol/first-read';
import { type FirstPopupRead, PopupApp } from '@/lib/ui/popup/popup-app';
import { followTheme } from '@/lib/ui/theme';

// The toolbar popup. `#tab=<id>` names the tab to describe (tests open the popup as a page; the real popup
// describes the active tab of its window).
void followTheme();
const app = document.getElementById('app');
// `#q=<text>`: the popup opened as a page from the sidebar's "search all", to show that search.
const query = /^#q=(.*)$/.exec(location.hash)?.[1];
const initialQuery = query === undefined ? '' : safeDecode(query).slice(0, 200);
// The popup's data is usually on its way already (popup-first.js, lib/protocol/first-read.ts).
const early = takeFirstRead<{ tabId: number | null }>('getPopupData');
const first: FirstPopupRead | undefined = early
  ? { tabId: early.request.then(({ tabId }) => tabId), data: acceptAnswer('getPopupData', early.sent) }
  : undefined;
// Handled where it is used; marked here so a popup without its app reports no stray rejection.
first?.data.catch(() => undefined);
if (app)
  render(<PopupApp tabId={addressedTabId(location.hash)} initialQuery={initialQuery} first={first} />, app);

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return '';
  }
}
