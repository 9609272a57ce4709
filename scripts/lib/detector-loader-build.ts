/**
 * Bundles the detector loader (lib/page/detector-loader-entry.ts) into one small classic script for the manifest's
 * content_scripts, with Vite's own library build (the bundler WXT runs on): minified, no WXT unlisted-script wrapper
 * (its logger and definition cost ~0.3 ms of the page's task before `load`, issue #14). Called by wxt.config.ts as
 * the extension is built; the result is written to the output as DETECTOR_LOADER_PATH.
 */
import { join } from 'node:path';
import { build, type Rollup } from 'vite';

export async function buildDetectorLoader(root: string): Promise<string> {
  const result = await build({
    configFile: false,
    root,
    logLevel: 'warn',
    resolve: { alias: { '@': root } },
    esbuild: { charset: 'ascii' },
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      lib: { entry: join(root, 'lib/page/detector-loader-entry.ts'), formats: ['iife'], name: 'rectifyLensDetectorLoader' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
  const chunks = outputs.flatMap((o) => o.output).filter((f): f is Rollup.OutputChunk => f.type === 'chunk');
  if (chunks.length !== 1) throw new Error(`detector loader: expected one chunk, got ${chunks.length}`);
  return chunks[0].code;
}
