import { z } from 'zod/mini';
import {
  IdSchema,
  NoteSchema,
  NoteTextSchema,
  PersonViewSchema,
  ProfileRefSchema,
  ProfileSnapshotSchema,
  TabProfileSchema,
} from './schemas';

/**
 * Every message the background accepts: its request schema, its response schema, and who may send it.
 * `content` senders are content scripts in tabs of the three sites; they may only report what the page
 * shows. Everything else comes from the extension's own pages.
 */
export const messages = {
  /** A content script tells the worker which profile its tab shows (null: not a profile page). */
  reportProfile: {
    senders: ['content'],
    request: z.strictObject({ snapshot: z.nullable(ProfileSnapshotSchema) }),
    response: z.strictObject({ accepted: z.boolean() }),
  },
  /** The profile a tab shows; tabId null means the sender's own tab (the in-page sidebar). */
  getTabProfile: {
    senders: ['extension'],
    request: z.strictObject({ tabId: z.nullable(z.int().check(z.gte(0))) }),
    response: TabProfileSchema,
  },
  getPersonView: {
    senders: ['extension'],
    request: z.strictObject({ ref: ProfileRefSchema }),
    response: PersonViewSchema,
  },
  /**
   * Creates or updates one note. The client chooses the note id, so a retry after the worker was killed
   * writes the same row instead of a duplicate. Writing a note about someone new adds them to Rapport.
   */
  saveNote: {
    senders: ['extension'],
    request: z.strictObject({
      ref: ProfileRefSchema,
      snapshot: z.nullable(ProfileSnapshotSchema),
      noteId: IdSchema,
      text: NoteTextSchema,
    }),
    response: z.strictObject({ note: NoteSchema }),
  },
} as const;

export type MessageName = keyof typeof messages;
export type SenderKind = 'content' | 'extension';
export type RequestOf<N extends MessageName> = z.infer<(typeof messages)[N]['request']>;
export type ResponseOf<N extends MessageName> = z.infer<(typeof messages)[N]['response']>;

export function isMessageName(value: string): value is MessageName {
  return Object.hasOwn(messages, value);
}
