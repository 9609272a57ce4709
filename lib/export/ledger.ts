/**
 * The 整改台账 (inspector's ledger) as plain rows: one row per problem item of every notice given, and a
 * summary per organization and notice. Pure (side panel and CLI); lib/export/xlsx.ts renders it.
 * A library is made into ledger sources by `librarySources` (each notice compared with the earlier ones of
 * its organization), so the 与上次通报相比 column means the same in every scope.
 */
import { CHANGE_LABELS, compareNotices } from '@/lib/compare';
import { overdueDays } from '@/lib/overdue';
import type { Annotation, Comparison, ItemStatus, Notice, ProblemItem, StatusOverride } from '@/lib/schema';
import { overrideFor } from '@/lib/overrides';
import { authorLabel } from '@/lib/authorship';
import { DEADLINE_CHANGE_LABELS, formatGongwenDate, SEVERITY_LABELS, STATUS_LABELS, statusWithCertainty } from './format';

/** One notice as it enters the ledger: the model, its text, and the review made on it. */
export interface LedgerSource {
  notice: Notice;
  text: string;
  url: string | null;
  annotations: Annotation[];
  overrides: StatusOverride[];
  /** Comparison of this notice with earlier ones (its last earlier notice is "上次通报"), or null. */
  comparison: Comparison | null;
}

export interface LedgerInput {
  sources: LedgerSource[];
  /** The date overdue days are counted to (YYYY-MM-DD). */
  today: string;
  generatedAt: string;
  /** What was exported, in words: 一份通报 / 通报对比 / 整个通报库 / 命令行文件. */
  scope: string;
}

export interface LedgerRow {
  序号: number;
  单位: string;
  通报名称: string;
  发布日期: string;
  问题: string;
  整改措施摘要: string;
  状态: string;
  复核状态: string;
  复核理由: string;
  证据: string;
  承诺时限: string;
  发布时是否逾期: string;
  /** Days past the latest passed deadline of an item not done; null when not overdue. */
  至今逾期天数: number | null;
  与上次通报相比: string;
  批注: string;
  原文位置: string;
}

export const LEDGER_COLUMNS = [
  '序号', '单位', '通报名称', '发布日期', '问题', '整改措施摘要', '状态', '复核状态', '复核理由', '证据',
  '承诺时限', '发布时是否逾期', '至今逾期天数', '与上次通报相比', '批注', '原文位置',
] as const satisfies readonly (keyof LedgerRow)[];

export interface SummaryRow {
  单位: string;
  通报名称: string;
  发布日期: string;
  事项数: number;
  已完成: number;
  整改中: number;
  长期坚持: number;
  待核实: number;
  至今逾期: number;
  数据矛盾: number;
}

export const SUMMARY_COLUMNS = ['单位', '通报名称', '发布日期', '事项数', '已完成', '整改中', '长期坚持', '待核实', '至今逾期', '数据矛盾'] as const satisfies readonly (keyof SummaryRow)[];

/** The measures summary is the item's own text after its label, at most this many characters. */
export const MEASURES_MAX_CHARS = 160;

const UNKNOWN = '未知';

function measuresSummary(item: ProblemItem, text: string): string {
  const raw = text.slice(item.start, item.end);
  const at = raw.indexOf(item.label);
  // Without the label verbatim (a heading naming two problems), the heading line is dropped instead.
  const afterLabel = at >= 0 ? raw.slice(at + item.label.length) : raw.includes('\n') ? raw.slice(raw.indexOf('\n') + 1) : raw;
  const body = raw.replace(/\s+/g, ' ').trim();
  const rest = afterLabel.replace(/\s+/g, ' ').replace(/^[”"」）)\s，,。：:问题的]+/, '').trim();
  const chars = Array.from(rest || body);
  return chars.length > MEASURES_MAX_CHARS ? `${chars.slice(0, MEASURES_MAX_CHARS).join('')}…` : chars.join('');
}

function evidenceText(item: ProblemItem): string {
  const ev = item.statusEvidence;
  const parts: string[] = [];
  if (ev.basis) parts.push(`依据：“${ev.basis.text}”`);
  if (ev.progress.length) parts.push(`已完成部分：${ev.progress.map((e) => e.text).join('；')}`);
  if (ev.open.length) parts.push(`未完成部分：${ev.open.map((e) => e.text).join('；')}`);
  return parts.join('\n');
}

function deadlinesText(item: ProblemItem): string {
  return item.deadlines.map((d) => (d.date ? `${d.text}（${formatGongwenDate(d.date)}）` : `${d.text}（日期不明确）`)).join('\n');
}

function overdueAtPublication(item: ProblemItem): string {
  const judged = item.deadlines.filter((d) => d.overdueAtPublication !== null);
  if (!judged.length) return '';
  return judged.some((d) => d.overdueAtPublication) ? '是' : '否';
}

function comparisonText(item: ProblemItem, comparison: Comparison | null): string {
  if (!comparison) return '';
  const row = comparison.rows.find((r) => r.currentItem?.id === item.id);
  if (!row) return '';
  const deadlines = row.deadlineChanges.map((d) => {
    const what = DEADLINE_CHANGE_LABELS[d.kind];
    if (d.kind === 'slipped' || d.kind === 'advanced') return `${what}${Math.abs(d.days ?? 0)}天（${formatGongwenDate(d.before)}→${formatGongwenDate(d.after)}）`;
    return what;
  });
  const numbers = row.numberChanges.map((n) => `${n.context}${n.before}${n.unit}→${n.after}${n.unit}`);
  return [CHANGE_LABELS[row.change], ...deadlines, ...numbers].join('；');
}

function annotationsText(item: ProblemItem, annotations: Annotation[]): string {
  return annotations
    .filter((a) => a.deletedAt === null && a.position.start < item.end && a.position.end > item.start)
    .sort((a, b) => a.position.start - b.position.start)
    .map((a) => {
      const tags = a.tags.length ? `〔${a.tags.join('、')}〕` : '';
      const orphan = a.anchorState === 'orphan' ? '（原文已变动，未能定位）' : '';
      const conflict = a.conflictOf ? '（冲突版本，与本机修改不同，两者均保留）' : '';
      return `【${SEVERITY_LABELS[a.severity]}】${a.note || `“${a.quote.exact}”`}${tags}${orphan}${conflict}——${authorLabel(a) ? `${authorLabel(a)}，` : ''}${formatGongwenDate(a.updatedAt)}`;
    })
    .join('\n');
}

function position(item: ProblemItem, url: string | null): string {
  const where = `${item.path.join('') || '（无序号）'} 第${item.start + 1}–${item.end}字`;
  return url ? `${where}\n${url}` : where;
}

/** Sources by organization, then publish date (unknown last), keeping the given order otherwise. */
export function orderedSources(sources: LedgerSource[]): LedgerSource[] {
  const org = (s: LedgerSource) => s.notice.meta.organization ?? String.fromCharCode(0xffff); // sorts last; built at run time (a raw U+FFFF in a bundle is refused by Chrome)
  const date = (s: LedgerSource) => s.notice.meta.publishDate ?? '9999';
  return [...sources].sort((a, b) => org(a).localeCompare(org(b), 'zh-CN') || date(a).localeCompare(date(b)));
}

export function ledgerRows(input: LedgerInput): LedgerRow[] {
  const rows: LedgerRow[] = [];
  for (const src of orderedSources(input.sources)) {
    const m = src.notice.meta;
    for (const item of src.notice.items) {
      const o = overrideFor(item, src.overrides);
      rows.push({
        序号: rows.length + 1,
        单位: m.organization ?? UNKNOWN,
        通报名称: m.title ?? UNKNOWN,
        发布日期: formatGongwenDate(m.publishDate, UNKNOWN),
        问题: item.label,
        整改措施摘要: measuresSummary(item, src.text),
        状态: statusWithCertainty(item.status, item.certainty),
        复核状态: o ? STATUS_LABELS[o.status] : '',
        复核理由: o ? (o.creator ? `${o.reason}（复核人：${o.creator.name}）` : o.reason) : '',
        证据: evidenceText(item),
        承诺时限: deadlinesText(item),
        发布时是否逾期: overdueAtPublication(item),
        至今逾期天数: overdueDays(item, o?.status ?? item.status, input.today),
        与上次通报相比: comparisonText(item, src.comparison),
        批注: annotationsText(item, src.annotations),
        原文位置: position(item, src.url),
      });
    }
  }
  return rows;
}

export function summaryRows(input: LedgerInput): SummaryRow[] {
  return orderedSources(input.sources).map((src) => {
    const m = src.notice.meta;
    const statuses = src.notice.items.map((it) => ({ it, status: overrideFor(it, src.overrides)?.status ?? it.status }));
    const count = (s: ItemStatus) => statuses.filter((x) => x.status === s).length;
    return {
      单位: m.organization ?? UNKNOWN,
      通报名称: m.title ?? UNKNOWN,
      发布日期: formatGongwenDate(m.publishDate, UNKNOWN),
      事项数: src.notice.items.length,
      已完成: count('done'),
      整改中: count('in_progress'),
      长期坚持: count('long_term'),
      待核实: count('unclear'),
      至今逾期: statuses.filter((x) => overdueDays(x.it, x.status, input.today) !== null).length,
      数据矛盾: src.notice.findings.filter((f) => f.kind === 'arithmetic').length,
    };
  });
}

/** A stored notice version as the library gives it (lib/db), with the review made on it. */
export interface LibraryEntry {
  noticeKey: string;
  /** Newest first, as lib/db lists them; the first is the version the ledger shows. */
  versions: Array<{ notice: Notice; text: string; url: string }>;
  annotations: Annotation[];
  overrides: StatusOverride[];
}

/**
 * Ledger sources for a whole library: the newest version of every notice, ordered by organization and
 * publish date, each compared with what came before it — its own older versions and the other notices of
 * the same organization published earlier.
 */
export function librarySources(entries: LibraryEntry[]): LedgerSource[] {
  const latest = entries.filter((e) => e.versions.length).map((e) => ({ e, v: e.versions[0] }));
  const org = (n: Notice) => n.meta.organization ?? '';
  const date = (n: Notice) => n.meta.publishDate ?? '';
  const sources = latest.map(({ e, v }) => {
    const before = [
      ...e.versions.slice(1),
      ...latest.filter((o) => o.e !== e && org(o.v.notice) !== '' && org(o.v.notice) === org(v.notice) && date(o.v.notice) < date(v.notice)).map((o) => o.v),
    ].filter((x) => x.notice.meta.publishDate !== null && v.notice.meta.publishDate !== null && date(x.notice) < date(v.notice));
    before.sort((a, b) => date(a.notice).localeCompare(date(b.notice)));
    const comparison = before.length
      ? compareNotices(v.notice, before.map((b) => b.notice), { texts: { current: v.text, earlier: before.map((b) => b.text) } })
      : null;
    return { notice: v.notice, text: v.text, url: v.url, annotations: e.annotations, overrides: e.overrides, comparison };
  });
  return orderedSources(sources);
}

/** The local calendar date of an instant, YYYY-MM-DD (the day the reviewer calls "today"). */
export function localIsoDate(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}
