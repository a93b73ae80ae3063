import { render } from 'preact';
import '@/components/theme.css';
import '@/components/person-view.css';
import { acceptAnswer } from '@/lib/protocol/client';
import { FIRST_READ, takeFirstRead } from '@/lib/protocol/first-read';
import { readTabPerson, SidebarApp } from '@/lib/ui/sidebar-app';
import { followTheme } from '@/lib/ui/theme';

// The in-page sidebar: loaded in an iframe on a profile page; the background tells it which profile.
// The first read is usually on its way already (sidebar-first.js); otherwise it goes out before anything
// renders, so the round trip overlaps the first render.
const early = takeFirstRead();
const first = early ? acceptAnswer(FIRST_READ.type, early) : readTabPerson(null);
void followTheme();
const app = document.getElementById('app');
if (app) render(<SidebarApp tabId={null} surface="page" first={first} />, app);
