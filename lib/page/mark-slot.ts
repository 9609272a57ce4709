/**
 * Where the analyzer finds the mark drawer (lib/page/mark-drawer), which the background injects as a second file
 * right after the analyzer (lib/background injectAnalyzer), or registers after it on the library's pages
 * (lib/registered-scripts): both run in the extension's isolated world of the page and meet on one global. The
 * drawer's file provides it once; the analyzer waits for it before its first marks.
 */
import type { applyMarks } from './mark-drawer';

export type MarkDrawer = typeof applyMarks;

/** The global both injected files share (in the extension's isolated world, like lib/page/globals). */
export const MARK_DRAWER_GLOBAL = '__rectifyLensMarkDrawer';

interface Slot {
  drawer: MarkDrawer | null;
  waiting: Array<(drawer: MarkDrawer) => void>;
}

function slot(): Slot {
  const g = globalThis as Record<string, unknown>;
  return (g[MARK_DRAWER_GLOBAL] ??= { drawer: null, waiting: [] }) as Slot;
}

/** Called by the drawer's file; injected again, the first drawer stays. */
export function provideMarkDrawer(drawer: MarkDrawer): void {
  const s = slot();
  if (s.drawer) return;
  s.drawer = drawer;
  for (const resolve of s.waiting.splice(0)) resolve(drawer);
}

/** The drawer, once its file has run (at once when it already has). */
export function markDrawer(): Promise<MarkDrawer> {
  const s = slot();
  const { drawer } = s;
  return drawer ? Promise.resolve(drawer) : new Promise((resolve) => s.waiting.push(resolve));
}
