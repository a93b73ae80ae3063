// @vitest-environment happy-dom
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { memo } from '@/lib/ui/memo';
import { mount as mountInDocument } from '../components/render';

// The sidebar's body is memoized so that a change of the page's details renders the header alone.

let root: HTMLElement;
let cleanup: () => void = () => undefined;
afterEach(() => cleanup());

function mount(node: preact.ComponentChild) {
  const mounted = mountInDocument(node);
  root = mounted.container;
  cleanup = mounted.unmount;
}

describe('memo', () => {
  it('renders again when a prop changed by identity, and not when the parent alone did', () => {
    const renders: string[] = [];
    const Inner = memo(({ label, items }: { label: string; items: string[] }) => {
      renders.push(label);
      return <p>{`${label}: ${items.join(', ')}`}</p>;
    });
    const items = ['a'];
    let setOuter: (value: number) => void = () => undefined;
    let setLabel: (value: string) => void = () => undefined;
    let setItems: (value: string[]) => void = () => undefined;
    function Outer() {
      const [outer, setOuterState] = useState(0);
      const [label, setLabelState] = useState('one');
      const [list, setList] = useState(items);
      setOuter = setOuterState;
      setLabel = setLabelState;
      setItems = setList;
      return (
        <div>
          <span>{outer}</span>
          <Inner label={label} items={list} />
        </div>
      );
    }
    mount(<Outer />);
    act(() => setOuter(1));
    expect(renders).toEqual(['one']);
    act(() => setLabel('two'));
    expect(renders).toEqual(['one', 'two']);
    act(() => setItems(['a']));
    expect(renders).toEqual(['one', 'two', 'two']);
    expect(root.textContent).toBe('1two: a');
  });

  it('still follows its own state', () => {
    let bump: () => void = () => undefined;
    const Counter = memo(() => {
      const [count, setCount] = useState(0);
      bump = () => setCount((value) => value + 1);
      return <p>{count}</p>;
    });
    mount(<Counter />);
    act(() => bump());
    expect(root.textContent).toBe('1');
  });
});
