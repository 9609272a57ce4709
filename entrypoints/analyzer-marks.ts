import { applyMarks } from '@/lib/page/mark-drawer';
import { provideMarkDrawer } from '@/lib/page/mark-slot';

/**
 * The analyzer's mark drawer (mark.js), never declared in the manifest: the background injects it right after
 * entrypoints/analyzer.ts (lib/background.ts injectAnalyzer; at document_idle on the library's pages,
 * lib/registered-scripts), as a script of its own, so the page compiles and runs
 * it in a task of its own, not in the analyzer's evaluation (issue #14). The analyzer waits for it before its
 * first marks, which come after the parse and the overlay.
 */
export default defineUnlistedScript(() => {
  provideMarkDrawer(applyMarks);
});
