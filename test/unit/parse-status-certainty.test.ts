/**
 * Issue 16: every status carries a certainty (stated / inferred / unclear) and the clauses of work done and of
 * work still open; the items the issue names are pinned against a careful reading of the seeds.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseNotice } from '@/lib/parse/index';
import { decideStatus } from '@/lib/parse/status';
import type { ProblemItem } from '@/lib/schema';

const decide = (s: string) => decideStatus(s, 0, s.length);
const root = resolve(__dirname, '../fixtures');
const itemFor = (items: ProblemItem[], key: string) => items.find((i) => i.label === key) ?? items.find((i) => i.path.at(-1) === key);

// ---------------------------------------------------------------------------------------------
// Certainty and the two kinds of evidence (issue 16)
describe('certainty: stated, inferred, unclear', () => {
  it('a tag, a whole-item claim or an explicit open step is stated', () => {
    expect(decide('……【已完成整改，并长期坚持】').certainty).toBe('stated');
    expect(decide('巡察反馈的留用地未兑现问题已解决；该问题已完成整改。')).toMatchObject({ status: 'done', certainty: 'stated' });
    expect(decide('目前正在全镇范围内物色合适地块。')).toMatchObject({ status: 'in_progress', certainty: 'stated' });
  });
  it('a status read from the measures is inferred', () => {
    const s = '一是2025年3月，镇公共服务办下发《关于落实工作职责事项清单的通知》。二是镇党委会审议通过《实施方案》，对辖区范围进行明确。';
    expect(decide(s)).toMatchObject({ status: 'done', certainty: 'inferred' });
    expect(decide('一是加快推进稻田项目建设。二是加快打造示范村。')).toMatchObject({ status: 'in_progress', certainty: 'inferred' });
  });
  it('a contradiction is the rare unclear', () => {
    expect(decide('剩余3宗正在协商。该问题已完成整改。')).toMatchObject({ status: 'unclear', certainty: 'unclear' });
  });
  it('a section heading states the status', () => {
    const heading = '（一）已完成整改的问题';
    const text = `${heading}\n1.关于制度执行不严格的问题。修订了财务管理制度，组织培训2次。`;
    const d = decideStatus(text, heading.length + 1, text.length, { status: 'done', text: heading, start: 0, end: heading.length });
    expect(d).toMatchObject({ status: 'done', certainty: 'stated' });
  });
});

describe('evidence: the clauses of work done and of work still open', () => {
  const s = '一是加快整改事故多发重点路段。目前，已完成洪梅大道升级改造工程。二是加快搭建智能交通控制系统，开展“智能交通管理平台”立项评估。目前，建成的电子警察均已覆盖全镇主要交通路口。';
  const d = decide(s);
  it('keeps open work open although a later sentence of the same measure reports something done', () => {
    expect(d).toMatchObject({ status: 'in_progress', certainty: 'stated' });
  });
  it('lists both kinds, each an exact slice of the text', () => {
    expect(d.progress.map((e) => e.text)).toEqual(expect.arrayContaining([expect.stringContaining('已完成洪梅大道升级改造工程'), expect.stringContaining('均已覆盖')]));
    expect(d.open.map((e) => e.text)).toEqual(expect.arrayContaining([expect.stringContaining('加快搭建智能交通控制系统'), expect.stringContaining('立项评估')]));
    for (const e of [...d.progress, ...d.open, d.evidence!]) expect(s.slice(e.start, e.end)).toBe(e.text);
  });
  it('a promise (其表示将…) and a step set for later in the year (于年中开展) are open work', () => {
    expect(decide('已完成绿化补种共67棵。其表示将组织全体工作人员开展绿化业务学习，制定绿化规划实施方案。').status).toBe('in_progress');
    expect(decide('共发动945名适龄妇女办理筛查赠险，筛查工作于年中开展。').status).toBe('in_progress');
  });
});

describe('issue 16: the items a careful reader decides', () => {
  const { notice: guzhen } = parseNotice(readFileSync(resolve(root, 'seeds/guzhen-town-2025-09-12.txt'), 'utf8'));
  const { notice: huadu } = parseNotice(readFileSync(resolve(root, 'seeds/huadu-district-2021-11-22.txt'), 'utf8'));
  const { notice: hongmei } = parseNotice(readFileSync(resolve(root, 'seeds/hongmei-town-2023.txt'), 'utf8'));
  it.each(['问题11', '问题23', '问题31'])('古镇镇 %s: every measure carried out, nothing open ⇒ done (inferred)', (key) => {
    const item = itemFor(guzhen.items, key)!;
    expect(item).toMatchObject({ status: 'done', certainty: 'inferred' });
    expect(item.statusEvidence.progress.length).toBeGreaterThan(0);
    expect(item.statusEvidence.open).toEqual([]);
  });
  it('花都区 城乡发展不平衡: measures still moving ⇒ in progress, with the open clauses listed', () => {
    const item = itemFor(huadu.items, '城乡发展不平衡')!;
    expect(item.status).toBe('in_progress');
    expect(item.statusEvidence.open.some((e) => /加快|初步|推进/.test(e.text))).toBe(true);
  });
  it('洪梅镇 19 道路交通建设管理存在隐患: roads finished, smart traffic still open ⇒ in progress, never done', () => {
    const item = itemFor(hongmei.items, '19.')!;
    expect(item.status).toBe('in_progress');
    expect(item.statusEvidence.progress.some((e) => e.text.includes('已完成洪梅大道'))).toBe(true);
    expect(item.statusEvidence.open.some((e) => e.text.includes('立项评估'))).toBe(true);
  });
});
