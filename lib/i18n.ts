/**
 * UI strings live in public/_locales/<locale>/messages.json (zh_CN first, en fallback) and are read
 * through the browser's i18n API. Outside an extension (unit tests, CLI) the zh_CN file is used directly.
 */
import zhCN from '@/public/_locales/zh_CN/messages.json';

export type MessageKey = keyof typeof zhCN;

type I18nApi = { getMessage(key: string, substitutions?: string | string[]): string };

function browserI18n(): I18nApi | null {
  const g = globalThis as { chrome?: { i18n?: I18nApi }; browser?: { i18n?: I18nApi } };
  return g.browser?.i18n ?? g.chrome?.i18n ?? null;
}

const plainCache = new Map<string, string>();

/** Translates `key`, substituting $1..$9 placeholders with `subs`. Plain messages are cached (renders call this a lot). */
export function t(key: MessageKey, ...subs: Array<string | number>): string {
  if (subs.length === 0) {
    const cached = plainCache.get(key);
    if (cached !== undefined) return cached;
    const msg = translate(key, []);
    plainCache.set(key, msg);
    return msg;
  }
  return translate(key, subs.map(String));
}

function translate(key: MessageKey, args: string[]): string {
  let msg = '';
  try {
    msg = browserI18n()?.getMessage(key, args) ?? '';
  } catch {
    msg = '';
  }
  return msg || zhMessage(key, args);
}

function zhMessage(key: MessageKey, args: string[]): string {
  const entry = (zhCN as Record<string, { message: string }>)[key];
  if (!entry) return key;
  return entry.message.replace(/\$(\d)/g, (_, n: string) => args[Number(n) - 1] ?? '');
}

/**
 * Has the browser load this extension's messages into the page ahead of the first render: in Chromium a content
 * script's first getMessage fetches them from the browser process.
 */
export function prepareMessages(): void {
  t('extName');
}

/** The zh-CN message whatever the browser's language: for exports and the CLI, which are written in Chinese. */
export function zh(key: MessageKey, ...subs: Array<string | number>): string {
  return zhMessage(key, subs.map(String));
}
