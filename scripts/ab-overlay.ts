/**
 * A/B of the notices' overlay after `load` on first visits (issue #14), between builds, on this machine now: a
 * quicker and finer comparison than two `bench:page` runs for a change of a few ms. Each round launches every
 * build in turn (a fresh browser each) and loads each page `--loads` times in it (the library and the remembered
 * analyses forgotten before each load, as bench:page's first visits; one uncounted warm-up load per browser).
 * Prints, per page and build, the median, quartiles and count of overlayAfterLoadMs, and every build's median
 * ratio to the first build's over all pages.
 *
 *   node --import tsx scripts/ab-overlay.ts <chrome-mv3 dir> <chrome-mv3 dir> … [--pages=a.html,b.html] [--loads=6] [--rounds=3] [--jsonl=FILE]
 *
 * Build each side first, e.g. `WXT_OUT_DIR=/tmp/ab-a npx wxt build` → /tmp/ab-a/chrome-mv3. Keep the machine
 * otherwise idle: the noise of a single load is ±15 ms.
 */
import { appendFileSync } from 'node:fs';
import { forgetVisits, launchExtension } from './bench-page/contexts';
import { loadWith, PROBE_SCRIPT } from './bench-page/measure';
import { quantile } from './bench-page/spread';
import { median } from './bench-page/summary';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const builds = args.filter((a) => !a.startsWith('--'));
const pages = option('pages', 'guzhen-town.html,huadu-district.html,hongmei-town.html,huashan-town.html').split(',');
const loads = Number(option('loads', '6'));
const rounds = Number(option('rounds', '3'));
const jsonl = option('jsonl', '');
if (builds.length < 1 || !(loads > 0) || !(rounds > 0)) {
  console.error('usage: ab-overlay.ts <chrome-mv3 dir> … [--pages=a.html,b.html] [--loads=N] [--rounds=N] [--jsonl=FILE]');
  process.exit(2);
}

/** overlayAfterLoadMs samples by page, then by build. */
const samples = new Map<string, Map<string, number[]>>(pages.map((p) => [p, new Map(builds.map((b) => [b, []]))]));

async function measureBuild(build: string): Promise<void> {
  const s = await launchExtension(build);
  try {
    await s.context.addInitScript({ content: PROBE_SCRIPT });
    await forgetVisits(s);
    await loadWith(s, pages[0]);
    for (let i = 0; i < loads; i++) {
      for (const file of pages) {
        await forgetVisits(s);
        const { probe } = await loadWith(s, file);
        if (probe.overlayAt === null) continue;
        const overlay = probe.overlayAt - probe.loadEventEnd;
        samples.get(file)!.get(build)!.push(overlay);
        if (jsonl) appendFileSync(jsonl, `${JSON.stringify({ build, file, overlayAfterLoadMs: overlay, loadMs: probe.loadEventEnd })}\n`);
      }
    }
  } finally {
    await s.close();
  }
}

for (let r = 0; r < rounds; r++) for (const build of builds) await measureBuild(build);

const ratios = new Map<string, number[]>(builds.map((b) => [b, []]));
for (const [file, byBuild] of samples) {
  const base = median(byBuild.get(builds[0])!);
  console.log(file);
  for (const [build, v] of byBuild) {
    console.log(`  ${median(v).toFixed(1).padStart(6)} ms  (q25 ${quantile(v, 0.25)?.toFixed(0)}, q75 ${quantile(v, 0.75)?.toFixed(0)}, n ${v.length})  ${build}`);
    ratios.get(build)!.push(...v.map((x) => x / base));
  }
}
console.log(`median ratio to ${builds[0]}: ${builds.map((b) => `${median(ratios.get(b)!).toFixed(3)} ${b}`).join(', ')}`);
