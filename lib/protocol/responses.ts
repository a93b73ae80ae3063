import { z } from 'zod/mini';
import { lazySchema } from './lazy-schema';
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
// requests so the worker, which imports only those, does not carry the answers' schemas. Each is built
// the first time its answer arrives (lazy-schema.ts).

const person = lazySchema(() => z.strictObject({ person: PersonDetailsSchema() }));
const people = lazySchema(() => z.strictObject({ people: z.array(PersonSummarySchema()) }));
const deleted = lazySchema(() => z.strictObject({ deleted: z.boolean() }));
const removed = lazySchema(() => z.strictObject({ removed: z.boolean() }));

export const responses = {
  reportProfile: lazySchema(() => z.strictObject({ accepted: z.boolean() })),
  startProfileReader: lazySchema(() => z.strictObject({ started: z.boolean() })),
  getTabProfile: TabProfileSchema,
  getTabPerson: lazySchema(() =>
    z.strictObject({ tab: TabProfileSchema(), view: z.nullable(PersonViewSchema()) }),
  ),
  getPersonView: PersonViewSchema,
  saveNote: lazySchema(() => z.strictObject({ note: NoteSchema })),
  deleteNote: deleted,
  addPerson: person,
  createPerson: person,
  getPerson: lazySchema(() => z.strictObject({ person: z.nullable(PersonDetailsSchema()) })),
  updatePerson: person,
  editTags: person,
  archivePerson: person,
  deletePerson: deleted,
  searchPeople: people,
  listTags: lazySchema(() => z.strictObject({ tags: TagUseListSchema() })),
  getPersonStanding: PersonStandingSchema,
  linkIdentity: lazySchema(() => z.strictObject({ identity: IdentitySchema })),
  mergePeople: person,
  splitIdentity: person,
  logInteraction: lazySchema(() => z.strictObject({ interaction: InteractionSchema })),
  updateInteraction: lazySchema(() => z.strictObject({ interaction: InteractionSchema })),
  deleteInteraction: deleted,
  listInteractions: lazySchema(() => z.strictObject({ interactions: z.array(InteractionSchema) })),
  addLink: lazySchema(() => z.strictObject({ link: LinkSchema })),
  removeLink: removed,
  getWhoKnows: lazySchema(() => z.strictObject({ links: z.array(LinkViewSchema()) })),
  getDataCounts: StoreCountsSchema,
  exportData: ExportFileSchema,
  exportPersonData: ExportFileSchema,
  previewImport: ImportReportSchema,
  applyImport: ImportReportSchema,
  eraseAll: lazySchema(() => z.strictObject({ erased: StoreCountsSchema() })),
  getPopupData: PopupDataSchema,
  actOnPrompt: lazySchema(() =>
    z.strictObject({ state: PromptStateSchema, interactions: z.array(InteractionSchema) }),
  ),
  searchAll: SearchAllResultSchema,
} satisfies Record<MessageName, () => z.core.$ZodType>;

export type ResponseOf<N extends MessageName> = z.infer<ReturnType<(typeof responses)[N]>>;
