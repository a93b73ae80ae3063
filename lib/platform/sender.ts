import { browser } from '#imports';
import type { SenderKind } from '@/lib/protocol/messages';
import type { SenderInfo } from '@/lib/protocol/router';
import { networkOfUrl } from '@/lib/sites/urls';

/**
 * Only two kinds of sender are ever answered: the extension's own pages (any chrome-extension: or
 * moz-extension: URL of this extension, including the dynamic URL of the in-page sidebar) and this
 * extension's content scripts in a tab of one of the three sites. Web pages cannot message us at all
 * (no externally_connectable), and other extensions have another id.
 */
export function classifySender(sender: SenderInfo): SenderKind | null {
  if (sender.id !== browser.runtime.id || !sender.url) return null;
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return null;
  }
  if (url.protocol === 'chrome-extension:' || url.protocol === 'moz-extension:') return 'extension';
  if (sender.tab?.id !== undefined && sender.frameId === 0 && networkOfUrl(sender.url)) return 'content';
  return null;
}
