import { useEffect, useState } from 'preact/hooks';
import type { Store } from '@/lib/page/store';

/** Subscribes a component to a Store. */
export function useStore<T extends object>(store: Store<T>): T {
  const [state, setState] = useState(store.get());
  useEffect(() => store.subscribe(setState), [store]);
  return state;
}
