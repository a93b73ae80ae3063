import { defineUnlistedScript } from '#imports';
import { popupTabId, sendFirstRead } from '@/lib/protocol/first-read';

// Listed in popup.html before the popup's bundle (lib/protocol/first-read.ts): the popup's data for the
// tab it describes.
export default defineUnlistedScript(() =>
  sendFirstRead(
    'getPopupData',
    popupTabId(location.hash).then((tabId) => ({ tabId })),
  ),
);
