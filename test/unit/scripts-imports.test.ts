import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Code shared by tests and scripts lives in scripts/ (tests may import it); scripts never import test/.
// Reading data files under test/fixtures is fine: only import specifiers are checked.
const ROOT = path.resolve(__dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|mts|mjs|js)$/.test(e.name) ? [full] : [];
  });
}

/** Static imports, re-exports and dynamic imports with a literal specifier. */
function importSpecifiers(source: string): string[] {
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;
  return [...source.matchAll(pattern)].map((m) => m[1]);
}

function resolvesIntoTest(file: string, specifier: string): boolean {
  const target = specifier.startsWith('@/') ? path.join(ROOT, specifier.slice(2)) : specifier.startsWith('.') ? path.resolve(path.dirname(file), specifier) : null;
  return target !== null && path.relative(ROOT, target).split(path.sep)[0] === 'test';
}

describe('scripts/ and bin/ import nothing under test/', () => {
  it('finds the imports it checks', () => {
    expect(importSpecifiers(`import a from './x';\nimport { b } from "../y";\nexport * from './z';\nconst c = await import('./w');\nimport './side';`)).toEqual(['./x', '../y', './z', './w', './side']);
    expect(resolvesIntoTest(path.join(ROOT, 'scripts/demo.ts'), '../test/e2e/harness')).toBe(true);
    expect(resolvesIntoTest(path.join(ROOT, 'scripts/demo.ts'), '@/test/fixtures/server')).toBe(true);
    expect(resolvesIntoTest(path.join(ROOT, 'scripts/demo.ts'), './lib/browser')).toBe(false);
  });

  it.each(['scripts', 'bin'])('%s/', (dir) => {
    const offending = sourceFiles(path.join(ROOT, dir)).flatMap((file) =>
      importSpecifiers(readFileSync(file, 'utf8'))
        .filter((s) => resolvesIntoTest(file, s))
        .map((s) => `${path.relative(ROOT, file)} → ${s}`),
    );
    expect(offending).toEqual([]);
  });
});
