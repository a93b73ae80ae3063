// A file's text as a `data:` URL, for the automatic backup in Chrome's service worker, which has no
// URL.createObjectURL. `btoa` takes only Latin-1 characters, so the text is encoded to UTF-8 bytes first:
// a note in Greek or an emoji in a name survives the round trip byte for byte.

/** Bytes per `String.fromCharCode` call: well under the engines' limit on arguments. */
const CHUNK = 0x8000;

export function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let start = 0; start < bytes.length; start += CHUNK)
    binary += String.fromCharCode(...bytes.subarray(start, start + CHUNK));
  return btoa(binary);
}

/** `data:<mimeType>;base64,…` of `text` encoded as UTF-8. */
export function textDataUrl(text: string, mimeType: string): string {
  return `data:${mimeType};charset=utf-8;base64,${base64Utf8(text)}`;
}
