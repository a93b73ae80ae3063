// Inputs of the tie model. The database layer maps its rows onto these, so the model never depends on
// how anything is stored. Times are epoch milliseconds.

/** Every kind of interaction, named from the user's side; the one list schemas and checks use. */
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
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

/**
 * Who initiated the interaction. Kinds are named from the user's side ('feedback-received': the user got
 * feedback); the direction says who started it ('question-asked' + 'them': they asked the user).
 */
export const DIRECTIONS = ['me', 'them', 'mutual'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export interface InteractionFact {
  at: number;
  kind: InteractionKind;
  direction: Direction;
}

export type TieOverride = 'strong' | 'weak' | null;

export interface TieInputs {
  /** The user's own answer to "How strong is your relationship?", 0..1; null when not answered. */
  closeness: number | null;
  /** When the tie started (how-we-met date, first connection); null falls back to the first interaction. */
  metAt: number | null;
  /** Any order. */
  interactions: readonly InteractionFact[];
  /** Tags shared with the user's other ties or the user's focus. */
  sharedTagCount: number;
  /** People the user knows who know this person. */
  mutualLinkCount: number;
  override: TieOverride;
}

/** The dimensions the score is built from; see tie-weights.ts for where each comes from. */
export type Dimension =
  | 'intimacy'
  | 'recency'
  | 'duration'
  | 'intensity'
  | 'reciprocity'
  | 'structural'
  | 'services';

export const DIMENSIONS: readonly Dimension[] = [
  'intimacy',
  'recency',
  'duration',
  'intensity',
  'reciprocity',
  'structural',
  'services',
];
