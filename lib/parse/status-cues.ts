// Status cues: the rule table (open / strong done / weak done / progress) and the one-pass cue finder that skips quotes.

export type Cue = 'open' | 'strong' | 'weak' | 'progress';

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

export interface Found {
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
export function findCues(text: string, from: number, to: number, slice = text.slice(from, to)): Found[] {
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
