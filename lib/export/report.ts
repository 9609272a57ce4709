/**
 * The review as a format-independent report: every export format renders this, so the content of the
 * Markdown, CSV, HTML and .docx files is the same. Plain strings only — each renderer escapes them.
 */
import { CHANGE_LABELS } from '@/lib/labels';
import type { Annotation, ComparisonRow, ItemStatus, Notice, ProblemItem, ReviewExport, StatusCertainty } from '@/lib/schema';
import { numberChangePhrase } from '@/lib/compare/number-phrase';
import { CERTAINTY_LABELS, DEADLINE_CHANGE_LABELS, formatGongwenDate, formatPeriod, SEVERITY_LABELS, STATUS_LABELS, statusWithCertainty } from './format';
import { isConfirmation, overrideFor } from '@/lib/overrides';
import { authorLabel } from '@/lib/authorship';
import { zh } from '@/lib/i18n';
import { findingParts, isConfirmationFinding } from '@/lib/labels';
import { anchorOnVersion, placementText, versionLabel, type VersionInfo } from '@/lib/annotation-versions';

export interface ItemLine {
  id: string;
  path: string;
  label: string;
  /** Parsed status with its certainty in words: `已完成`, `已完成（推断）`. */
  parsedStatus: string;
  /** How sure the parsed status is: 原文明确表述 / 根据措施推断 / 原文无法判断. */
  certainty: string;
  /** Reviewer's status when overridden or confirmed, else null. */
  overrideStatus: string | null;
  overrideReason: string | null;
  /** A confirmation keeps the parsed status; an override changes it. */
  confirmed: boolean;
  /** The parsed reading the reviewer's decision replaced, as recorded then (`整改中（根据措施推断）`). */
  replaced: string | null;
  /** The reviewer who made the decision (W3C creator), when recorded. */
  decidedBy: string | null;
  /** The phrase that decided the status. */
  evidence: string;
  /** Clauses reporting work done (已完成部分) and work still open (未完成部分), joined with `；`. */
  progress: string;
  open: string;
  deadlines: string;
  /** Comparison with the earlier notice, when there is one. */
  change: string | null;
}

export interface AnnotationLine {
  id: string;
  quote: string;
  note: string;
  tags: string[];
  severity: string;
  position: string;
  start: number;
  end: number;
  itemLabel: string | null;
  anchorState: string;
  /** The version the note was made on (`本版`, `2025年6月19日版`); null when the export does not say which version it is. */
  madeOn: string | null;
  updatedAt: string;
  /** The reviewer who wrote it (W3C creator, and who edited it last if another: lib/authorship), when recorded. */
  creator: string | null;
  /** A colleague's version kept beside a local edit of the same annotation (imported review package). */
  conflict: boolean;
}

export interface FindingLine {
  kind: string;
  severity: string;
  message: string;
}

export interface ChangeLine {
  label: string;
  /** Listed only in the earlier notice (vanished, or done and no longer listed). */
  earlierOnly: boolean;
  change: string;
  statusBefore: string;
  statusAfter: string;
  /** Each number change in the words of its clause (`目前已完成整改11宗→19宗（+8）`), joined with `；`. */
  numbers: string;
  /** The same, one entry per change (HTML and Word show one per line). */
  numberList: string[];
  deadlines: string;
  history: string;
}

export interface Report {
  title: string;
  subtitle: string;
  meta: [string, string][];
  findings: FindingLine[];
  items: ItemLine[];
  annotations: AnnotationLine[];
  comparison: {
    against: string;
    summary: [string, number][];
    changes: ChangeLine[];
    overdue: string[];
  } | null;
}

function itemAt(items: ProblemItem[], offset: number): ProblemItem | null {
  return items.find((it) => it.start <= offset && offset < it.end) ?? null;
}

function annotationLine(a: Annotation, items: ProblemItem[]): AnnotationLine {
  return {
    id: a.id,
    quote: a.quote.exact,
    note: a.note,
    tags: a.tags,
    severity: SEVERITY_LABELS[a.severity],
    position: `${a.position.start}–${a.position.end}`,
    start: a.position.start,
    end: a.position.end,
    itemLabel: itemAt(items, a.position.start)?.label ?? null,
    anchorState: a.anchorState === 'orphan' ? '原文已变动，未能定位' : '已定位',
    madeOn: null,
    updatedAt: formatGongwenDate(a.updatedAt),
    creator: authorLabel(a),
    conflict: a.conflictOf !== undefined,
  };
}

/**
 * The annotations of the exported version: each placed on the exported text (those made on another version
 * re-anchored there) and saying which version it was made on. Without a snapshot hash: as stored.
 */
function annotationLines(review: ReviewExport, live: Annotation[]): AnnotationLine[] {
  const items = review.notice.items;
  const hash = review.snapshotHash ?? null;
  if (hash === null) return live.sort((a, b) => a.position.start - b.position.start).map((a) => annotationLine(a, items));
  const versions: VersionInfo[] = review.versions ?? [];
  const anchors = anchorOnVersion(review.text, hash, live);
  return live
    .map((a, i) => {
      const an = anchors[i];
      const line = annotationLine(a, items);
      const at = an.start !== null && an.end !== null ? { start: an.start, end: an.end } : an.carriedFrom ? null : a.position;
      return {
        ...line,
        position: at ? `${at.start}–${at.end}` : '本版无',
        start: at?.start ?? Number.MAX_SAFE_INTEGER,
        end: at?.end ?? Number.MAX_SAFE_INTEGER,
        itemLabel: at ? itemAt(items, at.start)?.label ?? null : null,
        anchorState: placementText(an, versions),
        madeOn: an.carriedFrom ? versionLabel(a.snapshotHash, versions) : '本版',
      };
    })
    .sort((a, b) => a.start - b.start);
}

/** A compared status with its certainty in words (`已完成（推断）`); a reviewer's decision is marked elsewhere. */
function comparedStatus(x: { status: ItemStatus; certainty?: StatusCertainty | 'reviewed' }): string {
  return x.certainty === 'inferred' ? statusWithCertainty(x.status, 'inferred') : STATUS_LABELS[x.status];
}

function changeLine(row: ComparisonRow, notice: Notice, text: string): ChangeLine {
  const item = row.currentItem ?? row.earlierItem!;
  const current = row.currentItem ? notice.items.find((i) => i.id === row.currentItem!.id) ?? null : null;
  const numberList = row.numberChanges.map((n) => numberChangePhrase(n, current, text));
  return {
    label: item.label,
    earlierOnly: row.currentItem === null,
    change: CHANGE_LABELS[row.change],
    statusBefore: row.earlierItem ? comparedStatus(row.earlierItem) : '（无）',
    statusAfter: row.currentItem ? comparedStatus(row.currentItem) : '（未列出）',
    numbers: numberList.join('；'),
    numberList,
    deadlines: row.deadlineChanges
      .map((d) => {
        const what = DEADLINE_CHANGE_LABELS[d.kind];
        const from = d.before ? formatGongwenDate(d.before) : '';
        const to = d.after ? formatGongwenDate(d.after) : '';
        if (d.kind === 'slipped' || d.kind === 'advanced') return `${what}：${from}→${to}（${Math.abs(d.days ?? 0)}天）`;
        return `${what}：${from || to}`;
      })
      .join('；'),
    history: row.history
      .map((h) => {
        const s = h.status === 'absent' ? '未列出' : comparedStatus({ status: h.status, certainty: h.certainty });
        return `${formatGongwenDate(h.noticeDate)}${s}${h.source === 'override' ? '（人工复核）' : ''}`;
      })
      .join(' → '),
  };
}

export function buildReport(review: ReviewExport): Report {
  const { notice } = review;
  const m = notice.meta;
  const rowsByCurrent = new Map((review.comparison?.rows ?? []).filter((r) => r.currentItem).map((r) => [r.currentItem!.id, r]));
  const items: ItemLine[] = notice.items.map((it) => {
    const o = overrideFor(it, review.overrides);
    const row = rowsByCurrent.get(it.id);
    return {
      id: it.id,
      path: it.path.join(''),
      label: it.label,
      parsedStatus: statusWithCertainty(it.status, it.certainty),
      certainty: CERTAINTY_LABELS[it.certainty],
      overrideStatus: o ? STATUS_LABELS[o.status] : null,
      overrideReason: o ? o.reason : null,
      confirmed: o ? isConfirmation(o) : false,
      replaced: o?.replaced ? `${STATUS_LABELS[o.replaced.status]}（${CERTAINTY_LABELS[o.replaced.certainty]}）` : null,
      decidedBy: o?.creator?.name ?? null,
      evidence: it.statusEvidence.basis?.text ?? '',
      progress: it.statusEvidence.progress.map((e) => e.text).join('；'),
      open: it.statusEvidence.open.map((e) => e.text).join('；'),
      deadlines: it.deadlines
        .map((d) => (d.date ? `${d.text}（${formatGongwenDate(d.date)}${d.overdueAtPublication ? '，发布时已逾期' : ''}）` : d.text))
        .join('；'),
      change: row ? CHANGE_LABELS[row.change] : null,
    };
  });
  const annotations = annotationLines(review, review.annotations.filter((a) => a.deletedAt === null));
  const contacts = [...m.contacts.phones, ...m.contacts.emails].join('；');
  const meta: [string, string][] = [
    ['通报标题', m.title ?? '未知'],
    ['被巡察单位', m.organization ?? '未知'],
    ['巡察机构', m.inspectionBody ?? '未知'],
    ['巡察时间', formatPeriod(m.inspectionPeriod)],
    ['反馈时间', formatGongwenDate(m.feedbackDate, '未知')],
    ['发布日期', formatGongwenDate(m.publishDate, '未知')],
    ['公示期', formatPeriod(m.disclosurePeriod)],
    ['联系方式', contacts || '未知'],
    ['网址', review.url ?? '未知'],
    ['导出时间', formatGongwenDate(review.generatedAt)],
  ];
  const c = review.comparison;
  const comparison = c
    ? {
        against: c.earlier.map((e) => formatGongwenDate(e.publishDate)).join('、'),
        summary: (Object.keys(CHANGE_LABELS) as (keyof typeof CHANGE_LABELS)[]).map(
          (k) => [CHANGE_LABELS[k], c.summary[k] ?? 0] as [string, number],
        ),
        changes: c.rows.filter((r) => r.change !== 'unchanged_done' || r.numberChanges.length > 0).map((row) => changeLine(row, notice, review.text)),
        overdue: c.overdueCommitments.map(
          (o) =>
            `${o.itemLabel}：${formatGongwenDate(o.earlierNoticeDate)}通报承诺“${o.deadlineText}”（${formatGongwenDate(o.deadline)}），至${formatGongwenDate(o.currentNoticeDate)}通报仍未报完成`,
        ),
      }
    : null;
  return {
    title: `${m.title ?? '整改通报'}审阅意见`,
    subtitle: `${m.organization ?? '未知单位'} · ${formatGongwenDate(m.publishDate)}`,
    meta,
    findings: notice.findings
      .filter((f) => !isConfirmationFinding(f))
      .map((f) => ({ kind: findingParts(f, zh).label, severity: SEVERITY_LABELS[f.severity], message: findingParts(f, zh).text })),
    items,
    annotations,
    comparison,
  };
}

/** The reviewer's reason, signed: `已现场核实（复核人：张三）`; empty without a decision. */
export function signedReason(i: Pick<ItemLine, 'overrideReason' | 'decidedBy'>): string {
  if (!i.overrideReason) return '';
  return i.decidedBy ? `${i.overrideReason}（复核人：${i.decidedBy}）` : i.overrideReason;
}

/** `审阅人：张三，2025年9月12日`, `冲突版本` first when it is one; the line a reviewer's note is signed with in every export. */
export function annotationByline(a: Pick<AnnotationLine, 'creator' | 'updatedAt' | 'conflict'>): string {
  const who = `审阅人：${a.creator ?? '未署名'}，${a.updatedAt}`;
  return a.conflict ? `冲突版本（与本机同一批注的修改不同，两者均保留）；${who}` : who;
}

/** The status a reviewer should read: the reviewer's confirmation or override when present, parsed otherwise. */
export function shownStatus(line: ItemLine): string {
  if (!line.overrideStatus) return line.parsedStatus;
  if (line.confirmed) return `${line.overrideStatus}（人工确认，原为${line.replaced ?? line.parsedStatus}）`;
  return `${line.overrideStatus}（人工复核，原解析：${line.replaced ?? line.parsedStatus}）`;
}
