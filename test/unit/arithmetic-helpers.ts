/** Shared by the arithmetic-check unit tests: seed text and the relations found in a passage of it. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { findArithmeticRelations } from '@/lib/parse/arithmetic';
import { findQuantities } from '@/lib/parse/quantities';

export const seed = (name: string) => readFileSync(`test/fixtures/seeds/${name}.txt`, 'utf8');

/** The line of `text` containing `phrase`, as a passage. */
export function passageOf(text: string, phrase: string) {
  const at = text.indexOf(phrase);
  expect(at).toBeGreaterThanOrEqual(0);
  const start = text.lastIndexOf('\n', at) + 1;
  const nl = text.indexOf('\n', at);
  return { start, end: nl === -1 ? text.length : nl };
}
export function relationsIn(text: string, passage: { start: number; end: number }) {
  return findArithmeticRelations(text, findQuantities(text, passage.start, passage.end), passage);
}
export function relationsOf(text: string) {
  return relationsIn(text, { start: 0, end: text.length }).map((r) => [r.consistent, r.message]);
}
