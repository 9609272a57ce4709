/** The CLI's readable report (Markdown) and JSON output, and the comparison with earlier notices. */
import { basename } from 'node:path';
import { compareNotices, CHANGE_LABELS } from '../../lib/compare';
import { zh } from '../../lib/i18n';
import { matchConfidenceLabel } from '../../lib/labels';
import { DEADLINE_CHANGE_LABELS, SEVERITY_LABELS, STATUS_LABELS } from '../../lib/export/format';
import type { Comparison, OutlineNode } from '../../lib/schema';
import type { OutputFormat } from './args';
import type { AnalyzedNotice } from './load';

// the same Chinese wording as the exports
const STATUS_ZH = STATUS_LABELS;
const SEVERITY_ZH: Record<string, string> = { ...SEVERITY_LABELS, info: '提示' };

function outlineLines(nodes: OutlineNode[], depth = 0): string[] {
  return nodes.flatMap((n) => [`${'  '.repeat(depth)}- ${n.marker}${n.title}`, ...outlineLines(n.children, depth + 1)]);
}

export function renderMarkdown(a: AnalyzedNotice): string {
  const { notice: n } = a;
  const m = n.meta;
  const period = (p: { start: string | null; end: string | null } | null) => (p ? `${p.start ?? '?'} 至 ${p.end ?? '?'}` : '—');
  const out: string[] = [];
  out.push(`# ${m.title ?? basename(a.file)}`, '');
  out.push('## 基本信息', '');
  out.push(`- 文件：${a.file}`);
  out.push(`- 发文单位：${m.organization ?? '—'}`);
  out.push(`- 巡视巡察组：${m.inspectionBody ?? '—'}`);
  out.push(`- 巡察时间：${period(m.inspectionPeriod)}`);
  out.push(`- 反馈日期：${m.feedbackDate ?? '—'}`);
  out.push(`- 发布日期：${m.publishDate ?? '—'}`);
  out.push(`- 公开期限：${period(m.disclosurePeriod)}`);
  const c = m.contacts;
  const contactParts = [...c.phones.map((p) => `电话 ${p}`), ...c.emails.map((e) => `邮箱 ${e}`), ...c.addresses.map((x) => `地址 ${x}`), ...c.postcodes.map((p) => `邮编 ${p}`)];
  out.push(`- 联系方式：${contactParts.join('；') || '—'}`, '');

  const counts = Object.entries(STATUS_ZH).map(([k, zh]) => `${zh} ${n.items.filter((i) => i.status === k).length}`);
  out.push(`## 整改事项（共 ${n.items.length} 项：${counts.join('，')}）`, '');
  for (const it of n.items) {
    const ev = it.statusEvidence.basis ? `（依据：“${it.statusEvidence.basis.text}”）` : '';
    const inferred = it.certainty === 'inferred' ? '（推断）' : '';
    out.push(`- [${STATUS_ZH[it.status]}${inferred}] ${it.path.join(' › ')} ${it.label}${ev}`);
    for (const d of it.deadlines) {
      const od = d.overdueAtPublication ? '，发布时已逾期' : '';
      out.push(`  - 期限：“${d.text}” → ${d.date ?? '日期不明确'}${d.explanation ? `（${d.explanation}）` : ''}${od}`);
    }
  }
  out.push('');
  out.push(`## 发现（${n.findings.length}）`, '');
  if (!n.findings.length) out.push('- 无');
  for (const f of n.findings) out.push(`- [${SEVERITY_ZH[f.severity]}] ${f.message}`);
  out.push('');
  out.push('## 结构', '', ...outlineLines(n.outline), '');
  return out.join('\n');
}

/** Renderers by format; `several` = more than one file was requested (JSON then prints an array). */
export const RENDERERS: Record<OutputFormat, (list: AnalyzedNotice[], several: boolean) => string> = {
  md: (list) => list.map((a) => renderMarkdown(a) + (a.comparison ? renderComparison(a.comparison) : '')).join('\n---\n\n'),
  json: (list, several) => {
    const json = (a: AnalyzedNotice) => (a.comparison ? { ...a.notice, comparison: a.comparison } : a.notice);
    return JSON.stringify(several ? list.map(json) : json(list[0]), null, 2) + '\n';
  },
};

export function renderComparison(c: Comparison): string {
  const out: string[] = ['## 与较早通报对比', ''];
  out.push(`- 较早通报：${c.earlier.map((e) => `${e.title ?? '（无标题）'}（${e.publishDate ?? '日期不明'}）`).join('；')}`);
  out.push(`- 汇总：${Object.entries(c.summary).filter(([, n]) => n).map(([k, n]) => `${CHANGE_LABELS[k as keyof typeof CHANGE_LABELS]} ${n}`).join('，')}`, '');
  for (const r of c.rows) {
    if (r.change === 'unchanged_done') continue;
    const label = r.currentItem?.label ?? r.earlierItem?.label ?? '';
    const score = r.score === null ? '' : `（${matchConfidenceLabel(r.score, zh)}）`;
    out.push(`- [${CHANGE_LABELS[r.change]}] ${label}${score}`);
    for (const n of r.numberChanges) out.push(`  - 数字：${n.context}${n.beforeText} → ${n.afterText}（${n.delta > 0 ? '+' : ''}${n.delta}${n.unit}）`);
    for (const d of r.deadlineChanges) out.push(`  - ${DEADLINE_CHANGE_LABELS[d.kind]}：${d.before ?? '—'} → ${d.after ?? '—'}${d.days ? `（${d.days}天）` : ''}`);
  }
  if (c.overdueCommitments.length) {
    out.push('', '### 逾期承诺', '');
    for (const o of c.overdueCommitments) out.push(`- ${o.itemLabel}：“${o.deadlineText}” → ${o.deadline}，至本期通报仍未报完成`);
  }
  return out.join('\n') + '\n';
}

/** Compares `current` with the earlier notices, oldest first (by publish date). */
export function compareWithEarlier(current: AnalyzedNotice, earlier: AnalyzedNotice[]): Comparison {
  const sorted = [...earlier].sort((a, b) => (a.notice.meta.publishDate ?? '').localeCompare(b.notice.meta.publishDate ?? ''));
  return compareNotices(current.notice, sorted.map((e) => e.notice), { texts: { current: current.text, earlier: sorted.map((e) => e.text) } });
}
