/**
 * Expectations written by reading each seed notice (test/fixtures/seeds/), not by snapshotting.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNotice } from '@/lib/parse/index';
import { notice as noticeSchema, type Notice, type OutlineNode } from '@/lib/schema';

const seed = (name: string) => readFileSync(new URL(`../fixtures/seeds/${name}`, import.meta.url), 'utf8');
const parse = (name: string, today?: string) => parseNotice(seed(name), { today });
const MAZHANG = 'mazhang-town-2024-09-25.txt';
const HUASHAN = 'huashan-town-2025-06-19.txt';
const HONGMEI = 'hongmei-town-2023.txt';
const HUADU = 'huadu-district-2021-11-22.txt';
const GUZHEN = 'guzhen-town-2025-09-12.txt';

const byNumber = (n: Notice, no: string) => n.items.find((i) => i.path[i.path.length - 1] === no)!;
const flat = (nodes: OutlineNode[]): OutlineNode[] => nodes.flatMap((n) => [n, ...flat(n.children)]);

describe.each([MAZHANG, HUASHAN, HONGMEI, HUADU, GUZHEN])('%s', (name) => {
  it('validates against the Notice schema and every offset is inside the text', () => {
    const { text, notice } = parse(name, '2026-11-23');
    expect(noticeSchema.safeParse(notice).success).toBe(true);
    expect(notice.textLength).toBe(text.length);
    for (const x of [...flat(notice.outline), ...notice.items, ...notice.spans, ...notice.findings]) {
      expect(x.start).toBeLessThanOrEqual(x.end);
      expect(x.end).toBeLessThanOrEqual(text.length);
    }
    for (const s of notice.spans) expect(text.slice(s.start, s.end)).toBe(s.text);
    for (const it of notice.items) {
      const { basis, progress, open } = it.statusEvidence;
      for (const e of [...(basis ? [basis] : []), ...progress, ...open]) expect(text.slice(e.start, e.end)).toBe(e.text);
      expect(['stated', 'inferred', 'unclear']).toContain(it.certainty);
      expect(it.certainty === 'unclear').toBe(it.status === 'unclear');
    }
  });
});

describe('麻章镇 (tags, two-line title)', () => {
  const { notice } = parse(MAZHANG);
  it('reads the two-line title and the header', () => {
    expect(notice.meta.title).toBe('中共麻章镇委员会关于巡察整改情况的通报');
    expect(notice.meta.organization).toBe('中共麻章镇委员会');
    expect(notice.meta.inspectionBody).toBe('区委第三巡察组');
    expect(notice.meta.inspectionPeriod).toEqual({ start: '2023-09', end: '2023-12' }); // 2023年9月至12月: months, as written
    expect(notice.meta.feedbackDate).toBe('2024-03-14');
    expect(notice.meta.publishDate).toBe('2024-09-25');
    expect(notice.meta.contacts.phones).toEqual(['0759-2711238']);
    expect(notice.meta.contacts.emails).toEqual(['mazhang2009@163.com']);
    expect(notice.meta.contacts.addresses).toEqual(['湛江市麻章区麻章镇人民政府办公楼203室']);
  });
  it('has 16 problem items: 11 done, 5 in progress (3, 4, 5, 13, 16)', () => {
    expect(notice.items).toHaveLength(16);
    expect(notice.items.filter((i) => i.status === 'done')).toHaveLength(11);
    const open = notice.items.filter((i) => i.status === 'in_progress').map((i) => i.path[2]);
    expect(open).toEqual(['3.', '4.', '5.', '13.', '16.']);
    expect(byNumber(notice, '3.').statusEvidence.basis?.text).toBe('【正在整改，并取得阶段性成效】');
    expect(notice.items.every((i) => i.certainty === 'stated')).toBe(true); // every item carries a tag
  });
  it('labels items with the problem’s own words and marker paths', () => {
    expect(notice.items[0].label).toBe('理论学习不够深入');
    expect(notice.items[0].path).toEqual(['二', '（一）', '1.']);
    expect(byNumber(notice, '10.').label).toBe('制度建设‘形同虚设’');
    expect(byNumber(notice, '16.').path).toEqual(['二', '（四）', '16.']);
  });
  it('tells headings from numbered paragraphs: （一）坚持政治引领… is a heading with a body below', () => {
    const one = notice.outline[0];
    expect(one.marker).toBe('一、');
    expect(one.children.map((c) => c.title)).toEqual([
      '坚持政治引领，切实提升整改自觉',
      '坚持以上率下，层层压实整改责任',
      '坚持问题导向，全力推动整改落实',
    ]);
    expect(notice.findings.filter((f) => f.kind === 'numbering_gap' || f.kind === 'empty_section')).toEqual([]);
  });
});

describe('花山镇 (implied status, arithmetic, deadlines)', () => {
  it('checks 23 = 11 + 12 and 12 = 5 + 7', () => {
    const { notice } = parse(HUASHAN);
    const ok = notice.findings.filter((f) => f.kind === 'arithmetic_ok').map((f) => f.message);
    expect(ok.some((m) => /23.*11.*12/.test(m))).toBe(true);
    expect(ok.some((m) => /12.*5.*7/.test(m))).toBe(true);
    expect(notice.findings.filter((f) => f.kind === 'arithmetic')).toEqual([]);
  });
  it('reads `预计2025年7月前整改完成` as due 2025-06-30: not overdue at publication, overdue on 2026-11-23', () => {
    const atPublication = parse(HUASHAN).notice;
    const item = atPublication.items.find((i) => i.label === '问题合同未整改、阴阳合同赫然存在')!;
    expect(item.status).toBe('in_progress');
    expect(item.deadlines.map((d) => [d.text, d.date, d.overdueAtPublication])).toEqual([['预计2025年7月前整改完成', '2025-06-30', false]]);
    expect(atPublication.findings.some((f) => f.kind.startsWith('overdue'))).toBe(false);

    const later = parse(HUASHAN, '2026-11-23').notice;
    const now = later.findings.filter((f) => f.kind === 'overdue_now');
    expect(now.some((f) => f.message.includes('511 天') && f.message.includes('2025年6月30日'))).toBe(true);
    const span = later.spans.find((s) => s.text === '预计2025年7月前整改完成')!;
    expect(span.kind).toBe('overdue');
    expect(span.note).toContain('已逾期 511 天');
  });
  it('resolves the year-less promise `计划6月再组织` to the publish year, not the feedback year', () => {
    const { notice } = parse(HUASHAN);
    const item = notice.items.find((i) => i.label === '党组织议事决策制度执行不严')!;
    expect(item.status).toBe('in_progress');
    expect(item.deadlines[0].date).toBe('2025-06-30');
  });
  it('finds 22 items: 9 村级留用地 items and the （1）…（n） problems of the 百千万工程 part', () => {
    const { notice } = parse(HUASHAN);
    expect(notice.items).toHaveLength(22);
    expect(notice.items[0].label).toBe('历史约定不合理');
    expect(notice.items[0].status).toBe('in_progress'); // 待区专题会议讨论后再进一步明确
    expect(notice.items.find((i) => i.label === '公共服务供给存在短板')!.status).toBe('in_progress'); // 待资金到位后
    expect(notice.meta.organization).toBe('中共广州市花都区花山镇委员会');
    expect(notice.meta.publishDate).toBe('2025-06-19');
    expect(notice.meta.feedbackDate).toBe('2024-09'); // only "2024年9月": the month, no day guessed
    expect(notice.meta.inspectionBody).toBe('区委第四巡察组、区委专项巡察组');
  });
});

describe('洪梅镇 (gaps and empty headings)', () => {
  const { notice } = parse(HONGMEI);
  const messages = notice.findings.map((f) => f.message);
  it('reports every missing item number', () => {
    // each gap names the section of the item after it (numbering runs on across 二、（一）…（十九）)
    for (const gap of ['（二）下第4项', '（四）下第7项', '（五）下第11项', '（六）下第14—16项', '（七）下第18项', '（九）下第23项', '（十）下第25项', '（十一）下第28项', '（十二）下第31项', '（十五）下第36—39项', '（十七）下第45项', '（十八）下第47—49项']) {
      expect(messages).toContain(`编号缺失：二、${gap}（可能存在未公开的问题）`);
    }
    // section 一 has （一）（三）（四）; section 三 has （一）（三）
    expect(messages).toContain('编号缺失：一、下（二）（可能存在未公开的问题）');
    expect(messages).toContain('编号缺失：三、下（二）（可能存在未公开的问题）');
  });
  it('reports the two headings with no body', () => {
    const empty = notice.findings.filter((f) => f.kind === 'empty_section').map((f) => f.message);
    expect(empty).toHaveLength(2);
    expect(empty[0]).toContain('（十四）关于财务制度执行不严格方面');
    expect(empty[1]).toContain('（十九）关于部分巡察、审计反馈问题整改未完成方面');
  });
  it('reads numbered paragraphs `（一）强化政治担当，精心安排部署。洪梅镇党委…` by their first sentence', () => {
    expect(notice.outline[0].children[0].title).toBe('强化政治担当，精心安排部署');
  });
  it('has 32 items and marks the unfinished ones', () => {
    expect(notice.items).toHaveLength(32);
    expect(byNumber(notice, '17.').status).toBe('in_progress'); // 至今无人认领
    expect(byNumber(notice, '44.').status).toBe('in_progress'); // 剩余一个项目重新核定费用
    expect(byNumber(notice, '2.').status).toBe('in_progress'); // 正在全镇范围内物色合适地块
  });
  it('has no title and no date: null, never a guess', () => {
    expect(notice.meta.title).toBeNull();
    expect(notice.meta.publishDate).toBeNull();
    expect(notice.meta.feedbackDate).toBe('2023-07-26');
    expect(notice.meta.organization).toBe('洪梅镇党委');
  });
});

describe('花都区 (chrome, 第X方面问题)', () => {
  const { notice } = parse(HUADU);
  it('reads the publish date from the signature (not the later page stamp) and the feedback date from the header', () => {
    expect(notice.meta.publishDate).toBe('2021-11-22'); // signed 2021年11月22日; the page says 日期:2021-11-23
    expect(notice.meta.feedbackDate).toBe('2021-01-26');
    expect(notice.meta.title).toBe('中共广州市花都区委关于巡视整改进展情况的通报');
    expect(notice.meta.organization).toBe('中共广州市花都区委');
    expect(notice.meta.inspectionBody).toBe('省委第三巡视组');
    expect(notice.meta.inspectionPeriod).toEqual({ start: '2020-10-13', end: '2020-12-13' });
  });
  it('takes contacts from the closing paragraph, not the site footer', () => {
    expect(notice.meta.contacts.phones).toEqual(['020-36898776']);
    expect(notice.meta.contacts.emails).toEqual(['jinbj@huadu.gov.cn']);
    expect(notice.meta.contacts.postcodes).toEqual(['510800']);
  });
  it('nests 第一方面问题 between 二、 and （一）, and keeps chrome out of the outline', () => {
    const two = notice.outline[1];
    expect(two.children.map((c) => c.marker)).toEqual(['第一方面问题', '第二方面问题', '第三方面问题', '第四方面问题']);
    expect(two.children[0].children[0].marker).toBe('（一）');
    expect(flat(notice.outline).some((n) => /所在位置|来源/.test(n.title))).toBe(false);
  });
  it('uses 针对 items where they exist and 关于…问题 statements elsewhere', () => {
    const labels = notice.items.map((i) => i.label);
    expect(labels).toContain('没有把区位优势切实转化为经济社会发展优势');
    expect(labels).toContain('违反中央八项规定精神问题时有发生');
    expect(labels).toContain('民生事业发展不快，与群众期望还有距离');
    expect(labels).not.toContain('加大基础教育投入'); // a measure of （二）, not a problem
    const livelihood = notice.items.find((i) => i.label === '民生事业发展不快，与群众期望还有距离')!;
    expect(livelihood.status).toBe('in_progress');
    expect(livelihood.deadlines.map((d) => [d.text, d.date, d.overdueAtPublication])).toContainEqual(['将于2021年底前完工', '2021-12-31', false]);
  });
});

describe('古镇镇 (问题N, long-term section)', () => {
  const { notice } = parse(GUZHEN);
  it('reads garbled problem markers (（1）问题1, 2问题3：, （20）问题27)', () => {
    const labels = notice.items.map((i) => i.path[i.path.length - 1]);
    expect(labels.slice(0, 4)).toEqual(['问题1', '问题3', '问题4', '问题5']);
    expect(labels).toContain('问题27');
    expect(notice.items.find((i) => i.path.includes('问题27'))!.label).toBe('严格执行“两委”干部配备标准化');
    expect(notice.items[0].label).toBe('严格落实“第一议题”制度');
  });
  it('puts 三、需长期整改事项 items under long_term unless reported finished', () => {
    const longTerm = notice.items.filter((i) => i.path[0] === '三');
    expect(longTerm.map((i) => i.path[1])).toEqual(['问题2', '问题22', '问题24', '问题25']);
    expect(longTerm.every((i) => i.status === 'long_term')).toBe(true);
    expect(notice.items.filter((i) => i.path[0] === '二')).toHaveLength(29);
  });
  it('flags undisclosed problem numbers 18, 19 and 21', () => {
    const gaps = notice.findings.filter((f) => f.kind === 'numbering_gap').map((f) => f.message);
    expect(gaps).toEqual(['问题编号缺失：问题18、问题19（可能存在未公开的问题）', '问题编号缺失：问题21（可能存在未公开的问题）']);
  });
  it('reads 还未结课 and 剩余3个项目 as unfinished', () => {
    expect(notice.items.find((i) => i.path.includes('问题7'))!.status).toBe('in_progress');
    expect(notice.items.find((i) => i.path.includes('问题6'))!.status).toBe('in_progress');
    expect(notice.items.find((i) => i.path.includes('问题14'))!.status).toBe('done'); // 已全部整改完成
  });
  it('reads meta from chrome, header and closing', () => {
    expect(notice.meta.title).toBe('中共中山市古镇镇委员会关于十五届市委第六轮巡察整改进展情况的通报');
    expect(notice.meta.publishDate).toBe('2025-09-12');
    expect(notice.meta.feedbackDate).toBe('2025-01-14');
    expect(notice.meta.inspectionBody).toBe('市委第六轮巡察组');
    expect(notice.meta.disclosurePeriod).toEqual({ start: '2025-09-12', end: '2025-09-26' });
    expect(notice.meta.contacts.phones).toEqual(['0760-22343030']);
    expect(notice.meta.contacts.postcodes).toEqual(['528421']);
    expect(notice.meta.contacts.emails).toEqual(['gzxczgb@163.com']);
    expect(notice.meta.contacts.addresses[0]).toMatch(/^中山市古镇镇东兴东路1号机关大院515室/);
  });
  it('checks 58889 = 47505 + 11384', () => {
    expect(notice.findings.some((f) => f.kind === 'arithmetic_ok' && /58889.*47505.*11384/.test(f.message))).toBe(true);
  });
});
