import { render } from 'preact';
import '@/components/theme.css';
import '@/components/person-view.css';
import { SidebarApp } from '@/lib/ui/sidebar-app';
import { followTheme } from '@/lib/ui/theme';

// The in-page sidebar: loaded in an iframe on a profile page; the background tells it which profile.
void followTheme();
const app = document.getElementById('app');
if (app) render(<SidebarApp tabId={null} surface="page" />, app);
