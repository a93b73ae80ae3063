import type { z } from 'zod/mini';
import type {
  NoteSchema,
  PersonSummarySchema,
  PersonViewSchema,
  ProfileRefSchema,
  ProfileSnapshotSchema,
  TabProfileSchema,
} from './schemas';

export type Note = z.infer<typeof NoteSchema>;
export type PersonSummary = z.infer<typeof PersonSummarySchema>;
export type PersonView = z.infer<typeof PersonViewSchema>;
export type WireProfileRef = z.infer<typeof ProfileRefSchema>;
export type WireProfileSnapshot = z.infer<typeof ProfileSnapshotSchema>;
export type TabProfile = z.infer<typeof TabProfileSchema>;
