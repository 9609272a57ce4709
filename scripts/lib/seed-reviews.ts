/**
 * Reviews of the real seed notices as the extension would export them: each seed parsed with the real parser,
 * a few annotations on phrases of its own text, a reviewer override on some, and the 花山镇 2026 notice
 * compared with its 2025 notice. Used by scripts/render-reports.ts and the report layout tests.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compareNotices } from '@/lib/compare';
import { reviewDecision } from '@/lib/overrides';
import { parseNotice } from '@/lib/parse/index';
import { annotation as annotationSchema, type Annotation, type Notice, type ReviewExport, type Severity, type StatusOverride } from '@/lib/schema';
import { FIXTURES_DIR, SEEDS_DIR } from './fixture-seeds';
import { selectorsOf } from './quote-selectors';

export interface SeedReview {
  /** File stem for the rendered reports (`huashan-2026`). */
  name: string;
  review: ReviewExport;
}

const GENERATED_AT = '2026-03-25T10:00:00.000Z';

function parsed(file: string): { text: string; notice: Notice } {
  const { text, notice } = parseNotice(readFileSync(file, 'utf8'));
  return { text, notice };
}

function keyOf(notice: Notice): string {
  return `${notice.meta.organization ?? '未知单位'}|${notice.meta.title ?? '通报'}`;
}

/** An annotation on the first occurrence of `exact` in `text` (throws when absent: a typo cannot pass silently). */
function annotate(text: string, notice: Notice, id: string, exact: string, note: string, tags: string[], severity: Severity): Annotation {
  return annotationSchema.parse({
    id,
    noticeKey: keyOf(notice),
    snapshotHash: 'seed',
    url: 'https://example.gov.cn/notice.html',
    ...selectorsOf(text, exact, { before: 16, after: 16 }),
    note,
    tags,
    severity,
    createdAt: '2026-03-25T08:00:00.000Z',
    updatedAt: '2026-03-25T09:30:00.000Z',
    anchorState: 'anchored',
    deletedAt: null,
  });
}

/** Annotations on each item's label: the first items of the notice, so they land inside the item table's first rows. */
function itemAnnotations(text: string, notice: Notice, count: number): Annotation[] {
  const notes: [string, string[], Severity][] = [
    ['措施较笼统，请补充完成时间和佐证材料', ['需核实'], 'high'],
    ['与上期通报表述一致，建议核对是否为新问题', ['数据'], 'medium'],
    ['已核对原文，无异议', [], 'low'],
  ];
  return notice.items
    .filter((it) => text.includes(it.label))
    .slice(0, count)
    .map((it, n) => annotate(text, notice, `${keyOf(notice)}-a${n + 1}`, it.label, ...notes[n % notes.length]));
}

/** A reviewer changing the first item whose status was inferred (or else the first item). */
function overrideOne(notice: Notice): StatusOverride[] {
  const item = notice.items.find((i) => i.certainty === 'inferred' && i.status !== 'done') ?? notice.items[0];
  if (!item) return [];
  return [reviewDecision(keyOf(notice), item, 'done', '现场核查：已整改到位，佐证材料齐全', '2026-03-25T09:00:00Z')];
}

function seedReview(file: string, withOverride: boolean): ReviewExport {
  const { text, notice } = parsed(path.join(SEEDS_DIR, file));
  return {
    notice,
    text,
    url: 'https://example.gov.cn/notice.html',
    annotations: itemAnnotations(text, notice, 2),
    overrides: withOverride ? overrideOne(notice) : [],
    comparison: null,
    generatedAt: GENERATED_AT,
  };
}

/** The 花山镇 2026 notice compared with its 2025 notice: number and deadline changes, an override, annotations. */
function huashanComparison(): ReviewExport {
  const earlier = parsed(path.join(SEEDS_DIR, 'huashan-town-2025-06-19.txt'));
  const later = parsed(path.join(FIXTURES_DIR, 'notices/huashan-town-2026-03-20.txt'));
  const overrides = overrideOne(later.notice);
  const comparison = compareNotices(later.notice, [earlier.notice], {
    texts: { current: later.text, earlier: [earlier.text] },
    overrides: { current: overrides },
  });
  const annotations = [
    ...itemAnnotations(later.text, later.notice, 3),
    annotate(later.text, later.notice, 'hs-deadline', '预计2026年6月前整改完成', '时限较上期推迟近一年，需说明原因', ['逾期', '需核实'], 'high'),
  ];
  return { notice: later.notice, text: later.text, url: 'https://example.gov.cn/huashan-2026.html', annotations, overrides, comparison, generatedAt: GENERATED_AT };
}

export function seedReviews(): SeedReview[] {
  return [
    { name: 'huashan-2026-compare', review: huashanComparison() },
    { name: 'huashan-2025', review: seedReview('huashan-town-2025-06-19.txt', false) },
    { name: 'guzhen-2025', review: seedReview('guzhen-town-2025-09-12.txt', true) },
    { name: 'hongmei-2023', review: seedReview('hongmei-town-2023.txt', false) },
    { name: 'huadu-2021', review: seedReview('huadu-district-2021-11-22.txt', true) },
    { name: 'mazhang-2024', review: seedReview('mazhang-town-2024-09-25.txt', false) },
  ];
}
