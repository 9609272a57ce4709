/**
 * Rectification status of one problem item, how sure the reading is, and the clauses behind it.
 *
 * Read as an inspector reads: from *all* clauses of the item's own reporting text (its label is excluded —
 * `问题合同未整改` names the problem, it does not report on it).
 *
 * 1. An explicit tag wins: `【已完成整改，并长期坚持】` = done, `【正在整改，并取得阶段性成效】` = in_progress
 *    (certainty `stated`). A status stated by the section heading (`（一）已完成整改的问题`) is inherited
 *    unless the item's own text reports open work (`stated`).
 * 2. Every clause carrying a cue is classified (status-cues.ts):
 *    - **open** — an unfinished or future step: 正在/仍在/推进中/待…/剩余/尚未/还未/计划(verb)/预计…完成/
 *      将于/即将/继续协商/无人认领/进入…阶段/立项评估/取得阶段性成效/完成率 < 100%/`完成审核程序后将…`;
 *    - **strong done** — a completion claim: 已完成整改/整改完毕/已解决/…完毕/已全部…/均已…/整改率达100%;
 *    - **weak done** — a finished action: 已协调/已追回/已停止/未再发现…问题;
 *    - **action** — a measure carried out: `2025年3月，…下发《通知》`, 完成修订, 开展检查20次, 有效提高了…;
 *    - **progress** — movement without completion: 加快推进/有序推进/先行启动/初步建立/逐步实现;
 *    - everything else (高度重视, 进一步加强, 持续巩固, quotes and titles) is intention and carries no cue.
 * 3. Scope: a clause is *item-scoped* outside the item's sub-measures (`一是…`, `（1）`), when the item has
 *    fewer than two, or when it names the whole problem (`该问题…`); otherwise it is about one sub-measure.
 *    A progress cue is still open unless a done claim follows it in the same sentence
 *    (`加快制定…，均已制定` is done; `加快搭建…。目前，…均已覆盖…` leaves the system open).
 * 4. Decision:
 *    - any open work ⇒ in_progress (`stated` when an open cue says so, `inferred` when only still moving),
 *      except an item-scoped completion claim after the last open cue ⇒ unclear (the text contradicts itself);
 *    - else an item-scoped completion claim ⇒ done (`stated`);
 *    - else every sub-measure (or the single paragraph) reports a result ⇒ done (`inferred`);
 *    - else (intentions only, or some measures without a result) ⇒ in_progress (`inferred`) — a wrong `done`
 *      hides an open commitment, so a measure without a result keeps the item open;
 *    - an item with no reporting text at all ⇒ unclear.
 *    Items of a long-term section are `long_term` unless an item-scoped completion claim stands alone.
 */
import type { Evidence, ItemStatus, StatusCertainty } from '@/lib/schema';
import { readCues, type Cue, type Found } from './status-cues';
import { classify, layoutOf, type Clause } from './status-layout';

export type { Cue } from './status-cues';

export type SignalKind = 'done' | 'unfinished';

export interface StatusSignal {
  kind: SignalKind;
  /** How much the signal says: an open step, a completion claim, or a finished sub-action. */
  cue: Exclude<Cue, 'progress' | 'action'>;
  text: string;
  start: number;
  end: number;
  /** zh-CN note for tooltips. */
  note: string;
}

/** A phrase of the text with its range (`text === fullText.slice(start, end)`). */
export type StatusEvidence = Evidence;

function toSignal(f: Found, text: string): StatusSignal | null {
  if (f.cue === 'progress' || f.cue === 'action') return null;
  return { kind: f.cue === 'open' ? 'unfinished' : 'done', cue: f.cue, text: text.slice(f.start, f.end), start: f.start, end: f.end, note: f.note };
}

/** Done and unfinished signals in [from, to), sorted by start, not overlapping; quotes and titles skipped. */
export function findStatusSignals(text: string, from: number, to: number): StatusSignal[] {
  const out: StatusSignal[] = [];
  for (const f of readCues(text, from, text.slice(from, to)).cues) {
    const s = toSignal(f, text);
    if (s) out.push(s);
  }
  return out;
}

const TAG = /【([^【】\n]{2,30})】/g;

/** An explicit status tag such as `【已完成整改，并长期坚持】` in [from, to). */
export function findStatusTag(text: string, from: number, to: number): { status: ItemStatus; evidence: StatusEvidence } | null {
  const slice = text.slice(from, to);
  if (!slice.includes('【')) return null; // most items carry no tag: no regex scan
  TAG.lastIndex = 0;
  for (let m = TAG.exec(slice); m; m = TAG.exec(slice)) {
    const status = classifyTag(m[1]);
    if (status) return { status, evidence: { text: m[0], start: from + m.index, end: from + m.index + m[0].length } };
  }
  return null;
}

function classifyTag(tag: string): ItemStatus | null {
  if (/正在|整改中|未完成|推进中|阶段性|持续整改|部分完成|基本完成/.test(tag)) return 'in_progress';
  if (/已完成|已整改|完成整改|整改完成|已办结|已解决|整改到位/.test(tag)) return 'done';
  if (/长期/.test(tag)) return 'long_term';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Decision

export interface StatusDecision {
  status: ItemStatus;
  certainty: StatusCertainty;
  /** The phrase that decided the status (tag, heading, completion claim, open step), if any. */
  evidence: StatusEvidence | null;
  /** Clauses reporting work done (completion claims, finished actions, measures carried out). */
  progress: StatusEvidence[];
  /** Clauses reporting work still open (open steps, work still only moving). */
  open: StatusEvidence[];
  signals: StatusSignal[];
  /** Why, in zh-CN (for tooltips and debugging). */
  reason: string;
}

const MEASURE_PREFIX = /^[\s\u3000]*(?:[（(][1-9]\d?[）)]|[①-⑳]|[一二三四五六七八九十]{1,2}是)[\s\u3000]*/;
/** At most this many clauses of each kind are kept as evidence. */
const MAX_EVIDENCE = 12;

/** Where a clause ends: ，。；！？ newline ：and an ASCII comma (a table: clauseAround tests characters one by one). */
const IS_CLAUSE_END = new Uint8Array(0x10000);
for (const ch of '，。；！？\n：,') IS_CLAUSE_END[ch.charCodeAt(0)] = 1;
const clauseEndAt = (text: string, i: number) => IS_CLAUSE_END[text.charCodeAt(i)] === 1;

/** The clause around a cue (from the previous comma/stop, if near, to the next, at most 20 more chars). */
function clauseAround(text: string, f: { start: number; end: number }): StatusEvidence {
  return evidenceOf(text, clauseStartOf(text, f), clauseEndOf(text, f));
}

function evidenceOf(text: string, start: number, end: number): StatusEvidence {
  return { text: text.slice(start, end), start, end };
}

/** MEASURE_PREFIX read in place: sticky, without `^` (clauseStartOf). */
const MEASURE_PREFIX_AT = new RegExp(MEASURE_PREFIX.source.slice(1), 'y');

/** Where the clause around a cue starts: after the previous comma/stop if near, and after a sub-measure marker (exported for its test). */
export function clauseStartOf(text: string, f: { start: number }): number {
  let s = f.start;
  while (s > 0 && f.start - s < 14 && !clauseEndAt(text, s - 1)) s--;
  if (s > 0 && !clauseEndAt(text, s - 1)) s = f.start; // no clause start nearby: begin at the cue
  if (s === f.start) return s; // (nothing between: no marker)
  // The marker is what MEASURE_PREFIX finds in text.slice(s, f.start). Read in the text, without a slice:
  // a match there that ends by f.start is that one (the pattern looks neither behind nor ahead), no match
  // means none in the slice either; only a match running past f.start needs the slice.
  MEASURE_PREFIX_AT.lastIndex = s;
  if (!MEASURE_PREFIX_AT.test(text)) return s;
  if (MEASURE_PREFIX_AT.lastIndex <= f.start) return MEASURE_PREFIX_AT.lastIndex;
  const lead = MEASURE_PREFIX.exec(text.slice(s, f.start));
  return lead ? s + lead[0].length : s;
}

/** Where the clause around a cue ends: at the next comma/stop, at most 20 characters after the cue. */
function clauseEndOf(text: string, f: { end: number }): number {
  let e = f.end;
  while (e < text.length && e - f.end < 20 && !clauseEndAt(text, e)) e++;
  return e;
}

/** Clauses around cues, in text order, merged where they overlap, at most MAX_EVIDENCE. */
function clausesOf(text: string, cues: readonly Clause[]): StatusEvidence[] {
  const out: StatusEvidence[] = [];
  // the last clause kept is sliced only once no later clause overlaps it
  let start = -1;
  let end = -1;
  let kept = 0; // clauses kept, the last one included
  for (const c of cues) {
    const s = clauseStartOf(text, c);
    const e = clauseEndOf(text, c);
    if (kept > 0 && s < end) {
      if (e > end) end = e;
      continue;
    }
    if (kept === MAX_EVIDENCE) break;
    if (kept > 0) out.push(evidenceOf(text, start, end));
    start = s;
    end = e;
    kept++;
  }
  if (kept > 0) out.push(evidenceOf(text, start, end));
  return out;
}

/** A status stated once by the heading of the section an item sits in (the heading is the evidence). */
export interface SectionStatus extends StatusEvidence {
  status: ItemStatus;
}

/**
 * Status of an item whose reporting text is [bodyStart, end). `section` is the status its section heading
 * states for all its items, if any: the item inherits it unless its own text says otherwise.
 */
export function decideStatus(
  text: string,
  bodyStart: number,
  end: number,
  section: SectionStatus | null = null,
): StatusDecision {
  const own = decideOwnStatus(text, bodyStart, end, section?.status === 'long_term' ? section : null);
  if (!section || section.status === 'long_term' || own.reason === '明确标注') return own;
  return inheritSectionStatus(own, section);
}

/**
 * A section that says its items are done (`（一）已完成整改的问题`) or in progress: the heading decides,
 * except that an item whose own text still reports open work is never made done by its heading, and an item
 * under an in-progress heading that reports itself wholly completed stays done.
 */
function inheritSectionStatus(own: StatusDecision, section: SectionStatus): StatusDecision {
  const evidence = { text: section.text, start: section.start, end: section.end };
  if (section.status === 'done' && own.status === 'in_progress') return own;
  if (section.status === 'in_progress' && own.status === 'done' && own.reason === '整体完成表述') return own;
  return { ...own, status: section.status, certainty: 'stated', evidence, reason: '所在部分标题表明整改状态' };
}

function decideOwnStatus(text: string, bodyStart: number, end: number, longTerm: StatusEvidence | null): StatusDecision {
  const slice = text.slice(bodyStart, end);
  const { cues, marks } = readCues(text, bodyStart, slice);
  const signals: StatusSignal[] = [];
  for (const f of cues) {
    const s = toSignal(f, text);
    if (s) signals.push(s);
  }
  const layout = layoutOf(slice, bodyStart, marks);
  const tag = marks.tagOpens.size > 0 ? findStatusTag(text, bodyStart, end) : null; // (read now: the marks last until the next scan)
  const clauses = classify(text, cues, layout);
  const moving = stillMoving(clauses, layout.measures.size);
  const opens: Clause[] = [];
  const results: Clause[] = [];
  for (const c of clauses) {
    if (c.cue === 'open') opens.push(c);
    else if (c.cue === 'strong' || c.cue === 'weak' || c.cue === 'action') results.push(c);
  }
  const openEvidence = clausesOf(text, opens.length && moving.length ? mergeByStart(opens, moving) : opens.length ? opens : moving);
  const progress = clausesOf(text, results);
  const decided = (status: ItemStatus, certainty: StatusCertainty, evidence: StatusEvidence | null, reason: string): StatusDecision => ({
    status,
    certainty,
    evidence,
    progress,
    open: openEvidence,
    signals,
    reason,
  });

  if (tag) return decided(tag.status, 'stated', tag.evidence, '明确标注');
  if (!/[\u4e00-\u9fff]{4}/.test(slice)) return decided(longTerm ? 'long_term' : 'unclear', longTerm ? 'stated' : 'unclear', longTerm, '没有整改情况表述');

  const ev = (c: Found) => clauseAround(text, c);
  const lastItemStrong = lastOf(clauses, isItemStrong);

  if (opens.length || moving.length) {
    const lastOpen = laterOf(opens[opens.length - 1], moving[moving.length - 1]);
    const contradicting = clauses.some((c) => isItemStrong(c) && c.verdict && c.sentence > lastOpen.sentence);
    if (contradicting && !longTerm) return decided('unclear', 'unclear', ev(lastOpen), '完成表述与未完成信号并存');
    if (longTerm) return decided('long_term', 'stated', longTerm, '长期整改事项，仍有未完成信号');
    if (opens.length) {
      const decisive = decisiveOpen(opens);
      return decided('in_progress', 'stated', ev(decisive), decisive.note);
    }
    return decided('in_progress', 'inferred', ev(moving[moving.length - 1]), '仍在推进，未报告完成');
  }
  if (lastItemStrong) return decided('done', 'stated', ev(lastItemStrong), '整体完成表述');
  if (longTerm) return decided('long_term', 'stated', longTerm, '长期整改事项');

  if (!results.length) return decided('in_progress', 'inferred', null, '只有工作措施和表态，未报告结果');
  // a long list may carry one plain duty measure (`四是加强宣传引导。`) beside its results
  if (unreportedMeasures(clauses, layout.measures.size) <= Math.floor(layout.measures.size / 2)) {
    return decided('done', 'inferred', ev(best(results)), layout.measures.size >= 2 ? '多数措施报告已实施，未见未完成的工作' : '措施已实施，未见未完成的工作');
  }
  return decided('in_progress', 'inferred', null, '部分措施未报告结果');
}

/** An item-scoped completion claim. */
function isItemStrong(c: Clause): boolean {
  return c.itemScoped && c.cue === 'strong';
}

/** The last clause of the list that passes the test (no filtered copy). */
function lastOf(list: readonly Clause[], test: (c: Clause) => boolean): Clause | undefined {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i])) return list[i];
  return undefined;
}

/** Two lists of clauses in text order, merged into one (clauses never share a start: overlaps are resolved). */
function mergeByStart(a: readonly Clause[], b: readonly Clause[]): Clause[] {
  const out: Clause[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i].start < b[j].start) ? a[i++] : b[j++]);
  return out;
}

/** The later-starting of two clauses (either may be missing, not both). */
function laterOf(a: Clause | undefined, b: Clause | undefined): Clause {
  if (!a) return b!;
  if (!b) return a;
  return b.start > a.start ? b : a;
}

/** The open clause to quote: item-scoped before sub-measure, telling phrases before bare negations, later first. */
function decisiveOpen(opens: Clause[]): Clause {
  let b = opens[0];
  const key = (c: Clause) => (c.itemScoped ? 2 : 0) + c.rank;
  for (const c of opens) if (key(c) >= key(b)) b = c;
  return b;
}

/** The heaviest result clause, the later one on ties. */
function best(list: Clause[]): Clause {
  let b = list[0];
  for (const c of list) if (c.weight >= b.weight) b = c;
  return b;
}

/** stillMoving's answer for an item without progress cues (most items): shared, never written to. */
const NONE_MOVING: readonly Clause[] = [];

/**
 * Progress cues (加快推进…) not followed by a done claim in the same sentence: work still moving. A lead
 * that names the tasks (`加快完成资产过户、理顺…`) is closed when every sub-measure below reports a completion.
 */
function stillMoving(clauses: Clause[], measures: number): readonly Clause[] {
  if (!clauses.some((c) => c.cue === 'progress')) return NONE_MOVING;
  const leadClosed = measures >= 2 && doneMeasureCount(clauses) === measures;
  const out: Clause[] = [];
  // walking backwards, `doneAfter` is the sentence of the nearest later done claim (clauses are in text order)
  let doneAfter = -1;
  for (let i = clauses.length - 1; i >= 0; i--) {
    const c = clauses[i];
    if (c.cue === 'strong' || c.cue === 'weak') doneAfter = c.sentence;
    else if (c.cue === 'progress' && !(c.measure < 0 && leadClosed) && doneAfter !== c.sentence) out.push(c);
  }
  return out.reverse();
}

/** How many distinct sub-measures hold a done claim (clauses in text order: their measures never decrease). */
function doneMeasureCount(clauses: readonly Clause[]): number {
  let count = 0;
  let last = -1;
  for (const d of clauses) {
    if (d.measure < 0 || d.measure === last || (d.cue !== 'strong' && d.cue !== 'weak')) continue;
    count++;
    last = d.measure;
  }
  return count;
}

/** How many of the item's sub-measures report no result (0 for an item without sub-measures that reports one). */
function unreportedMeasures(clauses: Clause[], measures: number): number {
  if (measures < 2) return 0;
  const reported = new Set<number>();
  for (const c of clauses) if (c.measure >= 0 && c.weight > 0) reported.add(c.measure);
  return measures - reported.size;
}
