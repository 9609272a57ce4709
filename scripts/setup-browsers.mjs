#!/usr/bin/env node
// Makes sure the browsers, CJK font and zh-CN language packs that `npm test` / `npm run demo` drive are installed,
// and LibreOffice Writer + poppler, which the report tests and `npm run render:reports` use to turn the Word
// report into PDF pages.
// On Debian/Ubuntu as root it installs what is missing with apt-get (one-line note); elsewhere it prints the exact
// command to run and exits non-zero. CHROME_PATH / FIREFOX_PATH point at other binaries (their packs are then
// the user's business).
//
//   node scripts/setup-browsers.mjs [--chromium] [--firefox] [--libreoffice]     (no flag: all three)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const SOFFICE_PATH = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';

/** What each browser needs: [Debian package, is it there?]. */
const NEEDS = {
  chromium: () => [
    ['chromium', existsSync(CHROME_PATH)],
    // zh-CN UI locale for the extension's i18n (Debian's chromium package ships only en-US)
    ['chromium-l10n', Boolean(process.env.CHROME_PATH) || existsSync('/usr/lib/chromium/locales/zh-CN.pak')],
  ],
  firefox: () => [
    ['firefox-esr', existsSync(FIREFOX_PATH)],
    // without the language pack Firefox's UI (and the extension's locale) is English
    ['firefox-esr-l10n-zh-cn', Boolean(process.env.FIREFOX_PATH) || existsSync('/usr/lib/firefox-esr/browser/extensions/langpack-zh-CN@firefox-esr.mozilla.org.xpi')],
  ],
  // the Word report is checked by converting it to PDF (soffice --headless) and reading the pages (pdfinfo, pdftotext, pdftoppm)
  libreoffice: () => [
    ['libreoffice-writer-nogui', existsSync(SOFFICE_PATH)],
    ['poppler-utils', spawnSync('pdfinfo', ['-v']).status === 0],
  ],
};

function hasCjkFont() {
  try {
    return /wenquanyi|wqy|noto sans cjk|source han/i.test(execFileSync('fc-list', { encoding: 'utf8' }));
  } catch {
    return false; // no fontconfig yet
  }
}

export function missingPackages(browsers) {
  const missing = browsers.flatMap((b) => NEEDS[b]().filter(([, ok]) => !ok).map(([pkg]) => pkg));
  if (!hasCjkFont()) missing.push('fonts-wqy-zenhei', 'fontconfig');
  return missing;
}

const canApt = () => process.getuid?.() === 0 && existsSync('/etc/debian_version') && spawnSync('apt-get', ['--version']).status === 0;

export function setUpBrowsers(browsers) {
  const badOverride = [['chromium', 'CHROME_PATH'], ['firefox', 'FIREFOX_PATH']]
    .filter(([b, name]) => browsers.includes(b) && process.env[name] && !existsSync(process.env[name]));
  for (const [, name] of badOverride) console.error(`${name}=${process.env[name]} does not exist.`);
  if (badOverride.length) return false;
  const missing = missingPackages(browsers);
  if (missing.length === 0) return true;
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (!canApt()) {
    console.error(`Missing for ${browsers.join(' + ')}: ${missing.join(', ')}.\nInstall them (Debian/Ubuntu, as root):\n  ${command}\nor set CHROME_PATH / FIREFOX_PATH to browsers you have.`);
    return false;
  }
  console.log(`setup: installing ${missing.join(' ')} with apt-get (needed by the real-browser tests and the demo)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args) => spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env }).status === 0;
  if (!apt(['update', '-qq']) || !apt(['install', '-y', '-qq', ...missing])) {
    console.error(`setup: apt-get failed; run it by hand:\n  ${command}`);
    return false;
  }
  const still = missingPackages(browsers);
  if (still.length) console.error(`setup: still missing after apt-get: ${still.join(', ')}`);
  return still.length === 0;
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  const all = Object.keys(NEEDS);
  const chosen = all.filter((b) => process.argv.includes(`--${b}`));
  process.exit(setUpBrowsers(chosen.length ? chosen : all) ? 0 : 1);
}
