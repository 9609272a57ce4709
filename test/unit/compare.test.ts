import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  alignItems,
  bigrams,
  compareNotices,
  daysBetween,
  dice,
  diffDeadlines,
  normalizeLabel,
  pathSimilarity,
} from '@/lib/compare';
import { comparison as comparisonSchema } from '@/lib/schema';
import type { Comparison, ComparisonRow, ItemStatus, Notice, ProblemItem, StatusOverride } from '@/lib/schema';
import { noticeModel } from '@/scripts/lib/notice-model';
import {
  huashanEarlier,
  huashanEarlierText,
  huashanLater,
  huashanLaterText,
} from '@/test/fixtures/notices/huashan';

const texts = { current: huashanLaterText, earlier: [huashanEarlierText] };
const rowOf = (c: Comparison, label: string): ComparisonRow => {
  const row = c.rows.find((r) => (r.currentItem ?? r.earlierItem)!.label === label);
  if (!row) throw new Error(`no row ${label}`);
  return row;
};

describe('similarity primitives', () => {
  it('strips the boilerplate shared by all labels', () => {
    expect(normalizeLabel('针对“历史约定不合理”问题')).toBe('历史约定不合理');
    expect(normalizeLabel('针对“理论学习不够深入”的问题')).toBe('理论学习不够深入');
  });
  it('bigram Dice is 1 for equal strings, 0 for disjoint, in between otherwise', () => {
    expect(dice(bigrams('租金收缴不力'), bigrams('租金收缴不力'))).toBe(1);
    expect(dice(bigrams('租金收缴不力'), bigrams('工程管理缺位'))).toBe(0);
    const d = dice(bigrams('资金管理混乱'), bigrams('资金管理不规范'));
    expect(d).toBeGreaterThan(0.3);
    expect(d).toBeLessThan(1);
  });
  it('path similarity: renumbered item in the same section beats another section', () => {
    const same = pathSimilarity(['二', '（一）', '7.'], ['二', '（一）', '7.']);
    const renumbered = pathSimilarity(['二', '（一）', '7.'], ['二', '（一）', '6.']);
    const elsewhere = pathSimilarity(['二', '（一）', '7.'], ['二', '（二）', '2.', '（1）']);
    expect(same).toBe(1);
    expect(renumbered).toBeLessThan(1);
    expect(renumbered).toBeGreaterThan(elsewhere);
    expect(pathSimilarity(['(1)'], ['（1）'])).toBe(1);
  });
  it('counts days across a year boundary', () => {
    expect(daysBetween('2025-06-30', '2026-05-31')).toBe(335);
    expect(daysBetween('2026-05-31', '2025-06-30')).toBe(-335);
  });
});

describe('alignItems on the 花山镇 pair (README oracle)', () => {
  const earlier = huashanEarlier();
  const later = huashanLater();

  for (const withTexts of [true, false]) {
    it(`matches every surviving item to the same problem ${withTexts ? 'with' : 'without'} texts`, () => {
      const a = alignItems(earlier, later, withTexts ? { earlierText: huashanEarlierText, currentText: huashanLaterText } : {});
      expect(a.pairs).toHaveLength(21);
      for (const p of a.pairs) expect(p.current.label).toBe(p.earlier.label);
      expect(a.unmatchedEarlier.map((i) => i.label)).toEqual(['租金上偷梁换柱']);
      expect(a.unmatchedCurrent.map((i) => i.label)).toEqual(['问题合同台账更新不及时']);
      for (const p of a.pairs) expect(p.score).toBeGreaterThanOrEqual(0.5);
    });
  }

  it('follows renumbered items by wording, not by path or id', () => {
    const a = alignItems(earlier, later);
    const pair = a.pairs.find((p) => p.earlier.label === '落实违建巡查责任不到位')!;
    expect(pair.earlier.path.at(-1)).toBe('7.');
    expect(pair.current.path.at(-1)).toBe('6.');
    // The later notice's 6. reuses the id of the vanished seed item 6. — ids are positional.
    expect(pair.current.id).toBe(earlier.items.find((i) => i.label === '租金上偷梁换柱')!.id);
  });

  it('a higher threshold leaves weak pairs unmatched', () => {
    const a = alignItems(earlier, later, { threshold: 0.999 });
    expect(a.pairs.length).toBeLessThan(21);
    expect(a.unmatchedEarlier.length).toBe(22 - a.pairs.length);
  });
});

describe('compareNotices on the 花山镇 pair', () => {
  const earlier = huashanEarlier();
  const later = huashanLater();
  const c = compareNotices(later, [earlier], { texts });

  it('validates against the zod schema', () => {
    expect(comparisonSchema.safeParse(c).success).toBe(true);
  });

  it('summary matches the README totals', () => {
    expect(c.summary).toEqual({
      resolved: 3,
      regressed: 1,
      still_unfinished: 7,
      vanished: 1,
      new: 1,
      unchanged_done: 10,
      done_omitted: 0,
    });
    expect(c.rows).toHaveLength(23);
  });

  it('classifies each change type as written in the README', () => {
    const byChange = (ch: string) => c.rows.filter((r) => r.change === ch).map((r) => (r.currentItem ?? r.earlierItem)!.label);
    expect(byChange('resolved')).toEqual(['历史约定不合理', '公共服务供给存在短板', '党组织议事决策制度执行不严']);
    expect(byChange('regressed')).toEqual(['落实违建巡查责任不到位']);
    expect(byChange('vanished')).toEqual(['租金上偷梁换柱']);
    expect(byChange('new')).toEqual(['问题合同台账更新不及时']);
    expect(byChange('still_unfinished')).toEqual([
      '选址难度大',
      '研究推动留用地工作不够有力',
      '问题合同未整改、阴阳合同赫然存在',
      '村民未享受土地兑现红利',
      '推进“百千万工程”仍需加力提速',
      '资金管理混乱',
      '对下级党组织的规范化建设指导不力',
    ]);
  });

  it('keeps the vanished row next to its old neighbours, with no current item and no score', () => {
    const i = c.rows.findIndex((r) => r.change === 'vanished');
    expect(c.rows[i - 1].earlierItem!.label).toBe('问题合同未整改、阴阳合同赫然存在');
    expect(c.rows[i].currentItem).toBeNull();
    expect(c.rows[i].score).toBeNull();
    expect(c.rows[i].earlierItem!.status).toBe('in_progress');
  });

  it('reports the problem-contract counts that moved, paired by their wording', () => {
    const changes = rowOf(c, '问题合同未整改、阴阳合同赫然存在').numberChanges;
    expect(changes.map((n) => [n.before, n.after, n.delta, n.unit])).toEqual([
      [11, 19, 8, '宗'],
      [12, 4, -8, '宗'],
      [5, 3, -2, '宗'],
      [7, 1, -6, '宗'],
    ]);
    expect(changes[0].context).toContain('已完成整改');
    expect(changes[0].beforeText).toBe('11宗');
    expect(changes[0].afterText).toBe('19宗');
    // 问题合同23宗 is unchanged → not reported.
    expect(changes.some((n) => n.before === 23)).toBe(false);
  });

  it('reports other moved counts and ignores a removed one', () => {
    expect(rowOf(c, '研究推动留用地工作不够有力').numberChanges.map((n) => [n.before, n.after])).toEqual([
      [15, 21],
      [4, 6],
    ]);
    expect(rowOf(c, '乡村治理仍然面临诸多问题').numberChanges.map((n) => [n.before, n.after, n.unit])).toEqual([
      [11, 17, '场'],
      [2500, 3800, '人'],
      [25, 41, '次'],
      [19, 27, '份'],
    ]);
    expect(rowOf(c, '对下级党组织的规范化建设指导不力').numberChanges.map((n) => n.delta)).toEqual([12]);
  });

  it('detects the slipped deadline and the added one; no dropped deadline on a resolved item', () => {
    expect(rowOf(c, '问题合同未整改、阴阳合同赫然存在').deadlineChanges).toEqual([
      {
        kind: 'slipped',
        before: '2025-06-30',
        after: '2026-05-31',
        days: 335,
        beforeText: '预计2025年7月前整改完成',
        afterText: '预计2026年6月前整改完成',
      },
    ]);
    expect(rowOf(c, '选址难度大').deadlineChanges.map((d) => [d.kind, d.after])).toEqual([['added', '2026-12-31']]);
    expect(rowOf(c, '党组织议事决策制度执行不严').deadlineChanges).toEqual([]);
  });

  it('lists the one overdue commitment (问题合同, 2025-06-30)', () => {
    expect(c.overdueCommitments).toEqual([
      {
        itemLabel: '问题合同未整改、阴阳合同赫然存在',
        itemId: later.items[4].id,
        deadline: '2025-06-30',
        deadlineText: '预计2025年7月前整改完成',
        earlierNoticeDate: '2025-06-19',
        currentNoticeDate: '2026-03-20',
        reportedDone: false,
      },
    ]);
  });

  it('history of a two-notice row is oldest first and parsed', () => {
    expect(rowOf(c, '落实违建巡查责任不到位').history).toEqual([
      { noticeDate: '2025-06-19', noticeTitle: '关于巡察整改进展情况的通报', status: 'done', certainty: 'stated', evidence: '均已立行立改', source: 'parsed' },
      { noticeDate: '2026-03-20', noticeTitle: '关于巡察整改进展情况的通报', status: 'in_progress', certainty: 'stated', evidence: '目前正在督促', source: 'parsed' },
    ]);
    expect(rowOf(c, '问题合同台账更新不及时').history.map((h) => h.noticeDate)).toEqual(['2026-03-20']);
  });
});

describe('reviewer overrides take precedence', () => {
  const earlier = huashanEarlier();
  const later = huashanLater();
  const override = (n: Notice, label: string, status: ItemStatus, reason: string): StatusOverride => ({
    noticeKey: 'huashan',
    itemId: n.items.find((i) => i.label === label)!.id,
    itemLabel: label,
    status,
    reason,
    createdAt: '2026-03-25T09:00:00Z',
  });

  it('an override on the current notice turns a regression into unchanged_done and is marked as such', () => {
    const c = compareNotices(later, [earlier], {
      texts,
      overrides: { current: [override(later, '落实违建巡查责任不到位', 'done', '现场核查已复绿')] },
    });
    const row = rowOf(c, '落实违建巡查责任不到位');
    expect(row.change).toBe('unchanged_done');
    expect(row.currentItem!.status).toBe('done');
    expect(row.history[1]).toMatchObject({ status: 'done', certainty: 'reviewed', evidence: '现场核查已复绿', source: 'override' });
    expect(row.currentItem!.certainty).toBe('reviewed');
    expect(c.summary.regressed).toBe(0);
  });

  it('marking the problem contracts done removes the overdue commitment and makes it resolved', () => {
    const c = compareNotices(later, [earlier], {
      texts,
      overrides: { current: [override(later, '问题合同未整改、阴阳合同赫然存在', 'done', '已核实全部解除')] },
    });
    expect(rowOf(c, '问题合同未整改、阴阳合同赫然存在').change).toBe('resolved');
    expect(c.overdueCommitments).toEqual([]);
  });

  it('an override whose item now carries another label (positional ids) is not applied', () => {
    const moved = { ...override(later, '落实违建巡查责任不到位', 'done', '现场核查已复绿'), itemLabel: '租金上偷梁换柱' };
    const c = compareNotices(later, [earlier], { texts, overrides: { current: [moved] } });
    const row = rowOf(c, '落实违建巡查责任不到位');
    expect(row.change).toBe('regressed');
    expect(row.history[1]).toMatchObject({ status: 'in_progress', source: 'parsed' });
  });

  it('an override on the earlier notice turns vanished into done_omitted', () => {
    const c = compareNotices(later, [earlier], {
      texts,
      overrides: { earlier: [[override(earlier, '租金上偷梁换柱', 'done', '欠租合同均已解除')]] },
    });
    expect(rowOf(c, '租金上偷梁换柱').change).toBe('done_omitted');
    expect(c.summary.vanished).toBe(0);
    expect(c.summary.done_omitted).toBe(1);
  });
});

// ---------------------------------------------------------------------------------------------
// Three notices: small hand-built models.
function item(label: string, path: string[], status: ItemStatus, deadline?: string): ProblemItem {
  return {
    id: `i-${path.join('')}`,
    label,
    path,
    status,
    certainty: 'stated',
    statusEvidence: { basis: null, progress: [], open: [] },
    deadlines: deadline ? [{ text: `预计${deadline}前完成`, date: deadline, start: 0, end: 1, overdueAtPublication: null }] : [],
    quantities: [],
    start: 0,
    end: 1,
  };
}
function notice(publishDate: string, items: ProblemItem[]): Notice {
  return noticeModel({ meta: { title: `整改进展情况的通报（${publishDate}）`, organization: '中共某镇委员会', publishDate }, items, textLength: 10 });
}

describe('history across three notices', () => {
  const first = notice('2024-12-01', [
    item('理论学习不够深入', ['1.'], 'in_progress', '2025-03-31'),
    item('党委领导作用弱化', ['2.'], 'done'),
    item('财务制度执行不严格', ['3.'], 'in_progress'),
    item('综合行政执法工作有待提高', ['4.'], 'in_progress', '2025-12-31'),
  ]);
  const second = notice('2025-06-01', [
    item('理论学习不够深入', ['1.'], 'in_progress'),
    item('党委领导作用弱化', ['2.'], 'in_progress'),
    item('综合行政执法工作有待提高', ['3.'], 'in_progress', '2025-12-31'),
  ]);
  const third = notice('2026-01-15', [
    item('理论学习不够深入', ['1.'], 'done'),
    item('党委领导作用弱化', ['2.'], 'done'),
    item('综合行政执法工作有待提高', ['3.'], 'in_progress'),
    item('选人用人程序不规范', ['4.'], 'in_progress'),
  ]);
  // Earlier notices given newest first: compareNotices sorts them by publish date.
  const c = compareNotices(third, [second, first]);

  it('change types refer to the most recent earlier notice', () => {
    expect(c.earlier.map((e) => e.publishDate)).toEqual(['2024-12-01', '2025-06-01']);
    expect(rowOf(c, '理论学习不够深入').change).toBe('resolved');
    expect(rowOf(c, '党委领导作用弱化').change).toBe('resolved');
    expect(rowOf(c, '综合行政执法工作有待提高').change).toBe('still_unfinished');
    expect(rowOf(c, '选人用人程序不规范').change).toBe('new');
    // Vanished in the second notice: not a row of this comparison (it was a row of the previous one).
    expect(c.rows.some((r) => r.earlierItem?.label === '财务制度执行不严格')).toBe(false);
  });

  it('builds an append-only status timeline, oldest first', () => {
    expect(rowOf(c, '党委领导作用弱化').history.map((h) => [h.noticeDate, h.status])).toEqual([
      ['2024-12-01', 'done'],
      ['2025-06-01', 'in_progress'],
      ['2026-01-15', 'done'],
    ]);
    expect(rowOf(c, '选人用人程序不规范').history.map((h) => h.noticeDate)).toEqual(['2026-01-15']);
  });

  it('records an absent entry when an item skips a notice', () => {
    const withGap = compareNotices(notice('2026-02-01', [item('理论学习不够深入', ['1.'], 'in_progress')]), [
      notice('2025-01-01', [item('理论学习不够深入', ['1.'], 'in_progress'), item('党委领导作用弱化', ['2.'], 'in_progress')]),
      notice('2025-07-01', [item('理论学习不够深入', ['1.'], 'in_progress'), item('党委领导作用弱化', ['2.'], 'in_progress')]),
    ]);
    expect(rowOf(withGap, '党委领导作用弱化').change).toBe('vanished');
    expect(rowOf(withGap, '党委领导作用弱化').history.map((h) => h.status)).toEqual(['in_progress', 'in_progress', 'absent']);
  });

  it('overdue commitments are judged against the first newer notice, even if kept later', () => {
    // 2025-03-31 passed before 2025-06-01 without 理论学习 being done; 2025-12-31 was not due by 2025-06-01
    // but passed before 2026-01-15 with 综合行政执法 still unfinished.
    expect(c.overdueCommitments.map((o) => [o.itemLabel, o.deadline, o.earlierNoticeDate, o.currentNoticeDate])).toEqual([
      ['理论学习不够深入', '2025-03-31', '2024-12-01', '2025-06-01'],
      ['综合行政执法工作有待提高', '2025-12-31', '2024-12-01', '2026-01-15'],
    ]);
  });

  it('a single notice compares to nothing', () => {
    const alone = compareNotices(third, []);
    expect(alone.rows).toEqual([]);
    expect(Object.values(alone.summary).every((n) => n === 0)).toBe(true);
  });
});

describe('diffDeadlines', () => {
  const d = (date: string) => ({ text: date, date, start: 0, end: 1, overdueAtPublication: null });
  it('advanced, dropped only while unfinished', () => {
    expect(diffDeadlines([d('2025-12-31')], [d('2025-10-31')], false)[0]).toMatchObject({ kind: 'advanced', days: -61 });
    expect(diffDeadlines([d('2025-12-31')], [], false)[0]).toMatchObject({ kind: 'dropped', before: '2025-12-31', after: null });
    expect(diffDeadlines([d('2025-12-31')], [], true)).toEqual([]);
    expect(diffDeadlines([d('2025-12-31')], [d('2025-12-31')], false)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Integration with the real parser, once lib/parse lands.
const parserPath = resolve(__dirname, '../../lib/parse/index.ts');
describe.skipIf(!existsSync(parserPath))('with the real parser (lib/parse)', () => {
  it('parses both 花山镇 notices and finds the README changes', async () => {
    const { parseNotice } = (await import(/* @vite-ignore */ parserPath)) as {
      parseNotice: (raw: string, opts?: { today?: string }) => { text: string; notice: Notice };
    };
    const e = parseNotice(huashanEarlierText, { today: '2026-03-25' });
    const l = parseNotice(huashanLaterText, { today: '2026-03-25' });
    const c = compareNotices(l.notice, [e.notice], { texts: { current: l.text, earlier: [e.text] } });
    expect(comparisonSchema.safeParse(c).success).toBe(true);
    const vanished = c.rows.filter((r) => r.change === 'vanished').map((r) => r.earlierItem!.label);
    const added = c.rows.filter((r) => r.change === 'new').map((r) => r.currentItem!.label);
    expect(vanished.some((l) => l.includes('租金上偷梁换柱'))).toBe(true);
    expect(added).toEqual(['问题合同台账更新不及时']);
    // Alignment: the 21 surviving items pair with the same problem wording, nothing else pairs.
    const paired = c.rows.filter((r) => r.earlierItem && r.currentItem);
    expect(paired).toHaveLength(21);
    for (const r of paired) expect(r.currentItem!.label).toBe(r.earlierItem!.label);
    expect([c.summary.vanished, c.summary.new]).toEqual([1, 1]);
    // Status changes (README oracle; 后备干部队伍建设有欠缺 reads `unclear`, the oracle's `done` is arguable).
    const labelsOf = (change: string) => c.rows.filter((r) => r.change === change).map((r) => r.currentItem!.label).sort();
    expect(labelsOf('resolved')).toEqual(['党组织议事决策制度执行不严', '公共服务供给存在短板', '历史约定不合理'].sort());
    expect(labelsOf('regressed')).toEqual(['落实违建巡查责任不到位']);
    expect(c.overdueCommitments.map((o) => o.itemLabel)).toEqual(['问题合同未整改、阴阳合同赫然存在']);
    const contracts = c.rows.find((r) => r.currentItem?.label.includes('问题合同未整改'));
    expect(contracts?.earlierItem?.label).toContain('问题合同未整改');
    expect(contracts?.numberChanges.some((n) => n.before === 11 && n.after === 19 && n.delta === 8)).toBe(true);
    expect(contracts?.deadlineChanges.some((d) => d.kind === 'slipped' && d.after === '2026-05-31')).toBe(true);
  });
});
