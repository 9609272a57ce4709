/**
 * Items written as labelled records (./fields.ts):
 * - an outline item whose text has fields takes its label from `问题：` (when that is its first field), its
 *   status from the progress fields (a short `完成情况：已完成` states it) and its deadline from `完成时限：`;
 * - an item holding several `问题：` records is those records; `问题：` records outside any item are items.
 */
import type { ItemCandidate } from './item-candidate';
import type { Outline, OutlineEntry } from './outline';
import { titleEnd } from './outline';
import { colonsOf, findFields, statusField, type Field } from './fields';
import type { SectionStatus } from './status';
import { deepestContaining, overlapsAny, statedStatus, statusAbove, syntheticItem } from './table-items';

interface Helpers {
  itemLabel: (title: string) => string;
  sectionStatusOf: (text: string, e: OutlineEntry) => SectionStatus | null;
}

const range = (f: Field) => ({ start: f.valueStart, end: f.valueEnd });

/** Candidates refined by their fields, plus the `问题：` records found in [from, to) outside every candidate. */
/** `colons`: colonsOf(text), when the caller has it. */
export function withFieldRecords(
  text: string, outline: Outline, candidates: ItemCandidate[], bounds: { from: number; to: number }, h: Helpers, colons = colonsOf(text),
): ItemCandidate[] {
  const out: ItemCandidate[] = [];
  for (const c of candidates) {
    if (c.statusRange) {
      out.push(c); // a table row: its cells already say where its status and deadline are
      continue;
    }
    const fields = findFields(text, c.bodyStart, c.end, colons);
    const problems = fields.filter((f) => f.name === 'problem');
    if (problems.length >= 2) for (const r of records(text, outline, fields, c.end, h, c.entry)) out.push(r);
    else out.push(refine(text, c, fields, h));
  }
  const sorted = [...candidates].sort((a, b) => a.start - b.start);
  const loose = findFields(text, bounds.from, bounds.to, colons).filter((f) => !overlapsAny(sorted, { start: f.labelStart, end: f.labelStart + 1 }));
  if (loose.some((f) => f.name === 'problem')) {
    const stops = [...outline.all.map((e) => e.node.start), ...sorted.map((c) => c.start)].sort((a, b) => a - b);
    // a loose `问题：` is a record only with a field of its own (`整改情况：`…): `存在问题：` in prose is not
    for (const r of records(text, outline, loose, bounds.to, h, null, stops, true)) out.push(r); // no spread: unbounded on hostile text
  }
  return out.sort((a, b) => a.start - b.start);
}

/** An outline item with fields: label from its first-field `问题：`, status and deadline from their fields. */
function refine(text: string, c: ItemCandidate, fields: Field[], h: Helpers): ItemCandidate {
  if (!fields.length) return c;
  const problem = fields[0].name === 'problem' ? fields[0] : null;
  const status = statusField(fields);
  const deadline = fields.find((f) => f.name === 'deadline') ?? null;
  const out: ItemCandidate = { ...c };
  if (problem && problem.valueEnd > problem.valueStart) {
    out.label = h.itemLabel(text.slice(problem.valueStart, titleEnd(text, problem.valueStart, problem.valueEnd).end));
    out.bodyStart = problem.valueEnd;
  }
  if (status) {
    out.statusRange = range(status);
    const stated = statedStatus(text.slice(status.valueStart, status.valueEnd));
    if (stated) out.sectionStatus = { status: stated, text: text.slice(status.valueStart, status.valueEnd), start: status.valueStart, end: status.valueEnd };
  }
  if (deadline) out.deadlineRanges = [range(deadline)];
  return out;
}

/** One item per `问题：` field: it runs to the next `问题：`, the next stop (a heading) or `end`. */
function records(
  text: string,
  outline: Outline,
  fields: Field[],
  end: number,
  h: Helpers,
  within: OutlineEntry | null,
  stops: number[] = [],
  needOwnField = false,
): ItemCandidate[] {
  const out: ItemCandidate[] = [];
  // one pass: fields, stops (sorted) and each record's own fields all move forward only
  let s = 0;
  fields.forEach((f, i) => {
    if (f.name !== 'problem' || f.valueEnd <= f.valueStart) return;
    let j = i + 1;
    while (j < fields.length && fields[j].name !== 'problem') j++;
    while (s < stops.length && stops[s] <= f.labelStart) s++;
    const recEnd = Math.min(j < fields.length ? fields[j].labelStart : end, s < stops.length ? stops[s] : end, end);
    const own = fields.slice(i + 1, j).filter((g) => g.labelStart < recEnd);
    if (needOwnField && !own.length) return;
    const parent = within ?? deepestContaining(outline, f.labelStart);
    const status = statusField(own);
    const deadline = own.find((g) => g.name === 'deadline');
    out.push(
      syntheticItem(text, {
        id: `${parent ? parent.node.id : 'o'}-r${out.length + 1}`,
        pathLabel: `问题${out.length + 1}`,
        marker: '',
        start: f.labelStart,
        end: recEnd,
        problem: range(f),
        status: status ? range(status) : null,
        deadlines: deadline ? [range(deadline)] : [],
        parent,
        inherited: statusAbove(text, parent, h.sectionStatusOf),
        itemLabel: h.itemLabel,
      }),
    );
  });
  return out;
}

