import { z } from 'zod/mini';
import { dataMessages } from './data-messages';
import {
  httpUrl,
  IdSchema,
  NoteTextSchema,
  ProfileRefSchema,
  ProfileSnapshotSchema,
  ReportProfileRequestSchema,
} from './schemas';
import {
  ActOnPromptInputSchema,
  InteractionInputSchema,
  InteractionPatchSchema,
  LinkInputSchema,
  NameSchema,
  PersonPatchSchema,
  SearchAllInputSchema,
  TagKindSchema,
  TagListSchema,
  TagSchema,
  TimeSchema,
} from './store-schemas';

const LIST_LIMIT_MAX = 200;
const limit = (max: number) => z.int().check(z.gte(1), z.lte(max));

/**
 * Every message the background accepts: its request schema and who may send it (the answers' schemas are
 * in responses.ts).
 * `content` senders are content scripts in tabs of the three sites; they may only report what the page
 * shows. Everything else comes from the extension's own pages. Ids of new rows are chosen by the client,
 * so a retry after the worker was killed writes the same row instead of a duplicate.
 */
export const messages = {
  /** A content script tells the worker which profile its tab shows (null: not a profile page). */
  reportProfile: {
    senders: ['content'],
    request: ReportProfileRequestSchema,
  },
  /**
   * A site's watcher (lib/content/watch.ts) found a profile after an in-app navigation: the worker runs the
   * site's whole content script in the sender's tab. The URL is the page's own (the sender's URL can be
   * the one the page loaded at); the tab and the site are always the sender's.
   */
  startProfileReader: {
    senders: ['content'],
    request: z.strictObject({ url: httpUrl }),
  },
  /** The profile a tab shows; tabId null means the sender's own tab (the in-page sidebar). */
  getTabProfile: {
    senders: ['extension'],
    request: z.strictObject({ tabId: z.nullable(z.int().check(z.gte(0))) }),
  },
  /**
   * A view's first read in one round trip: the profile its tab shows and, when that is a profile, the
   * person's view. The sidebar asks this while it is still starting, instead of one read after the other.
   */
  getTabPerson: {
    senders: ['extension'],
    request: z.strictObject({ tabId: z.nullable(z.int().check(z.gte(0))) }),
  },
  getPersonView: {
    senders: ['extension'],
    request: z.strictObject({ ref: ProfileRefSchema }),
  },
  /** Creates or updates one note. Writing a note about someone new adds them to Rapport. */
  saveNote: {
    senders: ['extension'],
    request: z.strictObject({
      ref: ProfileRefSchema,
      snapshot: z.nullable(ProfileSnapshotSchema),
      noteId: IdSchema,
      text: NoteTextSchema,
    }),
  },
  deleteNote: {
    senders: ['extension'],
    request: z.strictObject({ noteId: IdSchema }),
  },
  /** One click on a profile adds its person, named from the page (no form). */
  addPerson: {
    senders: ['extension'],
    request: z.strictObject({ personId: IdSchema, snapshot: ProfileSnapshotSchema }),
  },
  /** Someone with no profile yet (met in person, by email): named by the user, from the chooser. */
  createPerson: {
    senders: ['extension'],
    request: z.strictObject({ personId: IdSchema, name: NameSchema }),
  },
  getPerson: {
    senders: ['extension'],
    request: z.strictObject({ personId: IdSchema }),
  },
  /** A PATCH: only the fields present change, so two pages editing different fields both land. */
  updatePerson: {
    senders: ['extension'],
    request: z.strictObject({ personId: IdSchema, patch: PersonPatchSchema }),
  },
  /** Adds and removes single tags of one kind: concurrent edits of the same list both land. */
  editTags: {
    senders: ['extension'],
    request: z.strictObject({
      personId: IdSchema,
      kind: TagKindSchema,
      add: TagListSchema,
      remove: TagListSchema,
    }),
  },
  archivePerson: {
    senders: ['extension'],
    request: z.strictObject({ personId: IdSchema, archived: z.boolean() }),
  },
  /** Removes the person with their profiles, notes, interactions and links. */
  deletePerson: {
    senders: ['extension'],
    request: z.strictObject({ personId: IdSchema }),
  },
  /** By name: each word of the query starts a word of the name. */
  searchPeople: {
    senders: ['extension'],
    request: z.strictObject({ query: z.string().check(z.maxLength(200)), limit: limit(50) }),
  },
  /** The user's tags of one kind starting with `prefix`, most used first: suggestions while tagging. */
  listTags: {
    senders: ['extension'],
    request: z.strictObject({ kind: TagKindSchema, prefix: TagSchema, limit: limit(20) }),
  },
  /** Dunbar layer and rank, who shares their tags, the best introduction, their put-away prompts. */
  getPersonStanding: {
    senders: ['extension'],
    request: z.strictObject({ personId: IdSchema }),
  },
  /** Attaches a profile to an existing person; refused if it belongs to someone else (merge instead). */
  linkIdentity: {
    senders: ['extension'],
    request: z.strictObject({
      ref: ProfileRefSchema,
      snapshot: z.nullable(ProfileSnapshotSchema),
      personId: IdSchema,
    }),
  },
  /** Everything of mergedId moves to survivorId; mergedId is gone afterwards. */
  mergePeople: {
    senders: ['extension'],
    request: z.strictObject({ survivorId: IdSchema, mergedId: IdSchema }),
  },
  /** One profile becomes a person of its own (newPersonId), leaving notes and interactions behind. */
  splitIdentity: {
    senders: ['extension'],
    request: z.strictObject({ ref: ProfileRefSchema, newPersonId: IdSchema }),
  },
  logInteraction: {
    senders: ['extension'],
    request: z.strictObject({ interaction: InteractionInputSchema }),
  },
  updateInteraction: {
    senders: ['extension'],
    request: z.strictObject({ id: IdSchema, patch: InteractionPatchSchema }),
  },
  deleteInteraction: {
    senders: ['extension'],
    request: z.strictObject({ id: IdSchema }),
  },
  /** Newest first; `before` (exclusive) continues from the oldest one shown. */
  listInteractions: {
    senders: ['extension'],
    request: z.strictObject({
      personId: IdSchema,
      before: z.nullable(TimeSchema),
      limit: limit(LIST_LIMIT_MAX),
    }),
  },
  addLink: {
    senders: ['extension'],
    request: z.strictObject({ link: LinkInputSchema }),
  },
  removeLink: {
    senders: ['extension'],
    request: z.strictObject({ link: LinkInputSchema }),
  },
  /** Everyone linked to a person, with how: who among the user's ties knows them. */
  getWhoKnows: {
    senders: ['extension'],
    request: z.strictObject({ personId: IdSchema }),
  },
  ...dataMessages,
  /**
   * The toolbar popup: today's prompts, follow-ups of the next two weeks, counts, and the person of the
   * tab `tabId` when it shows a profile (null: no tab). Also refreshes the toolbar badge.
   */
  getPopupData: {
    senders: ['extension'],
    request: z.strictObject({ tabId: z.nullable(z.int().check(z.gte(0))) }),
  },
  /** Done (logs the matching interaction), dismiss, or snooze one prompt. */
  actOnPrompt: {
    senders: ['extension'],
    request: ActOnPromptInputSchema,
  },
  /** "Who has experience with X?": name, handle, tags, how we met, notes; strong/weak and network filters. */
  searchAll: {
    senders: ['extension'],
    request: SearchAllInputSchema,
  },
} as const;

export type MessageName = keyof typeof messages;
export type SenderKind = 'content' | 'extension';
export type RequestOf<N extends MessageName> = z.infer<(typeof messages)[N]['request']>;

export function isMessageName(value: string): value is MessageName {
  return Object.hasOwn(messages, value);
}
