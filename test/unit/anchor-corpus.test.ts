/**
 * Anchoring corpus (issue 13): for every seed, quotes of 4–200 chars, each re-anchored on versions of
 * the text edited near and far, in the quote, in its context, with its sentence duplicated, with three
 * edits at once, and with the quote deleted. Reports re-anchored / imprecise / orphaned / wrong.
 * ANCHOR_CORPUS_SEED, ANCHOR_PER_SEED, ANCHOR_ONLY (seeds whose name contains it) and ANCHOR_NARROW=1
 * (32-char selectors, as stored before context widening) vary the corpus for exploration; CI runs the defaults.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchorAll } from '@/lib/anchor';
import { prng } from '@/scripts/lib/prng';
import { buildCorpus, judge, type CaseKind, type Verdict } from '../fixtures/anchor-corpus';

const SEED_DIR = join(__dirname, '../fixtures/seeds');
const seeds = readdirSync(SEED_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => ({ name: f.replace(/\.txt$/, ''), text: readFileSync(join(SEED_DIR, f), 'utf8') }))
  .filter((s) => s.name.includes(process.env.ANCHOR_ONLY ?? ''));

const PER_SEED = Number(process.env.ANCHOR_PER_SEED ?? 80);

describe('anchoring corpus (seeded, all seeds)', () => {
  it('0 wrong, ≥ 99 % of surviving quotes re-anchored, every deleted quote orphaned', () => {
    const rand = prng(Number(process.env.ANCHOR_CORPUS_SEED ?? 20250912));
    const tally = new Map<CaseKind, Record<Verdict, number>>();
    const wrong: string[] = [];
    let annotations = 0;
    for (const { name, text } of seeds) {
      const corpus = buildCorpus(text, rand, PER_SEED, process.env.ANCHOR_NARROW === '1');
      expect(corpus.length).toBe(PER_SEED);
      annotations += corpus.length;
      // All annotations of one version at once, as the page does.
      const byText = new Map<string, Array<{ i: number; c: (typeof corpus)[number]['cases'][number] }>>();
      corpus.forEach(({ cases }, i) => cases.forEach((c) => byText.set(c.text, [...(byText.get(c.text) ?? []), { i, c }])));
      for (const [edited, items] of byText) {
        const results = anchorAll(edited, items.map(({ i }) => corpus[i].sel));
        items.forEach(({ i, c }, k) => {
          const verdict = judge(results[k], c);
          const row = tally.get(c.kind) ?? { anchored: 0, imprecise: 0, orphaned: 0, wrong: 0 };
          row[verdict]++;
          tally.set(c.kind, row);
          if (verdict === 'wrong' || verdict === 'imprecise') {
            wrong.push(`${name} ${c.kind} ${verdict} «${corpus[i].sel.quote.exact}» → ${JSON.stringify(results[k])} expected ${JSON.stringify(c.expected)}`);
          }
        });
      }
    }
    const sum = (rows: Array<Record<Verdict, number>>, v: Verdict) => rows.reduce((a, r) => a + r[v], 0);
    const surviving = [...tally].filter(([k]) => k !== 'quote-deleted').map(([, r]) => r);
    const total = surviving.reduce((a, r) => a + r.anchored + r.imprecise + r.orphaned + r.wrong, 0);
    const anchored = sum(surviving, 'anchored');
    const deleted = tally.get('quote-deleted')!;
    console.info(
      `anchor corpus: ${annotations} annotations, ${total} surviving cases: re-anchored ${anchored} ` +
        `(${((100 * anchored) / total).toFixed(2)} %), orphaned ${sum(surviving, 'orphaned')}, imprecise ${sum(surviving, 'imprecise')}, ` +
        `wrong ${sum(surviving, 'wrong')}; deleted quotes orphaned ${deleted.orphaned}/${deleted.orphaned + deleted.wrong}\n` +
        [...tally].map(([k, v]) => `  ${k.padEnd(24)} ${JSON.stringify(v)}`).join('\n') +
        (wrong.length ? `\n${wrong.join('\n')}` : ''),
    );
    expect(wrong).toEqual([]);
    expect(anchored / total).toBeGreaterThanOrEqual(0.99);
    expect(deleted.wrong).toBe(0);
    for (const row of tally.values()) expect(row.anchored + row.orphaned).toBeGreaterThan(0);
  });
});
