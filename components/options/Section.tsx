import type { ComponentChildren } from 'preact';

export function Section(props: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="options-section" aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.children}
    </section>
  );
}

/** A status line read out by screen readers when it changes. */
export function Status(props: {
  tone: 'info' | 'ok' | 'error';
  children: ComponentChildren;
  testId?: string;
}) {
  return (
    <p
      class={`options-status options-status-${props.tone}`}
      role={props.tone === 'error' ? 'alert' : 'status'}
      data-testid={props.testId}
    >
      {props.children}
    </p>
  );
}
