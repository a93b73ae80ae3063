import { render } from 'preact';
import '@/components/theme.css';
import '@/components/person-view.css';
import { SidePanelApp } from '@/lib/ui/side-panel-app';
import { followTheme } from '@/lib/ui/theme';

// The browser's side panel (Chrome) or sidebar (Firefox), for users who want the social sites untouched.
void followTheme();
const app = document.getElementById('app');
if (app) render(<SidePanelApp />, app);
