/**
 * Search over annotations (pure). Chinese is written without spaces, so besides plain substring
 * matching a CJK term also matches when every one of its bigrams occurs in the text
 * ("完成整改" finds "整改完成"); whitespace-separated terms are ANDed.
 */
import type { Annotation } from './schema';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Full-width → half-width (NFKC), lower case: "ＡＢＣ（一）" matches "abc(一)". */
function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function bigrams(term: string): string[] {
  const chars = Array.from(term);
  const result: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) result.push(chars[i] + chars[i + 1]);
  return result;
}

function termMatches(haystack: string, term: string, termBigrams: string[] | null): boolean {
  if (haystack.includes(term)) return true;
  return termBigrams !== null && termBigrams.every((pair) => haystack.includes(pair));
}

/** Compile a query once, match many haystacks (used when filtering thousands of annotations). */
export function createMatcher(query: string): (haystack: string) => boolean {
  const terms = normalize(query).split(/\s+/).filter((term) => term.length > 0);
  const compiled = terms.map((term) => ({
    term,
    bigrams: Array.from(term).length >= 2 && CJK.test(term) ? bigrams(term) : null,
  }));
  return (haystack) => {
    if (compiled.length === 0) return true;
    const text = normalize(haystack);
    return compiled.every(({ term, bigrams: pairs }) => termMatches(text, term, pairs));
  };
}

export function matchesQuery(haystack: string, query: string): boolean {
  return createMatcher(query)(haystack);
}

/** The text a query is matched against: note, quoted passage, tags. */
export function annotationHaystack(a: Annotation): string {
  return [a.note, a.quote.exact, a.tags.join(' ')].join('\n');
}
