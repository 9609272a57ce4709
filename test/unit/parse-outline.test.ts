import { describe, expect, it } from 'vitest';
import { parseNormalized } from '@/lib/parse/index';
import { buildOutline, MAX_OUTLINE_NODES, parseMarker } from '@/lib/parse/outline';
import { splitLines } from '@/lib/parse/normalize';

describe('parseMarker', () => {
  it('reads every marker kind', () => {
    expect(parseMarker('一、党委履行巡察整改主体责任情况')).toMatchObject({ kind: 'cnDun', number: 1 });
    expect(parseMarker('第四方面问题，上次巡视…')).toMatchObject({ kind: 'fangmian', number: 4, raw: '第四方面问题' });
    expect(parseMarker('（十四）关于财务制度执行不严格方面')).toMatchObject({ kind: 'cnParen', number: 14 });
    expect(parseMarker('1.针对“历史约定不合理”问题')).toMatchObject({ kind: 'numDot', number: 1 });
    expect(parseMarker('1、加大基础教育投入')).toMatchObject({ kind: 'numDot', number: 1 });
    expect(parseMarker('1. 学习贯彻')).toMatchObject({ kind: 'numDot', number: 1 });
    expect(parseMarker('（3）基础工作不够扎实')).toMatchObject({ kind: 'numParen', number: 3 });
    expect(parseMarker('针对“X”的问题，一是…')).toMatchObject({ kind: 'zhendui' });
  });
  it('reads garbled problem markers', () => {
    expect(parseMarker('（1）问题1严格落实“第一议题”制度')).toMatchObject({ kind: 'numParen', number: 1, problemNo: 1 });
    expect(parseMarker('2问题3：扎实做好')).toMatchObject({ kind: 'numParen', number: 2, problemNo: 3, raw: '2问题3' });
    expect(parseMarker('（20）问题27：严格执行')).toMatchObject({ number: 20, problemNo: 27 });
    expect(parseMarker('17问题20：主动谋划')).toMatchObject({ number: 17, problemNo: 20 });
    expect(parseMarker('（一）问题2：强化学用贯通')).toMatchObject({ kind: 'cnParen', number: 1, problemNo: 2 });
  });
  it('does not take body text for markers', () => {
    for (const line of ['2021年1—9月，共查处', '1.5万元已拨付', '一是制定学习指引。', '问题合同23宗', '①冈南村已完成', '13个村（社区）']) {
      expect(parseMarker(line)).toBeNull();
    }
  });
});

describe('buildOutline', () => {
  const outlineOf = (text: string) => {
    const lines = splitLines(text);
    return buildOutline(text, lines, 0, lines.length);
  };
  it('nests by marker kind and ends each section where the next one at its level starts', () => {
    const text = '一、总体\n正文\n（一）分项\n1.针对“甲”问题。内容\n2.针对“乙”问题。内容\n（二）分项二\n内容\n二、第二部分\n内容';
    const o = outlineOf(text);
    expect(o.roots.map((r) => r.node.marker)).toEqual(['一、', '二、']);
    const [s1] = o.roots;
    expect(s1.children.map((c) => c.node.id)).toEqual(['o-1-1', 'o-1-2']);
    expect(s1.children[0].children.map((c) => c.node.level)).toEqual([3, 3]);
    expect(text.slice(s1.node.start, s1.node.end)).toBe('一、总体\n正文\n（一）分项\n1.针对“甲”问题。内容\n2.针对“乙”问题。内容\n（二）分项二\n内容');
    for (const e of o.all) for (const c of e.children) {
      expect(c.node.start).toBeGreaterThanOrEqual(e.node.start);
      expect(c.node.end).toBeLessThanOrEqual(e.node.end);
    }
  });
  it('tells a heading from a numbered paragraph', () => {
    const o = outlineOf('（一）坚持政治引领，切实提升整改自觉\n正文。\n（二）强化政治担当，精心安排部署。洪梅镇党委把巡察整改作为任务。');
    expect(o.all.map((e) => [e.node.title, e.isParagraph])).toEqual([
      ['坚持政治引领，切实提升整改自觉', false],
      ['强化政治担当，精心安排部署', true],
    ]);
  });
  it('titles a 针对 paragraph by its problem clause, even when a comma follows', () => {
    const o = outlineOf('1.针对“东莞西站洪梅单元土地整备进展不理想”的问题,一是提升干部队伍');
    expect(o.all[0].node.title).toBe('针对“东莞西站洪梅单元土地整备进展不理想”的问题,一是提升干部队伍'.split(',')[0]);
  });
});

describe('items from an unnumbered 针对 paragraph', () => {
  it('treats `针对“X”的问题，一是…` lines as items when there are no numbered headings', () => {
    const n = parseNormalized('针对“台账不全”的问题，一是已全部整改完毕。\n针对“制度缺失”的问题，一是正在制定制度。');
    expect(n.items.map((i) => [i.label, i.status])).toEqual([
      ['台账不全', 'done'],
      ['制度缺失', 'in_progress'],
    ]);
  });
});

describe('outline on hostile input', () => {
  const build = (text: string) => {
    const lines = splitLines(text);
    return buildOutline(text, lines, 0, lines.length);
  };
  /** Fastest of a few runs, in ms (the machine is shared: the minimum is the least noisy). */
  const fastest = (text: string) => {
    let best = Infinity;
    for (let i = 0; i < 4; i++) {
      const t0 = performance.now();
      build(text);
      best = Math.min(best, performance.now() - t0);
    }
    return best;
  };
  it('stays linear when every sibling repeats the same number (one （一） per line)', () => {
    const line = '（一）条目标题文字\n'; // 10 chars: 1 000 lines ≈ 10 KB, 4 000 lines ≈ 40 KB
    const small = line.repeat(1000);
    const large = line.repeat(4000);
    build(large); // warm-up: the first run pays for compilation
    // linear ⇒ ≈ 4×; the old per-sibling id probe was quadratic (≈ 16×). Generous bound, not an absolute time.
    // A quadratic stage exceeds it every time; another process taking the CPU does not, so the best of three
    // attempts counts (as in parse-scaling.test.ts).
    let growth = Infinity;
    for (let attempt = 0; attempt < 3 && growth >= 9; attempt++) growth = Math.min(growth, fastest(large) / Math.max(fastest(small), 0.5));
    expect(growth).toBeLessThan(9);
  });
  it('keeps repeated sibling ids unique and stable', () => {
    const o = build('（一）甲\n（一）乙\n（二）丙\n（一）丁');
    expect(o.roots.map((e) => e.node.id)).toEqual(['o-1', 'o-1_2', 'o-2', 'o-1_3']);
  });
  it('caps the outline and says so in a finding', () => {
    const text = '（一）条目标题文字\n'.repeat(MAX_OUTLINE_NODES + 50);
    const o = build(text);
    expect(o.all.length).toBe(MAX_OUTLINE_NODES);
    expect(o.truncatedAt).toBe(text.indexOf('（一）', MAX_OUTLINE_NODES * 10));
    const notice = parseNormalized('关于巡察整改进展情况的通报\n一、整改落实情况\n' + '（1）条目标题文字\n'.repeat(MAX_OUTLINE_NODES + 5));
    const f = notice.findings.find((x) => x.kind === 'outline_truncated');
    expect(f?.message).toMatch(/编号标题超过5000个/);
  });
});
