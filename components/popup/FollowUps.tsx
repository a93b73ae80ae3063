import type { FollowUpItem } from './types';

export interface FollowUpsProps {
  items: FollowUpItem[];
  now: number;
  onOpen: (url: string) => void;
}

const DAY = 86_400_000;

function when(dueAt: number, now: number): string {
  const days = Math.max(0, Math.ceil((dueAt - now) / DAY));
  if (days <= 1) return 'tomorrow';
  return `in ${days} days`;
}

/** Who is due a follow-up in the next two weeks. */
export function FollowUps({ items, now, onOpen }: FollowUpsProps) {
  if (items.length === 0) return <p class="muted">No follow-ups due in the next two weeks.</p>;
  return (
    <ul class="followups">
      {items.map((item) => (
        <li key={item.personId}>
          <span class="followup-name">{item.name}</span>{' '}
          <span class="muted">
            {item.strong ? 'strong tie' : 'weak tie'}, {when(item.dueAt, now)}
          </span>
          {item.url !== null && (
            <button
              type="button"
              class="link"
              aria-label={`Open ${item.name}'s profile`}
              onClick={() => item.url !== null && onOpen(item.url)}
            >
              Open
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
