/**
 * itemLabel's patterns are module constants (a regex literal inside the function made a RegExp per call):
 * the labels stay what the doc comment promises, also when the same titles are labelled again (the `/g`
 * quote joiner keeps no state between calls).
 */
import { describe, expect, it } from 'vitest';
import { itemLabel } from '@/lib/parse/items';

const CASES: Array<[string, string]> = [
  ['针对“历史约定不合理”问题', '历史约定不合理'],
  ['针对“A”、“B”和“C”问题。', 'A、B、C'],
  ['针对没有把区位优势转化为发展优势问题', '没有把区位优势转化为发展优势'],
  ['关于“落实主体责任不到位”问题的整改情况', '落实主体责任不到位'],
  ['关于区委巡察办整改督查指出的“台账不规范”的问题', '台账不规范'],
  ['关于民生事业发展不快方面：', '民生事业发展不快'],
  ['问题1严格落实三重一大制度', '问题1严格落实三重一大制度'],
  ['  针对问题  ', '针对问题'],
];

describe('itemLabel', () => {
  it('reads the problem words from each title, the same on a second pass', () => {
    for (let pass = 0; pass < 2; pass++) for (const [title, label] of CASES) expect(itemLabel(title)).toBe(label);
  });
});
