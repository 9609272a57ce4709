/**
 * Rectification status of one problem item, with the phrase that justifies it.
 *
 * Order of evidence:
 * 1. an explicit tag wins: `【已完成整改，并长期坚持】` = done, `【正在整改，并取得阶段性成效】` = in_progress;
 * 2. otherwise the item's own body text (its label is excluded — `问题合同未整改` names the problem,
 *    it does not report on it): any *unfinished* signal outweighs *done* phrases, because notices
 *    report finished sub-measures (`已制定…`, `已完成整改11宗`) next to what is still open;
 * 3. items of a long-term section are `long_term` unless reported finished with no open signal;
 * 4. nothing conclusive ⇒ `unclear` (a wrong `done` is worse than `unclear`).
 *
 * False unfinished signals are excluded by rule, not by list of sentences:
 * - `继续/持续` count only with a verb that names the task itself (继续协商/推进/整改/追缴…), not with
 *   intensity verbs (继续加强/强化/深化/坚持/要求 = boilerplate);
 * - `计划` counts only as a verb (计划于2023年/计划6月/计划通过/计划对…), not as a noun (年度计划,
 *   进度计划, 培训计划, 计划单列, 计划外);
 * - `预计` counts only when it promises completion (预计…前整改完成), not for projections (预计增收);
 * - `待` not in 对待/接待/期待/有待/亟待/厚待/待遇; `剩余` not in explanations (`剩余0.41%为…`);
 * - `后续/下一步将…` counts only when it announces completing the task (后续将加快…完成兑现), not
 *   `后续也将持续做好…`.
 */
import type { ItemStatus } from '@/lib/schema';

export type SignalKind = 'done' | 'unfinished';

export interface StatusSignal {
  kind: SignalKind;
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

interface Rule {
  re: RegExp;
  kind: SignalKind;
  note: string;
  /** Optional veto on the match context. */
  reject?: (text: string, start: number, end: number) => boolean;
}

const NOUN_PLAN_BEFORE = /(年度|工作|进度|培训|学习|更新|发展|整改|推进|实施|宣传|明确|教育|建设|招生|采购|生产|三年|年)$/;

const RULES: Rule[] = [
  { re: /正在/g, kind: 'unfinished', note: '进行中' },
  { re: /正(?:积极|加快|逐渐|逐步|抓紧|全力|有序|加紧|进入|稳步|着手)/g, kind: 'unfinished', note: '进行中' },
  { re: /(?:推进|进行|办理|实施|建设|协商|施工|审批|审核|整改|评审)中(?=[，。；、）”]|$)/g, kind: 'unfinished', note: '进行中' },
  {
    re: /尚未|还未|仍未|未完成|未整改|未结课/g,
    kind: 'unfinished',
    note: '尚未完成',
    // `…未完成问题清算行动` names an action on open issues, it does not report this item open
    reject: (t, _s, e) => t.startsWith('问题', e),
  },
  { re: /仍需(?!持续)/g, kind: 'unfinished', note: '仍需推进' },
  {
    re: /剩余[^，。；）]{0,10}/g,
    kind: 'unfinished',
    note: '有剩余未完成部分',
    reject: (t, s, e) => t[s - 1] === '（' || t.slice(s, e).includes('为'),
  },
  {
    re: /待[^，。；]{0,15}/g,
    kind: 'unfinished',
    note: '有待后续条件',
    reject: (t, s) => '对接期招有亟款看等虐优善厚'.includes(t[s - 1] ?? '#') || '遇命人'.includes(t[s + 1] ?? '#'),
  },
  { re: /无人认领/g, kind: 'unfinished', note: '尚未了结' },
  { re: /进入[^，。；]{0,12}阶段/g, kind: 'unfinished', note: '尚在流程中' },
  { re: /预计[^。；]{0,20}?(?:完成|完工|建成|竣工|投入使用|办结|到位)/g, kind: 'unfinished', note: '预计完成（尚未完成）' },
  {
    re: /计划(?=于|在|\d|[一二三四五六七八九十]{1,2}月|年底|年内|下半年|上半年|通过|对|将|再|开展|组织|落实|启动|完成|投入)[^，。；]{0,12}/g,
    kind: 'unfinished',
    note: '计划中（尚未完成）',
    reject: (t, s) => NOUN_PLAN_BEFORE.test(t.slice(Math.max(0, s - 4), s)),
  },
  { re: /将于/g, kind: 'unfinished', note: '承诺将来完成' },
  { re: /继续(?:协商|推进|跟进|追讨|追缴|追收|整改|办理|处理|解决|清收|推动)/g, kind: 'unfinished', note: '仍在继续' },
  {
    re: /(?:后续|下一步|今后)，?(?:也)?将(?!持续|继续|加强|进一步加强|做好|巩固|严格)[^。；]{0,30}?(?:完成|兑现|办结|完工|建成|推进)/g,
    kind: 'unfinished',
    note: '后续才完成',
  },
  { re: /取得阶段性(?:成效|进展|成果)|基本完成/g, kind: 'unfinished', note: '仅阶段性完成' },
  { re: /推进缓慢|进展缓慢/g, kind: 'unfinished', note: '进展缓慢' },

  {
    re: /已[^，。；“”]{0,6}?(?:完成整改|整改完毕|整改完成|整改到位|落实整改|立行立改|解决|拆除完毕|办结|清理完毕|完成出清|落实到位)/g,
    kind: 'done',
    note: '完成表述',
    // 已督促/要求/指导…落实整改 reports an instruction, not a result
    reject: (t, s, e) => /督促|(?<!按)要求|指导|责令|部署|提醒/.test(t.slice(s, e)),
  },
  { re: /已全部整改|已落实100%整改|(?:整改|完成)率达?到?100%/g, kind: 'done', note: '完成表述' },
];

/** All status signals in [from, to), sorted by start; overlapping matches keep the earlier/longer one. */
export function findStatusSignals(text: string, from: number, to: number): StatusSignal[] {
  const slice = text.slice(from, to);
  const found: StatusSignal[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(slice); m; m = rule.re.exec(slice)) {
      const s = from + m.index;
      const e = s + m[0].length;
      if (rule.reject?.(text, s, e)) continue;
      found.push({ kind: rule.kind, text: m[0], start: s, end: e, note: rule.note });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: StatusSignal[] = [];
  for (const s of found) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) continue;
    out.push(s);
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

export interface StatusDecision {
  status: ItemStatus;
  evidence: StatusEvidence | null;
  signals: StatusSignal[];
}

/**
 * Status of an item whose reporting text is [bodyStart, end). `longTerm` carries the heading of the
 * long-term section the item sits in (its evidence when nothing says it is finished).
 */
export function decideStatus(
  text: string,
  bodyStart: number,
  end: number,
  longTerm: StatusEvidence | null = null,
): StatusDecision {
  const signals = findStatusSignals(text, bodyStart, end);
  const tag = findStatusTag(text, bodyStart, end);
  if (tag) return { status: tag.status, evidence: tag.evidence, signals };
  const unfinished = signals.find((s) => s.kind === 'unfinished');
  const done = signals.find((s) => s.kind === 'done');
  const ev = (s: StatusSignal): StatusEvidence => ({ text: s.text, start: s.start, end: s.end });
  if (longTerm) {
    if (done && !unfinished) return { status: 'done', evidence: ev(done), signals };
    return { status: 'long_term', evidence: longTerm, signals };
  }
  if (unfinished) return { status: 'in_progress', evidence: ev(unfinished), signals };
  if (done) return { status: 'done', evidence: ev(done), signals };
  return { status: 'unclear', evidence: null, signals };
}
