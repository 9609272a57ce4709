import { startDetector } from '@/lib/page/detector';

/**
 * The detector, on every *.gov.cn page (and, registered at runtime, on the sites the user asked to remember):
 * a few KB that decide whether the page is likely a notice and only then ask the background for the analyzer
 * (entrypoints/analyzer.ts). See lib/page/detector.
 *
 * An unlisted script: in Chromium imported after the page's `load` by the detector loader
 * (lib/page/detector-loader, declared at document_start), in Firefox declared as a document_idle content script (wxt.config.ts,
 * detectorContentScript). Not a WXT content script, which would build its ContentScriptContext in the injection
 * task (issue #14); the detector builds it after `load`.
 */
export default defineUnlistedScript(() => startDetector());
