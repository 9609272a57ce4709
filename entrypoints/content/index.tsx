import { startContentScript } from '@/components/overlay/content-main';

/**
 * Runs automatically on *.gov.cn; elsewhere the background injects it on demand ("分析此页").
 * All wiring lives in components/overlay/content-main.
 */
export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  main: (ctx) => startContentScript(ctx),
});
