/**
 * e2e harness: Chromium with the built extension and the fixture sites. The code lives in
 * scripts/lib/browser.ts, shared with the demo and the benchmarks (scripts never import test/).
 */
export * from '../../scripts/lib/browser';
