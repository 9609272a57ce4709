/**
 * The one contract between contexts (content script, background, side panel, CLI, exports).
 * Every structure that crosses a boundary — the Notice model, annotations, messages, backup files —
 * is defined here as a zod schema; TypeScript types are inferred from them.
 *
 * Offsets are UTF-16 offsets into the *normalized* notice text. Unknown values are `null`, never a guess.
 */
import { z } from 'zod';

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const offset = z.number().int().nonnegative();

export const textRange = z.object({ start: offset, end: offset });

export const datePeriod = z.object({ start: isoDate.nullable(), end: isoDate.nullable() });

export const contacts = z.object({
  phones: z.array(z.string()),
  emails: z.array(z.string()),
  addresses: z.array(z.string()),
  postcodes: z.array(z.string()),
});

export const noticeMeta = z.object({
  title: z.string().nullable(),
  organization: z.string().nullable(),
  inspectionBody: z.string().nullable(),
  inspectionPeriod: datePeriod.nullable(),
  feedbackDate: isoDate.nullable(),
  publishDate: isoDate.nullable(),
  disclosurePeriod: datePeriod.nullable(),
  contacts,
});

export interface OutlineNode {
  id: string;
  level: number;
  marker: string;
  title: string;
  start: number;
  end: number;
  children: OutlineNode[];
}
export const outlineNode: z.ZodType<OutlineNode> = z.lazy(() =>
  z.object({
    id: z.string(),
    level: z.number().int().min(1),
    marker: z.string(),
    title: z.string(),
    start: offset,
    end: offset,
    children: z.array(outlineNode),
  }),
);

export const itemStatus = z.enum(['done', 'in_progress', 'long_term', 'unclear']);

export const evidence = z.object({ text: z.string(), start: offset, end: offset });

export const deadline = z.object({
  text: z.string(),
  /** Last day by which the promise must be kept, or null when the phrase has no resolvable date (近期). */
  date: isoDate.nullable(),
  start: offset,
  end: offset,
  overdueAtPublication: z.boolean().nullable(),
  /** How a year-less or fuzzy date was resolved, shown to the user (e.g. "年份取自上文 2025年"). */
  explanation: z.string().optional(),
});

export const quantity = z.object({
  text: z.string(),
  value: z.number(),
  unit: z.string(),
  start: offset,
  end: offset,
});

export const problemItem = z.object({
  id: z.string(),
  label: z.string(),
  path: z.array(z.string()),
  status: itemStatus,
  statusEvidence: evidence.nullable(),
  deadlines: z.array(deadline),
  quantities: z.array(quantity),
  start: offset,
  end: offset,
});

export const spanKind = z.enum(['number', 'date', 'deadline', 'unfinished', 'done', 'overdue', 'contradiction']);
export const span = z.object({
  kind: spanKind,
  start: offset,
  end: offset,
  text: z.string(),
  /** Resolved ISO date for date/deadline spans. */
  date: isoDate.nullable().optional(),
  /** Short human note for tooltips (zh-CN). */
  note: z.string().optional(),
});

export const findingKind = z.enum([
  'overdue_at_publication',
  'overdue_now',
  'arithmetic',
  'arithmetic_ok',
  'numbering_gap',
  'numbering_duplicate',
  'empty_section',
]);
export const finding = z.object({
  kind: findingKind,
  severity: z.enum(['high', 'medium', 'low', 'info']),
  message: z.string(),
  start: offset,
  end: offset,
  itemId: z.string().nullable().optional(),
});

export const NOTICE_MODEL_VERSION = 1;
export const notice = z.object({
  version: z.literal(NOTICE_MODEL_VERSION),
  meta: noticeMeta,
  outline: z.array(outlineNode),
  items: z.array(problemItem),
  spans: z.array(span),
  findings: z.array(finding),
  /** Length of the normalized text the offsets refer to. */
  textLength: offset,
});

// ---------------------------------------------------------------------------------------------
// Annotations (W3C Web Annotation selectors)
export const textQuoteSelector = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1),
  prefix: z.string(),
  suffix: z.string(),
});
export const textPositionSelector = z.object({
  type: z.literal('TextPositionSelector'),
  start: offset,
  end: offset,
});
export const severity = z.enum(['high', 'medium', 'low']);
export const PRESET_TAGS = ['存疑', '需核实', '逾期', '数据矛盾', '已核实'] as const;

export const annotation = z.object({
  id: z.string().min(1),
  noticeKey: z.string().min(1),
  snapshotHash: z.string(),
  url: z.string(),
  quote: textQuoteSelector,
  position: textPositionSelector,
  note: z.string(),
  tags: z.array(z.string().min(1).max(40)).max(30),
  severity,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Where it was last found: 'anchored' or 'orphan' (never deleted when the quote is gone). */
  anchorState: z.enum(['anchored', 'orphan']),
  deletedAt: z.string().nullable(),
});

export const statusOverride = z.object({
  noticeKey: z.string().min(1),
  itemId: z.string().min(1),
  itemLabel: z.string(),
  status: itemStatus,
  reason: z.string().min(1),
  createdAt: z.string(),
});

// ---------------------------------------------------------------------------------------------
// Library: a notice is identified by a key (organization + title, falling back to the URL);
// every distinct text is a snapshot of it.
export const noticeSnapshot = z.object({
  hash: z.string().min(1),
  noticeKey: z.string().min(1),
  url: z.string(),
  title: z.string().nullable(),
  organization: z.string().nullable(),
  publishDate: isoDate.nullable(),
  text: z.string(),
  model: notice,
  firstSeen: z.string(),
  lastSeen: z.string(),
});

export const noticeRecord = z.object({
  key: z.string().min(1),
  title: z.string().nullable(),
  organization: z.string().nullable(),
  urls: z.array(z.string()),
  latestHash: z.string(),
  publishDate: isoDate.nullable(),
  firstSeen: z.string(),
  lastSeen: z.string(),
});

export const setting = z.object({ key: z.string().min(1), value: z.unknown() });

export type IsoDate = z.infer<typeof isoDate>;
export type TextRange = z.infer<typeof textRange>;
export type NoticeMeta = z.infer<typeof noticeMeta>;
export type ItemStatus = z.infer<typeof itemStatus>;
export type Deadline = z.infer<typeof deadline>;
export type Quantity = z.infer<typeof quantity>;
export type ProblemItem = z.infer<typeof problemItem>;
export type Span = z.infer<typeof span>;
export type SpanKind = z.infer<typeof spanKind>;
export type Finding = z.infer<typeof finding>;
export type FindingKind = z.infer<typeof findingKind>;
export type Notice = z.infer<typeof notice>;
export type TextQuoteSelector = z.infer<typeof textQuoteSelector>;
export type TextPositionSelector = z.infer<typeof textPositionSelector>;
export type Annotation = z.infer<typeof annotation>;
export type Severity = z.infer<typeof severity>;
export type StatusOverride = z.infer<typeof statusOverride>;
export type NoticeSnapshot = z.infer<typeof noticeSnapshot>;
export type NoticeRecord = z.infer<typeof noticeRecord>;

// ---------------------------------------------------------------------------------------------
// Backup file (owner: lib/backup.ts) — the whole library in one JSON file.
export const BACKUP_FORMAT = 'rectify-lens-backup';
export const BACKUP_SCHEMA_VERSION = 1;
export const backupFile = z.object({
  format: z.literal(BACKUP_FORMAT),
  schemaVersion: z.literal(BACKUP_SCHEMA_VERSION),
  exportedAt: z.string(),
  notices: z.array(noticeRecord),
  snapshots: z.array(noticeSnapshot),
  annotations: z.array(annotation),
  overrides: z.array(statusOverride),
  settings: z.array(setting),
});
export type BackupFile = z.infer<typeof backupFile>;
export type BackupTable = 'notices' | 'snapshots' | 'annotations' | 'overrides' | 'settings';
// --- end Backup file ---------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// >>> Comparison (lib/compare) — owned by lib/compare.ts
export const itemChange = z.enum([
  'resolved',
  'regressed',
  'still_unfinished',
  /** Present before, absent now, last reported unfinished — a red flag. */
  'vanished',
  'new',
  'unchanged_done',
  /** Reported done before and simply no longer listed — normal, shown for completeness. */
  'done_omitted',
]);
export const comparedItem = z.object({ id: z.string(), label: z.string(), path: z.array(z.string()), status: itemStatus });
export const numberChange = z.object({
  unit: z.string(),
  before: z.number(),
  after: z.number(),
  delta: z.number(),
  beforeText: z.string(),
  afterText: z.string(),
  /** The words before the number that identified it on both sides (e.g. 已完成整改). */
  context: z.string(),
});
export const deadlineChange = z.object({
  kind: z.enum(['slipped', 'advanced', 'dropped', 'added']),
  before: isoDate.nullable(),
  after: isoDate.nullable(),
  /** after − before in days (positive = slipped); null for dropped/added. */
  days: z.number().int().nullable(),
  beforeText: z.string().nullable(),
  afterText: z.string().nullable(),
});
export const statusHistoryEntry = z.object({
  noticeDate: isoDate.nullable(),
  noticeTitle: z.string().nullable(),
  /** 'absent' = the item is not listed in that notice. */
  status: z.union([itemStatus, z.literal('absent')]),
  evidence: z.string().nullable(),
  source: z.enum(['parsed', 'override']),
});
export const comparisonRow = z.object({
  earlierItem: comparedItem.nullable(),
  currentItem: comparedItem.nullable(),
  score: z.number().nullable(),
  change: itemChange,
  numberChanges: z.array(numberChange),
  deadlineChanges: z.array(deadlineChange),
  history: z.array(statusHistoryEntry),
});
export const overdueCommitment = z.object({
  itemLabel: z.string(),
  itemId: z.string(),
  deadline: isoDate,
  deadlineText: z.string(),
  earlierNoticeDate: isoDate.nullable(),
  currentNoticeDate: isoDate,
  reportedDone: z.literal(false),
});
export const comparedNotice = z.object({ title: z.string().nullable(), publishDate: isoDate.nullable() });
export const COMPARISON_VERSION = 1;
export const comparison = z.object({
  version: z.literal(COMPARISON_VERSION),
  current: comparedNotice,
  /** Oldest first; the last one is the notice the change types refer to. */
  earlier: z.array(comparedNotice),
  summary: z.record(itemChange, z.number().int().nonnegative()),
  rows: z.array(comparisonRow),
  overdueCommitments: z.array(overdueCommitment),
});
export type ItemChange = z.infer<typeof itemChange>;
export type ComparedItem = z.infer<typeof comparedItem>;
export type NumberChange = z.infer<typeof numberChange>;
export type DeadlineChange = z.infer<typeof deadlineChange>;
export type StatusHistoryEntry = z.infer<typeof statusHistoryEntry>;
export type ComparisonRow = z.infer<typeof comparisonRow>;
export type OverdueCommitment = z.infer<typeof overdueCommitment>;
export type Comparison = z.infer<typeof comparison>;
// <<< Comparison

// ---------------------------------------------------------------------------------------------
// >>> Review export (lib/export) — owned by lib/export/
export const reviewExport = z.object({
  notice,
  text: z.string(),
  url: z.string().nullable(),
  annotations: z.array(annotation),
  overrides: z.array(statusOverride),
  comparison: comparison.nullable(),
  generatedAt: z.string(),
});
export const webAnnotationBody = z.union([
  z.object({ type: z.literal('TextualBody'), value: z.string(), purpose: z.literal('commenting'), format: z.string().optional(), language: z.string().optional() }),
  z.object({ type: z.literal('TextualBody'), value: z.string(), purpose: z.enum(['tagging', 'assessing']) }),
]);
export const webAnnotation = z.object({
  '@context': z.literal('http://www.w3.org/ns/anno.jsonld'),
  id: z.string(),
  type: z.literal('Annotation'),
  created: z.string(),
  modified: z.string(),
  body: z.array(webAnnotationBody),
  target: z.object({ source: z.string(), selector: z.tuple([textQuoteSelector, textPositionSelector]) }),
});
export const REVIEW_EXPORT_VERSION = 1;
export const reviewExportFile = z.object({
  format: z.literal('rectify-lens/review'),
  version: z.literal(REVIEW_EXPORT_VERSION),
  generatedAt: z.string(),
  url: z.string().nullable(),
  notice,
  text: z.string(),
  overrides: z.array(statusOverride),
  annotations: z.array(webAnnotation),
  comparison: comparison.nullable(),
});
export type ReviewExport = z.infer<typeof reviewExport>;
export type WebAnnotation = z.infer<typeof webAnnotation>;
export type ReviewExportFile = z.infer<typeof reviewExportFile>;
// <<< Review export

// ---------------------------------------------------------------------------------------------
// >>> Messages between contexts (content script ⇄ background ⇄ side panel), validated on both ends.
export const detectReason = z.object({ signal: z.string(), weight: z.number(), detail: z.string() });
export const detectResult = z.object({ isNotice: z.boolean(), score: z.number(), reasons: z.array(detectReason) });

export const highlightCategory = z.enum(['number', 'date', 'deadline', 'unfinished', 'done', 'overdue', 'contradiction', 'annotation']);
export const annotationAnchor = z.object({
  id: z.string(),
  state: z.enum(['anchored', 'orphan']),
  start: offset.nullable(),
  end: offset.nullable(),
  method: z.enum(['exact', 'position', 'fuzzy']).nullable(),
});

/** What the content script knows about its page; the side panel renders from it. */
export const pageState = z.object({
  url: z.string(),
  title: z.string().nullable(),
  status: z.enum(['idle', 'not_notice', 'analyzing', 'ready', 'disabled', 'error']),
  error: z.string().nullable(),
  detect: detectResult.nullable(),
  text: z.string().nullable(),
  notice: notice.nullable(),
  noticeKey: z.string().nullable(),
  snapshotHash: z.string().nullable(),
  anchors: z.array(annotationAnchor),
  timings: z.record(z.string(), z.number()),
});

export const newAnnotationDraft = z.object({
  quote: textQuoteSelector,
  position: textPositionSelector,
  note: z.string().max(20_000),
  tags: z.array(z.string().min(1).max(40)).max(30),
  severity,
});

/** Requests handled by the background service worker. */
export const backgroundRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('save-notice'), url: z.string(), text: z.string(), model: notice }),
  z.object({ type: z.literal('get-page-data'), noticeKey: z.string() }),
  z.object({ type: z.literal('add-annotation'), noticeKey: z.string(), snapshotHash: z.string(), url: z.string(), draft: newAnnotationDraft }),
  z.object({ type: z.literal('set-anchor-states'), updates: z.array(annotationAnchor) }),
  z.object({ type: z.literal('get-settings') }),
  z.object({ type: z.literal('set-setting'), key: z.string().min(1), value: z.unknown() }),
  z.object({ type: z.literal('open-side-panel') }),
  z.object({ type: z.literal('analyze-tab'), tabId: z.number().int(), remember: z.boolean() }),
  z.object({ type: z.literal('state-changed'), state: pageState }),
]);

/** Requests handled by the content script of one tab. */
export const contentRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('get-state') }),
  z.object({ type: z.literal('scroll-to'), start: offset, end: offset }),
  z.object({ type: z.literal('reload-annotations') }),
  z.object({ type: z.literal('begin-annotation') }),
  z.object({ type: z.literal('analyze-now') }),
  z.object({ type: z.literal('set-categories'), categories: z.array(highlightCategory) }),
]);

/** Broadcast to extension pages (side panel) when a tab's state changes. */
export const stateBroadcast = z.object({ type: z.literal('page-state'), tabId: z.number().int().nullable(), state: pageState });

export type DetectResult = z.infer<typeof detectResult>;
export type HighlightCategory = z.infer<typeof highlightCategory>;
export type AnnotationAnchor = z.infer<typeof annotationAnchor>;
export type PageState = z.infer<typeof pageState>;
export type NewAnnotationDraft = z.infer<typeof newAnnotationDraft>;
export type BackgroundRequest = z.infer<typeof backgroundRequest>;
export type ContentRequest = z.infer<typeof contentRequest>;
export type StateBroadcast = z.infer<typeof stateBroadcast>;
// <<< Messages
