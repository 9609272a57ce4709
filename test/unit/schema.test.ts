import { describe, expect, it } from 'vitest';
import { isoDate, problemItem } from '@/lib/schema';

describe('schema', () => {
  it('accepts ISO dates and rejects others', () => {
    expect(isoDate.safeParse('2025-06-30').success).toBe(true);
    expect(isoDate.safeParse('2025年6月30日').success).toBe(false);
  });
});

describe('stored Notice models from before status certainties (lib/db keeps them)', () => {
  const base = { id: 'o-1', label: '甲', path: ['二', '1.'], deadlines: [], quantities: [], start: 0, end: 10 };
  it('upgrades a one-phrase statusEvidence and a missing certainty on read', () => {
    const phrase = { text: '已完成整改', start: 3, end: 8 };
    expect(problemItem.parse({ ...base, status: 'done', statusEvidence: phrase })).toMatchObject({
      certainty: 'inferred',
      statusEvidence: { basis: phrase, progress: [phrase], open: [] },
    });
    expect(problemItem.parse({ ...base, status: 'in_progress', statusEvidence: phrase }).statusEvidence.open).toEqual([phrase]);
    expect(problemItem.parse({ ...base, status: 'unclear', statusEvidence: null })).toMatchObject({
      certainty: 'unclear',
      statusEvidence: { basis: null, progress: [], open: [] },
    });
  });
  it('leaves a current item as it is and still rejects a malformed one', () => {
    const current = { ...base, status: 'done', certainty: 'stated', statusEvidence: { basis: null, progress: [], open: [] } };
    expect(problemItem.parse(current)).toEqual(current);
    expect(problemItem.safeParse({ ...base, status: 'done', certainty: 'sure', statusEvidence: null }).success).toBe(false);
    expect(problemItem.safeParse({ ...base, status: 'done', statusEvidence: { text: 1 } }).success).toBe(false);
  });
});
