import { defineUnlistedScript } from '#imports';
import { sendFirstRead } from '@/lib/protocol/first-read';

// Listed in sidebar.html before the sidebar's bundle (lib/protocol/first-read.ts): which profile this
// frame's tab shows, and that person's view.
export default defineUnlistedScript(() => sendFirstRead('getTabPerson', { tabId: null }));
