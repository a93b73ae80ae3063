import { z } from 'zod/mini';
import { dataMessages } from './data-messages';
import {
  IdSchema,
  NoteSchema,
  NoteTextSchema,
  PageDetailsSchema,
  PersonSummarySchema,
  ProfileRefSchema,
  ProfileSnapshotSchema,
  ReportSeqSchema,
  TabProfileSchema,
} from './schemas';
import {
  ActOnPromptInputSchema,
  IdentitySchema,
  InteractionInputSchema,
  InteractionPatchSchema,
  InteractionSchema,
  LinkInputSchema,
  LinkSchema,
  LinkViewSchema,
  NameSchema,
  PersonDetailsSchema,
  PersonPatchSchema,
  PersonStandingSchema,
  PersonViewSchema,
  PopupDataSchema,
  PromptStateSchema,
  SearchAllInputSchema,
  SearchAllResultSchema,
  TagKindSchema,
  TagListSchema,
  TagSchema,
  TagUseListSchema,
  TimeSchema,
} from './store-schemas';

const LIST_LIMIT_MAX = 200;
const limit = (max: number) => z.int().check(z.gte(1), z.lte(max));
const person = z.strictObject({ person: PersonDetailsSchema });
const people = z.strictObject({ people: z.array(PersonSummarySchema) });
const done = (field: 'deleted' | 'removed') => z.strictObject({ [field]: z.boolean() });

/**
 * Every message the background accepts: its request schema, its response schema, and who may send it.
 * `content` senders are content scripts in tabs of the three sites; they may only report what the page
 * shows. Everything else comes from the extension's own pages. Ids of new rows are chosen by the client,
 * so a retry after the worker was killed writes the same row instead of a duplicate.
 */
export const messages = {
  /** A content script tells the worker which profile its tab shows (null: not a profile page). */
  reportProfile: {
    senders: ['content'],
    request: z.strictObject({
      snapshot: z.nullable(ProfileSnapshotSchema),
      details: PageDetailsSchema,
      seq: ReportSeqSchema,
    }),
    response: z.strictObject({ accepted: z.boolean() }),
  },
  /** The profile a tab shows; tabId null means the sender's own tab (the in-page sidebar). */
  getTabProfile: {
    senders: ['extension'],
    request: z.strictObject({ tabId: z.nullable(z.int().check(z.gte(0))) }),
    response: TabProfileSchema,
  },
  /**
   * A view's first read in one round trip: the profile its tab shows and, when that is a profile, the
   * person's view. The sidebar asks this while it is still starting, instead of one read after the other.
   */
  getTabPerson: {
    senders: ['extension'],
    request: z.strictObject({ tabId: z.nullable(z.int().check(z.gte(0))) }),
    response: z.strictObject({ tab: TabProfileSchema, view: z.nullable(PersonViewSchema) }),
  },
  getPersonView: {
    senders: ['extension'],
    request: z.strictObject({ ref: ProfileRefSchema }),
    response: PersonViewSchema,
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
    response: z.strictObject({ note: NoteSchema }),
  },
  deleteNote: {
    senders: ['extension'],
    request: z.strictObject({ noteId: IdSchema }),
    response: done('deleted'),
  },
  /** One click on a profile adds its person, named from the page (no form). */
  addPerson: {
    senders: ['extension'],
    request: z.strictObject({ personId: IdSchema, snapshot: ProfileSnapshotSchema }),
    response: person,
  },
  /** Someone with no profile yet (met in person, by email): named by the user, from the chooser. */
  createPerson: {
    senders: ['extension'],
    request: z.strictObject({ personId: IdSchema, name: NameSchema }),
    response: person,
  },
  getPerson: {
    senders: ['extension'],
    request: z.strictObject({ personId: IdSchema }),
    response: z.strictObject({ person: z.nullable(PersonDetailsSchema) }),
  },
  /** A PATCH: only the fields present change, so two pages editing different fields both land. */
  updatePerson: {
    senders: ['extension'],
    request: z.strictObject({ personId: IdSchema, patch: PersonPatchSchema }),
    response: person,
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
    response: person,
  },
  archivePerson: {
    senders: ['extension'],
    request: z.strictObject({ personId: IdSchema, archived: z.boolean() }),
    response: person,
  },
  /** Removes the person with their profiles, notes, interactions and links. */
  deletePerson: {
    senders: ['extension'],
    request: z.strictObject({ personId: IdSchema }),
    response: done('deleted'),
  },
  /** By name: each word of the query starts a word of the name. */
  searchPeople: {
    senders: ['extension'],
    request: z.strictObject({ query: z.string().check(z.maxLength(200)), limit: limit(50) }),
    response: people,
  },
  /** The user's tags of one kind starting with `prefix`, most used first: suggestions while tagging. */
  listTags: {
    senders: ['extension'],
    request: z.strictObject({ kind: TagKindSchema, prefix: TagSchema, limit: limit(20) }),
    response: z.strictObject({ tags: TagUseListSchema }),
  },
  /** Dunbar layer and rank, who shares their tags, the best introduction, their put-away prompts. */
  getPersonStanding: {
    senders: ['extension'],
    request: z.strictObject({ personId: IdSchema }),
    response: PersonStandingSchema,
  },
  /** Attaches a profile to an existing person; refused if it belongs to someone else (merge instead). */
  linkIdentity: {
    senders: ['extension'],
    request: z.strictObject({
      ref: ProfileRefSchema,
      snapshot: z.nullable(ProfileSnapshotSchema),
      personId: IdSchema,
    }),
    response: z.strictObject({ identity: IdentitySchema }),
  },
  /** Everything of mergedId moves to survivorId; mergedId is gone afterwards. */
  mergePeople: {
    senders: ['extension'],
    request: z.strictObject({ survivorId: IdSchema, mergedId: IdSchema }),
    response: person,
  },
  /** One profile becomes a person of its own (newPersonId), leaving notes and interactions behind. */
  splitIdentity: {
    senders: ['extension'],
    request: z.strictObject({ ref: ProfileRefSchema, newPersonId: IdSchema }),
    response: person,
  },
  logInteraction: {
    senders: ['extension'],
    request: z.strictObject({ interaction: InteractionInputSchema }),
    response: z.strictObject({ interaction: InteractionSchema }),
  },
  updateInteraction: {
    senders: ['extension'],
    request: z.strictObject({ id: IdSchema, patch: InteractionPatchSchema }),
    response: z.strictObject({ interaction: InteractionSchema }),
  },
  deleteInteraction: {
    senders: ['extension'],
    request: z.strictObject({ id: IdSchema }),
    response: done('deleted'),
  },
  /** Newest first; `before` (exclusive) continues from the oldest one shown. */
  listInteractions: {
    senders: ['extension'],
    request: z.strictObject({
      personId: IdSchema,
      before: z.nullable(TimeSchema),
      limit: limit(LIST_LIMIT_MAX),
    }),
    response: z.strictObject({ interactions: z.array(InteractionSchema) }),
  },
  addLink: {
    senders: ['extension'],
    request: z.strictObject({ link: LinkInputSchema }),
    response: z.strictObject({ link: LinkSchema }),
  },
  removeLink: {
    senders: ['extension'],
    request: z.strictObject({ link: LinkInputSchema }),
    response: done('removed'),
  },
  /** Everyone linked to a person, with how: who among the user's ties knows them. */
  getWhoKnows: {
    senders: ['extension'],
    request: z.strictObject({ personId: IdSchema }),
    response: z.strictObject({ links: z.array(LinkViewSchema) }),
  },
  ...dataMessages,
  /**
   * The toolbar popup: today's prompts, follow-ups of the next two weeks, counts, and the person of the
   * tab `tabId` when it shows a profile (null: no tab). Also refreshes the toolbar badge.
   */
  getPopupData: {
    senders: ['extension'],
    request: z.strictObject({ tabId: z.nullable(z.int().check(z.gte(0))) }),
    response: PopupDataSchema,
  },
  /** Done (logs the matching interaction), dismiss, or snooze one prompt. */
  actOnPrompt: {
    senders: ['extension'],
    request: ActOnPromptInputSchema,
    response: z.strictObject({ state: PromptStateSchema, interactions: z.array(InteractionSchema) }),
  },
  /** "Who has experience with X?": name, handle, tags, how we met, notes; strong/weak and network filters. */
  searchAll: {
    senders: ['extension'],
    request: SearchAllInputSchema,
    response: SearchAllResultSchema,
  },
} as const;

export type MessageName = keyof typeof messages;
export type SenderKind = 'content' | 'extension';
export type RequestOf<N extends MessageName> = z.infer<(typeof messages)[N]['request']>;
export type ResponseOf<N extends MessageName> = z.infer<(typeof messages)[N]['response']>;

export function isMessageName(value: string): value is MessageName {
  return Object.hasOwn(messages, value);
}
