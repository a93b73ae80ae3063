import type { Network } from '@/lib/sites';

// Rows as stored. Times are epoch milliseconds; ids are UUIDs chosen by whoever creates the row, so that
// a retried write lands on the same row and imports can merge by id.

export interface PersonRow {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
}

/** One account of a person on one network; (network, handle) is unique across the store. */
export interface IdentityRow {
  network: Network;
  handle: string;
  personId: string;
  url: string;
  lastSeenName: string | null;
  lastSeenHeadline: string | null;
  lastSeenAvatarUrl: string | null;
  lastSeenAt: number;
}

/** Plain text, never rendered as HTML. */
export interface NoteRow {
  id: string;
  personId: string;
  text: string;
  createdAt: number;
  updatedAt: number;
}
