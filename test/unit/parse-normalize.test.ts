import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeText, toOriginalRange } from '@/lib/parse/normalize';

const seed = (name: string) => readFileSync(new URL(`../fixtures/seeds/${name}`, import.meta.url), 'utf8');

describe('normalizeText', () => {
  it('folds full-width digits/letters and ．, keeps CJK punctuation', () => {
    expect(normalizeText('２０２５年３月，ＢＯＤ５达到８４％；１．针对').text).toBe('2025年3月，BOD5达到84%；1.针对');
  });

  it('turns ASCII brackets and punctuation full-width only next to CJK', () => {
    expect(normalizeText('(一)强化政治担当,精心安排部署。').text).toBe('（一）强化政治担当，精心安排部署。');
    expect(normalizeText('(20)问题27:严格执行').text).toBe('（20）问题27：严格执行');
    expect(normalizeText('日期:2021-11-23 10:00:00').text).toBe('日期：2021-11-23 10:00:00');
    expect(normalizeText('按1:2比例，共1,000人').text).toBe('按1:2比例，共1,000人');
    expect(normalizeText('0760-22343030(工作时间)').text).toBe('0760-22343030（工作时间）');
    expect(normalizeText('f(x) = 1').text).toBe('f(x) = 1');
  });

  it('trims indentation, collapses blank lines and inner whitespace, unifies line breaks', () => {
    const { text } = normalizeText('\u3000\u3000第一段\r\n\r\n\t\n  第二段\u00a0\u00a0内容  \r第三段\n\n\n');
    expect(text).toBe('第一段\n第二段 内容\n第三段');
  });

  it('removes bookmarks and page footers', () => {
    const { text } = normalizeText('[bookmark: _Toc30261]一、党委\n正文\n— 1 —\n- 2 -\n结尾[bookmark: _GoBack]');
    expect(text).toBe('一、党委\n正文\n结尾');
  });

  it('maps every normalized char back to the raw input', () => {
    const raw = '  （一）标题\r\n\r\n　　[bookmark: x]正文１２\n— 3 —\n尾';
    const norm = normalizeText(raw);
    expect(norm.toOriginal.length).toBe(norm.text.length + 1);
    expect(norm.toOriginal[norm.text.length]).toBe(raw.length);
    for (let i = 0; i < norm.text.length; i++) {
      const ch = norm.text[i];
      const rawCh = raw[norm.toOriginal[i]];
      if (ch === '\n') expect(rawCh === '\r' || rawCh === '\n').toBe(true);
      else if (ch === '1' || ch === '2') expect(rawCh).toBe(String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
      else expect(rawCh).toBe(ch);
    }
    const at = norm.text.indexOf('正文');
    const r = toOriginalRange(norm, at, at + 2);
    expect(raw.slice(r.start, r.end)).toBe('正文');
  });

  it('keeps page chrome lines (offsets must still map) and is idempotent on every seed', () => {
    const huadu = normalizeText(seed('huadu-district-2021-11-22.txt')).text;
    expect(huadu.split('\n')[0]).toMatch(/^所在位置：首页/);
    expect(huadu).toContain('来源：南粤清风网 日期：2021-11-23 10:00:00');
    for (const name of ['guzhen-town-2025-09-12.txt', 'hongmei-town-2023.txt', 'huadu-district-2021-11-22.txt', 'huashan-town-2025-06-19.txt', 'mazhang-town-2024-09-25.txt']) {
      const once = normalizeText(seed(name)).text;
      expect(normalizeText(once).text).toBe(once);
      expect(once).not.toMatch(/\n\n|^\s|\s$|\[bookmark/);
    }
  });
});

describe('normalizeText: a tab between cells', () => {
  // found by the idempotence property (parse-fuzz): a tab kept as a space was a `2024 年` space to the next pass
  it.each(['”问题\t0', '发布日期：2\t一、 >图片新闻', '1\t学习制度落实不到位\t已完成'])('is kept as a tab, so normalizing again changes nothing: %s', (raw) => {
    const once = normalizeText(raw).text;
    expect(once).toContain('\t');
    expect(normalizeText(once).text).toBe(once);
  });
  it('a run of spaces and tabs squeezes to one tab; a PDF `2024 年` space still goes', () => {
    expect(normalizeText('1 \t 问题').text).toBe('1\t问题');
    expect(normalizeText('2024 年 6 月').text).toBe('2024年6月');
  });
});

describe('normalizeText: buffers reused between calls', () => {
  it('gives the same result for a text whatever was normalized before it', () => {
    const short = '（一）标题 (附件) 2024 年\n\n　　正文：１２％,甲;乙';
    const first = normalizeText(short);
    normalizeText(`${'长文本，含（括号）和 空格　'.repeat(5000)}\n${'x:y(z)'.repeat(3000)}`);
    const again = normalizeText(short);
    expect(again.text).toBe(first.text);
    expect([...again.toOriginal]).toEqual([...first.toOriginal]);
  });
});
