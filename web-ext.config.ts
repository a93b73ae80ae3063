import { defineWebExtConfig } from 'wxt';

// `wxt dev` would try to launch a browser, which fails as root without a display; load
// .output/chrome-mv3-dev by hand (or use `npm run demo`).
export default defineWebExtConfig({ disabled: true });
