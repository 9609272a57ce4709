// Text report of the page benchmark: the table, its legend and the target lines (issue #14).
import { BIG, LONGEST_SEED, ORDINARY } from './run';
import type { PageBench, PageBenchEntry } from './summary';

export const TARGETS = {
  /** Ordinary gov page: load with the extension / with an empty content script. */
  ordinaryLoadRatioVsNoop: 1.05,
  ordinaryTaskMs: 10,
  noticeOverlayAfterLoadMs: 150,
  noticeHighlightsAfterLoadMs: 300,
  noticeTaskMs: 50,
  bigOverlayAfterLoadMs: 500,
  bigTaskMs: 50,
  revisitOverlayAfterLoadMs: 50,
};

function pad(s: string, n: number, right = false): string {
  const w = [...s].length;
  return w >= n ? s : right ? s + ' '.repeat(n - w) : ' '.repeat(n - w) + s;
}

const ms = (x: number | null) => (x === null ? '—' : x.toFixed(0));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** How many loads the medians are of: `runs` per page, the ordinary page's alternated pairs apart. */
const loadsNote = (r: PageBench) => {
  const runs = r.pages.find((p) => p.kind !== 'ordinary')?.runs;
  const ordinary = r.pages.find((p) => p.kind === 'ordinary');
  return [runs === undefined ? '' : `median of ${runs} loads per page`, ordinary ? `${ordinary.loadVsNoop.pairs} alternated pairs on the ordinary page` : '']
    .filter(Boolean)
    .join(', ');
};

export function formatPageBench(r: PageBench): string {
  const cols: Array<[string, (p: PageBenchEntry) => string, number]> = [
    ['page', (p) => p.file, 30],
    ['chars', (p) => String(p.chars), 8],
    ['parse', (p) => p.parseMs.toFixed(1), 7],
    ['highlt', (p) => p.highlightMs.toFixed(1), 7],
    ['main', (p) => p.mainThreadMs.toFixed(1), 7],
    ['load+ext', (p) => p.loadMsWith.toFixed(0), 9],
    ['load', (p) => p.loadMsWithout.toFixed(0), 6],
    ['noop-ext', (p) => p.loadMsNoopExt.toFixed(0), 9],
    ['×noop', (p) => p.loadRatioVsNoop.toFixed(2), 6],
    ['overlay', (p) => ms(p.overlayAfterLoadMs), 8],
    ['marks', (p) => ms(p.highlightsAfterLoadMs), 6],
    ['ext-task', (p) => `${p.extensionLongestTaskMs.toFixed(0)}/${p.extensionLongestTaskMaxMs.toFixed(0)}`, 9],
    ['longtask', (p) => `${p.longestTaskMs.toFixed(0)}/${p.longestTaskMaxMs.toFixed(0)}`, 9],
  ];
  const lines: string[] = [];
  lines.push(`页面阅读辅助性能 (in-page reading aid) — Chromium ${r.chromium}, ${loadsNote(r)} (ms); ${r.machine.cpus} CPUs, load average ${r.machine.loadAvgStart} → ${r.machine.loadAvgEnd}`);
  lines.push(`bundles: detector loader ${kb(r.bundles.detectorLoader ?? 0)}, detector ${kb(r.bundles.detector)}, analyzer ${kb(r.bundles.analyzer)} + marks ${kb(r.bundles.analyzerMarks)}, side panel ${kb(r.bundles.sidepanel)}`);
  lines.push(cols.map(([h, , w], i) => pad(h, w, i === 0)).join(' '));
  for (const p of r.pages) lines.push(cols.map(([, f, w], i) => pad(f(p), w, i === 0)).join(' '));
  lines.push('');
  lines.push('  main = extract + detect + parse + highlight (analyzer timings, main-thread time); parse/highlt its parts');
  lines.push('  load+ext / load / noop-ext = loadEventEnd with the extension / without / with an empty document_idle content script; ×noop = load+ext / noop-ext');
  lines.push('  overlay / marks = after the page\'s load event: overlay host attached / last highlight drawn');
  lines.push('  ext-task = longest main-thread task running the extension\'s code, from Chromium traces of separate loads (median/worst):');
  lines.push('             a task counts when it evaluates or calls the extension\'s scripts or fires a timer/idle callback they installed;');
  lines.push('             of the page\'s own parsing task (a document_start script runs inside it) only the extension\'s events count');
  lines.push('  longtask = longest long task (PerformanceObserver) from the estimated analysis start until the page settled, median/worst');
  lines.push('');
  const check = (ok: boolean, text: string) => lines.push(`${ok ? 'ok    ' : 'MISSED'} ${text}`);
  const ordinary = r.pages.find((p) => p.file === ORDINARY);
  if (ordinary) {
    const c = ordinary.loadVsNoop;
    lines.push(
      `ordinary gov page, ${c.pairs} loads each alternated: load ${c.withMedianMs} ms (IQR ${c.withIqrMs.join('–')}) with the extension, ` +
        `${c.noopMedianMs} ms (IQR ${c.noopIqrMs.join('–')}) with the empty content script; ratio of medians ${c.ratioOfMedians} ` +
        `(90 % bootstrap ${c.ratioRange90.join('–')}), median pair ratio ${c.pairRatioMedian}`,
    );
    lines.push(
      `  traced loads: the extension's main-thread time before load ${ordinary.extensionBeforeLoadMs} ms (thread time ` +
        `${ordinary.extensionBeforeLoadCpuMs} ms, its own events ${ordinary.extensionBeforeLoadOwnMs} ms; the empty content script's ` +
        `${ordinary.noopBeforeLoadMs ?? '—'} ms, thread time ${ordinary.noopBeforeLoadCpuMs ?? '—'} ms, own ${ordinary.noopBeforeLoadOwnMs ?? '—'} ms), its longest task ` +
        `${ordinary.extensionLongestTaskMs} ms (thread time ${ordinary.extensionLongestTaskCpuMs} ms), median`,
    );
    check(ordinary.loadRatioVsNoop <= TARGETS.ordinaryLoadRatioVsNoop, `ordinary gov page (${ORDINARY}): load ≤ ${TARGETS.ordinaryLoadRatioVsNoop}× the empty content script's: ${ordinary.loadRatioVsNoop}`);
    check(ordinary.extensionLongestTaskMaxMs <= TARGETS.ordinaryTaskMs, `ordinary gov page: no extension task > ${TARGETS.ordinaryTaskMs} ms: worst ${ordinary.extensionLongestTaskMaxMs} ms`);
  }
  const notices = r.pages.filter((p) => p.kind === 'notice');
  const worst = (key: 'overlayAfterLoadMs' | 'highlightsAfterLoadMs' | 'extensionLongestTaskMs') =>
    notices.reduce<PageBenchEntry | null>((w, p) => (!w || (p[key] ?? Infinity) > (w[key] ?? Infinity) ? p : w), null);
  const o = worst('overlayAfterLoadMs');
  if (o) check((o.overlayAfterLoadMs ?? Infinity) <= TARGETS.noticeOverlayAfterLoadMs, `notices: overlay ≤ ${TARGETS.noticeOverlayAfterLoadMs} ms after load: worst ${ms(o.overlayAfterLoadMs)} ms (${o.file})`);
  const h = worst('highlightsAfterLoadMs');
  if (h) check((h.highlightsAfterLoadMs ?? Infinity) <= TARGETS.noticeHighlightsAfterLoadMs, `notices: all highlights ≤ ${TARGETS.noticeHighlightsAfterLoadMs} ms after load: worst ${ms(h.highlightsAfterLoadMs)} ms (${h.file})`);
  const t = worst('extensionLongestTaskMs');
  if (t) check(t.extensionLongestTaskMs <= TARGETS.noticeTaskMs, `notices: no extension task > ${TARGETS.noticeTaskMs} ms (median load): worst ${t.extensionLongestTaskMs} ms (${t.file})`);
  const big = r.big;
  if (big) {
    check((big.overlayAfterLoadMs ?? Infinity) <= TARGETS.bigOverlayAfterLoadMs, `1 MB page: overlay ≤ ${TARGETS.bigOverlayAfterLoadMs} ms after load: ${ms(big.overlayAfterLoadMs)} ms`);
    check(big.extensionLongestTaskMs <= TARGETS.bigTaskMs, `1 MB page: no extension task > ${TARGETS.bigTaskMs} ms (median load): ${big.extensionLongestTaskMs} ms (worst ${big.extensionLongestTaskMaxMs})`);
  } else lines.push(`MISSED 1 MB page ${BIG} not measured`);
  const revisit = r.pages.find((p) => p.kind === 'revisit');
  if (revisit) check((revisit.overlayAfterLoadMs ?? Infinity) <= TARGETS.revisitOverlayAfterLoadMs, `revisit of an unchanged notice (${LONGEST_SEED}): overlay ≤ ${TARGETS.revisitOverlayAfterLoadMs} ms after load: ${ms(revisit.overlayAfterLoadMs)} ms`);
  return lines.join('\n');
}
