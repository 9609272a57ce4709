import { useEffect, useState } from 'preact/hooks';
import type { Store } from '@/lib/page/store';

/**
 * Subscribes a component to a Store. The subscription starts after the first render (an effect): a change in
 * between (the page's overlay is rendered while its parse is on the way, and the reply can come first) is taken
 * up when it starts.
 */
export function useStore<T extends object>(store: Store<T>): T {
  const [state, setState] = useState(store.get());
  useEffect(() => {
    setState(store.get());
    return store.subscribe(setState);
  }, [store]);
  return state;
}
