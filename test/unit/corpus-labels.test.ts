/** Every hand-written label of the accuracy corpus parses and fits its text (see test/fixtures/real/README.md). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPORA } from '../../scripts/eval';
import { labelProblems, noticeLabel } from '../../scripts/eval/labels';

const files = CORPORA.flatMap(({ dir }) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.label.json'))
    .map((f) => ({ dir, name: f.replace(/\.label\.json$/, '') })),
);

describe('accuracy corpus labels', () => {
  it('has labelled notices to score', () => {
    expect(files.length).toBeGreaterThan(5);
  });
  it.each(files)('$name fits its text', ({ dir, name }) => {
    const label = noticeLabel.parse(JSON.parse(readFileSync(join(dir, `${name}.label.json`), 'utf8')));
    expect(labelProblems(label, readFileSync(join(dir, `${name}.txt`), 'utf8'))).toEqual([]);
  });
  it('catches a quote that is not in the text and items out of order', () => {
    const label = noticeLabel.parse({
      url: null, source: 'test', notice: true,
      meta: { title: null, organization: null, inspectionBody: null, feedbackDate: null, publishDate: null },
      items: [
        { quote: '乙问题', status: 'done', evidence: '已完成', deadlines: [] },
        { quote: '甲问题', status: null, deadlines: [] },
        { quote: '丙问题', status: null, deadlines: [] },
      ],
    });
    expect(labelProblems(label, '甲问题。乙问题已完成。')).toEqual([
      'item 2 «甲问题»: first occurrence not after the previous item\'s',
      'item 3 «丙问题»: quote not in the text',
    ]);
  });
});
