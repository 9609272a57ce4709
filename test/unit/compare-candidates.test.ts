import { describe, expect, it } from 'vitest';
import { compareCandidates, compareNotices, isUnchangedRow, matchConfidence, visibleRows, type VersionRef } from '@/lib/compare';
import { DATE_FIELD_LABELS, libraryShelves } from '@/lib/library-shelves';
import { matchConfidenceLabel } from '@/lib/labels';
import type { ComparisonRow } from '@/lib/schema';
import { huashanEarlier, huashanEarlierText, huashanLater, huashanLaterText } from '@/test/fixtures/notices/huashan';

const HUASHAN = '中共广州市花都区花山镇委员会';
const GUZHEN = '中共中山市古镇镇委员会';
const MAZHANG = '中共湛江市麻章区麻章镇委员会';

type V = VersionRef & { noticeKey: string; url: string; title: string };
function version(hash: string, organization: string | null, publishDate: string | null, extra: Partial<V> = {}): V {
  return { hash, organization, publishDate, firstSeen: '2026-11-01T08:00:00.000Z', noticeKey: hash, url: `https://example.gov.cn/${hash}.html`, title: hash, ...extra };
}

describe('what the open notice is compared with', () => {
  const library = [
    version('guzhen', GUZHEN, '2025-09-12'),
    version('hs-2024', HUASHAN, '2024-12-01'),
    version('hs-2025', HUASHAN, '2025-06-19'),
    version('hs-2026', HUASHAN, '2026-03-20'),
    version('hs-2027', HUASHAN, '2027-01-05'),
    version('mazhang', MAZHANG, '2024-09-25'),
    version('orphan', null, null),
  ];
  const open = { hash: 'hs-2026', organization: HUASHAN, publishDate: '2026-03-20' };

  it('offers the same organization’s earlier notices first, newest first, and pre-selects the latest', () => {
    const { groups, preselected } = compareCandidates(library, open);
    expect(groups[0]).toMatchObject({ organization: HUASHAN, earlierOfSameOrganization: true });
    expect(groups[0].versions.map((v) => v.hash)).toEqual(['hs-2025', 'hs-2024']);
    expect(preselected).toBe('hs-2025');
  });

  it('then the rest grouped by organization: its own later notices, the others by name, unknown last; never the open one', () => {
    const { groups } = compareCandidates(library, open);
    expect(groups.slice(1).map((g) => [g.organization, g.versions.map((v) => v.hash)])).toEqual([
      [HUASHAN, ['hs-2027']],
      [MAZHANG, ['mazhang']], // 中共湛江… before 中共中山…: 湛 (zhàn) before 中 (zhōng) in pinyin order
      [GUZHEN, ['guzhen']],
      [null, ['orphan']],
    ]);
    expect(groups.flatMap((g) => g.versions).map((v) => v.hash)).not.toContain('hs-2026');
  });

  it('a newer notice of another organization never comes before the same organization’s earlier one', () => {
    const { groups } = compareCandidates([version('guzhen-new', GUZHEN, '2026-01-01'), version('hs-2025', HUASHAN, '2025-06-19')], open);
    expect(groups.map((g) => g.versions[0].hash)).toEqual(['hs-2025', 'guzhen-new']);
  });

  it('an undated version counts as earlier when it was saved before the open notice was published', () => {
    const saved = (day: string) => version(`undated-${day}`, HUASHAN, null, { firstSeen: `${day}T09:00:00.000Z` });
    const { groups, preselected } = compareCandidates([saved('2025-12-01'), saved('2026-05-01')], open);
    expect(groups[0].versions.map((v) => v.hash)).toEqual(['undated-2025-12-01']);
    expect(preselected).toBe('undated-2025-12-01');
    expect(groups[1]).toMatchObject({ organization: HUASHAN, earlierOfSameOrganization: false });
  });

  it('pre-selects nothing when the organization has no earlier notice, or the open notice has no date', () => {
    expect(compareCandidates(library, { ...open, organization: '中共某某镇委员会' }).preselected).toBeNull();
    const undated = compareCandidates(library, { ...open, publishDate: null });
    expect(undated.preselected).toBeNull();
    expect(undated.groups[0]).toMatchObject({ organization: HUASHAN, earlierOfSameOrganization: false });
  });

  it('an unsaved page (no hash) is offered every saved version', () => {
    expect(compareCandidates(library, { ...open, hash: null }).groups.flatMap((g) => g.versions)).toHaveLength(library.length);
  });
});

describe('how sure a pairing is, in words (one rule)', () => {
  it('确定 from 0.85, 较可能 from 0.7, 存疑 below', () => {
    expect([1, 0.85, 0.8499, 0.7, 0.6999, 0.5].map(matchConfidence)).toEqual(['sure', 'sure', 'likely', 'likely', 'doubtful', 'doubtful']);
    expect([0.9, 0.75, 0.6].map((s) => matchConfidenceLabel(s))).toEqual(['对应：确定', '对应：较可能', '对应：存疑']);
  });
});

describe('unchanged rows', () => {
  const comparison = compareNotices(huashanLater(), [huashanEarlier()], { texts: { current: huashanLaterText, earlier: [huashanEarlierText] } });
  const row = (over: Partial<ComparisonRow>): ComparisonRow => ({ ...comparison.rows[0], ...over });
  const item = (status: 'done' | 'in_progress') => ({ id: 'i-1', label: 'x', path: [], status });

  it('an item in both notices, same status, no number or deadline moved, is unchanged', () => {
    expect(isUnchangedRow(row({ earlierItem: item('done'), currentItem: item('done'), numberChanges: [], deadlineChanges: [] }))).toBe(true);
    expect(isUnchangedRow(row({ earlierItem: item('in_progress'), currentItem: item('in_progress'), numberChanges: [], deadlineChanges: [] }))).toBe(true);
  });

  it('a new status, a moved number or deadline, a new or vanished item is a change', () => {
    const base = { earlierItem: item('in_progress'), currentItem: item('in_progress'), numberChanges: [], deadlineChanges: [] };
    expect(isUnchangedRow(row({ ...base, currentItem: item('done') }))).toBe(false);
    expect(isUnchangedRow(row({ ...base, numberChanges: [{ unit: '宗', before: 11, after: 19, delta: 8, beforeText: '11宗', afterText: '19宗', context: '' }] }))).toBe(false);
    expect(isUnchangedRow(row({ ...base, deadlineChanges: [{ kind: 'dropped', before: '2025-06-30', after: null, days: null, beforeText: 'x', afterText: null }] }))).toBe(false);
    expect(isUnchangedRow(row({ ...base, earlierItem: null }))).toBe(false);
    expect(isUnchangedRow(row({ ...base, currentItem: null }))).toBe(false);
  });

  it('the 花山镇 pair: hidden by default, all shown on request, the count says how many', () => {
    const hidden = visibleRows(comparison.rows, false);
    const all = visibleRows(comparison.rows, true);
    expect(all.shown).toHaveLength(comparison.rows.length);
    expect(hidden.unchanged).toBeGreaterThan(0);
    expect(hidden.shown.length + hidden.unchanged).toBe(comparison.rows.length);
    const changes = new Set(hidden.shown.map((r) => r.change));
    for (const c of ['resolved', 'regressed', 'vanished', 'new'] as const) expect(changes).toContain(c);
    // the problem contracts (11宗 → 19宗, deadline slipped) stay visible although still unfinished
    expect(hidden.shown.map((r) => r.currentItem?.label)).toContain('问题合同未整改、阴阳合同赫然存在');
    expect(hidden.shown.every((r) => !isUnchangedRow(r))).toBe(true);
  });
});

describe('the library by organization, every version with the one before it', () => {
  const notice = (key: string, organization: string | null) => ({ key, organization, lastSeen: '2026-11-01T00:00:00.000Z' });
  const v = (hash: string, noticeKey: string, publishDate: string | null, url = `https://hs.gov.cn/${hash}.html`) =>
    version(hash, null, publishDate, { noticeKey, url });

  it('groups notices by organization (newest first, unknown last) with versions newest first', () => {
    const shelves = libraryShelves(
      [notice('hs', HUASHAN), notice('gz', GUZHEN), notice('pasted', null), notice('mz', MAZHANG)],
      [v('hs-2025', 'hs', '2025-06-19'), v('gz-1', 'gz', '2025-09-12'), v('hs-2026', 'hs', '2026-03-20'), v('p', 'pasted', '2026-10-01'), v('mz-1', 'mz', '2024-09-25')],
    );
    expect(shelves.map((s) => s.organization)).toEqual([HUASHAN, GUZHEN, MAZHANG, null]);
    const hs = shelves[0].notices[0];
    expect(hs.versions.map((x) => [x.version.hash, x.previous?.hash ?? null])).toEqual([['hs-2026', 'hs-2025'], ['hs-2025', null]]);
  });

  it('opens the live page of a version only when no newer version was saved from the same address', () => {
    const [shelf] = libraryShelves([notice('hs', HUASHAN)], [
      v('a', 'hs', '2024-01-01', 'https://hs.gov.cn/n.html'),
      v('b', 'hs', '2025-01-01', 'https://hs.gov.cn/n.html'),
      v('c', 'hs', '2026-01-01', 'https://hs.gov.cn/n-2026.html'),
      v('d', 'hs', '2023-01-01', 'file:n.docx'),
    ]);
    expect(shelf.notices[0].versions.map((x) => [x.version.hash, x.liveUrl])).toEqual([
      ['c', 'https://hs.gov.cn/n-2026.html'],
      ['b', 'https://hs.gov.cn/n.html'],
      ['a', null],
      ['d', null],
    ]);
  });

  it('names the page fields a publish date is read from, as the parser reads them', () => {
    expect(DATE_FIELD_LABELS).toEqual(['成文日期', '发布日期', '发布时间', '发表时间']);
  });
});
