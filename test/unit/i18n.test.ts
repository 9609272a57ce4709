import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import zh from '@/public/_locales/zh_CN/messages.json';
import en from '@/public/_locales/en/messages.json';
import { t } from '@/lib/i18n';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.(tsx?)$/.test(f) ? [p] : [];
  });
}

describe('UI strings', () => {
  it('zh_CN and en define the same keys, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [k, v] of Object.entries({ ...zh, ...en })) expect(v.message.trim(), k).not.toBe('');
  });

  it('every t() key used in components, lib and entrypoints exists', () => {
    const used = new Set<string>();
    for (const dir of ['components', 'lib', 'entrypoints']) {
      for (const file of sources(dir)) for (const m of readFileSync(file, 'utf8').matchAll(/\bt\('([A-Za-z]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter((k) => !(k in zh));
    expect(missing).toEqual([]);
  });

  it('falls back to zh_CN outside the extension and substitutes placeholders', () => {
    expect(t('extName')).toBe('整改通报审阅助手');
    expect(t('annotationCount', 12)).toBe('共 12 条批注');
  });
});
