import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

export interface LazyDetailsProps {
  summary: ComponentChildren;
  class?: string;
  summaryClass?: string;
  children: ComponentChildren;
}

/**
 * A <details> whose content is built the first time it is opened, and kept after (whatever was typed in
 * it stays). Closed, it costs nothing: the full interaction form's date field and menus alone make the
 * browser build and style controls of its own, a few milliseconds each time a person's card appears.
 */
export function LazyDetails({ summary, class: className, summaryClass, children }: LazyDetailsProps) {
  const [opened, setOpened] = useState(false);
  return (
    <details
      class={className}
      onToggle={(event) => {
        if ((event.currentTarget as HTMLDetailsElement).open) setOpened(true);
      }}
    >
      <summary class={summaryClass}>{summary}</summary>
      {opened ? children : null}
    </details>
  );
}
