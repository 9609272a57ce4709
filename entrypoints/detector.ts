import { startDetector } from '@/lib/page/detector';

/**
 * The detector, on every *.gov.cn page (and, registered at runtime, on the sites the user asked to remember):
 * a few KB that decide whether the page is likely a notice and only then ask the background for the analyzer
 * (entrypoints/analyzer.ts). See lib/page/detector.
 *
 * An unlisted script, declared as a document_idle content script in the manifest by wxt.config.ts
 * (DETECTOR_CONTENT_SCRIPT): a WXT content script would build its ContentScriptContext in the injection task,
 * just before the page's `load` (issue #14); the detector builds it after `load`.
 */
export default defineUnlistedScript(() => startDetector());
