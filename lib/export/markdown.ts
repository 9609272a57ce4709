/** Markdown export: readable as plain text, renders safely (hostile text cannot inject HTML or links). */
import type { ReviewExport } from '@/lib/schema';
import { annotationByline, buildReport, shownStatus, signedReason } from './report';

/** Backslash-escapes Markdown syntax and inline HTML; newlines become spaces inside one cell/line. */
export function mdEscape(s: string): string {
  return s
    .replace(/\r?\n|\r/g, ' ')
    .replace(/[\\`*_[\]<>|~&]/g, (c) => (c === '&' ? '&amp;' : `\\${c}`))
    .replace(/^(\s*)([#+-])/, '$1\\$2')
    .replace(/^(\s*)(\d+)([.)])/, '$1$2\\$3');
}

function table(head: string[], rows: string[][]): string[] {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map((c) => mdEscape(c) || ' ').join(' | ')} |`),
  ];
}

export function toMarkdown(review: ReviewExport): string {
  const r = buildReport(review);
  const out: string[] = [`# ${mdEscape(r.title)}`, '', mdEscape(r.subtitle), ''];
  out.push('## 基本信息', '', ...table(['项目', '内容'], r.meta), '');
  out.push('## 自动检查发现', '');
  if (r.findings.length === 0) out.push('未发现问题。');
  for (const f of r.findings) out.push(`- 【${mdEscape(f.kind)}·${mdEscape(f.severity)}】${mdEscape(f.message)}`);
  out.push('', '## 整改事项', '');
  out.push('状态后注“（推断）”的，是根据整改措施推断的结论，原文没有明确表述，请对照原文核对。', '');
  out.push(
    ...table(
      ['序号', '问题', '状态', '确定程度', '复核理由', '状态依据', '已完成部分', '未完成部分', '整改时限', '与上期相比'],
      r.items.map((i) => [i.path, i.label, shownStatus(i), i.certainty, signedReason(i), i.evidence, i.progress, i.open, i.deadlines, i.change ?? '']),
    ),
    '',
  );
  out.push('## 审阅批注', '');
  if (r.annotations.length === 0) out.push('暂无批注。');
  r.annotations.forEach((a, n) => {
    out.push(`### 批注${n + 1}${a.itemLabel ? `（${mdEscape(a.itemLabel)}）` : ''}`, '');
    out.push(`> ${mdEscape(a.quote)}`, '');
    if (a.note) out.push(mdEscape(a.note), '');
    const tags = a.tags.length ? `标签：${a.tags.map(mdEscape).join('、')}；` : '';
    out.push(`${tags}严重程度：${a.severity}；位置：${a.position}；${a.anchorState}${a.madeOn ? `；批注于${a.madeOn}` : ''}；${mdEscape(annotationByline(a))}`, '');
  });
  if (r.comparison) {
    const c = r.comparison;
    out.push('', `## 与往期通报对比（${mdEscape(c.against)}）`, '');
    out.push(c.summary.map(([k, v]) => `${k} ${v} 项`).join('，') + '。', '');
    if (c.overdue.length) {
      out.push('### 逾期未兑现的承诺', '');
      for (const o of c.overdue) out.push(`- ${mdEscape(o)}`);
      out.push('');
    }
    out.push(
      ...table(
        ['问题', '变化', '上期状态', '本期状态', '数字变化', '时限变化', '状态轨迹'],
        c.changes.map((x) => [x.label, x.change, x.statusBefore, x.statusAfter, x.numbers, x.deadlines, x.history]),
      ),
    );
  }
  return out.join('\n') + '\n';
}
