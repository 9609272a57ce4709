// parseMarker as it was before it chose its regexes by the line's first character (lib/parse/outline.ts at
// f818f64), without even its first-character early return: every regex tried in order on every line. The
// reference test/unit/parse-outline-marker.test.ts compares the fast path with. Do not edit.
import { parseChineseNumber } from '@/lib/parse/numerals';
import type { Marker } from '@/lib/parse/outline';

const CN = '[一二三四五六七八九十]{1,3}';
const RE_PROBLEM_CN_PAREN = new RegExp(`^（(${CN})）\\s?问题(\\d{1,3})(?![\\d个项])[：.、]?\\s?`);
const RE_PROBLEM_NUM = /^(?:（(\d{1,3})）|(\d{1,3})[.、]?)?\s?问题(\d{1,3})(?![\d个项条])[：.、]?\s?/;
const RE_CN_DUN = new RegExp(`^(${CN})、\\s?`);
const RE_FANGMIAN = new RegExp(`^第(${CN})方面(?:问题)?[，：、]?\\s?`);
const RE_CN_PAREN = new RegExp(`^（(${CN})）\\s?`);
const RE_NUM_DOT = /^(\d{1,3})[.、](?!\d)\s?/;
const RE_NUM_PAREN = /^（(\d{1,3})）\s?/;
const RE_ZHENDUI = /^(?=针对“[^”\n]{1,80}”(?:的)?问题)/;

function cn(s: string): number | null {
  return parseChineseNumber(s);
}

export function referenceParseMarker(line: string): Marker | null {
  let m = RE_PROBLEM_CN_PAREN.exec(line);
  if (m) return { kind: 'cnParen', raw: m[0].trim().replace(/[：.、]$/, ''), number: cn(m[1]), problemNo: Number(m[2]) };
  m = RE_PROBLEM_NUM.exec(line);
  if (m && line.length > m[0].length) {
    const counter = m[1] ?? m[2];
    return { kind: counter ? 'numParen' : 'wenti', raw: m[0].trim().replace(/[：.、]$/, ''), number: counter ? Number(counter) : null, problemNo: Number(m[3]) };
  }
  if ((m = RE_CN_DUN.exec(line))) return { kind: 'cnDun', raw: m[0].trim(), number: cn(m[1]), problemNo: null };
  if ((m = RE_FANGMIAN.exec(line))) return { kind: 'fangmian', raw: m[0].trim().replace(/[，：、]$/, ''), number: cn(m[1]), problemNo: null };
  if ((m = RE_CN_PAREN.exec(line))) return { kind: 'cnParen', raw: m[0].trim(), number: cn(m[1]), problemNo: null };
  if ((m = RE_NUM_DOT.exec(line)) && line.length > m[0].length) {
    return { kind: 'numDot', raw: m[0].trim(), number: Number(m[1]), problemNo: null };
  }
  if ((m = RE_NUM_PAREN.exec(line))) return { kind: 'numParen', raw: m[0].trim(), number: Number(m[1]), problemNo: null };
  if (RE_ZHENDUI.test(line)) return { kind: 'zhendui', raw: '', number: null, problemNo: null };
  return null;
}
