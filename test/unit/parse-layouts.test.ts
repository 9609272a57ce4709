// @vitest-environment happy-dom
/**
 * Problem items in the layouts real notices use besides the seeds' (issue 9). The fixtures in
 * test/fixtures/layouts/ are shortened from published notices (URLs below) or, for the table, follow the
 * 整改台账 tables such pages publish; expectations were written by reading them.
 *   fields-heshan.txt       — http://www.hnhs.gov.cn/22557/22597/22569/content_2091501.html (问题N：/整改情况：/完成情况：)
 *   guanyu-dongchangfu.txt  — http://www.dongchangfu.gov.cn/…/doc_6808566d890286425c7e0de9.html (（1）关于…的问题)
 *   records-wuhan.txt       — http://hb.china.com.cn/2020-05/18/content_41155137.htm (问题：/整改： records)
 *   section-status.txt      — status stated by section headings and lead-in lines
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractText, findArticleRoot } from '@/lib/extract';
import { analyzeNotice, parseNotice } from '@/lib/parse/index';
import { normalizeText } from '@/lib/parse/normalize';
import { notice as noticeSchema } from '@/lib/schema';

const LAYOUTS = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/layouts');
const fixture = (name: string) => readFileSync(path.join(LAYOUTS, name), 'utf8');
const parse = (raw: string) => {
  const r = parseNotice(raw, { today: '2026-01-01' });
  expect(noticeSchema.safeParse(r.notice).success).toBe(true);
  return r;
};
const itemWith = (r: ReturnType<typeof parse>, words: string) => r.notice.items.find((i) => r.text.slice(i.start, i.end).includes(words));

describe('table rows (HTML table → extract → parse)', () => {
  const page = new DOMParser().parseFromString(fixture('table-ledger.html'), 'text/html');
  const r = parse(extractText(findArticleRoot(page)).text);
  it('reads one item per row, repeated header skipped, measures in cells not items', () => {
    expect(r.notice.items.map((i) => i.label)).toEqual(['理论学习中心组学习不够规范，学习记录不完整', '意识形态工作责任制落实不到位', '食品安全监管存在薄弱环节', '干部队伍年龄结构老化']);
    expect(r.notice.items.map((i) => i.path)).toEqual([['二', '序号1'], ['二', '序号2'], ['二', '序号3'], ['二', '序号4']]);
  });
  it('takes the status from the status column, a merged cell (〃) from the row above', () => {
    expect(r.notice.items.map((i) => i.status)).toEqual(['done', 'done', 'in_progress', 'long_term']);
    expect(r.notice.items[0].statusEvidence?.basis?.text).toBe('【已完成】');
    expect(r.notice.items[1].statusEvidence?.basis?.text).toBe('【已完成】');
  });
  it('takes deadlines from the 时限 column', () => {
    expect(r.notice.items.map((i) => i.deadlines.map((d) => d.date))).toEqual([['2023-08-31'], ['2023-09-30'], ['2023-11-30'], []]);
  });
});

describe('table rows copied as plain text', () => {
  const head = '关于巡察整改进展情况的通报\n二、巡察反馈问题整改情况\n';
  it('reads tab-separated rows (the tabs stay cell gaps), a measures cell with a space inside fitted by content', () => {
    const r = parse(head + '序号\t反馈问题\t整改措施\t整改情况\t完成时限\n1\t学习制度落实不到位\t制定计划\t已完成\t2023年6月\n2\t财务报销审核不严\t修订 报销办法\t正在整改\t2023年底\n');
    expect(r.notice.items.map((i) => [i.label, i.status, i.deadlines.map((d) => d.date)])).toEqual([
      ['学习制度落实不到位', 'done', ['2023-06-30']],
      ['财务报销审核不严', 'in_progress', ['2023-12-31']],
    ]);
  });
  it('reads one cell per line, rows starting at their 序号', () => {
    const r = parse(head + '序号\n反馈问题\n整改措施\n整改情况\n完成时限\n1\n学习制度落实不到位\n1.制定计划\n2.建立台账\n已完成\n2023年6月\n2\n财务报销审核不严\n修订报销办法\n正在整改\n2023年底\n');
    expect(r.notice.items.map((i) => [i.label, i.status, i.deadlines.map((d) => d.date)])).toEqual([
      ['学习制度落实不到位', 'done', ['2023-06-30']],
      ['财务报销审核不严', 'in_progress', ['2023-12-31']],
    ]);
  });
});

describe('labelled fields (赫山区交通运输局)', () => {
  const r = parse(fixture('fields-heshan.txt'));
  it('finds the 问题N items only: not the responsibility section, its numbered measures or the categories', () => {
    expect(r.notice.items.map((i) => i.label)).toEqual(['无依据发放各类津补贴和春节慰问费', '槐奇岭治超站移交不实']);
  });
  it('reads the status from 完成情况/整改情况, never from 整改措施 promises; deadlines from 完成时限', () => {
    const [first, second] = r.notice.items;
    expect(first.status).toBe('done');
    expect(first.statusEvidence?.basis?.text).toBe('已完成');
    expect(second.status).toBe('in_progress');
    expect(second.deadlines.map((d) => d.date)).toEqual(['2025-12-31']);
  });
});

describe('关于 headings with the status in a following paragraph (东昌府区司法局)', () => {
  const r = parse(fixture('guanyu-dongchangfu.txt'));
  it('takes （1）关于… and 关于“X”问题的整改情况 as the problems, their groups as categories', () => {
    expect(r.notice.items.map((i) => i.path)).toEqual([['（一）', '1.', '（1）'], ['（一）', '1.', '（2）'], ['（一）', '2.']]);
    expect(r.notice.items[0].label).toBe('党组未对习近平总书记在中央全面依法治国工作会议上的重要讲话进行学习');
    expect(r.notice.items[2].label).toBe('落实意识形态工作责任制不到位');
  });
  it('reads 整改情况：/目前进展：/整改进展： paragraphs for the status', () => {
    expect(r.notice.items.map((i) => i.status)).toEqual(['done', 'in_progress', 'done']);
    expect(r.notice.items[1].statusEvidence?.basis?.text).toMatch(/正在修订|计划/);
  });
});

describe('labelled records without headings (武汉市委巡察办摘编)', () => {
  it('makes each 问题： record an item labelled by its problem', () => {
    const r = parse(fixture('records-wuhan.txt'));
    expect(r.notice.items.map((i) => i.label)).toEqual(['落实惠台政策有差距', '公务用车管理不规范']);
    expect(r.notice.items[1].status).toBe('in_progress');
  });
});

describe('status given by the section', () => {
  const raw = fixture('section-status.txt');
  const text = normalizeText(raw).text;
  const a = analyzeNotice(text, { today: '2026-01-01' });
  const section = (words: string) => a.candidates.find((c) => text.slice(c.start, c.end).includes(words))?.sectionStatus;
  it('hands each item the status its heading or lead-in line states, with that line as evidence', () => {
    expect(section('河长制')).toMatchObject({ status: 'done', text: '已完成整改的问题（共2个）' });
    expect(section('农村饮水')).toMatchObject({ status: 'in_progress', text: '正在推进整改的问题' });
    expect(section('干部队伍')).toMatchObject({ status: 'long_term' });
    expect(section('违规发放补贴')).toMatchObject({ status: 'done', text: '截至目前，已完成整改问题如下：' });
    expect(section('水费征收')).toMatchObject({ status: 'in_progress', text: '尚未完成整改的问题如下：' });
  });
  it('does not take the responsibility section or the status headings for items; a lead-in line ends the item before it', () => {
    expect(a.notice.items.map((i) => i.path[i.path.length - 1])).toEqual(['1.', '2.', '3.', '4.', '5.', '6.']);
    const fifth = a.notice.items[4];
    expect(text.slice(fifth.start, fifth.end)).not.toContain('尚未完成');
  });
  it('items inherit the section status unless their own text reports otherwise', () => {
    const r = parse(raw);
    expect(itemWith(r, '河长制')?.status).toBe('done');
    expect(itemWith(r, '农村饮水')?.status).toBe('in_progress');
    expect(itemWith(r, '干部队伍')?.status).toBe('long_term');
    expect(itemWith(r, '违规发放补贴')?.status).toBe('done');
  });
});

describe('responsibility and measures sections (南沙明珠湾, 古镇镇)', () => {
  it('numbered measures under a responsibility section are not items', () => {
    const r = parse(
      '关于巡察整改进展情况的通报\n一、把牢政治方向，提高政治站位，以最坚决的态度把巡察整改任务抓紧抓好\n（一）强化组织领导，落实工作部署。局党组召开巡察整改工作会议。\n（二）强化责任担当，凝聚整改合力。党组成员认领整改任务。\n二、巡察反馈问题整改情况\n1.针对“学习不深入”问题，已完成整改。',
    );
    expect(r.notice.items.map((i) => i.label)).toEqual(['学习不深入']);
  });
  it('tells a responsibility section from a problems section by what it names, not by its first words', () => {
    const r = parse(
      '关于巡察整改进展情况的通报\n一、健全组织领导，抓紧抓实问题整改\n（一）强化组织核心，有序统筹部署。成立领导小组。\n（二）强化跟踪指导，稳妥推进整改。已完成整改。\n二、提高政治站位，全力推进反馈问题整改\n（一）聚焦贯彻落实党中央决策部署情况\n1.关于理论学习不深入的问题\n整改情况：已全部完成整改。',
    );
    expect(r.notice.items.map((i) => [i.path, i.label, i.status])).toEqual([[['二', '（一）', '1.'], '理论学习不深入', 'done']]);
  });
  it('a category named like a measure still holds its explicit items', () => {
    const r = parse('关于巡察整改进展情况的通报\n二、巡察反馈问题整改情况\n1.落实全面从严治党主体责任。\n问题15：严格党员干部队伍管理。已完成整改。');
    expect(r.notice.items.map((i) => i.path)).toEqual([['二', '1.', '问题15']]);
  });
  it('inline 一是…二是… stay measures of their item', () => {
    const r = parse('关于巡察整改进展情况的通报\n二、巡察反馈问题整改情况\n（一）关于理论学习不深入的问题\n一是制定学习计划。\n二是建立学习台账，已完成整改。');
    expect(r.notice.items).toHaveLength(1);
  });
});

describe('table and record reading stays linear', () => {
  const head = '关于巡察整改进展情况的通报\n二、巡察反馈问题整改情况\n';
  const fastest = (text: string) => {
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      parseNotice(text);
      best = Math.min(best, performance.now() - t0);
    }
    return best;
  };
  const ratio = (make: (n: number) => string) => {
    parseNotice(make(4000)); // warm-up: the first run pays for compilation
    // best of three attempts: a quadratic stage exceeds the bound every time, a busy machine only sometimes
    let growth = Infinity;
    for (let attempt = 0; attempt < 3 && growth >= 9; attempt++) growth = Math.min(growth, fastest(make(4000)) / Math.max(fastest(make(1000)), 2));
    return growth;
  };
  it.each([
    ['问题： records', (n: number) => head + '问题：学习不深入\n整改情况：已完成\n'.repeat(n)],
    ['table rows', (n: number) => head + '序号｜反馈问题｜整改措施｜整改情况｜完成时限\n' + Array.from({ length: n }, (_, i) => `${i}｜问题${i}｜措施｜已完成｜2023年6月`).join('\n')],
    ['one-row tables between headings', (n: number) => head + Array.from({ length: n }, (_, i) => `序号｜反馈问题｜整改情况\n1｜问题${i}｜已完成\n（一）分节`).join('\n')],
    ['runs of column names', (n: number) => head + '序号\n问题\n'.repeat(n)],
  ])('%s: 4× the input takes well under 16× the time', (_name, make) => {
    expect(ratio(make)).toBeLessThan(9);
  });
});

describe('items under category headings (婺城区文旅体局, 荔城区民政局)', () => {
  it('（一）关于…方面 is a category: its numbered children are the problems', () => {
    const r = parse(
      '关于巡察整改进展情况的通报\n二、巡察反馈问题的整改情况\n（一）关于贯彻落实党的路线方针政策和党中央决策部署方面\n1.理论学习不深入。已组织专题学习12次，已完成整改。\n2.意识形态工作责任制落实不到位。责任清单正在修订。\n（二）关于全面从严治党方面\n3.违规发放津补贴。已追回全部资金。',
    );
    expect(r.notice.items.map((i) => i.path)).toEqual([['二', '（一）', '1.'], ['二', '（一）', '2.'], ['二', '（二）', '3.']]);
    expect(r.notice.items.map((i) => i.status)).toEqual(['done', 'in_progress', 'done']);
  });
  it('（一）在“X”方面 › 1.关于“Y”问题的整改 › （1）关于“Z…” reads the innermost as the problem', () => {
    const r = parse(
      '关于巡察整改情况的通报\n（一）在“贯彻落实上级决策部署不够有力”方面\n1.关于“学习贯彻上级重大决策部署不够到位”问题的整改\n（1）关于“学思践悟重要论述精神不深不透”问题。局党组已组织专题学习，已完成整改。\n（2）关于“调查研究不够深入”问题。调研计划正在落实。',
    );
    expect(r.notice.items.map((i) => i.label)).toEqual(['学思践悟重要论述精神不深不透', '调查研究不够深入']);
  });
});

describe('category and status rows inside a table', () => {
  it('a full-width row `（一）已完成整改的问题` groups the rows below it and states their status', () => {
    const page = new DOMParser().parseFromString(
      `<div id="r"><p>关于巡察整改进展情况的通报</p><p>二、巡察反馈问题整改情况</p><table>
      <tr><td>序号</td><td>反馈问题</td><td>整改措施</td><td>整改进展</td></tr>
      <tr><td colspan="4">（一）已完成整改的问题</td></tr>
      <tr><td>1</td><td>会议记录不规范</td><td>规范会议记录</td><td>已规范会议记录格式</td></tr>
      <tr><td colspan="4">（二）正在推进整改的问题</td></tr>
      <tr><td>2</td><td>档案管理混乱</td><td>整理档案</td><td>档案整理工作已启动</td></tr></table></div>`,
      'text/html',
    );
    const r = parse(extractText(page.getElementById('r')!).text);
    expect(r.notice.items.map((i) => [i.label, i.status, i.statusEvidence?.basis?.text])).toEqual([
      ['会议记录不规范', 'done', '已完成整改的问题'],
      ['档案管理混乱', 'in_progress', '正在推进整改的问题'],
    ]);
  });
});

describe('a problem cell merged over several rows', () => {
  it('is one item whose measures and progress span those rows', () => {
    const page = new DOMParser().parseFromString(
      `<div id="r"><p>关于巡察整改进展情况的通报</p><p>二、巡察反馈问题整改情况</p><table>
      <tr><th>序号</th><th>存在问题</th><th>整改措施</th><th>完成情况</th><th>整改时限</th></tr>
      <tr><td rowspan="2">1</td><td rowspan="2">政府采购管理不规范</td><td>修订采购制度</td><td>已完成</td><td>2024年3月</td></tr>
      <tr><td>开展采购专项检查</td><td>正在推进</td><td>2024年6月</td></tr>
      <tr><td>2</td><td>公务接待超标准</td><td>清退超标准费用</td><td>已完成</td><td>2024年1月</td></tr></table></div>`,
      'text/html',
    );
    const r = parse(extractText(page.getElementById('r')!).text);
    expect(r.notice.items.map((i) => i.label)).toEqual(['政府采购管理不规范', '公务接待超标准']);
    expect(r.text.slice(r.notice.items[0].start, r.notice.items[0].end)).toContain('开展采购专项检查');
    expect(r.notice.items[0].deadlines.map((d) => d.date)).toEqual(['2024-03-31', '2024-06-30']);
    expect(r.notice.items.map((i) => i.status)).toEqual(['in_progress', 'done']);
  });
});

describe('column names', () => {
  it('reads the columns real ledgers use, in any order', async () => {
    const { columnRole } = await import('@/lib/parse/table');
    const roles = ['序号', '巡察反馈问题', '存在问题', '问题表现', '整改任务', '整改措施', '整改目标', '整改情况', '整改进展', '目前进展', '完成情况', '是否完成', '整改结果', '完成时限', '整改时限', '时间节点', '责任单位', '牵头单位', '责任领导', '责任人', '备注'].map(columnRole);
    expect(roles).toEqual(['seq', 'problem', 'problem', 'problem', 'problem', 'measures', 'measures', 'status', 'status', 'status', 'status', 'status', 'status', 'deadline', 'deadline', 'deadline', 'owner', 'owner', 'owner', 'owner', 'other']);
  });
  it('reads a table whose columns come in another order, with 【】 around the status', () => {
    const r = parse('关于巡察整改进展情况的通报\n二、巡察反馈问题整改情况\n责任单位｜完成时限｜整改进展｜存在问题｜序号\n办公室｜2024年5月底｜【正在整改】｜档案管理不规范｜1\n财务科｜2024年3月｜【已完成整改】｜报销审核不严｜2');
    expect(r.notice.items.map((i) => [i.label, i.status, i.deadlines.map((d) => d.date)])).toEqual([
      ['档案管理不规范', 'in_progress', ['2024-05-31']],
      ['报销审核不严', 'done', ['2024-03-31']],
    ]);
  });
});
