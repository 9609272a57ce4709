// The status-cue rule table: which phrases say a problem is open, done (strong / weak), acted on or in progress,
// with the vetoes that keep goals, orders and plans from reading as results. findCues (status-cues.ts) applies it.

import { charIn, digitAhead, endsWithOneOf } from './char-tests';

/**
 * `action`: a measure reported as carried out without 已 (`2025年3月，…下发《通知》`, `完成修订`, `开展检查20次`,
 * `有效提高了…`) — a result, weaker than a completion claim, and never highlighted on its own.
 */
export type Cue = 'open' | 'strong' | 'weak' | 'action' | 'progress';

export interface Rule {
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
  /**
   * A cheap necessary condition for a match at offset `at` of the whole text: where it fails, `re` is not
   * tried (same result, only faster — for a rule whose first characters are very common).
   */
  may?: (text: string, at: number) => boolean;
  /**
   * For a rule whose first characters are very common (digits) but whose every match holds one rarer
   * character soon after its start: the scan does not try the rule at its first characters but once at each
   * `char` it sees (offset `at`), at `start(text, at, lo)` — the smallest offset ≥ lo where a match
   * reaching this `char` can start, or -1 where none can (then the pattern cannot match there).
   */
  anchor?: Anchor | null;
}

export interface Anchor {
  char: string;
  start: (text: string, at: number, lo: number) => number;
}

/** Verbs after 将/继续/持续 that only restate ongoing duty (boilerplate), not a pending step. */
const DUTY = '持续|继续|加强|进一步|做好|巩固|严格|不断|强化|深化|坚持|认真|切实|积极接受|积极配合|主动接受';
const CH_YU = '于'.charCodeAt(0);
const CH_YUE = '月'.charCodeAt(0);
const CH_NIAN = '年'.charCodeAt(0);
const INSTRUCTION = /督促|(?<!按)要求|指导|责令|部署|提醒/;
/** Words before 完成/制定… that make it a goal, an order or a plan rather than a step taken. */
const ACTION_NOT_DONE_BEFORE = endsWithOneOf('确保|力争|预计|计划|限期|按时|督促|推动|加快|要求|务必|尚未|未能|还未|仍未|需要|需|将|拟|争取|以便|为了|有待|待|如期|按期|年底前|前');
const STARTED_ONLY = /开展[^，。；]{0,6}整改|进入|启动/;
const RECTIFICATION_STARTED = /开展[^，。；]{0,6}整改/;
/** Two-character verbs that, followed by 中, say the work is under way (推进中, 审核中). */
const ONGOING_ZHONG = new Set(['推进', '进行', '办理', '实施', '建设', '协商', '施工', '审批', '审核', '整改', '评审']);
const NOUN_PLAN_BEFORE = endsWithOneOf('年度|工作|进度|培训|学习|更新|发展|整改|推进|实施|宣传|明确|教育|建设|招生|采购|生产|三年|年');
/** Adverbs before 推进 that make it routine wording (持续推进…), not a project still being pushed. */
const ROUTINE_BEFORE_PUSH = endsWithOneOf('持续|不断|深入|扎实|进一步|稳妥|加快|有序|稳步|分步|继续|正在|逐步');
/** 已 + these is not a finished action: an instruction given, a request filed, a state reached on the way. */
const YI_NOT_DONE =
  /已(?:经)?(?:[^，。；]{0,3}?(?:(?<!按)要求|督促|责令|部署|提醒)|[^，。；]{0,10}?(?:提交|上报|报送|报请|申请|请示)|[^，。；]?(?:启动|着手|开始|进入|取得|基本|累计|有|达|超|病|知|是|成为|列入|纳入计划))/y;

const RULE_TABLE: Rule[] = [
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
    reject: NOUN_PLAN_BEFORE,
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

  { first: '立', re: /立项(?:评估|论证|审批|申报)/y, cue: 'open', note: '尚在立项阶段' },
  {
    // `其表示将组织全体工作人员开展绿化业务学习`: a step only promised
    first: '表承',
    re: new RegExp(`(?:表示|表态|承诺)，?(?:将|会)(?!${DUTY})[^。；，]{2,30}`, 'y'),
    cue: 'open',
    note: '仅表态将做（尚未完成）',
  },
  { first: '部', re: /部分[^，。；]{0,12}(?:问题|事项)的解决/y, cue: 'open', note: '仅部分解决' },
  // `督促整改涉嫌违反…的文件`: named things others are urged to fix, the fix itself not reported (a mechanism —
  // `发现问题并督促整改。`, `督促…整改落实` — is no cue)
  { first: '督', re: /督促整改(?!到位|完毕|完成|落实)(?=[\u4e00-\u9fff])/y, cue: 'open', note: '督促整改中，未报告整改结果' },
  {
    // `筛查工作于年中开展`: a step set for later in the year
    first: '于',
    re: /于(?:今年|本年|明年)?(?:年中|年底|年内|下半年|年末)(?:前)?(?:开展|完成|启动|实施|投入|建成|完工)/y,
    cue: 'open',
    note: '安排在今后（尚未完成）',
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
  { first: '未暂没', re: /(?:未再|暂未|暂无|没有再?|未)发现[^，。；]{0,30}?(?:问题|情况)|暂无[^，。；]{0,12}(?:不整改|未整改|整改不到位)[^，。；]{0,4}(?:事项|问题|情况)/y, cue: 'weak', note: '问题已不再出现' },
  { first: '整', re: /整改工作形成闭环/y, cue: 'weak', note: '整改闭环' },

  // ---- action: a measure carried out (no 已), weaker than a done claim
  {
    first: '完',
    re: /完成(?!率|时限|时间|任务数|目标|期限)[^，。；]{1,14}/y,
    cue: 'action',
    note: '措施已实施',
    reject: ACTION_NOT_DONE_BEFORE,
  },
  {
    first: '制印下出修发签成召举审',
    re: /(?:制定|印发|下发|出台|修订|发布|签订|成立|召开|举办|审议通过)(?:了|并下发|并印发)?[^，。；]{0,24}?(?:》|会议|专题会|座谈会|交流会|培训班|方案|制度|办法|细则|通知|清单|指引|协议|承诺书|责任书|工作组|小组|机制)/y,
    cue: 'action',
    note: '措施已实施',
    reject: ACTION_NOT_DONE_BEFORE,
  },
  {
    first: '撤拆清修更补收退处辞',
    re: /(?:撤下|拆除|清拆|清理|修复|更换|补缴|收回|退还|处罚|辞退|补充完善)[^，。；]{1,16}/y,
    cue: 'action',
    note: '措施已实施',
    reject: ACTION_NOT_DONE_BEFORE,
  },
  {
    // `2025年2月，镇…召开` / `于4月组织…开展专项培训`: a dated step already taken (a plan says 计划/预计/将…前)
    first: '于0123456789',
    anchor: { char: '月', start: datedStepStart },
    re: /(?:于)?(?:20\d\d年)?\d{1,2}月(?:\d{1,2}日)?(?:底|初|上旬|中旬|下旬)?(?:[，,]|以来|起|期间|[^，。；前]{0,16}?(?:召开|开展|组织|下发|印发|制定|约谈|走访|完成|举办|发布|签订|督导|调研|培训|规范|梳理|变更|投入使用|启用))/y,
    cue: 'action',
    note: '措施已实施',
    reject: (t, s) => ACTION_NOT_DONE_BEFORE(t, s) || charIn(t, s - 1, '0123456789-—－至到'),
  },
  {
    // a counted result (`入户走访3570户`, `开展消防演练30次`, `储备166名`)
    first: '走开检发派组制收拆清整培储选排处查约督召举参覆完签回宣下通补修落出共累',
    // the count comes at most 18 characters after the verb (a 2-character verb: the digit by at + 20)
    may: (t, at) => digitAhead(t, at, 20),
    re: /(?:走访|开展|检查|发放|派发|发送|组织|制作|发布|收回|拆除|清拆|清理|整治|培训|储备|选拔|排查|处理|查处|约谈|督导|召开|举办|参与|参加|覆盖|完成|签订|回访|宣传|下发|通报|补种|修复|落实|出动|共|累计)[^，。；\d]{0,18}\d+(?:\.\d+)?(?:名|人次|人|次|场次|场|宗|处|份|户|间|棵|条|篇|家|期|万元|个)/y,
    cue: 'action',
    note: '措施已实施',
    reject: ACTION_NOT_DONE_BEFORE,
  },
  {
    // a mechanism set up or a step taken (`建立保密工作定期实地督导机制`, `将…纳入干部考核`, `进行了补充完善`)
    first: '建启增纳签进开转',
    re: /建立(?:健全|完善)?[^，。；]{0,16}?(?:机制|制度|台账|清单|队伍)|启用|增配|纳入[^，。；]{0,14}?考核|签订[^，。；]{0,10}?(?:责任书|承诺书|协议)|(?:进行|开展|组织)了|转入[^，。；]{0,14}?党组织/y,
    cue: 'action',
    note: '措施已实施',
    reject: ACTION_NOT_DONE_BEFORE,
  },
  {
    // an outcome reported (`有效提高了…`, `排名全市第一`, `未发生一起涉密事件`)
    first: '有切提改加推强得排实未同',
    re: /(?:有效|切实)?(?:提高|提升|改善|加强|推动|强化)了|得到(?:加强|强化|提升|提高|改善|规范)|排名全市第一|实现[^，。；]{0,8}零新增|未发生[^，。；]{0,10}(?:事件|事故|案件)|同比(?:下降|上升)|有所下降/y,
    cue: 'action',
    note: '措施已见成效',
  },

  // ---- progress: moving, not finished
  {
    first: '加有稳分先初逐开',
    re: /(?:加快|有序|稳步|分步)推进|加快(?:建设|打造|修订|制定|完成|落地|实施|搭建|推动)|加快[^，。；]{1,30}?建设|先行启动|初步(?:建立|形成|完成|实现|建成)|逐步(?:实现|提高|降低|推进|完善)|开展[^，。；]{0,6}整改(?!培训|工作会)/y,
    cue: 'progress',
    note: '推进中（未报告完成）',
    // `指导责任部门开展整改工作` is an instruction given, not the state of the work; `均已开展…整改` reports it carried out
    reject: (t, s) => INSTRUCTION.test(t.slice(Math.max(0, s - 8), s)) || charIn(t, s - 1, '已'),
  },
  {
    // `高规格推进低效闲置用地整治和城市更新行动`: a project still being pushed (not 持续/深入推进, routine wording)
    first: '推',
    re: /推进[^，。；]{0,16}?(?:行动|项目建设|改造|整治)(?![^，。；]{0,6}(?:完成|完毕|到位))/y,
    cue: 'progress',
    note: '推进中（未报告完成）',
    reject: ROUTINE_BEFORE_PUSH,
  },
];

/**
 * The rules, every optional field filled in: all rule objects then share one shape, so findCues's reads
 * of rule.may / rule.reject / rule.back stay monomorphic (with the literal's varied shapes, each read
 * went through a slow megamorphic lookup — at every candidate position).
 */
export const RULES: Required<Rule>[] = RULE_TABLE.map((r) => ({
  first: r.first,
  re: r.re,
  cue: r.cue,
  note: r.note,
  reject: r.reject ?? never,
  rank: r.rank ?? 2,
  back: r.back ?? 0,
  may: r.may ?? always,
  anchor: r.anchor ?? null,
}));
function never(): boolean {
  return false;
}
/** The default `may`: no cheap test (the scan does not call it). */
export function always(): boolean {
  return true;
}

/** Is the character at `i` an ASCII digit (what `\d` matches without the u flag)? */
function isDigit(t: string, i: number): boolean {
  const c = t.charCodeAt(i);
  return c >= 0x30 && c <= 0x39;
}

/**
 * Where the dated-step rule's head `(?:于)?(?:20\d\d年)?\d{1,2}月` starting at `p` puts its 月, or -1 where it
 * does not match. The head has one reading only: 于 and the year are taken whenever they stand (left out,
 * what follows them is no digit run ending in 月), and `\d{1,2}` takes two digits when two stand.
 */
function datedStepMonth(t: string, p: number): number {
  let q = p;
  if (t.charCodeAt(q) === CH_YU) q++;
  if (t.charCodeAt(q) === 0x32 && t.charCodeAt(q + 1) === 0x30 && isDigit(t, q + 2) && isDigit(t, q + 3) && t.charCodeAt(q + 4) === CH_NIAN) q += 5;
  if (!isDigit(t, q)) return -1;
  if (isDigit(t, q + 1)) q++;
  return t.charCodeAt(q + 1) === CH_YUE ? q + 1 : -1;
}

/**
 * The dated-step rule's anchor: the smallest start ≥ lo whose head ends at the 月 at `month`. Every match
 * holds a 月 at most 8 characters after its start (于2025年12月), and a head never runs over another 月, so
 * each start belongs to exactly one 月 and the 月s order them. What follows the 月 is the same for every start
 * of one 月: where the first fails, the others fail too, so only the first is worth a try.
 */
export function datedStepStart(t: string, month: number, lo: number): number {
  for (let p = Math.max(lo, month - 8); p < month; p++) if (datedStepMonth(t, p) === month) return p;
  return -1;
}

function yiNotDone(t: string, s: number): boolean {
  if (s < 0) return true;
  YI_NOT_DONE.lastIndex = s;
  return YI_NOT_DONE.test(t);
}
