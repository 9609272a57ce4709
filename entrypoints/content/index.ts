import { runDetector } from '@/lib/page/detector';

/**
 * The detector, on every *.gov.cn page (and, registered at runtime, on the sites the user asked to remember):
 * a few KB that decide whether the page is likely a notice and only then ask the background for the analyzer
 * (entrypoints/analyzer.ts). See lib/page/detector.
 */
export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  runAt: 'document_idle',
  main: (ctx) => runDetector(ctx),
});
