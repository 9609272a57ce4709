import { describe, expect, it } from 'vitest';
import { daysBetween, runChecks, type CheckParts } from '@/lib/checks';
import type { NoticeMeta, OutlineNode, ProblemItem } from '@/lib/schema';
import { emptyMeta } from '@/scripts/lib/notice-model';

const meta = (publishDate: string | null): NoticeMeta => emptyMeta({ publishDate });

/** Build a text and outline from heading lines; each line gets a body unless it ends with '|'. */
function outlineFrom(lines: Array<[level: number, heading: string]>): { text: string; outline: OutlineNode[] } {
  let text = '';
  const roots: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  for (const [level, raw] of lines) {
    const empty = raw.endsWith('|');
    const heading = empty ? raw.slice(0, -1) : raw;
    const start = text.length;
    text += heading + (empty ? '\n' : '\n正文。\n');
    const marker = /^(（[一二三四五六七八九十\d]+）|[一二三四五六七八九十]+、|\d+\.)/.exec(heading)![0];
    const node: OutlineNode = { id: `n${start}`, level, marker, title: heading.slice(marker.length), start, end: text.length - 1, children: [] };
    while (stack.length >= level) stack.pop();
    (stack.length ? stack[stack.length - 1].children : roots).push(node);
    stack.push(node);
    for (const s of stack) s.end = node.end;
  }
  return { text, outline: roots };
}

const item = (over: Partial<ProblemItem>): ProblemItem => ({
  id: 'i1', label: '问题合同未整改', path: ['二', '1.'], status: 'in_progress', certainty: 'inferred', statusEvidence: { basis: null, progress: [], open: [] }, deadlines: [], quantities: [], start: 0, end: 10, ...over,
});
const parts = (over: Partial<CheckParts>): CheckParts => ({ meta: meta(null), outline: [], items: [], ...over });

describe('daysBetween', () => {
  it('counts calendar days', () => {
    expect(daysBetween('2025-06-30', '2026-11-23')).toBe(511);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });
});

describe('overdue', () => {
  const deadline = { text: '预计2025年7月前整改完成', date: '2025-06-30', start: 2, end: 8, overdueAtPublication: false };
  it('is overdue now (not at publication) when the deadline falls between publication and today', () => {
    const f = runChecks('x'.repeat(20), parts({ meta: meta('2025-06-19'), items: [item({ deadlines: [deadline] })] }), { today: '2026-11-23' });
    expect(f.map((x) => x.kind)).toEqual(['overdue_now']);
    expect(f[0].message).toContain('511 天');
    expect(f[0].itemId).toBe('i1');
  });
  it('is overdue at publication when the deadline precedes the notice date', () => {
    const f = runChecks('x'.repeat(20), parts({ meta: meta('2025-09-01'), items: [item({ deadlines: [deadline] })] }), {});
    expect(f.map((x) => [x.kind, x.severity])).toEqual([['overdue_at_publication', 'high']]);
  });
  it('never flags done items or undated promises', () => {
    const f = runChecks('x'.repeat(20), parts({ meta: meta('2025-09-01'), items: [item({ status: 'done', deadlines: [deadline] }), item({ deadlines: [{ ...deadline, date: null }] })] }), { today: '2026-01-01' });
    expect(f).toEqual([]);
  });
});

describe('arithmetic', () => {
  it('reports contradictions and consistent relations (info)', () => {
    const q = (v: number) => ({ text: `${v}宗`, value: v, unit: '宗', start: 0, end: 1 });
    const relations = [
      { total: q(23), parts: [q(11), q(12)], consistent: true, message: '23宗 = 11宗 + 12宗', start: 0, end: 5 },
      { total: q(23), parts: [q(11), q(13)], consistent: false, message: '23宗 ≠ 11宗 + 13宗', start: 6, end: 9 },
    ];
    const f = runChecks('x'.repeat(20), parts({ relations }), {});
    expect(f.map((x) => [x.kind, x.severity])).toEqual([['arithmetic_ok', 'info'], ['arithmetic', 'medium']]);
  });
});

describe('numbering', () => {
  it('finds gaps at every level, per sibling group when numbering restarts', () => {
    const { text, outline } = outlineFrom([
      [1, '一、甲'], [2, '（一）子'], [2, '（三）子'],
      [1, '二、乙'], [2, '（一）子'], [3, '1.项'], [3, '2.项'], [2, '（二）子'], [3, '1.项'], [3, '3.项'],
      [1, '四、丁'],
    ]);
    const msgs = runChecks(text, parts({ outline }), {}).map((f) => f.message);
    // a gap names the section it is in (the top level has none)
    expect(msgs).toEqual(['编号缺失：一、下（二）（可能存在未公开的问题）', '编号缺失：二、（二）下第2项（可能存在未公开的问题）', '编号缺失：三、（可能存在未公开的问题）']);
  });
  it('follows numbering that continues across parents (1,2 | 3,5 | 6,8)', () => {
    const { text, outline } = outlineFrom([[1, '一、问题'], [2, '（一）甲'], [3, '1.a'], [3, '2.b'], [2, '（二）乙'], [3, '3.c'], [3, '5.d'], [2, '（三）丙'], [3, '6.e'], [3, '8.f']]);
    const msgs = runChecks(text, parts({ outline }), {}).map((f) => f.message);
    expect(msgs).toEqual(['编号缺失：一、（二）下第4项（可能存在未公开的问题）', '编号缺失：一、（三）下第7项（可能存在未公开的问题）']);
  });
  it('reports duplicates', () => {
    const { text, outline } = outlineFrom([[1, '一、甲'], [2, '1.a'], [2, '2.b'], [2, '2.c']]);
    const f = runChecks(text, parts({ outline }), {});
    expect(f.map((x) => x.kind)).toEqual(['numbering_duplicate']);
  });
  it('names the numbers of gaps and duplicates in words, the same on every call (numerals are written once)', () => {
    const { text, outline } = outlineFrom([
      [1, '九、甲'], [1, '十二、乙'], [1, '十二、丙'], [1, '二十一、丁'], [2, '（三）子'], [2, '（十九）子'], [2, '（十九）子'],
    ]);
    const expected = [
      '编号缺失：一、至八、（可能存在未公开的问题）',
      '编号缺失：十、至十一、（可能存在未公开的问题）',
      '编号重复或倒序：十二、出现在十二、之后',
      '编号缺失：十三、至二十、（可能存在未公开的问题）',
      '编号缺失：二十一、下（一）至（二）（可能存在未公开的问题）',
      '编号缺失：二十一、下（四）至（十八）（可能存在未公开的问题）',
      '编号重复或倒序：二十一、下（十九）出现在（十九）之后',
    ];
    for (let round = 0; round < 2; round++) expect(runChecks(text, parts({ outline }), {}).map((f) => f.message)).toEqual(expected);
  });
});

describe('empty sections', () => {
  it('flags a heading with neither body nor children, and only that one', () => {
    const { text, outline } = outlineFrom([[1, '一、问题'], [2, '（一）关于甲方面'], [2, '（二）关于乙方面|'], [2, '（三）关于丙方面']]);
    const f = runChecks(text, parts({ outline, problemSectionIds: [outline[0].id] }), {});
    expect(f.map((x) => [x.kind, x.severity, x.message])).toEqual([
      ['empty_section', 'high', '标题下无内容：（二）关于乙方面（未报告任何整改情况，可能存在未公开的问题）'],
    ]);
  });
});

describe('one day count', () => {
  it('is the same function in checks, compare and the 公文 date helpers', async () => {
    const [checks, compare, gongwen] = await Promise.all([import('@/lib/checks'), import('@/lib/compare'), import('@/lib/gongwen')]);
    expect(checks.daysBetween).toBe(gongwen.daysBetween);
    expect(compare.daysBetween).toBe(gongwen.daysBetween);
  });
});
