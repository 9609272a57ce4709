/**
 * Standalone printable HTML report: every piece of text escaped, no script, a restrictive CSP, inline
 * print CSS for A4 with 公文 fonts (仿宋 body, 黑体 headings, 宋体 tables). The wide tables (整改事项, 对比)
 * print on landscape pages of their own; every column is at least as wide as its header, dates and
 * statuses never wrap, and Chinese text breaks between characters only where a column is wide enough.
 */
import type { ReviewExport } from '@/lib/schema';
import { annotationByline, buildReport, shownStatus, signedReason, type ChangeLine, type ItemLine } from './report';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

const CSS = `
@page { size: A4; margin: 2cm; }
@page landscape { size: A4 landscape; margin: 1.6cm 1.5cm; }
@page { @bottom-center { content: "— " counter(page) " —"; font-family: "宋体", "SimSun", serif; font-size: 12pt; } }
body { font-family: "仿宋_GB2312", "FangSong", "仿宋", "STFangsong", "宋体", "SimSun", serif; font-size: 16pt; line-height: 1.6; color: #000; margin: 0 auto; max-width: 26.7cm; padding: 0 1cm; }
p, ul, blockquote { max-width: 17cm; }
h1, h2, h3 { font-family: "黑体", "SimHei", "Heiti SC", sans-serif; font-weight: normal; break-after: avoid; page-break-after: avoid; }
h1 { font-family: "方正小标宋简体", "小标宋", "宋体", "SimSun", serif; font-size: 22pt; text-align: center; margin: 0 0 .3em; }
h2 { font-size: 16pt; margin: 1.2em 0 .4em; }
h3 { font-family: "楷体_GB2312", "KaiTi", "楷体", "STKaiti", serif; font-size: 16pt; margin: 1em 0 .3em; }
.subtitle { text-align: center; margin-bottom: 1em; max-width: none; }
section.landscape { page: landscape; }
section.landscape > p { max-width: none; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; font-family: "宋体", "SimSun", "Songti SC", serif; font-size: 10.5pt; line-height: 1.45; margin: .5em 0; }
th, td { border: 1px solid #000; padding: 3pt 5pt; vertical-align: top; text-align: left; word-break: normal; overflow-wrap: break-word; line-break: strict; }
th { background: #eee; white-space: nowrap; font-weight: bold; }
thead { display: table-header-group; }
blockquote, table.whole-rows tr { page-break-inside: avoid; break-inside: avoid; }
td.nowrap, .nowrap { white-space: nowrap; }
td.keep { word-break: keep-all; }
td ul { margin: 0; padding-left: 1.1em; }
blockquote { margin: .3em 0 .3em 1em; padding-left: .6em; border-left: 3pt solid #999; }
.muted { color: #555; font-size: 12pt; }
td .muted { font-size: 9pt; }
.override { font-weight: bold; }
.status { display: inline-block; border: 1pt solid #000; padding: 0 3pt; }
.status-inferred { border-style: dashed; font-style: italic; }
.status-reviewed { border-style: double; border-width: 3pt; }
.parts { margin: 0; padding-left: 1.2em; }
.parts-title { font-weight: bold; }
@media print { body { max-width: none; padding: 0; } a { color: #000; text-decoration: none; } }
@media screen { section.landscape { overflow-x: auto; } }
`;

/**
 * A table column: its header, its share of the table width and how its cells wrap — `nowrap` (labels that
 * must not break), `keep` (Chinese kept whole between punctuation: 序号 `二（一）|1.`) or `text` (wraps
 * between characters). Shares are chosen so that no column is narrower than its header on the page the
 * table prints on (see `columnWidthsMm`); on a narrower screen the table keeps a minimum width and scrolls.
 */
export interface HtmlColumn {
  head: string;
  width: number;
  wrap: 'nowrap' | 'keep' | 'text';
}

/** Width of the printed tables: A4 landscape (297 mm) less 15 mm margins; the portrait tables: 210 − 2 × 20 mm. */
export const TABLE_WIDTH_MM = { landscape: 267, portrait: 170 } as const;
const PT_MM = 25.4 / 72;
const CELL_FONT_PT = 10.5;
/** Cell padding (5 pt each side) and borders. */
const CELL_EXTRA_MM = 10.5 * PT_MM;

/** What a line of `text` needs at the table font: CJK characters 1 em, others about half an em, plus padding. */
export function textWidthMm(text: string): number {
  const em = Array.from(text).reduce((n, ch) => n + (/[⺀-￯]/.test(ch) ? 1 : 0.55), 0);
  return em * CELL_FONT_PT * PT_MM + CELL_EXTRA_MM;
}

/** Each column's printed width in mm, for a table `tableMm` wide. */
export function columnWidthsMm(columns: HtmlColumn[], tableMm: number): number[] {
  const total = columns.reduce((n, c) => n + c.width, 0);
  return columns.map((c) => (c.width / total) * tableMm);
}

/** The narrowest the table may get with every header still on one line (screen; print is wider). */
function tableMinWidthMm(columns: HtmlColumn[]): number {
  const total = columns.reduce((n, c) => n + c.width, 0);
  return Math.ceil(Math.max(...columns.map((c) => textWidthMm(c.head) / (c.width / total))));
}

/** Cells are HTML already escaped by their builders. */
/** `wholeRows`: short rows never split across pages (the item table's tall rows may, rather than leave half a page empty). */
function table(columns: HtmlColumn[], rows: string[][], wholeRows = true): string {
  const total = columns.reduce((n, c) => n + c.width, 0);
  const cols = columns.map((c) => `<col style="width:${Math.round((c.width / total) * 1000) / 10}%">`).join('');
  const th = columns.map((c) => `<th scope="col">${escapeHtml(c.head)}</th>`).join('');
  const cls = (c: HtmlColumn) => (c.wrap === 'text' ? '' : ` class="${c.wrap}"`);
  const body = rows.map((r) => `<tr>${r.map((cell, i) => `<td${cls(columns[i])}>${cell}</td>`).join('')}</tr>`).join('\n');
  return `<table${wholeRows ? ' class="whole-rows"' : ''} style="min-width:${tableMinWidthMm(columns)}mm"><colgroup>${cols}</colgroup><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/**
 * The parts of a date that must not break: the year and the month-day (`（2026年` | `12月31日）`), each with the
 * bracket next to it (a bracket alone on a line reads as a stray mark). The date may break between them: a
 * whole bracketed date is wider than a narrow column.
 */
const DATE = /（?\d{4}年|\d{1,2}月(?:\d{1,2}日)?[）)]?/g;

/** Escaped text whose dates (`2026年12月31日`) break only between year and month. */
function withDates(text: string): string {
  return escapeHtml(text).replace(DATE, (d) => `<span class="nowrap">${d}</span>`);
}

/** `；`-separated entries as a list (one per line), or the single entry as it is. */
function lines(entries: string[]): string {
  if (entries.length <= 1) return withDates(entries[0] ?? '');
  return `<ul>${entries.map((e) => `<li>${withDates(e)}</li>`).join('')}</ul>`;
}

/** The status in a box whose outline tells the certainty (dashed: inferred; double: reviewed), and says it in words. */
function statusCell(i: ItemLine): string {
  if (!i.overrideStatus) {
    const kind = i.parsedStatus.endsWith('（推断）') ? 'inferred' : 'stated';
    return `<span class="status status-${kind}">${statusWords(i.parsedStatus)}</span>`;
  }
  // `已完成` in the box, the reviewer's note `（人工复核，原解析：…）` after it, free to wrap
  const note = shownStatus(i).slice(i.overrideStatus.length);
  return `<span class="status status-reviewed override">${escapeHtml(i.overrideStatus)}</span><span class="muted">${escapeHtml(note)}</span>`;
}

/** `已完成（推断）`: the status word and the bracket each kept whole, free to go on two lines in a narrow column. */
function statusWords(text: string): string {
  return text
    .split(/(?=（)/)
    .map((part) => `<span class="nowrap">${escapeHtml(part)}</span>`)
    .join('');
}

/** 已完成部分 and 未完成部分 as two short lists. */
function partsCell(i: ItemLine): string {
  const list = (title: string, joined: string) =>
    `<div class="parts-title">${title}</div>` +
    (joined ? `<ul class="parts">${joined.split('；').map((c) => `<li>${withDates(c)}</li>`).join('')}</ul>` : '<div class="muted">（无）</div>');
  return list('已完成部分', i.progress) + list('未完成部分', i.open);
}

/** The 整改事项 table; the 复核理由 and 与上期相比 columns only when some item has one. */
export function itemColumns(items: ItemLine[]): (HtmlColumn & { cell: (i: ItemLine) => string })[] {
  const all: (HtmlColumn & { cell: (i: ItemLine) => string; when?: boolean })[] = [
    { head: '序号', width: 7, wrap: 'keep', cell: (i) => escapeHtml(i.path) },
    { head: '问题', width: 13, wrap: 'text', cell: (i) => escapeHtml(i.label) },
    { head: '状态', width: 8, wrap: 'text', cell: statusCell },
    { head: '确定程度', width: 7.5, wrap: 'text', cell: (i) => escapeHtml(i.certainty) },
    { head: '复核理由', width: 9, wrap: 'text', cell: (i) => escapeHtml(signedReason(i)), when: items.some((i) => i.overrideStatus) },
    { head: '状态依据', width: 13, wrap: 'text', cell: (i) => withDates(i.evidence) },
    { head: '已完成部分 / 未完成部分', width: 26, wrap: 'text', cell: partsCell },
    { head: '整改时限', width: 11, wrap: 'text', cell: (i) => lines(i.deadlines ? i.deadlines.split('；') : []) },
    { head: '与上期相比', width: 9, wrap: 'text', cell: (i) => escapeHtml(i.change ?? ''), when: items.some((i) => i.change) },
  ];
  return all.filter((c) => c.when !== false);
}

export const CHANGE_COLUMNS: (HtmlColumn & { cell: (x: ChangeLine) => string })[] = [
  { head: '问题', width: 15, wrap: 'text', cell: (x) => escapeHtml(x.label) },
  { head: '变化', width: 9, wrap: 'text', cell: (x) => escapeHtml(x.change) },
  { head: '上期状态', width: 8.5, wrap: 'text', cell: (x) => statusWords(x.statusBefore) },
  { head: '本期状态', width: 8.5, wrap: 'text', cell: (x) => statusWords(x.statusAfter) },
  { head: '数字变化', width: 26, wrap: 'text', cell: (x) => lines(x.numberList) },
  { head: '时限变化', width: 16, wrap: 'text', cell: (x) => lines(x.deadlines ? x.deadlines.split('；') : []) },
  { head: '状态轨迹', width: 17, wrap: 'text', cell: (x) => lines(x.history ? x.history.split(' → ') : []) },
];

export function toHtml(review: ReviewExport): string {
  const r = buildReport(review);
  const e = escapeHtml;
  const parts: string[] = [];
  parts.push(`<h1>${e(r.title)}</h1>`, `<p class="subtitle">${e(r.subtitle)}</p>`);
  parts.push(
    '<h2>一、基本信息</h2>',
    table(
      [{ head: '项目', width: 15, wrap: 'nowrap' }, { head: '内容', width: 85, wrap: 'text' }],
      r.meta.map(([k, v]) => [e(k), withDates(v)]),
    ),
  );
  parts.push('<h2>二、自动检查发现</h2>');
  parts.push(
    r.findings.length
      ? `<ul>${r.findings.map((f) => `<li>【${e(f.kind)}·${e(f.severity)}】${e(f.message)}</li>`).join('')}</ul>`
      : '<p>未发现问题。</p>',
  );
  const items = itemColumns(r.items);
  parts.push('<section class="landscape">', '<h2>三、整改事项</h2>');
  parts.push('<p class="muted">状态框为虚线、并注“（推断）”的，是根据整改措施推断的结论，原文没有明确表述，请对照原文核对；双线框为审阅人已确认或修改。</p>');
  parts.push(table(items, r.items.map((i) => items.map((c) => c.cell(i))), false), '</section>');
  parts.push('<h2>四、审阅批注</h2>');
  if (r.annotations.length === 0) parts.push('<p>暂无批注。</p>');
  r.annotations.forEach((a, n) => {
    parts.push(`<h3>批注${n + 1}${a.itemLabel ? `（${e(a.itemLabel)}）` : ''}</h3>`);
    parts.push(`<blockquote>${e(a.quote)}</blockquote>`);
    if (a.note) parts.push(`<p>${e(a.note)}</p>`);
    const tags = a.tags.length ? `标签：${a.tags.map(e).join('、')}；` : '';
    parts.push(`<p class="muted">${tags}严重程度：${e(a.severity)}；位置：${e(a.position)}；${e(a.anchorState)}${a.madeOn ? `；批注于${e(a.madeOn)}` : ''}；${e(annotationByline(a))}</p>`);
  });
  if (r.comparison) {
    const c = r.comparison;
    parts.push('<section class="landscape">', `<h2>五、与往期通报对比（${e(c.against)}）</h2>`);
    parts.push(`<p>${e(c.summary.map(([k, v]) => `${k} ${v} 项`).join('，'))}。</p>`);
    if (c.overdue.length) {
      parts.push('<h3>逾期未兑现的承诺</h3>', `<ul>${c.overdue.map((o) => `<li>${withDates(o)}</li>`).join('')}</ul>`);
    }
    parts.push(table(CHANGE_COLUMNS, c.changes.map((x) => CHANGE_COLUMNS.map((col) => col.cell(x)))), '</section>');
  }
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(r.title)}</title>
<style>${CSS}</style>
</head>
<body>
${parts.join('\n')}
</body>
</html>
`;
}
