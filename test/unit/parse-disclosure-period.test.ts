/**
 * disclosurePeriod finds the lines holding `公开期限` with one indexOf over the text. It must give what reading
 * each body line in turn gives (the per-line reference below): on every seed and real notice, and on notices
 * where the word stands before the body, undated, twice in a line, in the footer, or not at all.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findDates } from '@/lib/parse/dates';
import { analyzeLayout, disclosurePeriod, type Layout } from '@/lib/parse/meta';
import { normalizeText, splitLines } from '@/lib/parse/normalize';

/** The period as read before: each body line's first `公开期限`, in line order. */
function perLineReference(text: string, layout: Layout) {
  for (let i = layout.bodyLine; i < layout.footerLine; i++) {
    const line = layout.lines[i];
    const at = line.text.indexOf('公开期限');
    if (at < 0) continue;
    const from = line.start + at;
    const d = findDates(text, { from, to: Math.min(line.end, from + 60), fallbackYear: null })[0];
    if (d && d.first) return { start: d.first, end: d.last };
  }
  return null;
}

function both(text: string) {
  const layout = analyzeLayout(splitLines(text));
  return { fast: disclosurePeriod(text, layout), reference: perLineReference(text, layout) };
}

const BODY = '根据区委统一部署，2023年9月至12月，区委第三巡察组对某某镇党委进行了巡察，现将整改进展情况予以公布。';
const HEAD = '中共某某镇委员会关于巡察整改进展情况的通报';

describe('disclosurePeriod: one search over the text reads what the per-line reading reads', () => {
  const texts = ['test/fixtures/seeds', 'test/fixtures/real'].flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => normalizeText(readFileSync(`${d}/${f}`, 'utf8')).text),
  );

  it('on every seed and real notice', () => {
    for (const text of texts) {
      const { fast, reference } = both(text);
      expect(fast).toEqual(reference);
    }
  });

  it.each([
    ['a dated line', [HEAD, BODY, '公开期限：2025年9月12日至9月26日'], { start: '2025-09-12', end: '2025-09-26' }],
    ['an undated line first, a dated one after', [HEAD, BODY, '公开期限另行通知。', '公开期限：2025年9月12日至9月26日'], { start: '2025-09-12', end: '2025-09-26' }],
    ['an undated first find and a dated second within its 60 characters', [HEAD, BODY, '公开期限另行通知，公开期限：2025年9月12日至9月26日'], { start: '2025-09-12', end: '2025-09-26' }],
    ['an undated first find and a dated second past its 60 characters', [HEAD, BODY, `公开期限另行通知，${'另'.repeat(60)}公开期限：2025年9月12日`], null],
    ['the word only before the body', [`${HEAD}（公开期限：2025年9月12日至9月26日）`, BODY], null],
    ['the word before the body and in it', ['公开期限：2024年1月1日至1月5日', HEAD, BODY, '公开期限：2025年9月12日至9月26日'], { start: '2025-09-12', end: '2025-09-26' }],
    ['no word', [HEAD, BODY, '欢迎监督。'], null],
    ['the last line', [HEAD, BODY, '一、整改情况', '公开期限：2025年9月12日'], { start: '2025-09-12', end: '2025-09-12' }],
  ])('%s', (_name, lines, expected) => {
    const { fast, reference } = both(lines.join('\n'));
    expect(reference).toEqual(expected);
    expect(fast).toEqual(expected);
  });
});
