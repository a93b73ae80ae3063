import type { Direction, InteractionKind } from '@/lib/domain/types';

/**
 * The submenu: the common two-way actions, each mapped to how it is stored. Direction is who started
 * it: "I initiated" for what the user did, "they initiated" for what they did for the user.
 */
export interface MenuKind {
  id: string;
  title: string;
  kind: InteractionKind;
  direction: Direction;
}

export const MENU_KINDS: readonly MenuKind[] = [
  { id: 'congratulated', title: 'Congratulated them', kind: 'congratulation', direction: 'me' },
  { id: 'asked', title: 'Asked them a question', kind: 'question-asked', direction: 'me' },
  { id: 'answered', title: 'Answered their question', kind: 'question-answered', direction: 'me' },
  { id: 'gave-feedback', title: 'Gave them feedback', kind: 'feedback-given', direction: 'me' },
  { id: 'received-feedback', title: 'They gave me feedback', kind: 'feedback-received', direction: 'them' },
  { id: 'thanked', title: 'Thanked them', kind: 'message', direction: 'me' },
  { id: 'messaged', title: 'Messaged them', kind: 'message', direction: 'me' },
  { id: 'commented', title: 'Commented on their post', kind: 'comment', direction: 'me' },
  { id: 'met', title: 'Met them', kind: 'meeting', direction: 'mutual' },
  { id: 'other', title: 'Other…', kind: 'other', direction: 'me' },
];

/** "Acknowledge this success later": stored as news they shared, which the prompts turn into a reminder. */
export const SUCCESS_LATER: MenuKind = {
  id: 'success-later',
  title: 'Acknowledge this success later',
  kind: 'share',
  direction: 'them',
};

export function menuKindById(id: string): MenuKind | null {
  return [...MENU_KINDS, SUCCESS_LATER].find((entry) => entry.id === id) ?? null;
}

/** Text stored with a "Thanked them" log, so that prompts can tell a thank-you from a message. */
export const THANKED_TEXT = 'Thanked them';
