import { z } from 'zod/mini';
import { NAME_MAX_LENGTH, TAG_MAX_LENGTH, TAGS_PER_KIND_MAX } from '@/lib/db/derive';
import { CHANNELS, LINK_KINDS, TAG_KINDS } from '@/lib/db/rows';
import { DIRECTIONS, INTERACTION_KINDS } from '@/lib/domain/types';
import { httpUrl, IdSchema, NetworkSchema } from './schemas';

// The relationship store (issue 4). Bounds match what the store keeps, so nothing is cut silently.

export const InteractionKindSchema = z.enum(INTERACTION_KINDS);
export const DirectionSchema = z.enum(DIRECTIONS);
export const ChannelSchema = z.enum(CHANNELS);
export const LinkKindSchema = z.enum(LINK_KINDS);
export const TagKindSchema = z.enum(TAG_KINDS);

/** Epoch ms within the Date range: the tie model refuses anything else. */
export const TimeSchema = z.number().check(z.gte(-8.64e15), z.lte(8.64e15));
export const NameSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(NAME_MAX_LENGTH));
export const TagSchema = z.string().check(z.maxLength(TAG_MAX_LENGTH));
export const TagListSchema = z.array(TagSchema).check(z.maxLength(TAGS_PER_KIND_MAX));
export const HOW_WE_MET_MAX_LENGTH = 2_000;
export const INTERACTION_TEXT_MAX_LENGTH = 2_000;
const CADENCE_DAYS_MAX = 3_650;

/** Every field the user can edit; a PATCH carries only the edited ones. */
export const PersonPatchSchema = z.strictObject({
  name: z.optional(NameSchema),
  howWeMet: z.optional(z.string().check(z.maxLength(HOW_WE_MET_MAX_LENGTH))),
  metAt: z.optional(z.nullable(TimeSchema)),
  introducedBy: z.optional(z.nullable(IdSchema)),
  closeness: z.optional(z.nullable(z.number().check(z.gte(0), z.lte(1)))),
  tieOverride: z.optional(z.nullable(z.enum(['strong', 'weak']))),
  cadenceDays: z.optional(z.nullable(z.number().check(z.gt(0), z.lte(CADENCE_DAYS_MAX)))),
  snoozedUntil: z.optional(z.nullable(TimeSchema)),
  archived: z.optional(z.boolean()),
  interests: z.optional(TagListSchema),
  goals: z.optional(TagListSchema),
  expertise: z.optional(TagListSchema),
  tools: z.optional(TagListSchema),
});

export const IdentitySchema = z.strictObject({
  network: NetworkSchema,
  handle: z.string(),
  personId: IdSchema,
  url: z.string(),
  lastSeenName: z.nullable(z.string()),
  lastSeenHeadline: z.nullable(z.string()),
  lastSeenAvatarUrl: z.nullable(z.string()),
  lastSeenAt: z.number(),
  headlineHistory: z.array(z.strictObject({ headline: z.string(), seenAt: z.number() })),
});

/** What the client sends to log an interaction (it chooses the id, so a retry never duplicates). */
export const InteractionInputSchema = z.strictObject({
  id: IdSchema,
  personId: IdSchema,
  at: TimeSchema,
  kind: InteractionKindSchema,
  direction: DirectionSchema,
  channel: ChannelSchema,
  text: z.nullable(z.string().check(z.maxLength(INTERACTION_TEXT_MAX_LENGTH))),
  sourceUrl: z.nullable(httpUrl),
});

export const InteractionPatchSchema = z.strictObject({
  at: z.optional(TimeSchema),
  kind: z.optional(InteractionKindSchema),
  direction: z.optional(DirectionSchema),
  channel: z.optional(ChannelSchema),
  text: z.optional(z.nullable(z.string().check(z.maxLength(INTERACTION_TEXT_MAX_LENGTH)))),
  sourceUrl: z.optional(z.nullable(httpUrl)),
});

export const InteractionSchema = z.strictObject({
  ...InteractionInputSchema.shape,
  at: z.number(),
  createdAt: z.number(),
  updatedAt: z.number(),
});

export const LinkInputSchema = z.strictObject({ fromId: IdSchema, kind: LinkKindSchema, toId: IdSchema });
export const LinkSchema = z.strictObject({ ...LinkInputSchema.shape, createdAt: z.number() });

// The toolbar popup (issue 6). Answers are bounded like requests: a worker bug must not flood the page.

export const PROMPT_KINDS = [
  'reply-acknowledge',
  'thank',
  'acknowledge-success',
  'reconnect',
  'introduce',
  'ask-question',
] as const;
export const PromptKindSchema = z.enum(PROMPT_KINDS);
/** Prompt keys name the kind, the people and the occurrence (lib/domain/prompts). */
export const PromptKeySchema = z.string().check(z.minLength(1), z.maxLength(300));
export const PromptPeopleSchema = z.array(IdSchema).check(z.minLength(1), z.maxLength(2));
export const PromptActionSchema = z.enum(['done', 'dismiss', 'snooze']);

export const ActOnPromptInputSchema = z.strictObject({
  key: PromptKeySchema,
  kind: PromptKindSchema,
  personIds: PromptPeopleSchema,
  network: z.nullable(NetworkSchema),
  action: PromptActionSchema,
  until: z.nullable(TimeSchema),
  text: z.nullable(z.string().check(z.maxLength(INTERACTION_TEXT_MAX_LENGTH))),
  /** Leaves room for the ":2" of an introduction's second interaction. */
  interactionId: z.nullable(z.string().check(z.minLength(1), z.maxLength(90))),
});

export const PromptStateSchema = z.strictObject({
  key: PromptKeySchema,
  status: z.enum(['done', 'dismissed', 'snoozed']),
  until: z.nullable(z.number()),
  personId: IdSchema,
  updatedAt: z.number(),
});

export const SearchAllInputSchema = z.strictObject({
  query: z.string().check(z.maxLength(200)),
  strength: z.enum(['any', 'strong', 'weak']),
  network: z.nullable(NetworkSchema),
  includeArchived: z.boolean(),
  limit: z.int().check(z.gte(1), z.lte(50)),
});
