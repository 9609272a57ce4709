/**
 * Reading JSON files a user picked (backups, review packages): where a broken file is broken, and schema
 * problems listed by path. Pure; the messages are zh-CN and meant to be shown as they are.
 */
import type { z } from 'zod';

/** Line and column (1-based) of a UTF-16 offset. */
function lineColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < position; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: position - lineStart + 1 };
}

/** How a message names the file (备份文件, 审阅包) and says what was not done (未导入任何数据。). */
export interface JsonFileWords {
  file: string;
  outcome: string;
}

/** Where a JSON file is broken, in words a user can act on: truncated, or a syntax error near a quoted excerpt. */
export function describeJsonError(json: string, words: JsonFileWords): string {
  const position = jsonErrorOffset(json) ?? json.length;
  const { line, column } = lineColumn(json, position);
  const where = `第 ${line} 行第 ${column} 列（字符位置 ${position}）`;
  if (position >= json.trimEnd().length) {
    return `${words.file}不是完整的 JSON：在${where}意外结束，文件可能在下载或复制时被截断。${words.outcome}`;
  }
  const near = json.slice(Math.max(0, position - 20), position + 20).replace(/\s+/g, ' ');
  return `${words.file}不是有效的 JSON：${where}附近有语法错误（附近内容：「${near}」），文件可能已损坏。${words.outcome}`;
}

const JSON_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const JSON_ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/**
 * Offset of the first JSON syntax error (text.length when the input ends too early), or null when
 * the text is valid. JSON.parse messages differ between engines and Node 20 often omits the
 * position, so we find it ourselves: one linear pass, no recursion (deep nesting cannot overflow).
 */
export function jsonErrorOffset(text: string): number | null {
  const n = text.length;
  const stack: string[] = [];
  let i = 0;
  const skipSpace = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  /** At a quote: moves past the string, or returns false with i at the fault. */
  const scanString = (): boolean => {
    i++;
    while (i < n) {
      const code = text.charCodeAt(i);
      if (code === 0x22) {
        i++;
        return true;
      }
      if (code < 0x20) return false;
      if (code !== 0x5c) {
        i++;
        continue;
      }
      JSON_ESCAPE.lastIndex = i;
      if (!JSON_ESCAPE.test(text)) return false;
      i = JSON_ESCAPE.lastIndex;
    }
    return false;
  };
  /** Object key and colon; leaves i at the value. */
  const scanKey = (): boolean => {
    skipSpace();
    if (text[i] !== '"' || !scanString()) return false;
    skipSpace();
    if (text[i] !== ':') return false;
    i++;
    return true;
  };
  let expectValue = true;
  for (;;) {
    skipSpace();
    if (i >= n) return expectValue || stack.length > 0 ? n : null;
    const c = text[i];
    if (expectValue) {
      if (c === '{' || c === '[') {
        stack.push(c);
        i++;
        skipSpace();
        if (text[i] === (c === '{' ? '}' : ']')) {
          stack.pop();
          i++;
          expectValue = false;
        } else if (c === '{' && !scanKey()) return Math.min(i, n);
        continue;
      }
      if (c === '"') {
        if (!scanString()) return Math.min(i, n);
      } else if (text.startsWith('true', i) || text.startsWith('null', i)) i += 4;
      else if (text.startsWith('false', i)) i += 5;
      else {
        JSON_NUMBER.lastIndex = i;
        if (!JSON_NUMBER.test(text)) return i;
        i = JSON_NUMBER.lastIndex;
      }
      expectValue = false;
      continue;
    }
    const top = stack[stack.length - 1];
    if (top === undefined) return i;
    if (c === ',') {
      i++;
      if (top === '{' && !scanKey()) return Math.min(i, n);
      expectValue = true;
    } else if (c === (top === '{' ? '}' : ']')) {
      stack.pop();
      i++;
    } else return i;
  }
}

/** How many problems a message lists before "……另有 N 处错误". */
const MAX_LISTED_ISSUES = 10;

/** `['annotations', 3, 'severity']` → `annotations[3].severity`. */
export function issuePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '（文件顶层）';
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

/** `intro`, then `- item` lines, at most MAX_LISTED_ISSUES of them and a count of the rest (`……另有 3 处错误`). */
export function bulletList(intro: string, items: readonly string[], restUnit = '处错误'): string {
  const lines = items.slice(0, MAX_LISTED_ISSUES).map((item) => `- ${item}`);
  const more = items.length > MAX_LISTED_ISSUES ? [`……另有 ${items.length - MAX_LISTED_ISSUES} ${restUnit}`] : [];
  return [intro, ...lines, ...more].join('\n');
}

/** `intro`, then one line per schema problem: its path and zod's message. */
export function listIssues(intro: string, issues: readonly z.core.$ZodIssue[]): string {
  return bulletList(intro, issues.map((issue) => `${issuePath(issue.path)}：${issue.message}`));
}
