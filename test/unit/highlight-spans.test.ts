/** lib/page/highlight-spans: what the page highlights, and when annotation highlights need drawing again. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { anchorsKey, highlightSpansOf } from '@/lib/page/highlight-spans';
import { parseNotice } from '@/lib/parse';
import type { Annotation, AnnotationAnchor } from '@/lib/schema';

const notice = parseNotice(readFileSync(new URL('../fixtures/seeds/mazhang-town-2024-09-25.txt', import.meta.url), 'utf8'), { today: '2026-11-30' }).notice;
const note = (id: string, text: string) => ({ id, note: text }) as Annotation;
const anchor = (id: string, start: number | null, carriedFrom: string | null = null) =>
  ({ id, state: start === null ? 'orphan' : 'anchored', method: start === null ? null : 'exact', start, end: start === null ? null : start + 4, carriedFrom }) as AnnotationAnchor;
const versions = [{ hash: 'h2025', publishDate: '2025-06-19', firstSeen: '2025-06-20T00:00:00.000Z' }];

describe('highlightSpansOf', () => {
  it('keeps only the enabled categories of the notice', () => {
    const spans = highlightSpansOf({ notice, anchors: [], annotations: [], versions }, ['date']);
    expect(spans.length).toBe(notice.spans.filter((s) => s.kind === 'date').length);
    expect(spans.length).toBeGreaterThan(0);
    expect(new Set(spans.map((s) => s.kind))).toEqual(new Set(['date']));
  });

  it('adds anchored annotations with their note and the version they came from, never an orphan', () => {
    const sources = {
      notice,
      anchors: [anchor('a1', 10), anchor('a2', 20, 'h2025'), anchor('a3', null)],
      annotations: [note('a1', '需核实'), note('a2', ''), note('a3', '找不到')],
      versions,
    };
    expect(highlightSpansOf(sources, ['annotation'])).toEqual([
      { kind: 'annotation', start: 10, end: 14, note: '批注：需核实', ref: 'a1' },
      { kind: 'annotation', start: 20, end: 24, note: '批注（沿用自2025年6月19日版）：（无内容）', ref: 'a2' },
    ]);
    expect(highlightSpansOf(sources, ['date']).some((s) => s.kind === 'annotation')).toBe(false);
  });

  it('gives nothing without a notice', () => {
    expect(highlightSpansOf({ notice: null, anchors: [anchor('a1', 1)], annotations: [note('a1', 'x')], versions }, ['annotation', 'date'])).toEqual([]);
  });
});

describe('anchorsKey', () => {
  it('changes with a place or a note, not with anything else', () => {
    const key = anchorsKey([anchor('a1', 10)], [note('a1', '需核实')]);
    expect(anchorsKey([anchor('a1', 10)], [note('a1', '需核实')])).toBe(key);
    expect(anchorsKey([anchor('a1', 11)], [note('a1', '需核实')])).not.toBe(key);
    expect(anchorsKey([anchor('a1', 10)], [note('a1', '已核实')])).not.toBe(key);
  });
});
