import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { anchorOnText, lineSegments, storedLines, storedPieces } from '@/lib/stored-copy';
import { classFor } from '@/lib/page/highlighter';
import { annotation as annotationSchema, type Annotation } from '@/lib/schema';
import { parseNotice } from '@/lib/parse/index';
import { huashanLater, huashanLaterText } from '@/test/fixtures/notices/huashan';

function note(exact: string, start: number, text = '需核实'): Annotation {
  return annotationSchema.parse({
    id: `a-${exact}`,
    noticeKey: 'k',
    snapshotHash: 'older',
    url: 'https://a.gov.cn/x.html',
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start, end: start + exact.length },
    note: text,
    tags: [],
    severity: 'medium',
    createdAt: '2026-03-25T08:00:00.000Z',
    updatedAt: '2026-03-25T08:00:00.000Z',
    anchorState: 'anchored',
    deletedAt: null,
  });
}

describe('the stored copy of a notice version', () => {
  it('splits the text into lines that keep their offsets', () => {
    const lines = storedLines(huashanLaterText);
    expect(lines.map((l) => l.text).join('\n')).toBe(huashanLaterText);
    for (const l of lines) expect(huashanLaterText.slice(l.start, l.start + l.text.length)).toBe(l.text);
  });

  it('cuts lines into segments that rebuild the text, highlights where the parser found spans', () => {
    const { text, notice } = parseNotice(huashanLaterText, { today: '2026-11-23' });
    const pieces = storedPieces(notice, []);
    const lines = storedLines(text);
    let rebuilt = '';
    let marked = 0;
    for (const line of lines) {
      const segs = lineSegments(line, pieces);
      expect(segs.map((s) => s.text).join('')).toBe(line.text);
      for (const s of segs) {
        expect(text.slice(s.start, s.start + s.text.length)).toBe(s.text);
        if (s.piece) marked++;
      }
      rebuilt += (rebuilt ? '\n' : '') + segs.map((s) => s.text).join('');
    }
    expect(rebuilt).toBe(text);
    expect(marked).toBeGreaterThan(20);
    const deadline = notice.spans.find((s) => s.text === '预计2026年6月前整改完成')!; // an overdue span by 2026-11-23
    const line = lines.find((l) => l.start <= deadline.start && deadline.end <= l.start + l.text.length)!;
    const seg = lineSegments(line, pieces).find((s) => s.start <= deadline.start && deadline.start < s.start + s.text.length)!;
    expect(classFor(seg.piece!)).toBe('rl-mark rl-k-overdue'); // 2026-05-31 passed by 2026-11-23
  });

  it('segments any line against any pieces without losing characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.array(fc.tuple(fc.nat(60), fc.nat(20)), { maxLength: 6 }), (text, raw) => {
        const line = { start: 10, text };
        const pieces = storedPieces({ ...huashanLater(), spans: raw.map(([s, n]) => ({ kind: 'number' as const, start: s, end: s + n + 1, text: '' })) }, []);
        const segs = lineSegments(line, pieces);
        expect(segs.map((s) => s.text).join('')).toBe(text);
      }),
    );
  });

  it('places annotations by their quote on this version, keeps the ones not found as orphans', () => {
    const moved = note('正在以诉讼方式解除合同', 5); // a position from another version
    const missing = note('这句话不在通报里出现过的原文', 0);
    const deleted = { ...note('已完成整改19宗', 0), deletedAt: '2026-03-26T00:00:00Z' };
    const anchored = anchorOnText(huashanLaterText, [moved, missing, deleted]);
    expect(anchored).toHaveLength(2);
    const at = huashanLaterText.indexOf('正在以诉讼方式解除合同');
    expect(anchored[0]).toMatchObject({ start: at, end: at + '正在以诉讼方式解除合同'.length });
    expect(anchored[1]).toMatchObject({ start: null, end: null });
    const pieces = storedPieces(huashanLater(), anchored);
    expect(pieces.some((p) => p.kinds.includes('annotation') && p.notes.includes('批注：需核实'))).toBe(true);
  });
});
