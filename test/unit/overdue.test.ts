// One overdue rule: findings, the deadlines' overdueAtPublication and the overdue highlights agree, for any `today`.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isOverdueFinding, overdueOf } from '@/lib/checks';
import { parseNotice } from '@/lib/parse';
import type { Notice } from '@/lib/schema';

const SEEDS = new URL('../fixtures/seeds/', import.meta.url);
const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => [f, readFileSync(new URL(f, SEEDS), 'utf8')] as const);

// a general promise in the overview (no item of its own) and an item's promise, both past due at publication
const LOOSE = [
  '关于巡察整改进展情况的通报',
  '',
  '根据安排，现将整改进展情况予以公布。',
  '一、整改工作总体情况',
  '镇党委要求于2024年12月底前全部完成整改。',
  '二、具体问题整改情况',
  '（一）关于台账方面',
  '1.台账不全。目前正在整改，预计2025年3月底前完成。',
  '2.制度缺失。已完成整改。',
  '',
  '中共某镇委员会',
  '2025年6月19日',
].join('\n');

const ranges = (xs: Array<{ start: number; end: number }>) => xs.map((x) => `${x.start}:${x.end}`).sort();
const overdueSpans = (n: Notice) => ranges(n.spans.filter((s) => s.kind === 'overdue'));
const overdueFindings = (n: Notice) => ranges(n.findings.filter(isOverdueFinding));

describe('one overdue rule', () => {
  it.each([undefined, '2025-01-01', '2025-05-01', '2026-11-30'])('highlights exactly the deadlines with an overdue finding (today %s)', (today) => {
    for (const text of [LOOSE, ...seeds.map(([, t]) => t)]) {
      const { notice } = parseNotice(text, { today });
      expect(overdueSpans(notice)).toEqual(overdueFindings(notice));
    }
  });

  it.each([undefined, '2026-11-30'])("a deadline's highlight names the state of the item it lies in (today %s)", (today) => {
    let inItems = 0;
    for (const text of [LOOSE, ...seeds.map(([, t]) => t)]) {
      const { notice } = parseNotice(text, { today });
      for (const span of notice.spans.filter((s) => s.kind === 'deadline' || s.kind === 'overdue')) {
        const item = notice.items.findLast((it) => it.deadlines.some((d) => d.start === span.start && d.end === span.end));
        if (item) inItems++;
        if (span.kind === 'overdue') expect(span.note).toContain(item ? '未见完成表述' : '未关联到整改事项');
        else expect(span.note?.includes('事项已报告完成')).toBe(item?.status === 'done');
      }
    }
    expect(inItems).toBeGreaterThan(5);
  });

  it('checks a promise outside any item too, and says it belongs to no item', () => {
    const { text, notice } = parseNotice(LOOSE, { today: '2026-11-30' });
    const loose = notice.findings.find((f) => isOverdueFinding(f) && text.slice(f.start, f.end).includes('2024年12月底'))!;
    expect(loose).toMatchObject({ kind: 'overdue_at_publication', severity: 'high' });
    expect(loose.itemId).toBeUndefined();
    expect(loose.message).toContain('未关联到整改事项');
    expect(loose.message).toContain('至今已逾期 699 天');
  });

  it('a later `today` turns a promise overdue in the findings and the highlights together', () => {
    const [, huashan] = seeds.find(([f]) => f.startsWith('huashan'))!;
    const before = parseNotice(huashan, { today: '2025-06-20' }).notice;
    const after = parseNotice(huashan, { today: '2026-11-23' }).notice;
    expect(overdueFindings(after).length).toBeGreaterThan(overdueFindings(before).length);
    expect(overdueSpans(after)).toEqual(overdueFindings(after));
  });

  it("a deadline's overdueAtPublication is the rule's verdict at publication", () => {
    for (const [, text] of seeds) {
      const { notice } = parseNotice(text);
      for (const item of notice.items) {
        for (const d of item.deadlines) {
          const expected = d.date && notice.meta.publishDate ? overdueOf(d, item.status, notice.meta.publishDate, null) !== null : null;
          expect(d.overdueAtPublication).toBe(expected);
        }
      }
    }
  });
});
