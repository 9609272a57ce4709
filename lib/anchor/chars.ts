/** UTF-16 surrogate and blank-character helpers shared by describing, scoring and matching. */
export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Widen a match so that it never starts or ends inside a surrogate pair. */
export function snapToCodePoints<T extends { start: number; end: number }>(text: string, m: T): T {
  let { start, end } = m;
  if (start > 0 && isLowSurrogate(text.charCodeAt(start)) && isHighSurrogate(text.charCodeAt(start - 1))) start -= 1;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end)) && isHighSurrogate(text.charCodeAt(end - 1))) end += 1;
  return { ...m, start, end };
}

export function nonBlank(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (!isBlank(s.charCodeAt(i))) n++;
  return n;
}

export function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x3000 || code === 0xa0;
}
