import { loadDetectorAfterLoad } from '@/lib/page/detector-loader';

/**
 * Declared on every *.gov.cn page by wxt.config.ts (DETECTOR_CONTENT_SCRIPT): waits for the end of the page's
 * `load`, then loads the detector (entrypoints/detector.ts). See lib/page/detector-loader.
 */
export default defineUnlistedScript(() => void loadDetectorAfterLoad());
