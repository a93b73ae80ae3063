import type { Interaction } from '@/lib/protocol/types';

export type InteractionKind = Interaction['kind'];
export type Direction = Interaction['direction'];
export type Channel = Interaction['channel'];

/** What the user logs; the container adds the id, the person and, for quick logs, the time. */
export interface InteractionDraft {
  at: number;
  kind: InteractionKind;
  direction: Direction;
  channel: Channel;
  text: string | null;
}

/** Kinds are named from the user's side; the direction says who started it. */
export const KIND_LABELS: Record<InteractionKind, string> = {
  message: 'Message',
  comment: 'Comment',
  reaction: 'Reaction',
  share: 'Share',
  mention: 'Mention',
  congratulation: 'Congratulation',
  'question-asked': 'Question asked',
  'question-answered': 'Question answered',
  'feedback-given': 'Feedback given',
  'feedback-received': 'Feedback received',
  introduction: 'Introduction',
  meeting: 'Meeting',
  call: 'Call',
  email: 'Email',
  other: 'Other',
};

export const DIRECTION_LABELS: Record<Direction, string> = {
  me: 'I started it',
  them: 'They started it',
  mutual: 'Together',
};

export const CHANNEL_LABELS: Record<Channel, string> = {
  linkedin: 'LinkedIn',
  facebook: 'Facebook',
  x: 'X',
  email: 'Email',
  'in-person': 'In person',
  phone: 'Phone',
  other: 'Other',
};

export const INTERACTION_TEXT_MAX = 2000;
