import { z } from 'zod/mini';
import { TAGS_PER_KIND_MAX } from '@/lib/db/derive';
import { ImportKindSchema, ImportModeSchema } from './data-messages';
import { lazySchema } from './lazy-schema';
import {
  httpUrl,
  IdSchema,
  NetworkSchema,
  NoteSchema,
  PageDetailsSchema,
  ProfileRefSchema,
  ProfileSnapshotSchema,
  ReportSeqSchema,
} from './schemas';
import {
  DirectionSchema,
  IdentitySchema,
  InteractionSchema,
  LinkSchema,
  PromptKeySchema,
  PromptKindSchema,
  PromptPeopleSchema,
  TagSchema,
} from './store-schemas';

// What the worker answers, checked by the extension's pages (lib/protocol/client.ts): a worker from an
// older version, or a bug, must not put malformed data in front of the user. Only the pages import this
// module, so none of it is in the worker, which validates what comes in (messages.ts), not what it sends.
// Answers are bounded like requests: a worker bug must not flood the page.

export const PersonSummarySchema = lazySchema(() =>
  z.strictObject({
    id: IdSchema,
    name: z.string(),
    createdAt: z.number(),
    updatedAt: z.number(),
  }),
);

/** The profile a tab shows, as the worker keeps it (lib/platform/tab-profiles.ts). */
export const TabProfileSchema = lazySchema(() =>
  z.strictObject({
    tabId: z.number(),
    snapshot: z.nullable(ProfileSnapshotSchema),
    details: PageDetailsSchema,
    seq: ReportSeqSchema,
  }),
);

/** The person with every relationship field (PersonSummary stays the short form used in lists). */
export const PersonDetailsSchema = lazySchema(() =>
  z.strictObject({
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
  }),
);

/** A link as seen from one person: the other end, named. */
export const LinkViewSchema = lazySchema(() =>
  z.strictObject({
    link: LinkSchema,
    other: PersonSummarySchema(),
  }),
);

export const OpenLoopSchema = lazySchema(() =>
  z.strictObject({
    kind: z.enum(['question', 'feedback']),
    at: z.number(),
    ageDays: z.number(),
    text: z.string(),
  }),
);

/** lib/domain's tie model for one person, as computed by the background at `computedAt`. */
export const TieViewSchema = lazySchema(() =>
  z.strictObject({
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
      openLoops: z.array(OpenLoopSchema()),
      streak: z.nullable(z.strictObject({ who: z.enum(['me', 'them']), count: z.number() })),
    }),
    followUp: z.strictObject({
      dueAt: z.number(),
      overdueDays: z.number(),
      status: z.enum(['overdue', 'due-today', 'upcoming']),
    }),
  }),
);

/** getPersonView's answer. The fields after `notes` were added by issue 4; all are empty when unknown. */
export const PersonViewSchema = lazySchema(() =>
  z.strictObject({
    ref: ProfileRefSchema,
    person: z.nullable(PersonSummarySchema()),
    notes: z.array(NoteSchema),
    details: z.nullable(PersonDetailsSchema()),
    identities: z.array(IdentitySchema),
    /** Newest first, at most PERSON_VIEW_INTERACTIONS_MAX (listInteractions pages further). */
    interactions: z.array(InteractionSchema),
    links: z.array(LinkViewSchema()),
    tie: z.nullable(TieViewSchema()),
  }),
);

// The toolbar popup (issue 6).

const PopupTextSchema = lazySchema(() => z.string().check(z.maxLength(4_000)));
const urlOrNull = lazySchema(() => z.nullable(httpUrl));

export const PopupPromptSchema = lazySchema(() =>
  z.strictObject({
    key: PromptKeySchema,
    kind: PromptKindSchema,
    personIds: PromptPeopleSchema,
    people: z.array(z.strictObject({ id: IdSchema, name: z.string() })).check(z.maxLength(2)),
    reason: PopupTextSchema(),
    draft: PopupTextSchema(),
    network: z.nullable(NetworkSchema),
    dueAt: z.number(),
    url: urlOrNull(),
  }),
);

const DunbarLayerSchema = lazySchema(() =>
  z.union([z.literal(5), z.literal(15), z.literal(50), z.literal(150)]),
);

export const PopupDataSchema = lazySchema(() =>
  z.strictObject({
    computedAt: z.number(),
    prompts: z.array(PopupPromptSchema()).check(z.maxLength(100)),
    upcoming: z
      .array(
        z.strictObject({
          personId: IdSchema,
          name: z.string(),
          dueAt: z.number(),
          strong: z.boolean(),
          url: urlOrNull(),
        }),
      )
      .check(z.maxLength(100)),
    counts: z.strictObject({
      people: z.number(),
      strong: z.number(),
      weak: z.number(),
      layers: z
        .array(z.strictObject({ layer: DunbarLayerSchema(), count: z.number(), strong: z.number() }))
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
        layer: z.nullable(DunbarLayerSchema()),
        lastContactAt: z.nullable(z.number()),
        topPrompt: z.nullable(PopupPromptSchema()),
      }),
    ),
    focusEmpty: z.boolean(),
  }),
);

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

export const SearchAllResultSchema = lazySchema(() =>
  z.strictObject({
    hits: z
      .array(
        z.strictObject({
          personId: IdSchema,
          name: z.string(),
          strong: z.boolean(),
          score: z.number(),
          matchedIn: z.array(z.enum(MATCHED_IN)).check(z.maxLength(MATCHED_IN.length)),
          network: z.nullable(NetworkSchema),
          url: urlOrNull(),
          handle: z.nullable(z.string()),
          archived: z.boolean(),
        }),
      )
      .check(z.maxLength(50)),
    matched: z.number(),
  }),
);

// The person view's standing among all the user's ties (issue 5), from the popup's digests.

export const PersonStandingSchema = lazySchema(() =>
  z.strictObject({
    layer: z.nullable(DunbarLayerSchema()),
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
            .array(z.strictObject({ id: IdSchema, name: z.string(), url: urlOrNull() }))
            .check(z.maxLength(5)),
        }),
      )
      .check(z.maxLength(4 * TAGS_PER_KIND_MAX)),
    introduction: z.nullable(PopupPromptSchema()),
    /** Keys of their prompts the user marked done, dismissed, or snoozed (still asleep). */
    hiddenPrompts: z.array(PromptKeySchema).check(z.maxLength(100)),
  }),
);

export const TagUseListSchema = lazySchema(() =>
  z.array(z.strictObject({ tag: TagSchema, count: z.number() })).check(z.maxLength(20)),
);

// Issue 8: the user's data in and out.

const count = lazySchema(() => z.int().check(z.gte(0)));
const CountsSchema = lazySchema(() => z.strictObject({ new: count(), updated: count(), unchanged: count() }));
const line = lazySchema(() => z.string().check(z.maxLength(2_000)));

export const StoreCountsSchema = lazySchema(() =>
  z.strictObject({
    people: count(),
    identities: count(),
    notes: count(),
    interactions: count(),
    links: count(),
  }),
);

/** Exports come back as one string; Chrome refuses messages over 64 MiB anyway. */
const EXPORT_MAX_CHARS = 64 * 1024 * 1024;

export const ImportReportSchema = lazySchema(() =>
  z.strictObject({
    kind: ImportKindSchema,
    mode: ImportModeSchema,
    refused: z.nullable(z.array(line()).check(z.maxLength(100))),
    people: CountsSchema(),
    records: CountsSchema(),
    removed: count(),
    problems: z.array(z.strictObject({ line: count(), reason: line() })).check(z.maxLength(200)),
    problemCount: count(),
    applied: z.boolean(),
    /** A replaced backup's settings: restored, or why not. */
    settings: z.nullable(
      z.strictObject({ restored: z.boolean(), problems: z.array(line()).check(z.maxLength(50)) }),
    ),
  }),
);

export const ExportFileSchema = lazySchema(() =>
  z.strictObject({
    text: z.string().check(z.maxLength(EXPORT_MAX_CHARS)),
    filename: z.string().check(z.maxLength(200)),
    mimeType: z.enum(['application/json', 'text/csv', 'text/vcard', 'text/plain']),
    people: count(),
    warnings: z.array(line()).check(z.maxLength(50)),
  }),
);
