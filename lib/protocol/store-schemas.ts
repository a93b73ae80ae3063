import { z } from 'zod/mini';
import { NAME_MAX_LENGTH, TAG_MAX_LENGTH, TAGS_PER_KIND_MAX } from '@/lib/db/derive';
import { CHANNELS, LINK_KINDS, TAG_KINDS } from '@/lib/db/rows';
import { DIRECTIONS, INTERACTION_KINDS } from '@/lib/domain/types';
import {
  httpUrl,
  IdSchema,
  NetworkSchema,
  NoteSchema,
  PersonSummarySchema,
  ProfileRefSchema,
} from './schemas';

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

/** The person with every relationship field (PersonSummary stays the short form used in lists). */
export const PersonDetailsSchema = z.strictObject({
  id: IdSchema,
  name: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  howWeMet: z.string(),
  metAt: z.nullable(z.number()),
  introducedBy: z.nullable(IdSchema),
  closeness: z.nullable(z.number()),
  tieOverride: z.nullable(z.enum(['strong', 'weak'])),
  cadenceDays: z.nullable(z.number()),
  snoozedUntil: z.nullable(z.number()),
  archived: z.boolean(),
  interests: z.array(z.string()),
  goals: z.array(z.string()),
  expertise: z.array(z.string()),
  tools: z.array(z.string()),
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

/** A link as seen from one person: the other end, named. */
export const LinkViewSchema = z.strictObject({
  link: LinkSchema,
  other: PersonSummarySchema,
});

export const OpenLoopSchema = z.strictObject({
  kind: z.enum(['question', 'feedback']),
  at: z.number(),
  ageDays: z.number(),
  text: z.string(),
});

/** lib/domain's tie model for one person, as computed by the background at `computedAt`. */
export const TieViewSchema = z.strictObject({
  computedAt: z.number(),
  score: z.number(),
  strong: z.boolean(),
  reasons: z.array(z.string()),
  dimensions: z.record(z.string(), z.number()),
  sharedTagCount: z.number(),
  mutualLinkCount: z.number(),
  reciprocity: z.strictObject({
    lastInitiator: z.nullable(DirectionSchema),
    lastAt: z.nullable(z.number()),
    initiatedByMe: z.number(),
    initiatedByThem: z.number(),
    mutual: z.number(),
    balance: z.number(),
    openLoops: z.array(OpenLoopSchema),
    streak: z.nullable(z.strictObject({ who: z.enum(['me', 'them']), count: z.number() })),
  }),
  followUp: z.strictObject({
    dueAt: z.number(),
    overdueDays: z.number(),
    status: z.enum(['overdue', 'due-today', 'upcoming']),
  }),
});

/** getPersonView's answer. The fields after `notes` were added by issue 4; all are empty when unknown. */
export const PersonViewSchema = z.strictObject({
  ref: ProfileRefSchema,
  person: z.nullable(PersonSummarySchema),
  notes: z.array(NoteSchema),
  details: z.nullable(PersonDetailsSchema),
  identities: z.array(IdentitySchema),
  /** Newest first, at most PERSON_VIEW_INTERACTIONS_MAX (listInteractions pages further). */
  interactions: z.array(InteractionSchema),
  links: z.array(LinkViewSchema),
  tie: z.nullable(TieViewSchema),
});

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
const PromptPeopleSchema = z.array(IdSchema).check(z.minLength(1), z.maxLength(2));
const PopupTextSchema = z.string().check(z.maxLength(4_000));
const urlOrNull = z.nullable(httpUrl);

export const PopupPromptSchema = z.strictObject({
  key: PromptKeySchema,
  kind: PromptKindSchema,
  personIds: PromptPeopleSchema,
  people: z.array(z.strictObject({ id: IdSchema, name: z.string() })).check(z.maxLength(2)),
  reason: PopupTextSchema,
  draft: PopupTextSchema,
  network: z.nullable(NetworkSchema),
  dueAt: z.number(),
  url: urlOrNull,
});

const DunbarLayerSchema = z.union([z.literal(5), z.literal(15), z.literal(50), z.literal(150)]);

export const PopupDataSchema = z.strictObject({
  computedAt: z.number(),
  prompts: z.array(PopupPromptSchema).check(z.maxLength(100)),
  upcoming: z
    .array(
      z.strictObject({
        personId: IdSchema,
        name: z.string(),
        dueAt: z.number(),
        strong: z.boolean(),
        url: urlOrNull,
      }),
    )
    .check(z.maxLength(100)),
  counts: z.strictObject({
    people: z.number(),
    strong: z.number(),
    weak: z.number(),
    layers: z
      .array(z.strictObject({ layer: DunbarLayerSchema, count: z.number(), strong: z.number() }))
      .check(z.maxLength(4)),
    beyondLayers: z.number(),
    dueToday: z.number(),
    archived: z.number(),
  }),
  tabPerson: z.nullable(
    z.strictObject({
      ref: ProfileRefSchema,
      personId: z.nullable(IdSchema),
      name: z.nullable(z.string()),
      strong: z.nullable(z.boolean()),
      score: z.nullable(z.number()),
      layer: z.nullable(DunbarLayerSchema),
      lastContactAt: z.nullable(z.number()),
      topPrompt: z.nullable(PopupPromptSchema),
    }),
  ),
  focusEmpty: z.boolean(),
});

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

const MATCHED_IN = [
  'name',
  'handle',
  'interests',
  'goals',
  'expertise',
  'tools',
  'how we met',
  'notes',
] as const;

export const SearchAllInputSchema = z.strictObject({
  query: z.string().check(z.maxLength(200)),
  strength: z.enum(['any', 'strong', 'weak']),
  network: z.nullable(NetworkSchema),
  includeArchived: z.boolean(),
  limit: z.int().check(z.gte(1), z.lte(50)),
});

export const SearchAllResultSchema = z.strictObject({
  hits: z
    .array(
      z.strictObject({
        personId: IdSchema,
        name: z.string(),
        strong: z.boolean(),
        score: z.number(),
        matchedIn: z.array(z.enum(MATCHED_IN)).check(z.maxLength(MATCHED_IN.length)),
        network: z.nullable(NetworkSchema),
        url: urlOrNull,
        handle: z.nullable(z.string()),
        archived: z.boolean(),
      }),
    )
    .check(z.maxLength(50)),
  matched: z.number(),
});

// The person view's standing among all the user's ties (issue 5), from the popup's digests.

export const PersonStandingSchema = z.strictObject({
  layer: z.nullable(DunbarLayerSchema),
  /** 1 = their strongest tie; null when archived or snoozed (not ranked). */
  rank: z.nullable(z.number()),
  ranked: z.number(),
  /** Each of their tags someone else also has: how many, and the strongest few of them. */
  shared: z
    .array(
      z.strictObject({
        tag: TagSchema,
        count: z.number(),
        people: z
          .array(z.strictObject({ id: IdSchema, name: z.string(), url: urlOrNull }))
          .check(z.maxLength(5)),
      }),
    )
    .check(z.maxLength(4 * TAGS_PER_KIND_MAX)),
  introduction: z.nullable(PopupPromptSchema),
  /** Keys of their prompts the user marked done, dismissed, or snoozed (still asleep). */
  hiddenPrompts: z.array(PromptKeySchema).check(z.maxLength(100)),
});

export const TagUseListSchema = z
  .array(z.strictObject({ tag: TagSchema, count: z.number() }))
  .check(z.maxLength(20));
