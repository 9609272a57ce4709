#!/usr/bin/env node
/**
 * `rectify-lens`: the notice analysis CLI (scripts/analyze.ts). It runs the TypeScript source through
 * tsx's loader (a dependency, no global tsx needed), so a linked command always runs the checkout's
 * current code without a build step. Works from any directory: file paths are taken relative to the cwd.
 *
 *   npm link            # once, in the project: puts `rectify-lens` on the PATH
 *   rectify-lens 通报.txt --json
 *   npx rectify-lens --help   # inside the project, without linking
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// The project's tsconfig holds the `@/…` import aliases; it extends .wxt/tsconfig.json, which
// `npm install` generates (postinstall: wxt prepare).
const tsconfig = fileURLToPath(new URL('../tsconfig.json', import.meta.url));
if (!existsSync(new URL('../.wxt/tsconfig.json', import.meta.url))) {
  process.stderr.write(`rectify-lens：缺少 .wxt/tsconfig.json，请先在项目目录（${fileURLToPath(new URL('..', import.meta.url))}）运行 npm install 或 npx wxt prepare。\n`);
  process.exit(1);
}
register({ tsconfig });
const { main } = await import('../scripts/analyze.ts');
process.exitCode = await main(process.argv.slice(2));
