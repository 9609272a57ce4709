// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { describeRange } from '@/lib/anchor';
import { anchorOnVersion, ownVersionUpdates, placementText, versionLabel, type VersionInfo } from '@/lib/annotation-versions';
import { buildReport, toCsv, toMarkdown } from '@/lib/export';
import { annotation as annotationSchema, type Annotation, type ReviewExport } from '@/lib/schema';
import { normalizeText } from '@/lib/parse/normalize';
import { huashanEarlier, huashanEarlierText, huashanLater, huashanLaterText } from '@/test/fixtures/notices/huashan';

const text2025 = normalizeText(huashanEarlierText).text;
const text2026 = normalizeText(huashanLaterText).text;
const V2025: VersionInfo = { hash: 'h2025', publishDate: '2025-06-19', firstSeen: '2026-11-20T08:00:00.000Z' };
const V2026: VersionInfo = { hash: 'h2026', publishDate: '2026-03-20', firstSeen: '2026-11-21T08:00:00.000Z' };
const versions = [V2025, V2026];

// unchanged with its context in the 2026 notice
const SURVIVES = '村民进行相关政策法规的解释说明和宣传教育';
const GONE = '另外，花山镇以点带面、举一反三，对全镇各村合同进行清理整顿';

function made(id: string, on: VersionInfo, text: string, exact: string): Annotation {
  const start = text.indexOf(exact);
  if (start < 0) throw new Error(`quote not in text: ${exact}`);
  const sel = describeRange(text, start, start + exact.length);
  return annotationSchema.parse({
    id, noticeKey: 'huashan', snapshotHash: on.hash, url: 'https://www.huadu.gov.cn/a.html', quote: sel.quote, position: sel.position,
    note: `note ${id}`, tags: [], severity: 'medium', createdAt: on.firstSeen, updatedAt: on.firstSeen, anchorState: 'anchored', deletedAt: null,
  });
}

describe('annotations belong to the version they were made on', () => {
  const own = made('own', V2026, text2026, '巡察整改');
  const carried = made('carried', V2025, text2025, SURVIVES);
  const gone = made('gone', V2025, text2025, GONE);

  it('re-anchors another version\'s annotation on this text and says where it comes from', () => {
    const [a, b, c] = anchorOnVersion(text2026, V2026.hash, [own, carried, gone]);
    expect(a).toMatchObject({ state: 'anchored', carriedFrom: null, start: own.position.start });
    expect(b.state).toBe('anchored');
    expect(b.carriedFrom).toBe('h2025');
    expect(text2026.slice(b.start!, b.end!)).toBe(SURVIVES);
    expect(c).toMatchObject({ state: 'orphan', carriedFrom: 'h2025', start: null });
    expect(placementText(a, versions)).toBe('已定位');
    expect(placementText(b, versions)).toBe('沿用自2025年6月19日版，已在本版定位');
    expect(placementText(c, versions)).toBe('2025年6月19日版的批注，本版未找到原文');
  });

  it('carries over a sentence whose paragraph was rewritten after it (镇党委坚持落实巡察整改主体责任)', () => {
    const quote = '镇党委坚持落实巡察整改主体责任';
    const rewritten = made('rewritten', V2025, text2025, quote);
    const [an] = anchorOnVersion(text2026, V2026.hash, [rewritten]);
    expect(an).toMatchObject({ state: 'anchored', carriedFrom: 'h2025' });
    expect(text2026.slice(an.start!, an.end!)).toBe(quote);
    expect(an.start).not.toBe(rewritten.position.start);
  });

  it('never rewrites what is stored about an annotation from another version', () => {
    const anchors = anchorOnVersion(text2026, V2026.hash, [own, carried, gone]);
    expect(ownVersionUpdates([own, carried, gone], anchors)).toEqual([]);
    // on its own version a moved quote is stored again
    const moved = { ...own, position: { ...own.position, start: own.position.start + 1, end: own.position.end + 1 } };
    expect(ownVersionUpdates([moved], anchorOnVersion(text2026, V2026.hash, [moved])).map((u) => u.id)).toEqual(['own']);
  });

  it('names a version without a publish date by the day it was saved', () => {
    expect(versionLabel('x', [{ hash: 'x', publishDate: null, firstSeen: '2026-11-21T08:00:00.000Z' }])).toBe('2026年11月21日保存的版本');
    expect(versionLabel('unknown', versions)).toBe('其他版本');
  });

  it('exports say which version each note was made on and how it reads on the exported one', () => {
    const review: ReviewExport = {
      notice: huashanLater(), text: text2026, url: null, annotations: [own, carried, gone], overrides: [], comparison: null,
      generatedAt: '2026-11-23T00:00:00.000Z', snapshotHash: V2026.hash, versions,
    };
    const lines = buildReport(review).annotations;
    const byQuote = (q: string) => lines.find((l) => l.quote === q)!;
    expect(byQuote(own.quote.exact)).toMatchObject({ madeOn: '本版', anchorState: '已定位' });
    expect(byQuote(SURVIVES)).toMatchObject({ madeOn: '2025年6月19日版', anchorState: '沿用自2025年6月19日版，已在本版定位' });
    expect(byQuote(GONE)).toMatchObject({ madeOn: '2025年6月19日版', anchorState: '2025年6月19日版的批注，本版未找到原文' });
    // in page order, the one not found in this version last
    expect(lines.map((l) => l.quote).at(-1)).toBe(GONE);
    expect(lines.find((l) => l.quote === GONE)!.position).toBe('本版无');
    const md = toMarkdown(review);
    expect(md).toContain('批注于2025年6月19日版');
    expect(md).not.toContain('原文已变动，未能定位');
    expect(toCsv(review)).toContain('2025年6月19日版的批注，本版未找到原文');
    // the 2025 version's own export: its notes are its own, all found
    const earlier = buildReport({ ...review, notice: huashanEarlier(), text: text2025, snapshotHash: V2025.hash }).annotations;
    expect(earlier.find((l) => l.quote === GONE)).toMatchObject({ madeOn: '本版', anchorState: '已定位' });
  });
});
