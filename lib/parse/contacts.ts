/**
 * Contacts in a notice's closing block: phones, emails, addresses and postcodes
 * (`联系电话：0759-2711238`, `电子邮箱：jinbj@huadu.gov.cn`, `邮政地址：…`, `邮政编码510800`).
 *
 * Linear in the text: emails are found from each `@` by scanning outwards (a regex over the local
 * part would restart at every letter of a long run and go quadratic), addresses are read up to a
 * bounded length, and every other pattern has bounded repetition.
 */
import type { NoticeMeta } from '@/lib/schema';

type Contacts = NoticeMeta['contacts'];

/** Longest address kept; a real one is well under this, and the bound keeps the scan linear. */
const MAX_ADDRESS_CHARS = 120;

export function readContacts(lines: Iterable<string>): Contacts {
  const out: Contacts = { phones: [], emails: [], addresses: [], postcodes: [] };
  for (const line of lines) readLine(line, out);
  return out;
}

function add(list: string[], v: string): void {
  if (v && !list.includes(v)) list.push(v);
}

function readLine(t: string, out: Contacts): void {
  const mails = findEmails(t);
  for (const m of mails) add(out.emails, t.slice(m.start, m.end));
  const noMail = blankOut(t, mails);
  for (const m of noMail.matchAll(/邮政?编码：?\s*(\d{6})(?!\d)/g)) add(out.postcodes, m[1]);
  for (const m of noMail.matchAll(/(?<![\d.])(?:0\d{2,3}-?\d{7,8}|1[3-9]\d{9}|\d{7,8})(?![\d.])/g)) {
    const before = noMail.slice(Math.max(0, (m.index ?? 0) - 12), m.index);
    if (/编码：?\s*$/.test(before)) continue;
    add(out.phones, m[0]);
  }
  for (const m of noMail.matchAll(/(?:邮政地址|联系地址|通讯地址|邮寄地址|邮政信箱|来信地址|地址)：?\s*/g)) {
    add(out.addresses, readClause(noMail, (m.index ?? 0) + m[0].length));
  }
}

export interface EmailMatch {
  start: number;
  end: number;
}

const isLetter = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
/** [A-Za-z0-9.-] */
const isDomainChar = (c: number) => isLetter(c) || isDigit(c) || c === 0x2e || c === 0x2d;
/** [A-Za-z0-9._%+-] */
const isLocalChar = (c: number) => isDomainChar(c) || c === 0x5f || c === 0x25 || c === 0x2b;

/**
 * Emails as `local@domain.tld` ([A-Za-z0-9._%+-]+ @ [A-Za-z0-9.-]+ . [A-Za-z]{2,}), left to right,
 * not overlapping. Each character is visited a bounded number of times: the local part of one `@`
 * stops at the previous match or `@`, its domain stops at the next `@`.
 */
export function findEmails(t: string): EmailMatch[] {
  const out: EmailMatch[] = [];
  let consumed = 0;
  for (let at = t.indexOf('@'); at >= 0; at = t.indexOf('@', at + 1)) {
    if (at < consumed) continue;
    let start = at;
    while (start > consumed && isLocalChar(t.charCodeAt(start - 1))) start--;
    if (start === at) continue;
    let runEnd = at + 1;
    while (runEnd < t.length && isDomainChar(t.charCodeAt(runEnd))) runEnd++;
    const end = domainEnd(t, at + 1, runEnd);
    if (end === null) continue;
    out.push({ start, end });
    consumed = end;
  }
  return out;
}

/**
 * Where the longest `[A-Za-z0-9.-]+\.[A-Za-z]{2,}` starting at `from` ends within [from, runEnd),
 * or null. Walks back over letter runs: each candidate end is the end of a run of ≥ 2 letters
 * directly after a dot that has at least one domain character before it.
 */
function domainEnd(t: string, from: number, runEnd: number): number | null {
  let e = runEnd;
  while (e > from) {
    while (e > from && !isLetter(t.charCodeAt(e - 1))) e--;
    let j = e;
    while (j > from && isLetter(t.charCodeAt(j - 1))) j--;
    if (e - j >= 2 && j - 1 > from && t.charCodeAt(j - 1) === 0x2e) return e;
    e = j;
  }
  return null;
}

function blankOut(t: string, spans: EmailMatch[]): string {
  if (!spans.length) return t;
  let s = '';
  let last = 0;
  for (const m of spans) {
    s += t.slice(last, m.start) + ' ';
    last = m.end;
  }
  return s + t.slice(last);
}

/** Text from `from` to the first unbracketed `，；。` (brackets and quotes kept whole), at most MAX_ADDRESS_CHARS. */
function readClause(s: string, from: number): string {
  const limit = Math.min(s.length, from + MAX_ADDRESS_CHARS);
  let depth = 0;
  let i = from;
  for (; i < limit; i++) {
    const ch = s[i];
    if ('（“《(‘'.includes(ch)) depth++;
    else if ('）”》)’'.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && '，；。,;'.includes(ch)) break;
  }
  return s.slice(from, i).trim();
}
