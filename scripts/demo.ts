/**
 * `npm run demo`: the built extension in Chromium on sample notices served as realistic gov sites.
 * With a display it opens a real window and stays open (Ctrl-C to quit); without one it runs headless,
 * saves screenshots of the annotated page and the side panel to demo-output/ and prints a summary.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHROME_PATH, EXTENSION_DIR, launch, openFixture, openSidePanel, OVERLAY_HOST, tabIdOf } from './lib/browser';

const OUT = resolve(import.meta.dirname, '../demo-output');
const SAMPLES = ['huashan-town.html', 'hongmei-town.html'];

function preflight(): void {
  if (!existsSync(CHROME_PATH)) {
    console.error(`Chromium not found at ${CHROME_PATH}.\nInstall it (Debian/Ubuntu, as root):\n  apt-get update && apt-get install -y chromium chromium-l10n fonts-wqy-zenhei\nor point CHROME_PATH at a Chrome/Chromium binary.`);
    process.exit(1);
  }
  if (!existsSync(resolve(EXTENSION_DIR, 'manifest.json'))) {
    console.error('The extension is not built: run `npm run build` (npm run demo does it for you).');
    process.exit(1);
  }
}

async function main(): Promise<void> {
  preflight();
  const interactive = Boolean(process.env.DISPLAY) && !process.env.CI;
  const s = await launch({ headless: !interactive, today: process.env.DEMO_TODAY });
  mkdirSync(OUT, { recursive: true });
  const shots: string[] = [];
  for (const file of SAMPLES) {
    const page = await openFixture(s, file);
    await page.locator(`${OVERLAY_HOST} .rl-title`).waitFor({ timeout: 20_000 });
    await page.waitForTimeout(300);
    const name = file.replace('.html', '');
    const pageShot = resolve(OUT, `${name}-page.png`);
    await page.screenshot({ path: pageShot });
    const tabId = await tabIdOf(s, page);
    const panel = await openSidePanel(s, tabId);
    await panel.setViewportSize({ width: 420, height: 900 });
    await panel.locator('.sp-meta h2').waitFor({ timeout: 20_000 });
    const panelShot = resolve(OUT, `${name}-sidepanel.png`);
    await panel.screenshot({ path: panelShot, fullPage: false });
    shots.push(pageShot, panelShot);
    const summary = await page.evaluate((host) => {
      const root = document.querySelector(host)?.shadowRoot;
      const marks = [...document.querySelectorAll('mark.rl-mark')];
      const byKind: Record<string, number> = {};
      for (const m of marks) for (const k of (m.getAttribute('data-rl-kinds') ?? '').split(' ')) if (k) byKind[k] = (byKind[k] ?? 0) + 1;
      return {
        title: root?.querySelector('.rl-title')?.textContent ?? '',
        items: Number(root?.querySelector('section[aria-label="提纲与整改事项"] h3 .rl-count')?.textContent?.match(/\d+/)?.[0] ?? 0),
        findings: [...(root?.querySelectorAll('.rl-finding') ?? [])].map((f) => f.textContent?.trim() ?? ''),
        marks: byKind,
      };
    }, OVERLAY_HOST);
    console.log(`\n■ ${summary.title}  (${s.server.urlFor(file)})`);
    console.log(`  整改事项 ${summary.items} 项；高亮：${Object.entries(summary.marks).map(([k, v]) => `${k} ${v}`).join('，')}`);
    for (const f of summary.findings.slice(0, 8)) console.log(`  · ${f}`);
    if (summary.findings.length > 8) console.log(`  · …共 ${summary.findings.length} 条发现`);
    if (!interactive) await panel.close();
  }
  console.log(`\nScreenshots:\n${shots.map((p) => `  ${p}`).join('\n')}`);
  if (interactive) {
    console.log('\nChromium is open with the extension. Press Ctrl-C to quit.');
    await new Promise<void>((r) => process.on('SIGINT', () => r()));
  }
  await s.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
