/** Parse HTML into a Document with the environment's DOMParser (tests run under happy-dom). */
export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}
