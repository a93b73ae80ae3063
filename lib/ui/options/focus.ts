import { changeFocus, type Settings } from '@/lib/settings';

// The focus editor's saves. The tag editor words its own failure ("Not saved: …"), so the settings
// store's prefix is taken off rather than said twice.

type FocusKind = keyof Settings['focus'];

const unprefixed = (error: unknown) =>
  new Error((error instanceof Error ? error.message : String(error)).replace(/^Not saved: /, ''));

export async function addFocusTags(kind: FocusKind, tags: string[]): Promise<void> {
  await changeFocus(kind, { add: tags }).catch((error: unknown) => {
    throw unprefixed(error);
  });
}

export async function removeFocusTag(kind: FocusKind, tag: string): Promise<void> {
  await changeFocus(kind, { remove: [tag] }).catch((error: unknown) => {
    throw unprefixed(error);
  });
}
