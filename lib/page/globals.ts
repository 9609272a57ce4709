/**
 * Names the page-side scripts set in the extension's isolated world of a page (shared by the detector and the
 * analyzer, read by tests and the page benchmark through scripting.executeScript). Nothing else lives here:
 * the detector imports it and must stay small.
 */
/** The detector's record (lib/page/detector DetectorRecord). */
export const DETECTOR_GLOBAL = '__rectifyLensDetector';
/** True once the analyzer runs in the page (components/overlay/content-main); also its double-injection guard. */
export const ANALYZER_GLOBAL = '__rectifyLensAnalyzer';
/** True on a page of a library notice: the analyzer was registered there (lib/registered-scripts) and analyzes by itself. */
export const KNOWN_NOTICE_GLOBAL = '__rectifyLensKnownNotice';
