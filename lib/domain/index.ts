// The tie model's public API: pure functions of their inputs and `now`.

export type { FollowUp, FollowUpInput, FollowUpStatus } from './cadence';
export { followUp, STRONG_CADENCE_DAYS, WEAK_CADENCE_DAYS } from './cadence';
export type { DunbarLayer } from './dunbar';
export { DUNBAR_LAYERS, dunbarLayers } from './dunbar';
export type { LoopKind, OpenLoop, ReciprocityLedger } from './reciprocity';
export { LOOP_CLOSERS, reciprocityLedger } from './reciprocity';
export type { TieStrength } from './tie-strength';
export { tieStrength } from './tie-strength';
export { STRONG_THRESHOLD, TIE_WEIGHTS } from './tie-weights';
export { MS_PER_DAY } from './time';
export { timeAgo, timeSpan } from './time-words';
export type {
  Dimension,
  Direction,
  InteractionFact,
  InteractionKind,
  TieInputs,
  TieOverride,
} from './types';
export { DIMENSIONS } from './types';
