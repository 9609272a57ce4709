/**
 * Literal heads of a regular expression: strings of one or two characters such that every match of the
 * pattern starts with one of them. Used to skip positions cheaply before calling a regex there.
 * Conservative: any construct it does not read plainly (a class, an escape, an optional or repeated
 * start, a lookaround, an anchor) gives null, "unknown" — never a head that a match could miss.
 */
const META = new Set('\\^$.|?*+()[]{}');
const QUANTIFIER = new Set('?*+{');

export function literalHeads(source: string): string[] | null {
  const alternatives = splitTopLevel(source);
  if (!alternatives) return null;
  const heads: string[] = [];
  for (const alt of alternatives) {
    const found = headsOfAlternative(alt);
    if (!found) return null;
    heads.push(...found);
  }
  return heads;
}

function headsOfAlternative(alt: string): string[] | null {
  if (alt.startsWith('(?:')) {
    const close = closingParen(alt, 0);
    if (close < 0) return null;
    const inGroup = literalHeads(alt.slice(3, close));
    if (!QUANTIFIER.has(alt[close + 1])) return inGroup;
    // `(?:有效|切实)?提高…`: a match starts in the group or, the group skipped, after it
    if (alt[close + 1] !== '?' || QUANTIFIER.has(alt[close + 2]) || !inGroup) return null;
    const after = headsOfAlternative(alt.slice(close + 2));
    return after && [...inGroup, ...after];
  }
  const first = alt[0];
  if (first === undefined || META.has(first) || QUANTIFIER.has(alt[1])) return null;
  const second = alt[1];
  if (second === undefined || META.has(second) || QUANTIFIER.has(alt[2])) return [first];
  return [first + second];
}

/** The alternatives of `source` at its top level (not inside groups or classes); null if unbalanced. */
function splitTopLevel(source: string): string[] | null {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') {
      i = classEnd(source, i);
      if (i < 0) return null;
    } else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(source.slice(start, i));
      start = i + 1;
    }
    if (depth < 0) return null;
  }
  if (depth !== 0) return null;
  out.push(source.slice(start));
  return out;
}

/** Index of the `)` closing the group opened at `open`, or -1. */
function closingParen(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') {
      i = classEnd(source, i);
      if (i < 0) return -1;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** Index of the `]` ending the character class opened at `open`, or -1. */
function classEnd(source: string, open: number): number {
  for (let i = open + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']') return i;
  }
  return -1;
}
