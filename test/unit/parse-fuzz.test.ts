/**
 * Property tests: on random text and on mutated seed notices the parser never throws, every offset is
 * in range and ordered (children inside parents, spans sorted), the normalization map is monotone,
 * and the output validates against the zod Notice schema.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNotice } from '@/lib/parse/index';
import { normalizeText } from '@/lib/parse/normalize';
import { notice as noticeSchema, type Notice, type OutlineNode } from '@/lib/schema';

const SEEDS = ['guzhen-town-2025-09-12.txt', 'hongmei-town-2023.txt', 'huadu-district-2021-11-22.txt', 'huashan-town-2025-06-19.txt', 'mazhang-town-2024-09-25.txt'];
const seeds = SEEDS.map((n) => readFileSync(new URL(`../fixtures/seeds/${n}`, import.meta.url), 'utf8'));

/** Fragments that exercise every parser path: markers, tags, dates, deadlines, numbers, chrome. */
const FRAGMENTS = [
  '一、', '二、', '（一）', '(二)', '1.', '1、', '１．', '（1）', '2问题3:', '(20)问题27', '问题5：', '第一方面问题，', '针对“', '”问题', '的问题，一是',
  '【已完成整改，并长期坚持】', '【正在整改，并取得阶段性成效】', '正在', '剩余', '待', '计划', '预计', '将于', '继续协商', '已全部整改完毕',
  '2024年3月14日', '4月7日', '6月底', '2025年7月前', '年底前', '截至2025年3月', '至', '23宗', '11宗', '12宗', '92.78%', '1739.47万元',
  '来源:', '发布日期:2025-09-12', '所在位置:首页 >', '欢迎广大干部群众', '0760-22343030', 'a@b.cn', '中共某镇委员会', '[bookmark: _Toc1]', '— 1 —',
  '\n', '\r\n', '\n\n', '　', ' ', '\t', '。', '，', '：', '“', '”', '（', '）', '(', ')', '\u00a0', '𠀀', '\ud800',
];

const fragmentText = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 80 }).map((p) => p.join(''));

/** A seed with random slices deleted, duplicated or replaced by fragments. */
const mutatedSeed = fc
  .tuple(
    fc.integer({ min: 0, max: seeds.length - 1 }),
    fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 400 }), fc.oneof(fc.constant(''), fc.constant('dup'), fc.constantFrom(...FRAGMENTS))), { maxLength: 8 }),
  )
  .map(([i, edits]) => {
    let t = seeds[i];
    for (const [pos, len, what] of edits) {
      const at = Math.floor(pos * t.length);
      const cut = t.slice(at, at + len);
      t = t.slice(0, at) + (what === 'dup' ? cut + cut : what) + t.slice(at + len);
    }
    return t;
  });

function checkNotice(text: string, n: Notice): void {
  expect(noticeSchema.safeParse(n).success).toBe(true);
  expect(n.textLength).toBe(text.length);
  const inRange = (x: { start: number; end: number }) => {
    expect(x.start).toBeLessThanOrEqual(x.end);
    expect(x.end).toBeLessThanOrEqual(text.length);
  };
  const walk = (nodes: OutlineNode[], parent: OutlineNode | null) => {
    let prevStart = -1;
    for (const node of nodes) {
      inRange(node);
      expect(node.start).toBeGreaterThan(prevStart);
      prevStart = node.start;
      if (parent) {
        expect(node.start).toBeGreaterThanOrEqual(parent.start);
        expect(node.end).toBeLessThanOrEqual(parent.end);
        expect(node.level).toBe(parent.level + 1);
      }
      walk(node.children, node);
    }
  };
  walk(n.outline, null);
  for (const it of n.items) {
    inRange(it);
    for (const d of it.deadlines) {
      inRange(d);
      expect(d.start).toBeGreaterThanOrEqual(it.start);
      expect(d.end).toBeLessThanOrEqual(it.end);
    }
    for (const e of [it.statusEvidence.basis, ...it.statusEvidence.progress, ...it.statusEvidence.open]) if (e) inRange(e);
  }
  let prev = 0;
  for (const s of n.spans) {
    inRange(s);
    expect(s.start).toBeGreaterThanOrEqual(prev);
    prev = s.start;
    expect(text.slice(s.start, s.end)).toBe(s.text);
  }
  for (const f of n.findings) inRange(f);
}

describe('parser properties', () => {
  it('never throws and stays consistent on random notice-like text', () => {
    fc.assert(
      fc.property(fragmentText, fc.constantFrom(undefined, '2026-11-23'), (raw, today) => {
        const { text, notice } = parseNotice(raw, { today });
        checkNotice(text, notice);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws and stays consistent on mutated seed notices', () => {
    fc.assert(
      fc.property(mutatedSeed, (raw) => {
        const { text, notice } = parseNotice(raw, { today: '2026-11-23' });
        checkNotice(text, notice);
      }),
      { numRuns: 40 },
    );
  });

  it('normalization map is monotone, in range and idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(fragmentText, mutatedSeed), (raw) => {
        const norm = normalizeText(raw);
        expect(norm.toOriginal.length).toBe(norm.text.length + 1);
        let firstNonIncreasing = -1;
        for (let i = 1; i < norm.toOriginal.length && firstNonIncreasing < 0; i++) if (norm.toOriginal[i] <= norm.toOriginal[i - 1]) firstNonIncreasing = i;
        expect(firstNonIncreasing).toBe(-1);
        expect(norm.toOriginal[norm.text.length]).toBe(raw.length);
        expect(normalizeText(norm.text).text).toBe(norm.text);
      }),
      { numRuns: 200 },
    );
  });
});
