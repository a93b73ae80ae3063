import { render } from 'preact';
import '@/components/theme.css';
import { ChooserApp } from '@/lib/ui/chooser-app';
import { followTheme } from '@/lib/ui/theme';

// Opened by the context menu when the click named nobody: pick a person, or add one, to log it for.
void followTheme();
const app = document.getElementById('app');
if (app) render(<ChooserApp draftId={location.hash.slice(1)} />, app);
