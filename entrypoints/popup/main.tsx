import { render } from 'preact';
import '@/components/theme.css';
import '@/components/popup.css';
import { PopupApp } from '@/lib/ui/popup/popup-app';
import { followTheme } from '@/lib/ui/theme';

// The toolbar popup. `#tab=<id>` names the tab to describe (tests open the popup as a page; the real popup
// describes the active tab of its window).
void followTheme();
const app = document.getElementById('app');
const tab = /^#tab=(\d+)$/.exec(location.hash)?.[1];
if (app) render(<PopupApp tabId={tab === undefined ? undefined : Number(tab)} />, app);
