import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Hosts the fixture sites are served under in tests; real installs only auto-run on *.gov.cn.
export const NOTICE_HOST_MATCHES = ['*://*.gov.cn/*'];
/** Any other site is analyzed only when the user asks ("分析此页"), which requests that site's permission. */
const ON_REQUEST_HOSTS = ['*://*/*'];
/** Fixed Firefox add-on id: storage survives reinstalls and the extension's test URLs stay stable. */
export const GECKO_ID = 'rectify-lens@rectify-lens.invalid';

export default defineConfig({
  srcDir: '.',
  // WXT_OUT_DIR lets parallel builds (benchmarks, e2e) use separate output folders.
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  vite: () => ({
    plugins: [preact()],
    build: { target: 'es2022' },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'unlimitedStorage', 'activeTab', 'contextMenus', 'scripting',
      ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: NOTICE_HOST_MATCHES,
    // WXT drops optional_host_permissions from an MV2 (Firefox) manifest: MV2 declares them as optional_permissions.
    ...(browser === 'firefox' ? { optional_permissions: ON_REQUEST_HOSTS } : { optional_host_permissions: ON_REQUEST_HOSTS }),
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      'add-annotation': {
        suggested_key: { default: 'Alt+Shift+A' },
        description: '__MSG_commandAddAnnotation__',
      },
    },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: GECKO_ID,
          // ESR 140: the oldest Firefox that reads data_collection_permissions.
          strict_min_version: '140.0',
          // Nothing leaves the machine: no data is collected or transmitted.
          data_collection_permissions: { required: ['none'] },
        },
        // Firefox for Android reads data_collection_permissions from 142 on.
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
