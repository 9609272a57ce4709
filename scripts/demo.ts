/**
 * `npm run demo [-- --firefox]`: installs what is missing (browsers, CJK font, zh-CN language packs), builds
 * the extension and opens it in Chromium (default) or Firefox ESR on sample notices served as realistic gov
 * sites. With a display it opens a real window and stays open (Ctrl-C to quit); without one it runs headless,
 * saves screenshots of the annotated page and the side panel to demo-output/ and prints a summary.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Driver } from './lib/driver';

const OUT = resolve(import.meta.dirname, '../demo-output');
const SAMPLES = ['huashan-town.html', 'hongmei-town.html'];
const firefox = process.argv.includes('--firefox');
const browserName = firefox ? 'Firefox ESR' : 'Chromium';

function step(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { stdio: ['ignore', process.stderr, 'inherit'] });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

async function launch(headless: boolean): Promise<Driver> {
  if (firefox) return (await import('./lib/firefox-driver')).firefoxDriver({ headless, today: process.env.DEMO_TODAY });
  return (await import('./lib/chromium-driver')).chromiumDriver({ headless, today: process.env.DEMO_TODAY });
}

/** Highlight counts by kind (marks live in the page itself). Runs in the page. */
function markCounts(): Record<string, number> {
  const byKind: Record<string, number> = {};
  for (const m of document.querySelectorAll('mark.rl-mark')) {
    for (const k of (m.getAttribute('data-rl-kinds') ?? '').split(' ')) if (k) byKind[k] = (byKind[k] ?? 0) + 1;
  }
  return byKind;
}

/** What the overlay shows: title, item count, findings (read through the driver: the overlay's shadow root is closed). */
async function overlaySummary(d: Driver, page: Awaited<ReturnType<Driver['openFixture']>>) {
  const [title] = await page.texts(d.overlay('.rl-title'));
  const [count] = await page.texts(d.overlay('section[aria-label="提纲与整改事项"] h3 .rl-count'));
  return {
    title: title ?? '',
    items: Number(count?.match(/\d+/)?.[0] ?? 0),
    findings: (await page.texts(d.overlay('.rl-finding'))).map((f) => f.trim()),
    marks: await page.evaluate(markCounts, undefined),
  };
}

async function main(): Promise<void> {
  step('node', ['scripts/setup-browsers.mjs', firefox ? '--firefox' : '--chromium']);
  step('npx', ['wxt', 'build', ...(firefox ? ['-b', 'firefox'] : [])]);
  const interactive = Boolean(process.env.DISPLAY) && !process.env.CI;
  const d = await launch(!interactive);
  mkdirSync(OUT, { recursive: true });
  const shots: string[] = [];
  for (const file of SAMPLES) {
    const page = await d.openFixture(file);
    // wide enough for the overlay to dock beside the article (on a narrower window it is a tab at the edge)
    await page.setSize(1600, 1000);
    await page.waitFor(d.overlay('.rl-title'));
    // bring the first highlighted passage (by default only what needs attention is marked) into the shot
    await page.evaluate(() => document.querySelector('mark.rl-mark')?.scrollIntoView({ block: 'center' }), null);
    await new Promise((r) => setTimeout(r, 300));
    const name = `${file.replace('.html', '')}${firefox ? '-firefox' : ''}`;
    const pageShot = resolve(OUT, `${name}-page.png`);
    await page.screenshot(pageShot);
    const panel = await d.openPanel(page);
    await panel.setSize(420, 900);
    await panel.waitFor('.sp-meta h2');
    const panelShot = resolve(OUT, `${name}-sidepanel.png`);
    await panel.screenshot(panelShot);
    shots.push(pageShot, panelShot);
    const summary = await overlaySummary(d, page);
    console.log(`\n■ ${summary.title}  (${file}, ${browserName})`);
    console.log(`  整改事项 ${summary.items} 项；高亮：${Object.entries(summary.marks).map(([k, v]) => `${k} ${v}`).join('，')}`);
    for (const f of summary.findings.slice(0, 8)) console.log(`  · ${f}`);
    if (summary.findings.length > 8) console.log(`  · …共 ${summary.findings.length} 条发现`);
    if (!interactive) await panel.close();
  }
  console.log(`\nScreenshots:\n${shots.map((p) => `  ${p}`).join('\n')}`);
  if (interactive) {
    console.log(`\n${browserName} is open with the extension. Press Ctrl-C to quit.`);
    await new Promise<void>((r) => process.on('SIGINT', () => r()));
  }
  await d.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
