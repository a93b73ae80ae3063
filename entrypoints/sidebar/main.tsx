import { render } from 'preact';
import '@/components/theme.css';
import '@/components/person-view.css';
import { acceptAnswer, takeFirstRead } from '@/lib/protocol/client';
import { readTabPerson, SidebarApp } from '@/lib/ui/sidebar-app';
import { followTheme } from '@/lib/ui/theme';

// The in-page sidebar: loaded in an iframe on a profile page; the background tells it which profile.
// The first read is usually on its way already (sidebar-first.js); otherwise it goes out before anything
// renders, so the round trip overlaps the first render.
const early = takeFirstRead('getTabPerson');
const first = early ? acceptAnswer('getTabPerson', early.sent) : readTabPerson(null);
void followTheme();
const app = document.getElementById('app');
if (app) render(<SidebarApp tabId={null} surface="page" first={first} />, app);
