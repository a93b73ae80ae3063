/**
 * An event as the browser makes it for the user's own input. A page's dispatchEvent can never make one
 * (isTrusted is false, and unforgeable in browsers); happy-dom lets a test mark it, so the logic around
 * it can be tested in unit tests. tests/e2e/navigation.test.ts covers the real pointer in Chromium.
 */
export function userEvent<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}
