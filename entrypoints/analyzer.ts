import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { startAnalyzer } from '@/components/overlay/content-main';

/**
 * The analyzer (parser, overlay, highlights): never declared in the manifest. The background injects it
 * (scripting.executeScript, lib/background.ts) into a tab whose detector found a likely notice, or for
 * "分析此页"; on the pages of the library's notices it is registered at document_end (lib/registered-scripts). Injected twice, the second copy leaves the first in charge (startAnalyzer's guard), before
 * creating a WXT context that would invalidate the first one's.
 */
export default defineUnlistedScript(() => {
  startAnalyzer(() => new ContentScriptContext('analyzer'));
});
