export interface PersonHeaderProps {
  name: string | null;
  handle: string;
  networkLabel: string;
  headline: string | null;
  avatarUrl: string | null;
  known: boolean;
  pageUnreadable: boolean;
}

/** Who this is, as the page shows them. Text only: nothing from the page is ever rendered as HTML. */
export function PersonHeader({
  name,
  handle,
  networkLabel,
  headline,
  avatarUrl,
  known,
  pageUnreadable,
}: PersonHeaderProps) {
  return (
    <header class="person-header">
      {avatarUrl ? <img class="avatar" src={avatarUrl} alt="" referrerpolicy="no-referrer" /> : null}
      <div>
        <h1 class="person-name" dir="auto">
          {name ?? handle}
        </h1>
        <p class="person-meta" dir="auto">
          {networkLabel} · {handle}
          {known ? '' : ' · not in Rapport yet'}
        </p>
        {headline ? (
          <p class="person-headline" dir="auto">
            {headline}
          </p>
        ) : null}
        {pageUnreadable ? (
          <p class="notice" role="status">
            Could not read this person's details from the page; notes still go to {networkLabel} · {handle}.
          </p>
        ) : null}
      </div>
    </header>
  );
}
