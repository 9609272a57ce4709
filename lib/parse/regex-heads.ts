/**
 * Literal heads of a regular expression: strings of up to `max` characters such that every match of the
 * pattern starts with one of them. Used to skip positions cheaply before calling a regex there.
 * Conservative: reading stops at any construct it does not read plainly (a class, an escape, a repeat,
 * a lookaround, an anchor, a capturing group); a pattern whose match could start there gives null,
 * "unknown" — never a head that a match could miss.
 */
const META = new Set('\\^$.|?*+()[]{}');
const QUANTIFIER = new Set('?*+{');

/** A prefix read so far; `open` when it ends where the read part of the pattern ends (more may follow). */
interface Prefix {
  text: string;
  open: boolean;
}

export function literalHeads(source: string, max = 2): string[] | null {
  const prefixes = prefixesOf(source, max);
  if (!prefixes || prefixes.some((p) => p.text === '')) return null;
  return [...new Set(prefixes.map((p) => p.text))];
}

/** Prefixes of every alternative of `source`; null if unbalanced. */
function prefixesOf(source: string, max: number): Prefix[] | null {
  const alternatives = splitTopLevel(source);
  if (!alternatives) return null;
  const out: Prefix[] = [];
  for (const alt of alternatives) out.push(...prefixesOfSequence(alt, max));
  return out;
}

/**
 * Prefixes of one alternative, read atom by atom: a literal character, or a `(?:…)` group (optionally
 * followed by `?`), or a literal character followed by `?`. Anything else ends the reading.
 */
function prefixesOfSequence(alt: string, max: number): Prefix[] {
  let current: Prefix[] = [{ text: '', open: true }];
  let i = 0;
  while (i < alt.length && current.some((p) => p.open)) {
    const atom = readAtom(alt, i, max);
    if (!atom) return closed(current);
    current = extend(current, atom.options, max);
    i = atom.end;
  }
  return current;
}

/** The prefixes an atom at `i` can contribute (with '' when it is optional), and where it ends; null: unreadable. */
function readAtom(alt: string, i: number, max: number): { options: Prefix[]; end: number } | null {
  let options: Prefix[] | null;
  let end: number;
  if (alt.startsWith('(?:', i)) {
    const close = closingParen(alt, i);
    if (close < 0) return null;
    options = prefixesOf(alt.slice(i + 3, close), max);
    end = close + 1;
  } else if (!META.has(alt[i])) {
    options = [{ text: alt[i], open: true }];
    end = i + 1;
  } else return null;
  if (!options) return null;
  if (!QUANTIFIER.has(alt[end])) return { options, end };
  // `x?` (greedy): the atom or nothing; any other repeat is not read
  if (alt[end] !== '?' || QUANTIFIER.has(alt[end + 1])) return null;
  return { options: [...options, { text: '', open: true }], end: end + 1 };
}

/** Each open prefix followed by each option, cut at `max` characters (a cut prefix is closed). */
function extend(current: Prefix[], options: Prefix[], max: number): Prefix[] {
  const out: Prefix[] = [];
  for (const p of current) {
    if (!p.open) {
      out.push(p);
      continue;
    }
    for (const o of options) {
      const text = p.text + o.text;
      out.push(text.length >= max ? { text: text.slice(0, max), open: false } : { text, open: o.open });
    }
  }
  return out;
}

function closed(prefixes: Prefix[]): Prefix[] {
  return prefixes.map((p) => ({ text: p.text, open: false }));
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
