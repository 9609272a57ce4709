/**
 * Standalone printable HTML report: every piece of text escaped, no script, a restrictive CSP, inline
 * print CSS for A4 with 公文 fonts (仿宋 body, 黑体 headings, 宋体 tables).
 */
import type { ReviewExport } from '@/lib/schema';
import { annotationByline, buildReport, shownStatus, signedReason, type ItemLine } from './report';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

const CSS = `
@page { size: A4; margin: 2cm; }
body { font-family: "仿宋_GB2312", "FangSong", "仿宋", "STFangsong", "宋体", "SimSun", serif; font-size: 16pt; line-height: 1.6; color: #000; margin: 0 auto; max-width: 17cm; }
h1, h2, h3 { font-family: "黑体", "SimHei", "Heiti SC", sans-serif; font-weight: normal; }
h1 { font-family: "方正小标宋简体", "小标宋", "宋体", "SimSun", serif; font-size: 22pt; text-align: center; margin: 0 0 .3em; }
h2 { font-size: 16pt; margin: 1.2em 0 .4em; }
h3 { font-size: 14pt; margin: 1em 0 .3em; }
.subtitle { text-align: center; margin-bottom: 1em; }
table { width: 100%; border-collapse: collapse; font-family: "宋体", "SimSun", "Songti SC", serif; font-size: 10.5pt; line-height: 1.4; margin: .5em 0; }
th, td { border: 1px solid #000; padding: 3pt 5pt; vertical-align: top; text-align: left; word-break: break-all; }
th { background: #eee; }
table.fixed { table-layout: fixed; }
thead { display: table-header-group; }
tr, blockquote { page-break-inside: avoid; break-inside: avoid; }
blockquote { margin: .3em 0 .3em 1em; padding-left: .6em; border-left: 3pt solid #999; }
.muted { color: #555; font-size: 12pt; }
.override { font-weight: bold; }
.status { display: inline-block; border: 1pt solid #000; padding: 0 3pt; }
.status-inferred { border-style: dashed; font-style: italic; }
.status-reviewed { border-style: double; border-width: 3pt; }
.parts { margin: 0; padding-left: 1.2em; }
.parts-title { font-weight: bold; }
@media print { a { color: #000; text-decoration: none; } }
`;

function table(head: string[], rows: string[][], rawCells = false, widths: number[] = []): string {
  const cols = widths.length ? `<colgroup>${widths.map((w) => `<col style="width:${w}%">`).join('')}</colgroup>` : '';
  const th = head.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${rawCells ? c : escapeHtml(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table${widths.length ? ' class="fixed"' : ''}>${cols}<thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** The status in a box whose outline tells the certainty (dashed: inferred; double: reviewed), and says it in words. */
function statusCell(i: ItemLine): string {
  const kind = i.overrideStatus ? 'reviewed' : i.parsedStatus.endsWith('（推断）') ? 'inferred' : 'stated';
  const text = i.overrideStatus ? shownStatus(i) : i.parsedStatus;
  return `<span class="status status-${kind}${i.overrideStatus ? ' override' : ''}">${escapeHtml(text)}</span>`;
}

/** 已完成部分 and 未完成部分 as two short lists. */
function partsCell(i: ItemLine): string {
  const list = (title: string, joined: string) =>
    `<div class="parts-title">${title}</div>` +
    (joined ? `<ul class="parts">${joined.split('；').map((c) => `<li>${escapeHtml(c)}</li>`).join('')}</ul>` : '<div class="muted">（无）</div>');
  return list('已完成部分', i.progress) + list('未完成部分', i.open);
}

export function toHtml(review: ReviewExport): string {
  const r = buildReport(review);
  const e = escapeHtml;
  const parts: string[] = [];
  parts.push(`<h1>${e(r.title)}</h1>`, `<p class="subtitle">${e(r.subtitle)}</p>`);
  parts.push('<h2>一、基本信息</h2>', table(['项目', '内容'], r.meta));
  parts.push('<h2>二、自动检查发现</h2>');
  parts.push(
    r.findings.length
      ? `<ul>${r.findings.map((f) => `<li>【${e(f.kind)}·${e(f.severity)}】${e(f.message)}</li>`).join('')}</ul>`
      : '<p>未发现问题。</p>',
  );
  parts.push('<h2>三、整改事项</h2>');
  parts.push('<p class="muted">状态框为虚线、并注“（推断）”的，是根据整改措施推断的结论，原文没有明确表述，请对照原文核对；双线框为审阅人已确认或修改。</p>');
  parts.push(
    table(
      ['序号', '问题', '状态', '确定程度', '复核理由', '状态依据', '已完成部分 / 未完成部分', '整改时限', '与上期相比'],
      r.items.map((i) => [
        e(i.path),
        e(i.label),
        statusCell(i),
        e(i.certainty),
        e(signedReason(i)),
        e(i.evidence),
        partsCell(i),
        e(i.deadlines),
        e(i.change ?? ''),
      ]),
      true,
      [7, 13, 11, 7, 8, 13, 25, 9, 7],
    ),
  );
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
    parts.push(`<h2>五、与往期通报对比（${e(c.against)}）</h2>`);
    parts.push(`<p>${e(c.summary.map(([k, v]) => `${k} ${v} 项`).join('，'))}。</p>`);
    if (c.overdue.length) {
      parts.push('<h3>逾期未兑现的承诺</h3>', `<ul>${c.overdue.map((o) => `<li>${e(o)}</li>`).join('')}</ul>`);
    }
    parts.push(
      table(
        ['问题', '变化', '上期状态', '本期状态', '数字变化', '时限变化', '状态轨迹'],
        c.changes.map((x) => [x.label, x.change, x.statusBefore, x.statusAfter, x.numbers, x.deadlines, x.history]),
      ),
    );
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
