/**
 * Problem items — the unit inspectors check — chosen from the outline, the tables and labelled records.
 *
 * Only the "problems" sections count (`二、巡察反馈问题整改落实情况`, `三、需长期整改事项进展情况`…;
 * not `一、…主体责任…`, `一、把牢政治方向…抓紧抓好`, `…党委书记组织落实…整改工作`, not `下一步工作…`); a notice
 * without `一、` sections has its top headings that name problems walked instead. Inside them, walking down:
 * - an *explicit* item line is an item: `1.针对“X”问题`, `（1）问题1…`, `2问题3：…`, `针对“X”的问题，一是…`,
 *   `（1）关于“X…”`, `关于“X”问题的整改情况` — unless explicit items lie below it (`1.关于“X”问题的整改` › `（1）关于…`);
 * - a measure heading (`（一）强化组织领导，落实工作部署`) is no item, nor is anything below it;
 * - a node with explicit items below it, or a heading stating a status for its items (`（一）已完成整改的问题`),
 *   is a category: descend;
 * - otherwise a *problem statement* (`（二）关于民生事业发展不快…问题`, `第四方面问题，…`) is an item
 *   and its numbered children are its measures; `（一）关于…方面` is a category of its numbered children;
 * - otherwise descend into sub-headings; a leaf heading with body text is an item (`（1）推进“百千万工程”仍需加力提速`).
 * Empty headings (no body, no children) are not items — checks report them as empty sections — except a heading
 * that ends a cut-off copy. Inline `一是…二是…` are measures in their item's text, never items.
 * Status stated by a section (heading or a lead-in line `已完成整改问题如下：`) goes to ItemCandidate.sectionStatus.
 * Table rows (./table-items.ts) replace outline items overlapping their table; labelled fields (./field-items.ts)
 * refine items and add `问题：` records.
 */
import type { Outline, OutlineEntry } from './outline';
import type { ItemStatus } from '@/lib/schema';
import type { ItemCandidate } from './item-candidate';
import type { SectionStatus } from './status';
import { entryPath, isEmptySection } from './outline';
import type { Table } from './table';
import { withTableRows } from './table-items';
import { withFieldRecords } from './field-items';
import { colonsOf } from './fields';
import { firstAtOrAfter } from './positions';

export type { ItemCandidate } from './item-candidate';



const PROBLEM_SECTION = /问题|整改落实|整改任务|整改事项|反馈意见|真改实改|整改进展/;
/**
 * Sections about how the body organised its rectification (responsibility, leadership, root causes, next
 * steps), not about the problems found — even when they mention 整改任务 or 问题.
 */
const NOT_PROBLEM_SECTION =
  /下一步|巩固|主体责任|组织落实整改|以政治建设为统领|深入学习|政治引领|工作打算|工作计划|政治站位|政治方向|组织领导|政治责任|抓紧抓好|根源|原因分析|思想认识|组织落实[^，。]{0,14}整改|组织整改|主要负责人|(?<!总)书记|第一责任人/;
/** A numbered measure/responsibility heading (`（一）强化组织领导，落实工作部署`): a verb of effort + an organising object. */
const MEASURE_HEADING = /^(?:强化|加强|坚持|提高|提升|压实|落实|健全|完善|建立|注重|狠抓|把牢|聚焦|突出|深化|严格|注重|坚决|全面|切实|层层|统筹|从讲政治|着眼)/;
const MEASURE_OBJECT = /组织领导|工作部署|主体责任|政治站位|政治责任|责任担当|整改合力|长效机制|整改成效|统筹融合|政治担当|安排部署|整改自觉|示范|以上率下|督查|督促|抓整改|整改责任|成果运用|建章立制|问题导向|举一反三|立行立改|标本兼治|统筹部署|跟踪指导|职责分工|执纪问责|督导|组织保障/;
/** Words that make a heading name a problem (`关于落实主体责任不够到位方面`), whatever verb it starts with. */
const PROBLEM_WORDS = /问题(?!导向)|不健全|不完善|不及时|不充分|偏差|弱化|淡化|不够|不到位|不力|不足|短板|缺失|薄弱|不严|滞后|不规范|欠缺|有差距|不高|不强|不深|不实|不细|漏洞|缺位|风险|隐患|仍需|有待/;
/** Sections about what comes next: never problems, whatever they list. */
const FUTURE_SECTION = /下一步|工作打算|工作计划|巩固/;
/** Titles that name the problems' rectification outright (`二、坚持问题导向，提高政治站位，全力推进反馈问题整改`). */
const STRONG_PROBLEM_SECTION = /反馈(?:指出)?的?问题|逐条逐项|真改实改|整改事项/;
const LONG_TERM_SECTION = /长期/;
const DONE_SECTION = /(?:已(?:经)?(?:全部)?完成整改|已整改(?:完成|到位)?|整改已完成|已办结|已销号)的?(?:问题|事项|任务)/;
const IN_PROGRESS_SECTION = /(?:正在(?:推进|持续)?整改|整改中|尚未完成整改|未完成整改|基本完成整改|持续推进整改|阶段性成效)的?(?:问题|事项|任务)/;
/** A body line introducing the items below it with their status: `截至目前，已完成整改问题如下：`. */
export const LEAD_IN = /(?:已(?:经)?(?:全部)?完成整改|已整改(?:完成|到位)?|正在(?:推进)?整改|尚未完成整改|未完成整改|需长期(?:坚持)?整改|长期坚持整改)[^\n。]{0,16}?(?:问题|事项|任务)[^\n。]{0,16}[：:]$/;

// The patterns below are module constants, not literals inside the functions: a regex literal makes a new
// RegExp object each time it is evaluated, and these functions run for every outline entry.
const ZHENDUI_PROBLEM_TITLE = /^针对.{1,80}问题$/;
const GUANYU_QUOTE_START = /^关于“/;
const FANGMIAN_END = /方面”?$/;
const PROBLEM_TITLE_END = /问题(?:的整改(?:情况|进展)?)?$/;
const CLOSING_QUOTE = /”/;
const GUANYU_PROBLEM_TITLE = /^关于.{2,80}问题(?:的整改(?:情况|进展)?)?$/;
const ITEM_LEAD_WORD = /^(?:关于|针对|在)/;

export function isExplicitItem(e: OutlineEntry): boolean {
  return e.marker.problemNo !== null || e.marker.kind === 'zhendui' || ZHENDUI_PROBLEM_TITLE.test(e.node.title) || isGuanyuQuotedProblem(e.node.title);
}

/** `关于“X”问题的整改情况`, `关于“X不深不透。…` (a quoted problem after 关于). */
function isGuanyuQuotedProblem(title: string): boolean {
  return GUANYU_QUOTE_START.test(title) && !FANGMIAN_END.test(title) && (PROBLEM_TITLE_END.test(title) || !CLOSING_QUOTE.test(title.slice(3)) || title.endsWith('…'));
}

function isProblemStatement(e: OutlineEntry): boolean {
  return e.marker.kind === 'fangmian' || GUANYU_PROBLEM_TITLE.test(e.node.title);
}

/** A numbered heading about the body's own work (leadership, responsibility, mechanisms), never a problem item. */
export function isMeasureHeading(e: OutlineEntry): boolean {
  const t = e.node.title;
  if (isExplicitItem(e) || ITEM_LEAD_WORD.test(t) || PROBLEM_WORDS.test(t)) return false;
  return MEASURE_HEADING.test(t) && MEASURE_OBJECT.test(t);
}

function hasExplicitBelow(e: OutlineEntry): boolean {
  for (const c of e.children) if (isExplicitItem(c) || hasExplicitBelow(c)) return true;
  return false;
}

function rootOf(e: OutlineEntry): OutlineEntry {
  while (e.parent) e = e.parent;
  return e;
}

/** A top-level heading (in a notice without `一、` sections) that names problems: `（一）学习贯彻…不够深细`. */
function isProblemHeading(e: OutlineEntry): boolean {
  if (NOT_PROBLEM_SECTION.test(e.node.title) || isMeasureHeading(e)) return false;
  return PROBLEM_WORDS.test(e.node.title) || PROBLEM_SECTION.test(e.node.title) || hasExplicitBelow(e) || !!sectionStatusKind(e.node.title);
}

export function isProblemSection(e: OutlineEntry): boolean {
  const t = e.node.title;
  if (FUTURE_SECTION.test(t)) return false;
  if (isExplicitItem(e) || hasExplicitBelow(e) || sectionStatusKind(t)) return true;
  if (NOT_PROBLEM_SECTION.test(t) && !STRONG_PROBLEM_SECTION.test(t)) return false;
  return PROBLEM_SECTION.test(t);
}

/**
 * Problem items of the outline, of the tables (rows replace the outline items that overlap a table) and of
 * labelled records (`问题：…整改情况：…`) in [bounds.from, bounds.to).
 */
export function selectItems(text: string, outline: Outline, tables: Table[] = [], bounds = { from: 0, to: text.length }): ItemCandidate[] {
  const helpers = { itemLabel, sectionStatusOf };
  const colons = colonsOf(text); // for the lead-in lines (they end with a colon) and the labelled fields
  const withRows = withTableRows(text, outline, tables, selectOutlineItems(text, outline, colons), helpers);
  return withFieldRecords(text, outline, withRows, bounds, helpers, colons);
}

/** `colons`: colonsOf(text). */
function selectOutlineItems(text: string, outline: Outline, colons: Int32Array): ItemCandidate[] {
  const out: ItemCandidate[] = [];
  const topLevel = outline.roots;
  const sections = topLevel.filter((e) => e.marker.kind === 'cnDun' && isProblemSection(e));
  if (sections.length) {
    for (const s of sections) {
      const section = sectionStatusOf(text, s);
      if (isExplicitItem(s) && !hasExplicitBelow(s)) out.push(candidate(text, s, section));
      else walkChildren(text, s, section, out, colons);
    }
  } else {
    // no `一、` problems section: top-level headings that name problems are walked as problem sections,
    // explicit item lines elsewhere are items wherever they stand
    const walked = new Set(topLevel.filter((e) => isProblemHeading(e)));
    for (const e of walked) walk(text, e, null, out, colons);
    for (const e of outline.all) {
      if (walked.has(rootOf(e))) continue;
      if (isExplicitItem(e) && !hasExplicitBelow(e) && !isEmptySection(text, e)) out.push(candidate(text, e, sectionStatusAbove(text, e)));
    }
    out.sort((a, b) => a.start - b.start);
  }
  return out;
}

/** The status a heading title states for the items below it: `（一）已完成整改的问题（共12个）`, `三、需长期整改事项进展情况`. */
export function sectionStatusKind(title: string): ItemStatus | null {
  if (LONG_TERM_SECTION.test(title)) return 'long_term';
  if (IN_PROGRESS_SECTION.test(title)) return 'in_progress';
  if (DONE_SECTION.test(title)) return 'done';
  return null;
}

/** The status a section heading states for its items, with the heading's title as evidence. */
export function sectionStatusOf(text: string, e: OutlineEntry): SectionStatus | null {
  const status = sectionStatusKind(e.node.title);
  if (!status) return null;
  return { status, text: text.slice(e.titleStart, e.titleEnd), start: e.titleStart, end: e.titleEnd };
}

/** The nearest enclosing heading's stated status (for items found outside a problems section). */
function sectionStatusAbove(text: string, e: OutlineEntry): SectionStatus | null {
  for (let p = e.parent; p; p = p.parent) {
    const s = sectionStatusOf(text, p);
    if (s) return s;
  }
  return null;
}

/**
 * Lead-in lines (`已完成整改问题如下：`) inside [from, to), in text order; the lines are [from, first break) and
 * those after each break, the last one cut at `to`. A lead-in ends with a colon, so only the lines whose
 * last character is one of `colons` (colonsOf(text)) are read: on a long notice nearly every line holds none.
 */
export function leadIns(text: string, from: number, to: number, colons: Int32Array): SectionStatus[] {
  const out: SectionStatus[] = [];
  for (let k = firstAtOrAfter(colons, from); k < colons.length && colons[k] < to; k++) {
    const le = colons[k] + 1;
    if (le < to && text.charCodeAt(le) !== 0x0a) continue; // not the last character of its line
    const ls = Math.max(from, text.lastIndexOf('\n', colons[k]) + 1);
    if (le - ls > 60) continue;
    const line = text.slice(ls, le);
    const m = LEAD_IN.exec(line);
    const status = m ? sectionStatusKind(m[0]) ?? leadInKind(m[0]) : null;
    if (status) out.push({ status, text: line, start: ls, end: le });
  }
  return out;
}

export function leadInKind(s: string): ItemStatus | null {
  if (s.includes('长期')) return 'long_term';
  if (s.includes('正在') || s.includes('未完成') || s.includes('尚未')) return 'in_progress';
  return s.includes('已') ? 'done' : null;
}

/** Walk a node's children; a lead-in line between them states the status of the children after it. */
function walkChildren(text: string, e: OutlineEntry, section: SectionStatus | null, out: ItemCandidate[], colons: Int32Array): void {
  const intros = e.children.length ? leadIns(text, e.lineEnd, e.node.end, colons) : [];
  let k = 0;
  let current = section;
  for (const c of e.children) {
    while (k < intros.length && intros[k].start < c.node.start) current = intros[k++];
    const first = out.length;
    walk(text, c, current, out, colons);
    // an item's text stops where a lead-in line introduces the next group
    if (k < intros.length) for (let i = first; i < out.length; i++) out[i].end = Math.min(out[i].end, intros[k].start);
  }
}

function walk(text: string, e: OutlineEntry, inherited: SectionStatus | null, out: ItemCandidate[], colons: Int32Array): void {
  const explicitBelow = hasExplicitBelow(e);
  if (isExplicitItem(e) && !explicitBelow) {
    out.push(candidate(text, e, inherited));
    return;
  }
  if (!explicitBelow && isMeasureHeading(e)) return;
  const own = sectionStatusOf(text, e);
  const section = own ?? inherited;
  if (explicitBelow || (own && e.children.length)) {
    walkChildren(text, e, section, out, colons);
    return;
  }
  if (isEmptySection(text, e) && !cutOffAt(text, e)) return;
  if ((isProblemStatement(e) && !e.children.some(isProblemStatement)) || !e.children.length) {
    out.push(candidate(text, e, section));
    return;
  }
  walkChildren(text, e, section, out, colons);
}

/** The heading is the last line of a copy that stops there (a page copy cut off): its body is unknown, not empty. */
function cutOffAt(text: string, e: OutlineEntry): boolean {
  // right below a top section (`二、…` › `（一）贯彻落实…`) a heading is a category more often than a problem
  const deep = !!e.parent?.parent || isExplicitItem(e);
  return deep && !e.children.length && text.slice(e.lineEnd).trim() === '';
}

function candidate(text: string, e: OutlineEntry, sectionStatus: SectionStatus | null): ItemCandidate {
  return {
    entry: e,
    id: e.node.id,
    label: itemLabel(text.slice(e.titleStart, e.titleEnd)),
    path: entryPath(e),
    bodyStart: e.titleEnd,
    start: e.node.start,
    end: e.node.end,
    sectionStatus,
  };
}

/**
 * The problem's own words from an item title:
 * `针对“历史约定不合理”问题` → `历史约定不合理`; `针对“A”、“B”问题` → `A、B`;
 * `针对没有把区位优势…优势问题` → `没有把区位优势…优势`; `关于…问题` → `…`; `问题1严格落实…` titles as is.
 */
const TRAILING_PUNCTUATION = /[。：；，]+$/;
const ZHENGGAI_SUFFIX = /的整改(?:情况|进展)?$/;
const PROBLEM_SUFFIX = /(?:的|等)?(?:问题|方面)$/;
const ANY_QUOTE = /[“”]/;
const QUOTE_JOINER = /”\s*[、和与及]\s*“/g;

export function itemLabel(title: string): string {
  let t = title.trim().replace(TRAILING_PUNCTUATION, '');
  const zhendui = t.startsWith('针对');
  const guanyu = t.startsWith('关于');
  if (zhendui || guanyu) {
    t = t.slice(2);
    if (guanyu) t = t.replace(ZHENGGAI_SUFFIX, '');
    t = t.replace(PROBLEM_SUFFIX, '');
    // `区委巡察办整改督查指出的“X”` — who raised it is not part of the problem's wording
    const open = t.indexOf('“');
    if (open > 0 && t[open - 1] === '的' && t.endsWith('”') && t.indexOf('”') === t.length - 1) t = t.slice(open);
    if (t.startsWith('“') && t.endsWith('”') && t.length > 2) {
      const inner = t.slice(1, -1);
      t = ANY_QUOTE.test(inner) ? inner.replace(QUOTE_JOINER, '、') : inner; // replace resets a /g pattern's lastIndex
    }
  }
  return t.trim() || title.trim();
}
