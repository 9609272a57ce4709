import { describe, expect, it } from 'vitest';
import { confirmation, isConfirmation, overrideFor, overridesFor, reviewDecision } from '@/lib/overrides';
import { statusOverride } from '@/lib/schema';
import type { Notice, ProblemItem, StatusOverride } from '@/lib/schema';

const item = (id: string, label: string): ProblemItem => ({ id, label, path: [], status: 'unclear', certainty: 'unclear', statusEvidence: { basis: null, progress: [], open: [] }, deadlines: [], quantities: [], start: 0, end: 1 });
const ov = (itemId: string, itemLabel: string): StatusOverride => ({ noticeKey: 'k', itemId, itemLabel, status: 'done', reason: '核实', createdAt: '2026-01-01T00:00:00Z' });

describe('overrides follow the problem, not the position', () => {
  it('applies an override only to the item with the same id and label', () => {
    const list = [ov('o-2-1-6', '租金上偷梁换柱')];
    expect(overrideFor(item('o-2-1-6', '租金上偷梁换柱'), list)).toBe(list[0]);
    expect(overrideFor(item('o-2-1-6', '落实违建巡查责任不到位'), list)).toBeNull();
  });

  it('keeps only the overrides that still apply to a version of the notice', () => {
    const notice = { items: [item('o-1', '甲'), item('o-2', '乙')] } as unknown as Notice;
    expect(overridesFor(notice, [ov('o-1', '甲'), ov('o-2', '丙'), ov('o-9', '乙')]).map((o) => o.itemId)).toEqual(['o-1']);
  });
});

describe('a reviewer decision records the reading it replaced', () => {
  const inferred: ProblemItem = { ...item('o-2-1-6', '租金上偷梁换柱'), status: 'done', certainty: 'inferred' };
  it('a confirmation keeps the status and records the inferred certainty it replaced', () => {
    const o = confirmation('k', inferred, '审阅人核对原文后确认', '2026-01-01T00:00:00Z');
    expect(o).toMatchObject({ status: 'done', replaced: { status: 'done', certainty: 'inferred' } });
    expect(isConfirmation(o)).toBe(true);
    expect(statusOverride.parse(o)).toEqual(o);
  });
  it('an override changes the status and records the parsed status and certainty', () => {
    const o = reviewDecision('k', inferred, 'in_progress', '复耕未完成', '2026-01-01T00:00:00Z');
    expect(o.replaced).toEqual({ status: 'done', certainty: 'inferred' });
    expect(isConfirmation(o)).toBe(false);
  });
  it('overrides stored before certainties (no `replaced`) still load and are not confirmations', () => {
    const old = ov('o-1', '甲');
    expect(statusOverride.parse(old)).toEqual(old);
    expect(isConfirmation(old)).toBe(false);
  });
});
