// The library ledger job the side panel runs in a Web Worker: progress reported in order, bytes that read back.
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildLibraryLedger, type LibraryLedgerProgress } from '@/lib/export/library-ledger';
import type { LibraryEntry } from '@/lib/export';
import { ingestText } from '@/lib/ingest';

const seed = ingestText(readFileSync(new URL('../fixtures/seeds/huashan-town-2025-06-19.txt', import.meta.url), 'utf8'));

function library(count: number): LibraryEntry[] {
  return Array.from({ length: count }, (_, i) => ({
    noticeKey: `k${i}`,
    versions: [{ notice: { ...seed.notice, meta: { ...seed.notice.meta, organization: `单位${i}` } }, text: seed.text, url: `u${i}` }],
    annotations: [],
    overrides: [],
  }));
}

describe('buildLibraryLedger', () => {
  it('gives nothing for a library without stored versions (the panel says so instead of writing an empty file)', async () => {
    expect(await buildLibraryLedger({ entries: [], today: '2026-01-01', generatedAt: '2026-01-01T00:00:00Z', scope: '整个通报库' })).toBeNull();
    const versionless = library(1).map((e) => ({ ...e, versions: [] }));
    expect(await buildLibraryLedger({ entries: versionless, today: '2026-01-01', generatedAt: '2026-01-01T00:00:00Z', scope: '整个通报库' })).toBeNull();
  });

  it('reports comparing, rows in growing counts, then packaging; the workbook holds every item', async () => {
    const seen: LibraryLedgerProgress[] = [];
    const result = await buildLibraryLedger({ entries: library(20), today: '2026-01-01', generatedAt: '2026-01-01T00:00:00Z', scope: '整个通报库' }, (p) => seen.push(p));
    const items = 20 * seed.notice.items.length;
    expect(result).toMatchObject({ notices: 20, items });
    expect(seen[0]).toEqual({ stage: 'compare' });
    expect(seen.at(-1)).toEqual({ stage: 'package' });
    const rows = seen.flatMap((p) => (p.stage === 'rows' ? [p.done] : []));
    expect(rows.length).toBeGreaterThan(1);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
    expect(rows.at(-1)).toBe(items);
    const wb = new ExcelJS.Workbook();
    const bytes = result!.bytes;
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(wb.getWorksheet('台账')!.rowCount).toBe(items + 1);
  });
});
