import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { inlineStylesheets } from '../../scripts/inline-stylesheets';
import base, { MODERN_DEXIE } from '../../wxt.config';

/**
 * The same extension, not minified: for profiling the content scripts (tests/bench/page-cost-profile.ts),
 * so a CPU profile names Rapport's own functions. Never shipped.
 * Build: `RAPPORT_OUT_DIR=.output-profile npx wxt build -c tests/bench/wxt.profile.config.ts`.
 */
export default defineConfig({
  ...base,
  root: new URL('../..', import.meta.url).pathname,
  vite: () => ({
    plugins: [preact(), inlineStylesheets()],
    resolve: { alias: [MODERN_DEXIE] },
    build: { minify: false },
  }),
});
