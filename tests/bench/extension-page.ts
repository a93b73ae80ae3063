import type { Page } from 'playwright-core';

/**
 * tsx (esbuild, keepNames) wraps named functions in `__name(...)`; code passed to page.evaluate or
 * worker.evaluate runs where that helper does not exist. Evaluate this there first.
 */
export const KEEP_NAMES_SHIM = 'globalThis.__name = (target) => target';

/** Round trips from an extension page, as the UI makes them: one request after another, timed in the page. */
export async function roundTrips(page: Page, type: string, payloads: unknown[]): Promise<number[]> {
  return (await roundTripsPicking(page, type, payloads, null)).times;
}

/** The same, keeping one top-level field of each answer's value (`pick`), to check what was answered. */
export async function roundTripsPicking(
  page: Page,
  type: string,
  payloads: unknown[],
  pick: string | null,
): Promise<{ times: number[]; picked: unknown[] }> {
  return page.evaluate(
    async ({ type, payloads, pick }) => {
      const send = (
        globalThis as unknown as {
          chrome: {
            runtime: {
              sendMessage(
                m: unknown,
              ): Promise<{ ok: boolean; value?: Record<string, unknown>; error?: unknown }>;
            };
          };
        }
      ).chrome.runtime.sendMessage;
      const times: number[] = [];
      const picked: unknown[] = [];
      for (const payload of payloads) {
        const started = performance.now();
        const answer = await send({ tag: 'rapport/v1', type, payload });
        times.push(performance.now() - started);
        if (!answer?.ok) throw new Error(`${type} failed: ${JSON.stringify(answer?.error)}`);
        if (pick !== null) picked.push(answer.value?.[pick] ?? null);
      }
      return { times, picked };
    },
    { type, payloads, pick },
  );
}
