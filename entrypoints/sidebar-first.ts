import { defineUnlistedScript } from '#imports';
import { sendFirstRead } from '@/lib/protocol/first-read';

// Listed in sidebar.html before the sidebar's bundle: see lib/protocol/first-read.ts.
export default defineUnlistedScript(() => sendFirstRead());
