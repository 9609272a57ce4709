/** The Notice model (DESIGN §3): meta, outline, problem items, spans, findings. */
import { z } from 'zod';

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
export const offset = z.number().int().nonnegative();

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
  'outline_truncated',
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
