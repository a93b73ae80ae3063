/** Parse HTML into a Document with the environment's DOMParser (tests run under happy-dom). */
export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/**
 * Counts `root`'s querySelectorAll calls (a walk of everything under it) from now on, those whose
 * selector `counts` accepts (every one by default): how the tests tell that a reader walked a page.
 */
export function countWalks(
  root: Document | Element,
  counts: (selector: string) => boolean = () => true,
): { readonly walks: number } {
  const counter = { walks: 0 };
  const walk = root.querySelectorAll.bind(root);
  root.querySelectorAll = ((selector: string) => {
    if (counts(selector)) counter.walks++;
    return walk(selector);
  }) as typeof root.querySelectorAll;
  return counter;
}
