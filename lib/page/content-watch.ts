/**
 * Watches the page for changes to its text (late-loaded articles, CMS updates) and calls back once they settle.
 * The extension's own DOM changes (marks, the overlay host) and changes made while it is paused are ignored.
 */
import { isOwnMutation } from './page-dom';

const SETTLE_MS = 400;

export class ContentWatcher {
  private observer: MutationObserver | null = null;
  private debounce: ReturnType<typeof setTimeout> | null = null;
  private paused = false;

  constructor(private readonly onChange: () => void) {}

  /** Watches `target`'s subtree (replacing any earlier target). */
  watch(target: Node | null): void {
    this.stop();
    if (typeof MutationObserver === 'undefined' || !target) return;
    this.observer = new MutationObserver((records) => {
      if (this.paused || !records.some((r) => !isOwnMutation(r))) return;
      if (this.debounce) clearTimeout(this.debounce);
      this.debounce = setTimeout(this.onChange, SETTLE_MS);
    });
    this.observer.observe(target, { childList: true, subtree: true, characterData: true });
  }

  /** Runs `work` (the extension changing the page) without reporting what it changes. */
  async whilePaused<T>(work: () => Promise<T>): Promise<T> {
    this.paused = true;
    try {
      return await work();
    } finally {
      this.observer?.takeRecords();
      this.paused = false;
    }
  }

  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    if (this.debounce) clearTimeout(this.debounce);
  }
}

/**
 * Starts noting changes to `root`'s subtree (nodes added or removed, text edited); the returned function says
 * whether any happened since, and stops. Without MutationObserver it always says yes (the caller reads again).
 */
export function noteChanges(root: Node): () => boolean {
  if (typeof MutationObserver === 'undefined') return () => true;
  let changed = false;
  const observer = new MutationObserver(() => {
    changed = true;
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  return () => {
    changed ||= observer.takeRecords().length > 0;
    observer.disconnect();
    return changed;
  };
}
