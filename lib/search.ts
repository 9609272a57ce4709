/**
 * Search over annotations (pure). Chinese is written without spaces, so besides plain substring
 * matching a CJK term also matches when every one of its bigrams occurs in the text
 * ("卫生站进驻" finds "进驻卫生站进行开诊"); whitespace-separated terms are ANDed.
 * Punctuation and spaces are ignored when the plain substring test fails, because notices quote
 * everything: "三重一大制度" finds "“三重一大”制度".
 */
import type { Annotation } from './schema';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Full-width → half-width (NFKC), lower case: "ＡＢＣ（一）" matches "abc(一)". */
function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

const PUNCTUATION_OR_SPACE = /[\p{P}\p{S}\p{Z}\s]+/gu;

function compact(text: string): string {
  return text.replace(PUNCTUATION_OR_SPACE, '');
}

function bigrams(term: string): string[] {
  const chars = Array.from(term);
  const result: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) result.push(chars[i] + chars[i + 1]);
  return result;
}

interface Haystack {
  text: string;
  compact: string;
}

interface Term {
  text: string;
  compact: string;
  /** Bigrams of the compact term, for CJK terms of two characters or more; else null. */
  bigrams: string[] | null;
}

function compileTerm(text: string): Term {
  const dense = compact(text);
  const cjk = Array.from(dense).length >= 2 && CJK.test(dense);
  return { text, compact: dense, bigrams: cjk ? bigrams(dense) : null };
}

function termMatches(haystack: Haystack, term: Term): boolean {
  if (haystack.text.includes(term.text)) return true;
  if (term.compact.length > 0 && haystack.compact.includes(term.compact)) return true;
  return term.bigrams !== null && term.bigrams.every((pair) => haystack.compact.includes(pair));
}

/** Compile a query once, match many haystacks (used when filtering thousands of annotations). */
export function createMatcher(query: string): (haystack: string) => boolean {
  const matches = createPreparedMatcher(query);
  return (haystack) => matches(prepareHaystack(haystack));
}

/** A haystack normalized once, to be matched against many queries (a list filtered as the user types). */
export type PreparedHaystack = Haystack;

export function prepareHaystack(haystack: string): PreparedHaystack {
  const text = normalize(haystack);
  return { text, compact: compact(text) };
}

/** createMatcher over prepared haystacks. */
export function createPreparedMatcher(query: string): (haystack: PreparedHaystack) => boolean {
  const terms = normalize(query)
    .split(/\s+/)
    .filter((term) => term.length > 0)
    .map(compileTerm);
  return (haystack) => terms.every((term) => termMatches(haystack, term));
}

export function matchesQuery(haystack: string, query: string): boolean {
  return createMatcher(query)(haystack);
}

/** The text a query is matched against: note, quoted passage, tags. */
export function annotationHaystack(a: Annotation): string {
  return [a.note, a.quote.exact, a.tags.join(' ')].join('\n');
}

const PREPARED = new WeakMap<Annotation, PreparedHaystack>();

/** The annotation's haystack, prepared once per record object (records are replaced, never mutated, on edit). */
export function preparedAnnotationHaystack(a: Annotation): PreparedHaystack {
  let prepared = PREPARED.get(a);
  if (!prepared) PREPARED.set(a, (prepared = prepareHaystack(annotationHaystack(a))));
  return prepared;
}
