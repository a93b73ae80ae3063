// The shape of a request on the wire. Kept free of zod so that content scripts, which must stay small,
// can build requests without bundling the schema library.
export const PROTOCOL_TAG = 'rapport/v1';

export interface WireRequest {
  tag: typeof PROTOCOL_TAG;
  type: string;
  payload: unknown;
}

export function wireRequest(type: string, payload: unknown): WireRequest {
  return { tag: PROTOCOL_TAG, type, payload };
}

/** The global where a page's first reads wait for its bundle (first-read.ts sends, client.ts takes). */
export const FIRST_READS_SLOT = '__rapportFirstReads';
