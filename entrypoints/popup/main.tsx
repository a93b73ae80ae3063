import { render } from 'preact';
import '@/components/theme.css';
import '@/components/popup.css';
import { PopupApp } from '@/lib/ui/popup/popup-app';
import { followTheme } from '@/lib/ui/theme';

// The toolbar popup. `#tab=<id>` names the tab to describe (tests open the popup as a page; the real popup
// describes the active tab of its window).
void followTheme();
const app = document.getElementById('app');
// `#q=<text>`: the popup opened as a page from the sidebar's "search all", to show that search.
const tab = /^#tab=(\d+)$/.exec(location.hash)?.[1];
const query = /^#q=(.*)$/.exec(location.hash)?.[1];
const initialQuery = query === undefined ? '' : safeDecode(query).slice(0, 200);
if (app)
  render(<PopupApp tabId={tab === undefined ? undefined : Number(tab)} initialQuery={initialQuery} />, app);

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return '';
  }
}
