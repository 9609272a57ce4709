/**
 * leadIns reads only the lines that end with a colon (from colonsOf). It must find what reading every line
 * of [from, to) finds (the reference below, the reading before): for every outline entry's range of every
 * seed and real notice, and for random ranges (lines cut at either end) of a text full of lead-ins.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { colonsOf } from '@/lib/parse/fields';
import { LEAD_IN, leadInKind, leadIns, sectionStatusKind } from '@/lib/parse/items';
import { analyzeLayout } from '@/lib/parse/meta';
import { normalizeText, splitLines } from '@/lib/parse/normalize';
import { buildOutline } from '@/lib/parse/outline';
import type { SectionStatus } from '@/lib/parse/status';

function everyLine(text: string, from: number, to: number): SectionStatus[] {
  const out: SectionStatus[] = [];
  for (let ls = from; ls < to; ) {
    let le = text.indexOf('\n', ls);
    if (le < 0 || le > to) le = to;
    if (le - ls <= 60) {
      const line = text.slice(ls, le);
      const m = LEAD_IN.exec(line);
      const status = m ? sectionStatusKind(m[0]) ?? leadInKind(m[0]) : null;
      if (status) out.push({ status, text: line, start: ls, end: le });
    }
    ls = le + 1;
  }
  return out;
}

const texts = ['test/fixtures/seeds', 'test/fixtures/real', 'test/fixtures/layouts'].flatMap((d) =>
  readdirSync(d)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => normalizeText(readFileSync(`${d}/${f}`, 'utf8')).text),
);

const LEADS = [
  '截至目前，已完成整改问题如下：',
  '正在推进整改的问题（共3个）：',
  '需长期坚持整改的事项如下:',
  '尚未完成整改问题：',
  '1.针对“台账不规范”问题。已建立台账：按月更新。',
  '（一）关于落实主体责任方面',
  `已完成整改的问题如下，${'另'.repeat(50)}：`,
  '',
];

describe('leadIns: the colon lines give what every line gives', () => {
  it('for every outline entry of every seed, real and layout notice', () => {
    let found = 0;
    for (const text of texts) {
      const lines = splitLines(text);
      const layout = analyzeLayout(lines);
      const outline = buildOutline(text, lines, layout.bodyLine, layout.closingLine);
      const colons = colonsOf(text);
      for (const e of outline.all) {
        const expected = everyLine(text, e.lineEnd, e.node.end);
        found += expected.length;
        expect(leadIns(text, e.lineEnd, e.node.end, colons)).toEqual(expected);
      }
    }
    expect(found).toBeGreaterThan(0);
  });

  it('for random ranges of a text of lead-ins and other lines', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LEADS), { maxLength: 12 }), fc.nat(), fc.nat(), (picked, a, b) => {
        const text = picked.join('\n');
        const from = text.length ? a % (text.length + 1) : 0;
        const to = from + (b % (text.length - from + 1));
        expect(leadIns(text, from, to, colonsOf(text))).toEqual(everyLine(text, from, to));
      }),
      { numRuns: 3000 },
    );
  });
});
