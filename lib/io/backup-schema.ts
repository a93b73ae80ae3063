import { z } from 'zod/mini';

// The backup file's own types. They mirror the store's concepts (people, identities, notes, interactions,
// links) but are declared here, not imported from lib/db, so a database upgrade can never silently change
// what a file means: a change to this shape is a new `version`, and old versions keep their parser.
// Derived index fields (nameWords, tagKeys) are not part of the format: the importer recomputes them.
// Caps are at or above the store's own caps, so everything the store holds can be exported and read back,
// and far below what would make a hostile file expensive.

export const BACKUP_FORMAT = 'rapport-backup';
export const BACKUP_VERSION = 1;

export const NETWORKS = ['linkedin', 'facebook', 'x'] as const;
export const CHANNELS = ['linkedin', 'facebook', 'x', 'email', 'in-person', 'phone', 'other'] as const;
export const LINK_KINDS = ['knows', 'introduced-me-to', 'works-with'] as const;
export const DIRECTIONS = ['me', 'them', 'mutual'] as const;
export const INTERACTION_KINDS = [
  'message',
  'comment',
  'reaction',
  'share',
  'mention',
  'congratulation',
  'question-asked',
  'question-answered',
  'feedback-given',
  'feedback-received',
  'introduction',
  'meeting',
  'call',
  'email',
  'other',
] as const;
export const PROMPT_STATUSES = ['dismissed', 'snoozed', 'done'] as const;

export const LIMITS = {
  id: 100,
  name: 1_000,
  shortText: 2_000,
  longText: 20_000,
  url: 4_096,
  tag: 100,
  tagsPerKind: 100,
  headlineHistory: 100,
  rows: 200_000,
  settings: 500,
} as const;

export const text = (max: number) => z.string().check(z.maxLength(max));
export const Id = z.string().check(z.minLength(1), z.maxLength(LIMITS.id));
/** Epoch milliseconds inside the Date range; JSON turns 1e400 into Infinity, which this refuses. */
export const Time = z
  .number()
  .check(
    z.refine((n) => Number.isFinite(n) && Math.abs(n) <= 8.64e15, 'must be a time (epoch milliseconds)'),
  );
// Only web links: a javascript: or data: URL in a file must not become a clickable link in the extension.
export const HttpUrl = z.string().check(
  z.maxLength(LIMITS.url),
  z.refine((value) => /^https?:\/\/[^\s]+$/i.test(value), 'must be an http(s) URL'),
);
const Tags = z.array(text(LIMITS.tag)).check(z.maxLength(LIMITS.tagsPerKind));
export const rows = <T extends z.ZodMiniType>(row: T) => z.array(row).check(z.maxLength(LIMITS.rows));

export const PersonSchema = z.strictObject({
  id: Id,
  name: z.string().check(z.minLength(1), z.maxLength(LIMITS.name)),
  createdAt: Time,
  updatedAt: Time,
  howWeMet: text(LIMITS.shortText),
  metAt: z.nullable(Time),
  introducedBy: z.nullable(Id),
  closeness: z.nullable(z.number().check(z.gte(0), z.lte(1))),
  tieOverride: z.nullable(z.enum(['strong', 'weak'])),
  cadenceDays: z.nullable(z.number().check(z.gt(0), z.lte(36_500))),
  snoozedUntil: z.nullable(Time),
  archived: z.boolean(),
  interests: Tags,
  goals: Tags,
  expertise: Tags,
  tools: Tags,
});

export const IdentitySchema = z.strictObject({
  network: z.enum(NETWORKS),
  handle: z.string().check(z.minLength(1), z.maxLength(LIMITS.id * 2)),
  personId: Id,
  url: HttpUrl,
  lastSeenName: z.nullable(text(LIMITS.name)),
  lastSeenHeadline: z.nullable(text(LIMITS.shortText)),
  lastSeenAvatarUrl: z.nullable(HttpUrl),
  lastSeenAt: Time,
  headlineHistory: z
    .array(z.strictObject({ headline: text(LIMITS.shortText), seenAt: Time }))
    .check(z.maxLength(LIMITS.headlineHistory)),
});

export const NoteSchema = z.strictObject({
  id: Id,
  personId: Id,
  text: text(LIMITS.longText),
  createdAt: Time,
  updatedAt: Time,
});

export const InteractionSchema = z.strictObject({
  id: Id,
  personId: Id,
  at: Time,
  kind: z.enum(INTERACTION_KINDS),
  direction: z.enum(DIRECTIONS),
  channel: z.enum(CHANNELS),
  text: z.nullable(text(LIMITS.longText)),
  sourceUrl: z.nullable(HttpUrl),
  createdAt: Time,
  updatedAt: Time,
});

/** 'introduced-me-to' reads "fromId introduced me to toId"; the other kinds are symmetric. */
export const LinkSchema = z.strictObject({
  fromId: Id,
  kind: z.enum(LINK_KINDS),
  toId: Id,
  createdAt: Time,
});

/**
 * What the user answered to a suggestion the extension showed ("follow up with Jane?"), so a restored
 * store does not ask again. `key` names the prompt; `personId` is null for prompts about no one person.
 */
export const PromptStateSchema = z.strictObject({
  key: Id,
  personId: z.nullable(Id),
  status: z.enum(PROMPT_STATUSES),
  until: z.nullable(Time),
  updatedAt: Time,
});

/** Flat preferences: dotted lower-case names, scalar values (nothing nested that could hide an object). */
export const SettingsSchema = z
  .record(
    z.string().check(z.regex(/^[a-z][a-zA-Z0-9]*(\.[a-z][a-zA-Z0-9]*)*$/), z.maxLength(100)),
    z.union([z.string().check(z.maxLength(LIMITS.shortText)), z.number(), z.boolean(), z.null()]),
  )
  .check(z.refine((settings) => Object.keys(settings).length <= LIMITS.settings, 'too many settings'));

export const BackupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: Time,
  people: rows(PersonSchema),
  identities: rows(IdentitySchema),
  notes: rows(NoteSchema),
  interactions: rows(InteractionSchema),
  links: rows(LinkSchema),
  promptStates: rows(PromptStateSchema),
  settings: SettingsSchema,
});

export type BackupPerson = z.infer<typeof PersonSchema>;
export type BackupIdentity = z.infer<typeof IdentitySchema>;
export type BackupNote = z.infer<typeof NoteSchema>;
export type BackupInteraction = z.infer<typeof InteractionSchema>;
export type BackupLink = z.infer<typeof LinkSchema>;
export type BackupPromptState = z.infer<typeof PromptStateSchema>;
export type BackupSettings = z.infer<typeof SettingsSchema>;
export type Backup = z.infer<typeof BackupSchema>;
/** Everything but the envelope: what an exporter gathers from the store. */
export type BackupContent = Omit<Backup, 'format' | 'version' | 'exportedAt'>;
