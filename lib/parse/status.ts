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

export type SignalKind = 'done' | 'unfinished';
export type Cue = 'open' | 'strong' | 'weak' | 'progress';

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

interface Rule {
  /** Every character a match can start with: the rule is tried only where one of them stands. */
  first: string;
  /** Sticky (`y`): tried at one position at a time. */
  re: RegExp;
  cue: Cue;
  note: string;
  /** Optional veto on the match context (absolute offsets into the whole text). */
  reject?: (text: string, start: number, end: number) => boolean;
  /** How well the phrase shows the item's state when quoted as evidence (bare negations: 1; default 2). */
  rank?: number;
  /** The phrase starts this many characters before the match (`推进中`: the pattern finds 中). */
  back?: number;
}

/** Verbs after 将/继续/持续 that only restate ongoing duty (boilerplate), not a pending step. */
const DUTY = '持续|继续|加强|进一步|做好|巩固|严格|不断|强化|深化|坚持|认真|切实|积极接受|积极配合|主动接受';
/** Is the character at `i` one of `chars`? (no string allocation per test) */
function charIn(t: string, i: number, chars: string): boolean {
  const c = t.charCodeAt(i);
  if (c !== c) return false; // NaN: out of range
  for (let k = 0; k < chars.length; k++) if (chars.charCodeAt(k) === c) return true;
  return false;
}
const INSTRUCTION = /督促|(?<!按)要求|指导|责令|部署|提醒/;
const STARTED_ONLY = /开展[^，。；]{0,6}整改|进入|启动/;
const RECTIFICATION_STARTED = /开展[^，。；]{0,6}整改/;
/** Two-character verbs that, followed by 中, say the work is under way (推进中, 审核中). */
const ONGOING_ZHONG = new Set(['推进', '进行', '办理', '实施', '建设', '协商', '施工', '审批', '审核', '整改', '评审']);
const NOUN_PLAN_BEFORE = /(年度|工作|进度|培训|学习|更新|发展|整改|推进|实施|宣传|明确|教育|建设|招生|采购|生产|三年|年)$/;
/** 已 + these is not a finished action: an instruction given, a request filed, a state reached on the way. */
const YI_NOT_DONE =
  /已(?:经)?(?:[^，。；]{0,3}?(?:(?<!按)要求|督促|责令|部署|提醒)|[^，。；]{0,10}?(?:提交|上报|报送|报请|申请|请示)|[^，。；]?(?:启动|着手|开始|进入|取得|基本|累计|有|达|超|病|知|是|成为|列入|纳入计划))/y;

const RULES: Rule[] = [
  // ---- open: unfinished or future steps
  { first: '正仍还尚', re: /正在|仍在|还在|尚在/y, cue: 'open', note: '进行中' },
  { first: '正', re: /正(?:积极|加快|逐渐|逐步|抓紧|全力|有序|加紧|进入|稳步|着手)/y, cue: 'open', note: '进行中' },
  {
    first: '中',
    re: /中(?=[，。；、）”]|$)/y,
    back: 2,
    cue: 'open',
    note: '进行中',
    reject: (t, s) => !ONGOING_ZHONG.has(t.slice(s, s + 2)),
  },
  {
    first: '尚还仍未',
    re: /尚未|还未|仍未|未完成|未整改|未结课/y,
    cue: 'open',
    note: '尚未完成',
    // `…未完成问题清算行动` names an action on open issues; `对尚未整改到位的11个问题` introduces a list
    reject: (t, s, e) => t.startsWith('问题', e) || t.startsWith('的问题', e) || charIn(t, s - 1, '对'),
    rank: 1,
  },
  { first: '仍', re: /仍需(?!持续)/y, cue: 'open', note: '仍需推进' },
  {
    first: '剩',
    re: /剩余[^，。；）]{0,10}/y,
    cue: 'open',
    note: '有剩余未完成部分',
    reject: (t, s, e) => charIn(t, s - 1, '（') || t.lastIndexOf('为', e - 1) >= s,
  },
  {
    first: '待',
    re: /待[^，。；]{0,15}/y,
    cue: 'open',
    note: '有待后续条件',
    reject: (t, s) => charIn(t, s - 1, '对接期招有亟款看等虐优善厚') || charIn(t, s + 1, '遇命人'),
  },
  { first: '无', re: /无人认领/y, cue: 'open', note: '尚未了结' },
  { first: '进', re: /进入[^，。；]{0,12}阶段/y, cue: 'open', note: '尚在流程中' },
  { first: '预', re: /预计[^。；]{0,20}?(?:完成|完工|建成|竣工|投入使用|办结|到位)/y, cue: 'open', note: '预计完成（尚未完成）' },
  {
    first: '计',
    re: /计划(?=于|在|\d|[一二三四五六七八九十]{1,2}月|年底|年内|下半年|上半年|通过|对|将|再|开展|组织|落实|启动|完成|投入)[^，。；]{0,12}/y,
    cue: 'open',
    note: '计划中（尚未完成）',
    reject: (t, s) => NOUN_PLAN_BEFORE.test(t.slice(Math.max(0, s - 4), s)),
  },
  { first: '将即', re: /将于|即将/y, cue: 'open', note: '承诺将来完成' },
  { first: '继', re: /继续(?:协商|推进|跟进|追讨|追缴|追收|整改|办理|处理|解决|清收|推动)/y, cue: 'open', note: '仍在继续' },
  {
    first: '日后下今接',
    re: new RegExp(`(?:日后|后续|下一步|今后|接下来)，?(?:也|还|仍)?将(?!${DUTY})[^。；，]{2,30}`, 'y'),
    cue: 'open',
    note: '后续才完成',
  },
  {
    // `完成审核程序后将组织开展联合执法行动`: a step that waits for another one
    first: '后',
    re: new RegExp(`后，?(?:将|再)(?!${DUTY})[^。；，]{2,24}`, 'y'),
    cue: 'open',
    note: '后续步骤（尚未完成）',
    reject: (t, s) => charIn(t, s - 1, '续今随然此最前'),
  },
  { first: '取基', re: /取得阶段性(?:成效|进展|成果)|基本完成/y, cue: 'open', note: '仅阶段性完成' },
  { first: '推进', re: /推进缓慢|进展缓慢/y, cue: 'open', note: '进展缓慢' },
  { first: '按', re: /按照?(?:计划|进度|时序)(?:有序)?推进/y, cue: 'open', note: '按进度推进中' },
  {
    first: '完总施进',
    re: /(?:完成率|总进度|施工总进度|进度)[^，。；\d]{0,6}(\d{1,2}(?:\.\d+)?)%/y,
    cue: 'open',
    note: '完成比例不足100%',
  },

  // ---- strong done: a completion claim
  {
    first: '已',
    re: /已[^，。；“”]{0,8}?(?:完成整改|整改完毕|整改完成|整改到位|落实整改|立行立改|解决|办结|完成出清|落实到位|处置到位)|已[^，。；“”]{0,12}?完毕/y,
    cue: 'strong',
    note: '完成表述',
    // 已督促/要求/指导…落实整改 reports an instruction, not a result
    reject: (t, s, e) => INSTRUCTION.test(t.slice(s, e)),
  },
  { first: '均全所已', re: /(?:均|(?:全部|所有)[^，。；]{0,10}?)已[^，。；“”]{1,12}|已全部[^，。；“”]{1,12}/y, cue: 'strong', note: '全部完成表述', reject: (t, s, e) => yiNotDone(t, t.indexOf('已', s)) || STARTED_ONLY.test(t.slice(s, e)) },
  { first: '已整完', re: /已落实100%整改|(?:整改|完成)率达?到?100%/y, cue: 'strong', note: '完成表述' },

  // ---- weak done: a finished action (已…), or the problem no longer found
  {
    first: '已',
    re: /已[^，。；“”]{1,14}/y,
    cue: 'weak',
    note: '分项已完成',
    reject: (t, s, e) => charIn(t, s - 1, '对把将从的治') || yiNotDone(t, s) || RECTIFICATION_STARTED.test(t.slice(s, e)),
  },
  { first: '未暂没', re: /(?:未再|暂未|暂无|没有再?|未)发现[^，。；]{0,30}?(?:问题|情况)/y, cue: 'weak', note: '问题已不再出现' },
  { first: '整', re: /整改工作形成闭环/y, cue: 'weak', note: '整改闭环' },

  // ---- progress: moving, not finished
  {
    first: '加有稳分先初逐已开',
    re: /(?:加快|有序|稳步|分步)推进|加快(?:建设|打造|修订|制定|完成|落地|实施|搭建|推动)|先行启动|初步(?:建立|形成|完成|实现|建成)|逐步(?:实现|提高|降低|推进|完善)|已?开展[^，。；]{0,6}整改(?!培训|工作会)/y,
    cue: 'progress',
    note: '推进中（未报告完成）',
  },
];

function yiNotDone(t: string, s: number): boolean {
  if (s < 0) return true;
  YI_NOT_DONE.lastIndex = s;
  return YI_NOT_DONE.test(t);
}

interface Found {
  cue: Cue;
  start: number;
  end: number;
  note: string;
  rank: number;
  /** Index of the rule in RULES (the last tie-break: earlier rules first). */
  rule: number;
}

const STRENGTH: Record<Cue, number> = { open: 4, strong: 3, weak: 2, progress: 1 };

/** Next index of `ch` in `s` at or after `from`; `known` is an earlier answer, reused while still ahead. */
function nextIndex(s: string, ch: string, from: number, known: number): number {
  return known < 0 || known >= from ? known : s.indexOf(ch, from);
}

/**
 * Quoted words and titles (“…”, 《…》) in `slice` (offsets + `from`): a 正在 or 已完成 inside them is
 * a name, not a report. A quote open longer than 40 characters (a title: 200) or across a newline is
 * unbalanced: treat it as plain text, resuming after the character where it was given up.
 */
function quotedRanges(slice: string, from: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let quote = slice.indexOf('“');
  let title = slice.indexOf('《');
  let quoteEnd = slice.indexOf('”');
  let titleEnd = slice.indexOf('》');
  let newline = slice.indexOf('\n');
  let i = 0;
  for (;;) {
    quote = nextIndex(slice, '“', i, quote);
    title = nextIndex(slice, '《', i, title);
    if (quote < 0 && title < 0) break;
    const isTitle = quote < 0 || (title >= 0 && title < quote);
    const open = isTitle ? title : quote;
    let close: number;
    if (isTitle) close = titleEnd = nextIndex(slice, '》', open + 1, titleEnd);
    else close = quoteEnd = nextIndex(slice, '”', open + 1, quoteEnd);
    newline = nextIndex(slice, '\n', open + 1, newline);
    const giveUp = open + (isTitle ? 200 : 40) + 1; // a closer here still counts, anything else ends the quote
    if (close >= 0 && close <= giveUp && (newline < 0 || close < newline)) {
      out.push([from + open, from + close + 1]);
      i = close + 1;
    } else i = (newline >= 0 && newline < giveUp ? newline : giveUp) + 1;
  }
  return out;
}

/** Rule indexes by the character their matches start with, in rule order. */
const RULES_BY_FIRST = new Map<number, number[]>();
/** RULE_START[c] = 1 when some rule may start at character code c (a cheap test before the map). */
const RULE_START = new Uint8Array(0x10000);
RULES.forEach((rule, r) => {
  for (let k = 0; k < rule.first.length; k++) {
    const c = rule.first.charCodeAt(k);
    RULE_START[c] = 1;
    const list = RULES_BY_FIRST.get(c);
    if (list) list.push(r);
    else RULES_BY_FIRST.set(c, [r]);
  }
});

/**
 * Every rule's matches in [from, to), found in one pass over the slice: at each character that can
 * start a match, the rules starting with it are tried there. A rule resumes after its previous match
 * (as a global search would), so its matches never overlap one another.
 */
function findCues(text: string, from: number, to: number, slice = text.slice(from, to)): Found[] {
  const found: Found[] = [];
  const resume = new Int32Array(RULES.length);
  for (let i = 0; i < slice.length; i++) {
    const c = slice.charCodeAt(i);
    if (!RULE_START[c]) continue;
    for (const r of RULES_BY_FIRST.get(c)!) {
      if (i < resume[r]) continue;
      const rule = RULES[r];
      rule.re.lastIndex = i;
      const m = rule.re.exec(slice);
      if (!m) continue;
      resume[r] = i + m[0].length;
      if (rule.back && i < rule.back) continue;
      const s = from + i - (rule.back ?? 0);
      const e = from + i + m[0].length;
      if (rule.reject?.(text, s, e)) continue;
      if (rule.note === '完成比例不足100%' && Number(m[1]) >= 100) continue;
      found.push({ cue: rule.cue, start: s, end: e, note: rule.note, rank: rule.rank ?? 2, rule: r });
    }
  }
  // overlapping matches: keep the earlier one, at equal start the more telling cue, then the longer, then the earlier rule
  found.sort((a, b) => a.start - b.start || STRENGTH[b.cue] - STRENGTH[a.cue] || b.end - a.end || a.rule - b.rule);
  const quotes = quotedRanges(slice, from);
  const out: Found[] = [];
  let q = 0;
  for (const f of found) {
    while (q < quotes.length && quotes[q][1] <= f.start) q++;
    if (q < quotes.length && quotes[q][0] < f.start && f.end <= quotes[q][1]) continue;
    const last = out[out.length - 1];
    if (last && f.start < last.end) {
      // an open cue inside a done phrase (`已进入协商整改的最后阶段`) decides the phrase
      if (f.cue === 'open' && last.cue !== 'open') out[out.length - 1] = f;
      continue;
    }
    out.push(f);
  }
  return out;
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
// Item layout: sentences, sub-measures, whole-problem clauses

/** A clause about the problem found by the inspection rather than one sub-measure. */
const WHOLE_PROBLEM = /(该|此|本|上述)问题|巡[察视](?:组|办)?(?:反馈|发现|指出)(?!问题后|后|意见后)/g;
/** A sentence that reports the present state (`目前，村已停止…`, `截至2025年3月，…已完成…`). */
const STATE_OPENER = /[\s\u3000（(]*(?:[一二三四五六七八九十]{1,2}是)?(?:目前|现|现在|当前|至今|截至|截止|经[^，。；]{0,10}后|通过整改)/y;
/** A segment this short is a heading of its own sub-measures (`1.加大基础教育投入。`), not a measure. */
const HEADING_ONLY = 16;

interface ItemLayout {
  /** Start offsets of sentences (ascending); the first is the body start. */
  sentences: number[];
  /** Start offsets of sub-measures (ascending). */
  measures: number[];
  /** Sentence indexes that name the inspection's finding. */
  wholeSentences: Set<number>;
  /** Sentence indexes that speak of the item as a whole (`该问题已完成整改`). */
  verdictSentences: Set<number>;
}

/** Clause boundaries: sentence ends (。；！？ newline) and the commas/colons after which a sub-measure may start. */
const CLAUSE_BREAK = /[。；！？\n：，]/g;
/** Sub-measure markers, tried only at a clause start: 一是, 一方面/另一方面, （1）, ①, 1. */
const SUB_MEASURE = /[ \t\u3000]*(?:[一二三四五六七八九十]{1,2}是|另一方面|一方面|[（(][1-9]\d?[）)]|[①-⑳]|[1-9]\d?[.．、](?![\d%]))/y;

/** MAY_OPEN_MEASURE[c] = 1 when a marker can start with character code c (a cheap pre-test before SUB_MEASURE). */
const MAY_OPEN_MEASURE = new Uint8Array(0x10000);
for (const ch of ' \t\u3000一二三四五六七八九十另（(123456789') MAY_OPEN_MEASURE[ch.charCodeAt(0)] = 1;
for (let c = 0x2460; c <= 0x2473; c++) MAY_OPEN_MEASURE[c] = 1; // ①-⑳

function layoutOf(slice: string, from: number): ItemLayout {
  const sentences = [from];
  const starts: number[] = [];
  SUB_MEASURE.lastIndex = 0;
  if (SUB_MEASURE.test(slice)) starts.push(from);
  CLAUSE_BREAK.lastIndex = 0;
  while (CLAUSE_BREAK.test(slice)) {
    const next = CLAUSE_BREAK.lastIndex; // just after the break
    if (next >= slice.length) break;
    const c = slice.charCodeAt(next - 1);
    if (c !== 0xff1a && c !== 0xff0c) sentences.push(from + next); // not ：，
    if (!MAY_OPEN_MEASURE[slice.charCodeAt(next)]) continue;
    SUB_MEASURE.lastIndex = next;
    if (SUB_MEASURE.test(slice)) starts.push(from + next);
  }
  // a heading-only measure (`1.加大基础教育投入。` followed by its 一是…) merges with its first sub-measure
  const measures: number[] = [];
  for (let i = 0; i < starts.length; i++) {
    measures.push(starts[i]);
    if (i + 1 < starts.length && starts[i + 1] - starts[i] <= HEADING_ONLY) i++;
  }
  const wholeSentences = new Set<number>();
  const verdictSentences = new Set<number>();
  WHOLE_PROBLEM.lastIndex = 0;
  for (let m = WHOLE_PROBLEM.exec(slice); m; m = WHOLE_PROBLEM.exec(slice)) {
    const at = indexAt(sentences, from + m.index);
    wholeSentences.add(at);
    if (m[1]) verdictSentences.add(at);
  }
  return { sentences, measures, wholeSentences, verdictSentences };
}

/** Index of the last element ≤ pos in an ascending list, or -1. */
function indexAt(list: number[], pos: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

interface Clause extends Found {
  sentence: number;
  /** Sub-measure index, -1 outside sub-measures. */
  measure: number;
  itemScoped: boolean;
  /** In a sentence about the item as a whole (`该问题…`). */
  verdict: boolean;
  weight: number;
}

function classify(text: string, cues: Found[], layout: ItemLayout): Clause[] {
  const several = layout.measures.length >= 2;
  return cues.map((f) => {
    const sentence = indexAt(layout.sentences, f.start);
    const measure = indexAt(layout.measures, f.start);
    const itemScoped = !several || measure < 0 || layout.wholeSentences.has(sentence);
    const sStart = layout.sentences[sentence];
    let weight = f.cue === 'strong' ? 1.5 : f.cue === 'weak' ? 1 : 0;
    if (f.cue === 'weak') {
      STATE_OPENER.lastIndex = sStart;
      if (STATE_OPENER.test(text)) weight = 1.5;
    }
    const c: Clause = { cue: f.cue, start: f.start, end: f.end, note: f.note, rank: f.rank, rule: f.rule, sentence, measure, itemScoped, verdict: layout.verdictSentences.has(sentence), weight };
    return c;
  });
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
