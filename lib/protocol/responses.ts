import { z } from 'zod/mini';
import type { MessageName } from './messages';
import {
  ExportFileSchema,
  ImportReportSchema,
  LinkViewSchema,
  PersonDetailsSchema,
  PersonStandingSchema,
  PersonSummarySchema,
  PersonViewSchema,
  PopupDataSchema,
  SearchAllResultSchema,
  StoreCountsSchema,
  TabProfileSchema,
  TagUseListSchema,
} from './response-schemas';
import { NoteSchema } from './schemas';
import { IdentitySchema, InteractionSchema, LinkSchema, PromptStateSchema } from './store-schemas';

// The answer to each message (messages.ts), as the extension's pages check it. Kept apart from the
// requests so the worker, which imports only those, does not carry the answers' schemas.

const person = z.strictObject({ person: PersonDetailsSchema });
const people = z.strictObject({ people: z.array(PersonSummarySchema) });
const done = (field: 'deleted' | 'removed') => z.strictObject({ [field]: z.boolean() });

export const responses = {
  reportProfile: z.strictObject({ accepted: z.boolean() }),
  startProfileReader: z.strictObject({ started: z.boolean() }),
  getTabProfile: TabProfileSchema,
  getTabPerson: z.strictObject({ tab: TabProfileSchema, view: z.nullable(PersonViewSchema) }),
  getPersonView: PersonViewSchema,
  saveNote: z.strictObject({ note: NoteSchema }),
  deleteNote: done('deleted'),
  addPerson: person,
  createPerson: person,
  getPerson: z.strictObject({ person: z.nullable(PersonDetailsSchema) }),
  updatePerson: person,
  editTags: person,
  archivePerson: person,
  deletePerson: done('deleted'),
  searchPeople: people,
  listTags: z.strictObject({ tags: TagUseListSchema }),
  getPersonStanding: PersonStandingSchema,
  linkIdentity: z.strictObject({ identity: IdentitySchema }),
  mergePeople: person,
  splitIdentity: person,
  logInteraction: z.strictObject({ interaction: InteractionSchema }),
  updateInteraction: z.strictObject({ interaction: InteractionSchema }),
  deleteInteraction: done('deleted'),
  listInteractions: z.strictObject({ interactions: z.array(InteractionSchema) }),
  addLink: z.strictObject({ link: LinkSchema }),
  removeLink: done('removed'),
  getWhoKnows: z.strictObject({ links: z.array(LinkViewSchema) }),
  getDataCounts: StoreCountsSchema,
  exportData: ExportFileSchema,
  exportPersonData: ExportFileSchema,
  previewImport: ImportReportSchema,
  applyImport: ImportReportSchema,
  eraseAll: z.strictObject({ erased: StoreCountsSchema }),
  getPopupData: PopupDataSchema,
  actOnPrompt: z.strictObject({ state: PromptStateSchema, interactions: z.array(InteractionSchema) }),
  searchAll: SearchAllResultSchema,
} satisfies Record<MessageName, z.core.$ZodType>;

export type ResponseOf<N extends MessageName> = z.infer<(typeof responses)[N]>;
