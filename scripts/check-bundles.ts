/**
 * Fails (exit 1) when a built bundle is over its budget (scripts/lib/bundle-sizes.ts): the detector content
 * script every gov page loads must stay under 20 KB. A step of `npm test`, after each build.
 *
 *   node --import tsx scripts/check-bundles.ts .output/chrome-mv3 [.output/firefox-mv2 …]
 */
import { bundleSizes, formatBundleSizes, overBudget } from './lib/bundle-sizes';

let failed = false;
for (const dir of process.argv.slice(2)) {
  const sizes = bundleSizes(dir);
  const over = overBudget(sizes);
  console.log(`${dir}\n${formatBundleSizes(sizes)}`);
  for (const line of over) console.error(`OVER BUDGET: ${line}`);
  failed ||= over.length > 0;
}
process.exitCode = failed ? 1 : 0;
