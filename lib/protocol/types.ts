import type { z } from 'zod/mini';
import type {
  LinkViewSchema,
  PersonDetailsSchema,
  PersonSummarySchema,
  PersonViewSchema,
  TabProfileSchema,
  TieViewSchema,
} from './response-schemas';
import type { NoteSchema, ProfileRefSchema, ProfileSnapshotSchema } from './schemas';
import type {
  IdentitySchema,
  InteractionInputSchema,
  InteractionPatchSchema,
  InteractionSchema,
  LinkInputSchema,
  LinkSchema,
  PersonPatchSchema,
} from './store-schemas';

export type Note = z.infer<typeof NoteSchema>;
export type PersonSummary = z.infer<ReturnType<typeof PersonSummarySchema>>;
export type PersonView = z.infer<ReturnType<typeof PersonViewSchema>>;
export type WireProfileRef = z.infer<typeof ProfileRefSchema>;
export type WireProfileSnapshot = z.infer<typeof ProfileSnapshotSchema>;
export type TabProfile = z.infer<ReturnType<typeof TabProfileSchema>>;
export type PageDetails = TabProfile['details'];
export type TabState = Omit<TabProfile, 'tabId'>;

export type PersonDetails = z.infer<ReturnType<typeof PersonDetailsSchema>>;
export type PersonPatch = z.infer<typeof PersonPatchSchema>;
export type Identity = z.infer<typeof IdentitySchema>;
export type Interaction = z.infer<typeof InteractionSchema>;
export type InteractionInput = z.infer<typeof InteractionInputSchema>;
export type InteractionPatch = z.infer<typeof InteractionPatchSchema>;
export type Link = z.infer<typeof LinkSchema>;
export type LinkInput = z.infer<typeof LinkInputSchema>;
export type LinkView = z.infer<ReturnType<typeof LinkViewSchema>>;
export type TieView = z.infer<ReturnType<typeof TieViewSchema>>;

export type PopupData = z.infer<ReturnType<typeof import('./response-schemas').PopupDataSchema>>;
export type PopupPrompt = PopupData['prompts'][number];
export type ActOnPromptInput = z.infer<typeof import('./store-schemas').ActOnPromptInputSchema>;
export type SearchAllInput = z.infer<typeof import('./store-schemas').SearchAllInputSchema>;
export type SearchAllResult = z.infer<ReturnType<typeof import('./response-schemas').SearchAllResultSchema>>;
export type SearchHit = SearchAllResult['hits'][number];
export type PersonStanding = z.infer<ReturnType<typeof import('./response-schemas').PersonStandingSchema>>;
export type TagUse = z.infer<ReturnType<typeof import('./response-schemas').TagUseListSchema>>[number];
