/** Injected so tests control time and ids; the background passes Date.now and crypto.randomUUID. */
export interface Clock {
  now: () => number;
  newId: () => string;
}
