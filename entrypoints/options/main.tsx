import { render } from 'preact';
import '@/components/theme.css';
import '@/components/options.css';
import { OptionsApp } from '@/lib/ui/options/options-app';

// The options page (a tab of its own): settings, per-site display, and the user's data in and out.
const app = document.getElementById('app');
if (app) render(<OptionsApp />, app);
