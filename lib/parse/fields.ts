/**
 * Labelled fields of a problem record, in any order: `问题：` `整改措施：` `整改情况：` `整改进展：` `目前进展：`
 * `完成情况：` `完成时限：` `责任单位：` `责任人：`. A field's value runs to the next field label (at a line start
 * or after a sentence end) or to the end of the record.
 *
 * What they mean for an item: `问题：` is its label (the measures are not items); the status is read from the
 * progress fields only (`完成情况：已完成` states it; `整改情况：…` reports it) — never from `整改措施：`, whose
 * promises (`将…`, `计划…`) are intentions; `完成时限：` holds its deadlines.
 */
import { firstAtOrAfter } from './positions';

export type FieldName = 'problem' | 'measures' | 'progress' | 'report' | 'deadline' | 'owner';

export interface Field {
  name: FieldName;
  /** The label with its colon. */
  labelStart: number;
  /** [valueStart, valueEnd): the value, trimmed. */
  valueStart: number;
  valueEnd: number;
}

export const LABELS: Array<[FieldName, string]> = [
  ['problem', '(?:存在的?|反馈的?|主要|具体)?问题(?:描述|表现|内容)?'],
  ['measures', '整改(?:措施|举措|方案|目标)|具体措施'],
  ['progress', '完成情况|整改(?:进展|进度|结果|成效)(?:情况)?|目前进展|进展情况|当前进展'],
  ['report', '整改(?:落实)?情况|整改'],
  ['deadline', '(?:完成|整改)(?:时限|期限|时间)|时限要求'],
  ['owner', '责任(?:单位|部门|领导|人|科室)|牵头(?:单位|领导|部门)'],
];
const FIELD = new RegExp(`(^|\\n|[。；])(${LABELS.map(([, re]) => `(?:${re})`).join('|')})[：:]`, 'g');
const NAME_OF = LABELS.map(([name, re]) => [name, new RegExp(`^(?:${re})$`)] as const);

function nameOf(label: string): FieldName {
  for (const [name, re] of NAME_OF) if (re.test(label)) return name;
  return 'report';
}

/** The longest label (`存在的问题描述`; test/unit/parse-fields.test.ts checks every label against it). */
export const MAX_LABEL = 7;
/** FIELD tried at one position. */
const FIELD_AT = new RegExp(FIELD.source, 'y');
const CH_BREAKS = [0x0a, 0x3002, 0xff1b]; // \n 。；

/**
 * Where the colons (`：` and `:`) of `text` are, ascending. Found once for every field read from one text:
 * searching each item's slice again cost two indexOf passes per item and two more over the whole body.
 */
export function colonsOf(text: string): Int32Array {
  const out: number[] = [];
  let wide = text.indexOf('：');
  let ascii = text.indexOf(':');
  while (wide >= 0 || ascii >= 0) {
    const colon = ascii < 0 || (wide >= 0 && wide < ascii) ? wide : ascii;
    out.push(colon);
    if (colon === wide) wide = text.indexOf('：', colon + 1);
    else ascii = text.indexOf(':', colon + 1);
  }
  return Int32Array.from(out);
}

/**
 * The matches a global FIELD search of `slice` finds, read from its colons. A match is a break (or the slice
 * start), a label, and the colon just after it; a label holds no colon, so the match ends at the first colon
 * after its start, and starts at most MAX_LABEL + 1 characters before it. So for each colon, in order, FIELD
 * is tried at the slice start and the breaks in that window (after the previous colon and the previous
 * match), leftmost first — where the global search would find its next match.
 * `colons`: the colons of a text that `slice` is the part of from `offset` on (colonsOf); only those in
 * the slice are read.
 */
export function fieldMatches(slice: string, colons = colonsOf(slice), offset = 0): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let lastEnd = 0;
  let prevColon = -1;
  for (let k = firstAtOrAfter(colons, offset); k < colons.length && colons[k] - offset < slice.length; k++) {
    const colon = colons[k] - offset;
    for (let s = Math.max(lastEnd, prevColon + 1, colon - MAX_LABEL - 1); s < colon; s++) {
      if (s !== 0 && !CH_BREAKS.includes(slice.charCodeAt(s))) continue; // no match starts there
      FIELD_AT.lastIndex = s;
      const m = FIELD_AT.exec(slice);
      if (!m) continue;
      out.push(m);
      lastEnd = FIELD_AT.lastIndex;
      break;
    }
    prevColon = colon;
  }
  return out;
}

/** Labelled fields in [from, to), in text order. `colons`: colonsOf(text), when the caller reads several ranges. */
export function findFields(text: string, from: number, to: number, colons?: Int32Array): Field[] {
  const slice = text.slice(from, to);
  const out: Field[] = [];
  for (const m of colons ? fieldMatches(slice, colons, from) : fieldMatches(slice)) {
    const labelStart = from + m.index + m[1].length;
    const valueStart = from + m.index + m[0].length;
    if (out.length) out[out.length - 1].valueEnd = trimEnd(text, out[out.length - 1].valueStart, from + m.index + (m[1] === '\n' ? 0 : m[1].length));
    out.push({ name: nameOf(m[2]), labelStart, valueStart, valueEnd: to });
  }
  if (out.length) out[out.length - 1].valueEnd = trimEnd(text, out[out.length - 1].valueStart, to);
  return out;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}

/** Where an item's status is reported: the last progress field, else the last `整改情况：`/`整改：` field. */
export function statusField(fields: Field[]): Field | null {
  let report: Field | null = null;
  let progress: Field | null = null;
  for (const f of fields) {
    if (f.name === 'progress') progress = f;
    else if (f.name === 'report') report = f;
  }
  return progress ?? report;
}
