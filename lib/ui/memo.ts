import { Component, type ComponentType, h } from 'preact';

/**
 * A component that renders again only when one of its props changed (compared one by one, by identity).
 * Preact's own `memo` lives in preact/compat, whose import also installs React-compatibility hooks on
 * every render; this is the part Rapport needs.
 */
export function memo<P extends object>(Inner: ComponentType<P>): ComponentType<P> {
  class Memo extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      return !sameProps(this.props, next);
    }
    override render(props: P) {
      return h(Inner, props);
    }
  }
  (Memo as { displayName?: string }).displayName = `memo(${Inner.displayName ?? Inner.name})`;
  return Memo as ComponentType<P>;
}

function sameProps(a: object, b: object): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  for (const key in left) if (key !== 'children' && !(key in right)) return false;
  for (const key in right) if (key !== 'children' && left[key] !== right[key]) return false;
  return left.children === right.children;
}
