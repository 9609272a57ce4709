/**
 * Labelled fields of a problem record, in any order: `问题：` `整改措施：` `整改情况：` `整改进展：` `目前进展：`
 * `完成情况：` `完成时限：` `责任单位：` `责任人：`. A field's value runs to the next field label (at a line start
 * or after a sentence end) or to the end of the record.
 *
 * What they mean for an item: `问题：` is its label (the measures are not items); the status is read from the
 * progress fields only (`完成情况：已完成` states it; `整改情况：…` reports it) — never from `整改措施：`, whose
 * promises (`将…`, `计划…`) are intentions; `完成时限：` holds its deadlines.
 */
export type FieldName = 'problem' | 'measures' | 'progress' | 'report' | 'deadline' | 'owner';

export interface Field {
  name: FieldName;
  /** The label with its colon. */
  labelStart: number;
  /** [valueStart, valueEnd): the value, trimmed. */
  valueStart: number;
  valueEnd: number;
}

const LABELS: Array<[FieldName, string]> = [
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

/** Labelled fields in [from, to), in text order. */
export function findFields(text: string, from: number, to: number): Field[] {
  const slice = text.slice(from, to);
  const out: Field[] = [];
  if (!slice.includes('：') && !slice.includes(':')) return out; // every label ends with a colon: no regex scan
  FIELD.lastIndex = 0;
  for (let m = FIELD.exec(slice); m; m = FIELD.exec(slice)) {
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
