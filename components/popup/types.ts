// What the popup's components show. Plain data: the container maps the protocol's answers onto these.

export type PromptKind =
  | 'reply-acknowledge'
  | 'thank'
  | 'acknowledge-success'
  | 'reconnect'
  | 'introduce'
  | 'ask-question';

export interface PromptItem {
  key: string;
  kind: PromptKind;
  names: string[];
  reason: string;
  draft: string;
  url: string | null;
}

export interface FollowUpItem {
  personId: string;
  name: string;
  dueAt: number;
  strong: boolean;
  url: string | null;
}

export interface SearchItem {
  personId: string;
  name: string;
  strong: boolean;
  matchedIn: string[];
  handle: string | null;
  url: string | null;
}

export type SnoozeChoice = { kind: 'day' } | { kind: 'week' } | { kind: 'date'; date: string };

export const KIND_LABELS: Record<PromptKind, string> = {
  'reply-acknowledge': 'Reply',
  thank: 'Thank',
  'acknowledge-success': 'Congratulate',
  reconnect: 'Reconnect',
  introduce: 'Introduce',
  'ask-question': 'Ask',
};
