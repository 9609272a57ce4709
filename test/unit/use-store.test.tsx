// @vitest-environment happy-dom
/** components/useStore: a component follows its Store, including a change made before it has subscribed. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { useStore } from '@/components/useStore';
import { Store } from '@/lib/page/store';

function Count({ store }: { store: Store<{ n: number }> }) {
  return <p>{useStore(store).n}</p>;
}

describe('useStore', () => {
  it('shows the store\'s changes', () => {
    const store = new Store({ n: 1 });
    const root = document.createElement('div');
    act(() => render(<Count store={store} />, root));
    act(() => store.set({ n: 2 }));
    expect(root.textContent).toBe('2');
  });

  it('takes up a change made after its first render and before it subscribed (the overlay rendered while the parse is on the way)', () => {
    const store = new Store({ n: 1 });
    const root = document.createElement('div');
    act(() => {
      render(<Count store={store} />, root);
      // the effect that subscribes has not run yet
      store.set({ n: 2 });
    });
    expect(root.textContent).toBe('2');
  });
});
