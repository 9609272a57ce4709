import { describe, expect, it } from 'vitest';
import { isoDate, noticeMeta, offset, pageState, partialDate, problemItem } from '@/lib/schema';

describe('schema', () => {
  it('explains a failed check in zod\'s English messages (made on the first failure, lib/schema/zod)', () => {
    expect(offset.safeParse(-1).error?.issues[0].message).toBe('Too small: expected number to be >=0');
    expect(pageState.safeParse({}).error?.issues[0]).toMatchObject({ path: ['url'], message: 'Invalid input: expected string, received undefined' });
  });
  it('accepts ISO dates and rejects others', () => {
    expect(isoDate.safeParse('2025-06-30').success).toBe(true);
    expect(isoDate.safeParse('2025年6月30日').success).toBe(false);
  });
  it('partial dates: YYYY, YYYY-MM or YYYY-MM-DD, nothing else', () => {
    for (const ok of ['2024', '2024-09', '2024-09-14']) expect(partialDate.safeParse(ok).success).toBe(true);
    for (const bad of ['24', '2024-9', '2024-09-1', '2024年9月', '2024-09-14T00:00:00Z', '']) expect(partialDate.safeParse(bad).success).toBe(false);
  });
  it('notice meta keeps feedback and inspection dates at the precision written; publish date stays a day', () => {
    const meta = {
      title: null,
      organization: null,
      inspectionBody: null,
      inspectionPeriod: { start: '2023-09', end: '2023-12' },
      feedbackDate: '2024-09',
      publishDate: '2025-06-19',
      disclosurePeriod: null,
      contacts: { phones: [], emails: [], addresses: [], postcodes: [] },
    };
    expect(noticeMeta.safeParse(meta).success).toBe(true);
    expect(noticeMeta.safeParse({ ...meta, publishDate: '2025-06' }).success).toBe(false);
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

describe('lib/schema builds its composite schemas on first use (issue #14: the analyzer imports it in a page task)', () => {
  /** Leaves are a schema or two each; everything else must be a z.lazy wrapper when the module has loaded. */
  const PLAIN_KINDS = new Set(['lazy', 'string', 'number', 'boolean', 'enum', 'literal', 'custom', 'unknown']);
  it('exports no composite schema already built', async () => {
    const exported = Object.entries(await import('@/lib/schema'));
    const kinds = exported
      .filter(([, v]) => typeof v === 'object' && v !== null && '_zod' in v)
      .map(([name, v]) => [name, (v as { _zod: { def: { type: string } } })._zod.def.type] as const);
    expect(kinds.length).toBeGreaterThan(40);
    expect(kinds.filter(([, kind]) => !PLAIN_KINDS.has(kind))).toEqual([]);
  });
});
