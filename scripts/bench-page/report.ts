// Text report of the page benchmark: the table, its legend and the target lines.
import { BIG, LONGEST_SEED } from './run';
import type { PageBench, PageBenchEntry } from './summary';

export const TARGETS = {
  longestSeedMs: 50,
  loadRatio: 1.1,
  bigTotalMs: 500,
  longTaskMs: 200,
};

function pad(s: string, n: number, right = false): string {
  const w = [...s].length;
  return w >= n ? s : right ? s + ' '.repeat(n - w) : ' '.repeat(n - w) + s;
}

export function formatPageBench(r: PageBench): string {
  const cols: Array<[string, (p: PageBenchEntry) => string, number]> = [
    ['page', (p) => p.file, 22],
    ['chars', (p) => String(p.chars), 8],
    ['extract', (p) => p.extractMs.toFixed(1), 8],
    ['detect', (p) => p.detectMs.toFixed(1), 7],
    ['parse', (p) => p.parseMs.toFixed(1), 7],
    ['highlt', (p) => p.highlightMs.toFixed(1), 7],
    ['main', (p) => p.mainThreadMs.toFixed(1), 7],
    ['min', (p) => p.mainThreadMinMs.toFixed(1), 7],
    ['load+ext', (p) => p.loadMsWith.toFixed(1), 9],
    ['load', (p) => p.loadMsWithout.toFixed(1), 7],
    ['ratio', (p) => p.loadRatio.toFixed(2), 6],
    ['noop-ext', (p) => `${p.loadMsNoopExt.toFixed(0)}/${p.loadRatioNoopExt.toFixed(2)}`, 9],
    ['overlay', (p) => (p.overlayMs === null ? '—' : p.overlayMs.toFixed(1)), 8],
    ['longtask', (p) => `${p.longestTaskMs.toFixed(0)}/${p.longestTaskMaxMs.toFixed(0)}`, 9],
    ['lt-noext', (p) => p.longestTaskWithoutMs.toFixed(0), 8],
  ];
  const lines: string[] = [];
  lines.push(`页面阅读辅助性能 (in-page reading aid) — Chromium ${r.chromium}, median of ${r.pages[0]?.runs ?? 0} loads per page (ms); ${r.machine.cpus} CPUs, load average ${r.machine.loadAvgStart} → ${r.machine.loadAvgEnd}`);
  lines.push(cols.map(([h, , w], i) => pad(h, w, i === 0)).join(' '));
  for (const p of r.pages) lines.push(cols.map(([, f, w], i) => pad(f(p), w, i === 0)).join(' '));
  lines.push('');
  lines.push('  main = extract + detect + parse + highlight (content script timings; highlight = main-thread time of the mark.js slices, yields excluded); min = fastest load');
  lines.push('  load+ext / load = navigation loadEventEnd with / without the extension; ratio = load+ext / load');
  lines.push('  noop-ext = control: loadEventEnd / ratio with an extension whose document_idle content script is empty (Chromium\'s own injection cost)');
  lines.push('  overlay = navigation start → overlay host attached (content script runs at document_idle, so this is after load)');
  lines.push('  longtask = longest task from the estimated analysis start (overlay mount − total) until the page settled (incl. the re-draw after saving),');
  lines.push('             median/worst load; lt-noext = longest task of the page without the extension, worst load');
  lines.push('');
  const check = (ok: boolean, text: string) => lines.push(`${ok ? 'ok    ' : 'MISSED'} ${text}`);
  const seed = r.longestSeed;
  if (seed) check(seed.mainThreadMs < TARGETS.longestSeedMs, `< ${TARGETS.longestSeedMs} ms on the longest seed page (${seed.file}): ${seed.mainThreadMs} ms`);
  else lines.push(`MISSED longest seed page ${LONGEST_SEED} not measured`);
  const worstRatio = r.pages.reduce<PageBenchEntry | null>((w, p) => (!w || p.loadRatio > w.loadRatio ? p : w), null);
  if (worstRatio) {
    check(worstRatio.loadRatio <= TARGETS.loadRatio, `load ratio ≤ ${TARGETS.loadRatio.toFixed(2)} on every page: worst ${worstRatio.loadRatio.toFixed(3)} (${worstRatio.file}; empty content script on the same page: ${worstRatio.loadRatioNoopExt.toFixed(3)})`);
  }
  const big = r.big;
  if (big) {
    check(big.mainThreadMs < TARGETS.bigTotalMs, `1 MB page < ${TARGETS.bigTotalMs} ms total: ${big.mainThreadMs} ms (${big.chars} chars; controller total ${big.totalMs} ms)`);
    check(big.longestTaskMaxMs <= TARGETS.longTaskMs, `no task > ${TARGETS.longTaskMs} ms during the 1 MB page's analysis: longest ${big.longestTaskMaxMs} ms (median ${big.longestTaskMs}; without extension ${big.longestTaskWithoutMs} ms; all long tasks of that load: ${big.worstLoadLongTasksMs.map((x) => x.toFixed(0)).join(', ') || 'none'} ms)`);
  } else lines.push(`MISSED 1 MB page ${BIG} not measured`);
  return lines.join('\n');
}
