/** The Notice model (DESIGN §3): meta, outline, problem items, spans, findings. */
import { z } from './zod';

export const isoDate = z.lazy(() => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'));
export const offset = z.lazy(() => z.number().int().nonnegative());

export const textRange = z.lazy(() => z.object({ start: offset, end: offset }));

export const datePeriod = z.lazy(() => z.object({ start: isoDate.nullable(), end: isoDate.nullable() }));

/**
 * A date kept at the precision the notice writes it: `2024` (a year), `2024-09` (`2024年9月`) or
 * `2024-09-14` (`2024年9月14日`). Used where the text often gives no day (feedback, inspection period).
 */
export const partialDate = z.lazy(() => z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD'));
export const partialPeriod = z.lazy(() => z.object({ start: partialDate.nullable(), end: partialDate.nullable() }));

export const contacts = z.lazy(() => z.object({
  phones: z.array(z.string()),
  emails: z.array(z.string()),
  addresses: z.array(z.string()),
  postcodes: z.array(z.string()),
}));

export const noticeMeta = z.lazy(() => z.object({
  title: z.string().nullable(),
  organization: z.string().nullable(),
  inspectionBody: z.string().nullable(),
  inspectionPeriod: partialPeriod.nullable(),
  feedbackDate: partialDate.nullable(),
  publishDate: isoDate.nullable(),
  disclosurePeriod: datePeriod.nullable(),
  contacts,
}));

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

export const itemStatus = z.lazy(() => z.enum(['done', 'in_progress', 'long_term', 'unclear']));

export const evidence = z.lazy(() => z.object({ text: z.string(), start: offset, end: offset }));

export const deadline = z.lazy(() => z.object({
  text: z.string(),
  /** Last day by which the promise must be kept, or null when the phrase has no resolvable date (近期). */
  date: isoDate.nullable(),
  start: offset,
  end: offset,
  overdueAtPublication: z.boolean().nullable(),
  /** How a year-less or fuzzy date was resolved, shown to the user (e.g. "年份取自上文 2025年"). */
  explanation: z.string().optional(),
}));

export const quantity = z.lazy(() => z.object({
  text: z.string(),
  value: z.number(),
  unit: z.string(),
  start: offset,
  end: offset,
}));

/**
 * How sure the status reading is: `stated` — a tag, a section heading or a sentence about the whole item
 * says it; `inferred` — read from the item's measures (what was carried out vs what is still open);
 * `unclear` — the text does not allow a reading (goes with status `unclear`).
 */
export const statusCertainty = z.lazy(() => z.enum(['stated', 'inferred', 'unclear']));

/**
 * Why the status: `basis` is the phrase that decided it (tag, heading, completion claim or open step);
 * `progress` the clauses reporting work done, `open` the clauses reporting work still open. Each range is an
 * exact slice of the text.
 */
export const statusEvidence = z.lazy(() => z.object({
  basis: evidence.nullable(),
  progress: z.array(evidence),
  open: z.array(evidence),
}));

/**
 * Items stored before certainties existed (lib/db keeps Notice models) carry `statusEvidence` as one
 * phrase or null and no `certainty`: upgrade them on read. The old phrase becomes the basis (and the
 * progress or open clause, by status); a decided status was not known to be stated, so it is `inferred`
 * (the reviewer is prompted to confirm it), and an `unclear` status stays `unclear`.
 */
function upgradeStoredItem(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object') return raw;
  const item = raw as Record<string, unknown>;
  const out: Record<string, unknown> = { ...item };
  const ev = item.statusEvidence;
  if (ev === null || ev === undefined || (typeof ev === 'object' && 'text' in (ev as object) && !('progress' in (ev as object)))) {
    const basis = (ev ?? null) as unknown;
    out.statusEvidence = {
      basis,
      progress: basis && item.status === 'done' ? [basis] : [],
      open: basis && item.status === 'in_progress' ? [basis] : [],
    };
  }
  if (out.certainty === undefined) out.certainty = item.status === 'unclear' ? 'unclear' : 'inferred';
  return out;
}

const problemItemShape = z.lazy(() => z.object({
  id: z.string(),
  label: z.string(),
  path: z.array(z.string()),
  status: itemStatus,
  certainty: statusCertainty,
  statusEvidence,
  deadlines: z.array(deadline),
  quantities: z.array(quantity),
  start: offset,
  end: offset,
}));
export const problemItem = z.lazy(() => z.preprocess(upgradeStoredItem, problemItemShape));

export const spanKind = z.lazy(() => z.enum(['number', 'date', 'deadline', 'unfinished', 'done', 'overdue', 'contradiction']));
export const span = z.lazy(() => z.object({
  kind: spanKind,
  start: offset,
  end: offset,
  text: z.string(),
  /** Resolved ISO date for date/deadline spans. */
  date: isoDate.nullable().optional(),
  /** Short human note for tooltips (zh-CN). */
  note: z.string().optional(),
}));

/** Every kind of finding, in the order the labels list them. */
export const FINDING_KINDS = [
  'overdue_at_publication',
  'overdue_now',
  'arithmetic',
  'arithmetic_ok',
  'numbering_gap',
  'numbering_duplicate',
  'empty_section',
  'outline_truncated',
] as const;
export const findingKind = z.lazy(() => z.enum(FINDING_KINDS));
export const finding = z.lazy(() => z.object({
  kind: findingKind,
  severity: z.enum(['high', 'medium', 'low', 'info']),
  message: z.string(),
  start: offset,
  end: offset,
  itemId: z.string().nullable().optional(),
}));

export const NOTICE_MODEL_VERSION = 1;
export const notice = z.lazy(() => z.object({
  version: z.literal(NOTICE_MODEL_VERSION),
  meta: noticeMeta,
  outline: z.array(outlineNode),
  items: z.array(problemItem),
  spans: z.array(span),
  findings: z.array(finding),
  /** Length of the normalized text the offsets refer to. */
  textLength: offset,
}));


export type IsoDate = z.infer<typeof isoDate>;
export type PartialDate = z.infer<typeof partialDate>;
export type TextRange = z.infer<typeof textRange>;
export type NoticeMeta = z.infer<typeof noticeMeta>;
export type ItemStatus = z.infer<typeof itemStatus>;
export type StatusCertainty = z.infer<typeof statusCertainty>;
export type Evidence = z.infer<typeof evidence>;
export type StatusEvidence = z.infer<typeof statusEvidence>;
export type Deadline = z.infer<typeof deadline>;
export type Quantity = z.infer<typeof quantity>;
export type ProblemItem = z.infer<typeof problemItem>;
export type Span = z.infer<typeof span>;
export type SpanKind = z.infer<typeof spanKind>;
export type Finding = z.infer<typeof finding>;
export type FindingKind = z.infer<typeof findingKind>;
export type Notice = z.infer<typeof notice>;
