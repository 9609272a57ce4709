import { describe, expect, it } from 'vitest';
import { BADGE_NAMED, overdueBadge, overdueDays, overdueItems } from '@/lib/overdue';
import type { StatusOverride } from '@/lib/schema';
import { huashanLater } from '@/test/fixtures/notices/huashan';

// 花山镇 2026-03-20: 二（一）2. promises 2026-12-31, 二（一）5. 2026-05-31, 二（一）9. 2026-04-30 (all in progress)
describe('overdue items and the toolbar badge', () => {
  const notice = huashanLater();
  const contracts = notice.items[4];

  it('counts days past the latest passed deadline of an item not done', () => {
    expect(overdueDays(contracts, 'in_progress', '2026-05-31')).toBeNull();
    expect(overdueDays(contracts, 'in_progress', '2026-06-01')).toBe(1);
    expect(overdueDays(contracts, 'long_term', '2026-06-30')).toBe(30);
    expect(overdueDays(contracts, 'done', '2027-01-01')).toBeNull();
    expect(overdueDays(notice.items[0], 'in_progress', '2030-01-01')).toBeNull(); // no deadline
  });

  it('lists overdue items most overdue first, a reviewer marking one done removes it', () => {
    expect(overdueItems(notice, [], '2026-11-23').map((x) => [x.item.label, x.days])).toEqual([
      ['问题合同台账更新不及时', 207],
      ['问题合同未整改、阴阳合同赫然存在', 176],
    ]);
    const done: StatusOverride = { noticeKey: 'k', itemId: contracts.id, itemLabel: contracts.label, status: 'done', reason: '已解除', createdAt: '2026-11-01T00:00:00Z' };
    expect(overdueItems(notice, [done], '2026-11-23').map((x) => x.item.label)).toEqual(['问题合同台账更新不及时']);
    // an override made for another problem at the same position does not apply
    expect(overdueItems(notice, [{ ...done, itemLabel: '别的问题' }], '2026-11-23')).toHaveLength(2);
  });

  it('makes a badge with the count and a tooltip naming the first few, none when nothing is overdue', () => {
    expect(overdueBadge(notice, [], '2026-03-20')).toBeNull();
    expect(overdueBadge(notice, [], '2026-11-23')).toEqual({
      text: '2',
      title: '本通报有2项整改承诺已逾期：“问题合同台账更新不及时”（逾期207天）、“问题合同未整改、阴阳合同赫然存在”（逾期176天）',
    });
    const badge = overdueBadge(notice, [], '2027-02-01')!;
    expect(badge.text).toBe('3');
    expect(BADGE_NAMED).toBe(3);
    expect(badge.title).not.toContain('等');
    const many = { ...notice, items: [...notice.items, ...notice.items.slice(4, 5).map((i) => ({ ...i, id: 'x', label: '第四项' }))] };
    expect(overdueBadge(many, [], '2027-02-01')!.title).toMatch(/等4项$/);
  });
});
