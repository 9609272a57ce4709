/**
 * The label contract of the accuracy corpus (test/fixtures/real/README.md): the zod schema and the checks a
 * hand-written label must pass against its text before it can score anything.
 */
import { z } from 'zod';

const partialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');
const labelStatus = z.enum(['done', 'in_progress', 'long_term', 'unclear']);

export const labelItem = z.object({
  quote: z.string().min(2),
  status: labelStatus.nullable(),
  evidence: z.string().nullable().optional(),
  deadlines: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).default([]),
  why: z.string().optional(),
});

export const noticeLabel = z.object({
  url: z.string().nullable(),
  source: z.string(),
  notice: z.boolean(),
  complete: z.boolean().optional(),
  layout: z.array(z.string()).optional(),
  meta: z
    .object({
      title: z.string().nullable(),
      organization: z.string().nullable(),
      inspectionBody: z.string().nullable(),
      inspectionPeriod: z.object({ start: partialDate.nullable(), end: partialDate.nullable() }).nullable().optional(),
      feedbackDate: partialDate.nullable(),
      publishDate: partialDate.nullable(),
    })
    .optional(),
  items: z.array(labelItem).default([]),
  notes: z.string().optional(),
});
export type NoticeLabel = z.infer<typeof noticeLabel>;
export type LabelItem = z.infer<typeof labelItem>;


/**
 * What is wrong with a label, checked against its text: quotes are exact substrings of 2–40 characters in
 * text order (so each quote's first occurrence lies in its own item), evidence is in the item or, for a
 * status stated by the section, before it.
 */
export function labelProblems(label: NoticeLabel, text: string): string[] {
  const problems: string[] = [];
  if (label.notice && !label.meta) problems.push('a notice label needs meta');
  const starts = label.items.map((item) => text.indexOf(item.quote));
  label.items.forEach((item, i) => {
    const where = `item ${i + 1} «${item.quote}»`;
    if (starts[i] < 0) return problems.push(`${where}: quote not in the text`);
    if ([...item.quote].length > 40) problems.push(`${where}: quote longer than 40 characters`);
    if (i > 0 && starts[i] <= starts[i - 1]) problems.push(`${where}: first occurrence not after the previous item's`);
    if (item.status === null) return;
    if (!item.evidence) return problems.push(`${where}: evidence missing`);
    const end = i + 1 < starts.length && starts[i + 1] > 0 ? starts[i + 1] : text.length;
    if (!text.slice(starts[i], end).includes(item.evidence) && text.lastIndexOf(item.evidence, starts[i]) < 0) {
      problems.push(`${where}: evidence «${item.evidence}» neither in the item nor in a heading before it`);
    }
  });
  return problems;
}
