/**
 * Rectification status of one problem item, with the phrase that justifies it.
 *
 * A small scored model over the item's own reporting text (its label is excluded — `问题合同未整改`
 * names the problem, it does not report on it):
 *
 * 1. An explicit tag wins: `【已完成整改，并长期坚持】` = done, `【正在整改，并取得阶段性成效】` = in_progress.
 * 2. Every clause carrying a cue is classified:
 *    - **open** — an unfinished or future step: 正在/仍在/推进中/待…/剩余/尚未/还未/计划(verb)/预计…完成/
 *      将于/即将/继续协商/无人认领/进入…阶段/取得阶段性成效/完成率 < 100%/`完成审核程序后将…`/`日后将…`;
 *    - **strong done** — a completion claim: 已完成整改/整改完毕/已解决/…完毕/已全部…/均已…/整改率达100%;
 *    - **weak done** — a finished action: 已协调/已追回/已停止/已于…组织开展/未再发现…问题;
 *    - **progress** — movement without completion: 加快推进/有序推进/先行启动/初步建立/逐步实现;
 *    - everything else (进一步加强, 持续巩固, 年度计划, quotes and titles) is boilerplate and carries no cue.
 * 3. Scope: a clause is *item-scoped* when it stands outside the item's sub-measures (`一是…二是…`,
 *    `（1）（2）`, `一方面…另一方面`), when the item has fewer than two sub-measures, or when it names the
 *    whole problem (`该问题…`, `巡察反馈的…`); otherwise it is about one sub-measure.
 * 4. Position: within a sub-measure the *last* cue states its state (`加快制定…，均已制定` is done;
 *    `已完成挂账处理…确保清收工作有序推进` is still moving); a completion claim made after the last open
 *    signal contradicts it.
 * 5. Decision:
 *    - any open cue ⇒ in_progress (it outweighs 已 verbs about sub-measures), except when an item-scoped
 *      completion claim comes after the last open cue ⇒ unclear (conflict);
 *    - else an item-scoped strong completion ⇒ done;
 *    - else a sub-measure still only "moving" (progress as its last cue) ⇒ unclear;
 *    - else an item-scoped done clause ⇒ done;
 *    - else done when the sub-measures' done score covers at least half of them
 *      (strong or "目前/现/截至…已" state clause 1.5, other 已 clause 1.0);
 *    - otherwise unclear (a wrong `done` is worse than `unclear`).
 *    Items of a long-term section are `long_term` unless an item-scoped completion claim stands alone.
 */
import type { ItemStatus } from '@/lib/schema';
import { findCues, type Cue, type Found } from './status-cues';
import { classify, layoutOf, type Clause } from './status-layout';

export type { Cue } from './status-cues';

export type SignalKind = 'done' | 'unfinished';

export interface StatusSignal {
  kind: SignalKind;
  /** How much the signal says: an open step, a completion claim, or a finished sub-action. */
  cue: Exclude<Cue, 'progress'>;
  text: string;
  start: number;
  end: number;
  /** zh-CN note for tooltips. */
  note: string;
}

export interface StatusEvidence {
  text: string;
  start: number;
  end: number;
}

function toSignal(f: Found, text: string): StatusSignal | null {
  if (f.cue === 'progress') return null;
  return { kind: f.cue === 'open' ? 'unfinished' : 'done', cue: f.cue, text: text.slice(f.start, f.end), start: f.start, end: f.end, note: f.note };
}

/** Done and unfinished signals in [from, to), sorted by start, not overlapping; quotes and titles skipped. */
export function findStatusSignals(text: string, from: number, to: number): StatusSignal[] {
  const out: StatusSignal[] = [];
  for (const f of findCues(text, from, to)) {
    const s = toSignal(f, text);
    if (s) out.push(s);
  }
  return out;
}

const TAG = /【([^【】\n]{2,30})】/g;

/** An explicit status tag such as `【已完成整改，并长期坚持】` in [from, to). */
export function findStatusTag(text: string, from: number, to: number): { status: ItemStatus; evidence: StatusEvidence } | null {
  const slice = text.slice(from, to);
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
  evidence: StatusEvidence | null;
  signals: StatusSignal[];
  /** Why, in zh-CN (for tooltips and debugging). */
  reason: string;
}

const CLAUSE_END = /[，。；！？\n：,]/;
const MEASURE_PREFIX = /^[\s\u3000]*(?:[（(][1-9]\d?[）)]|[①-⑳])[\s\u3000]*/;

/** The clause around a cue (from the previous comma/stop, if near, to the next, at most 20 more chars). */
function clauseAround(text: string, f: Found): StatusEvidence {
  let s = f.start;
  while (s > 0 && f.start - s < 14 && !CLAUSE_END.test(text[s - 1])) s--;
  if (s > 0 && !CLAUSE_END.test(text[s - 1])) s = f.start; // no clause start nearby: begin at the cue
  const lead = MEASURE_PREFIX.exec(text.slice(s, f.start));
  if (lead) s += lead[0].length;
  let e = f.end;
  while (e < text.length && e - f.end < 20 && !CLAUSE_END.test(text[e])) e++;
  return { text: text.slice(s, e), start: s, end: e };
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
  return { status: section.status, evidence, signals: own.signals, reason: '所在部分标题表明整改状态' };
}

function decideOwnStatus(
  text: string,
  bodyStart: number,
  end: number,
  longTerm: StatusEvidence | null,
): StatusDecision {
  const slice = text.slice(bodyStart, end);
  const cues = findCues(text, bodyStart, end, slice);
  const signals: StatusSignal[] = [];
  for (const f of cues) {
    const s = toSignal(f, text);
    if (s) signals.push(s);
  }
  const tag = findStatusTag(text, bodyStart, end);
  if (tag) return { status: tag.status, evidence: tag.evidence, signals, reason: '明确标注' };

  const layout = layoutOf(slice, bodyStart);
  const clauses = classify(text, cues, layout);
  const ev = (c: Found) => clauseAround(text, c);
  const opens = clauses.filter((c) => c.cue === 'open');
  const dones = clauses.filter((c) => c.cue === 'strong' || c.cue === 'weak');
  const itemStrong = dones.filter((c) => c.itemScoped && c.cue === 'strong');
  const moving = stillMoving(clauses);

  if (opens.length) {
    const lastOpen = opens[opens.length - 1];
    const contradicting = itemStrong.find((c) => c.verdict && c.sentence > lastOpen.sentence);
    if (contradicting && !longTerm) {
      return { status: 'unclear', evidence: ev(lastOpen), signals, reason: '完成表述与未完成信号并存' };
    }
    if (longTerm) return { status: 'long_term', evidence: longTerm, signals, reason: '长期整改事项，仍有未完成信号' };
    const decisive = decisiveOpen(opens);
    return { status: 'in_progress', evidence: ev(decisive), signals, reason: decisive.note };
  }
  if (itemStrong.length && (!longTerm || !moving)) {
    return { status: 'done', evidence: ev(itemStrong[itemStrong.length - 1]), signals, reason: '整体完成表述' };
  }
  if (longTerm) return { status: 'long_term', evidence: longTerm, signals, reason: '长期整改事项' };
  if (moving) return { status: 'unclear', evidence: ev(moving), signals, reason: '仍在推进，未报告完成' };

  const itemDone = dones.filter((c) => c.itemScoped);
  if (itemDone.length) return { status: 'done', evidence: ev(best(itemDone)), signals, reason: '完成表述' };
  if (dones.length && coverage(clauses, layout.measures.length) >= 0.5) return { status: 'done', evidence: ev(best(dones)), signals, reason: '多数分项已完成' };
  return { status: 'unclear', evidence: null, signals, reason: dones.length ? '仅少数分项报告完成' : '未见完成或未完成表述' };
}

/** The open clause to quote: item-scoped before sub-measure, telling phrases before bare negations, later first. */
function decisiveOpen(opens: Clause[]): Clause {
  let b = opens[0];
  const key = (c: Clause) => (c.itemScoped ? 2 : 0) + c.rank;
  for (const c of opens) if (key(c) >= key(b)) b = c;
  return b;
}

/** The heaviest done clause, the later one on ties. */
function best(list: Clause[]): Clause {
  let b = list[0];
  for (const c of list) if (c.weight >= b.weight) b = c;
  return b;
}

/** A progress cue that is the last word of its sub-measure (or of the text outside them): still moving. */
function stillMoving(clauses: Clause[]): Clause | null {
  const lastBy = new Map<number, Clause>();
  for (const c of clauses) if (c.cue !== 'open') lastBy.set(c.measure, c);
  for (const c of lastBy.values()) if (c.cue === 'progress') return c;
  return null;
}

/** Share of the item's sub-measures reported done, each scored by its heaviest done clause. */
function coverage(clauses: Clause[], measures: number): number {
  if (!measures) return 0;
  const byMeasure = new Map<number, number>();
  for (const c of clauses) if (c.measure >= 0) byMeasure.set(c.measure, Math.max(byMeasure.get(c.measure) ?? 0, c.weight));
  let score = 0;
  for (const w of byMeasure.values()) score += w;
  return score / measures;
}
