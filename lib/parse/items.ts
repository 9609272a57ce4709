/**
 * Problem items — the unit inspectors check — chosen from the outline.
 *
 * Only the "problems" sections count (`二、巡察反馈问题整改落实情况`, `三、需长期整改事项进展情况`…;
 * not `一、…主体责任…`, not `下一步工作…`). Inside them, walking down the outline:
 * - an *explicit* item line is an item: `1.针对“X”问题`, `（1）问题1…`, `2问题3：…`, `针对“X”的问题，一是…`;
 * - a node with explicit items below it is a category: descend;
 * - otherwise a *problem statement* (`（二）关于民生事业发展不快…问题`, `第四方面问题，…`) is an item
 *   and its numbered children are its measures;
 * - otherwise descend into sub-headings; a leaf heading with body text is an item (`（1）推进“百千万工程”仍需加力提速`).
 * Empty headings (no body, no children) are not items — checks report them as empty sections.
 */
import type { Outline, OutlineEntry } from './outline';
import type { SectionStatus } from './status';
import { entryPath, isEmptySection } from './outline';

export interface ItemCandidate {
  entry: OutlineEntry;
  id: string;
  label: string;
  path: string[];
  /** Where the item's reporting text starts (after its label clause). */
  bodyStart: number;
  start: number;
  end: number;
  /** A status stated once for the section the item sits in (`三、需长期整改事项进展情况`), if any. */
  sectionStatus: SectionStatus | null;
}



const PROBLEM_SECTION = /问题|整改落实|整改任务|整改事项|反馈意见|真改实改|整改进展/;
const NOT_PROBLEM_SECTION = /下一步|巩固|主体责任|组织落实整改|以政治建设为统领|深入学习|政治引领|工作打算|工作计划/;
const LONG_TERM_SECTION = /长期/;

export function isExplicitItem(e: OutlineEntry): boolean {
  return e.marker.problemNo !== null || e.marker.kind === 'zhendui' || /^针对.{1,80}问题$/.test(e.node.title);
}

function isProblemStatement(e: OutlineEntry): boolean {
  return e.marker.kind === 'fangmian' || /^关于.{2,80}(问题|方面)$/.test(e.node.title);
}

function hasExplicitBelow(e: OutlineEntry): boolean {
  return e.children.some((c) => isExplicitItem(c) || hasExplicitBelow(c));
}

export function isProblemSection(e: OutlineEntry): boolean {
  if (NOT_PROBLEM_SECTION.test(e.node.title)) return false;
  return PROBLEM_SECTION.test(e.node.title) || isExplicitItem(e) || hasExplicitBelow(e);
}

export function selectItems(text: string, outline: Outline): ItemCandidate[] {
  const out: ItemCandidate[] = [];
  const topLevel = outline.roots;
  const sections = topLevel.filter((e) => e.marker.kind === 'cnDun' && isProblemSection(e));
  if (sections.length) {
    for (const s of sections) {
      const section = sectionStatusOf(text, s);
      if (isExplicitItem(s)) out.push(candidate(text, s, section));
      else for (const c of s.children) walk(text, c, section, out);
    }
  } else {
    // no recognizable problems section: fall back to explicit item lines anywhere
    for (const e of outline.all) if (isExplicitItem(e) && !isEmptySection(text, e)) out.push(candidate(text, e, null));
  }
  return out;
}

/** The status a section heading states for its items (today: long-term sections). */
function sectionStatusOf(text: string, e: OutlineEntry): SectionStatus | null {
  if (!LONG_TERM_SECTION.test(e.node.title)) return null;
  return { status: 'long_term', text: text.slice(e.titleStart, e.titleEnd), start: e.titleStart, end: e.titleEnd };
}

function walk(text: string, e: OutlineEntry, section: SectionStatus | null, out: ItemCandidate[]): void {
  if (isExplicitItem(e)) {
    out.push(candidate(text, e, section));
    return;
  }
  if (hasExplicitBelow(e)) {
    for (const c of e.children) walk(text, c, section, out);
    return;
  }
  if (isEmptySection(text, e)) return;
  if ((isProblemStatement(e) && !e.children.some(isProblemStatement)) || !e.children.length) {
    out.push(candidate(text, e, section));
    return;
  }
  for (const c of e.children) walk(text, c, section, out);
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
export function itemLabel(title: string): string {
  let t = title.trim().replace(/[。：；，]+$/, '');
  const zhendui = /^针对/.test(t);
  const guanyu = /^关于/.test(t);
  if (zhendui || guanyu) {
    t = t.slice(2);
    t = t.replace(/(?:的|等)?(?:问题|方面)$/, '');
    if (guanyu) t = t.replace(/的整改情况$/, '');
    // `区委巡察办整改督查指出的“X”` — who raised it is not part of the problem's wording
    const open = t.indexOf('“');
    if (open > 0 && t[open - 1] === '的' && t.endsWith('”') && t.indexOf('”') === t.length - 1) t = t.slice(open);
    if (t.startsWith('“') && t.endsWith('”') && t.length > 2) {
      const inner = t.slice(1, -1);
      t = /[“”]/.test(inner) ? inner.replace(/”\s*[、和与及]\s*“/g, '、') : inner;
    }
  }
  return t.trim() || title.trim();
}
