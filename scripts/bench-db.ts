/**
 * Library benchmark: import a backup with 10 000 annotations into IndexedDB (fake-indexeddb in
 * Node: an in-memory model of IndexedDB in JavaScript, slower per record than a browser's), then list
 * and search them. Each import is the median of RUNS imports into a fresh database; `reimportMs` is
 * the same file imported again over itself (everything skipped). Baseline: JSON.parse of the same file
 * in the same run, so the ratio is comparable across machines. Target: import ≤ 1 s. The import in real
 * Chromium, through the side panel, is measured by scripts/bench-sidepanel.ts.
 *
 *   node --import tsx scripts/bench-db.ts [annotationCount]
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { backupToJson, importBackup } from '../lib/db/backup';
import { listAnnotations, openDb } from '../lib/db';
import {
  BACKUP_FORMAT,
  BACKUP_SCHEMA_VERSION,
  PRESET_TAGS,
  type Annotation,
  type BackupFile,
  type NoticeRecord,
  type NoticeSnapshot,
  type Severity,
} from '../lib/schema';

const FIXTURE = new URL('../test/fixtures/db/v1-dump.json', import.meta.url);
const SEVERITIES: Severity[] = ['high', 'medium', 'low'];

/** Sentences of the notice text, with their offsets, to quote from. */
function sentences(text: string): { exact: string; start: number }[] {
  const found: { exact: string; start: number }[] = [];
  let start = 0;
  for (let i = text.indexOf('。'); i !== -1; i = text.indexOf('。', i + 1)) {
    const exact = text.slice(start, i + 1).trim();
    if (exact.length >= 8) found.push({ exact, start: text.indexOf(exact, start) });
    start = i + 1;
  }
  return found;
}

/**
 * A backup of the 麻章镇 notice (from the v1 fixture, whose notice and snapshot records are also
 * valid today) with `count` annotations quoting its sentences in turn.
 */
export function makeLargeBackup(count: number, exportedAt = '2025-01-01T00:00:00.000Z'): BackupFile {
  const dump = JSON.parse(readFileSync(FIXTURE, 'utf8'));
  const notice: NoticeRecord = dump.tables.notices[0];
  const snapshot: NoticeSnapshot = dump.tables.snapshots.find((s: NoticeSnapshot) => s.noticeKey === notice.key);
  const quotes = sentences(snapshot.text);
  const annotations: Annotation[] = [];
  for (let i = 0; i < count; i++) {
    const { exact, start } = quotes[i % quotes.length];
    const time = new Date(Date.UTC(2024, 9, 1) + i * 60_000).toISOString();
    annotations.push({
      id: `bench-${String(i).padStart(6, '0')}`,
      noticeKey: notice.key,
      snapshotHash: snapshot.hash,
      url: snapshot.url,
      quote: {
        type: 'TextQuoteSelector',
        exact,
        prefix: snapshot.text.slice(Math.max(0, start - 32), start),
        suffix: snapshot.text.slice(start + exact.length, start + exact.length + 32),
      },
      position: { type: 'TextPositionSelector', start, end: start + exact.length },
      note: `第 ${i + 1} 条批注：核对“${exact.slice(0, 6)}”所述进展`,
      tags: [PRESET_TAGS[i % PRESET_TAGS.length]],
      severity: SEVERITIES[i % SEVERITIES.length],
      createdAt: time,
      updatedAt: time,
      anchorState: i % 10 === 0 ? 'orphan' : 'anchored',
      deletedAt: null,
    });
  }
  return {
    format: BACKUP_FORMAT,
    schemaVersion: BACKUP_SCHEMA_VERSION,
    exportedAt,
    notices: [notice],
    snapshots: [snapshot],
    annotations,
    overrides: [],
    settings: [],
  };
}

export interface DbBenchResult {
  importAnnotations: number;
  /** Median of RUNS imports, each into an empty database. */
  importMs: number;
  /** The same file imported into the database that already holds it (median of RUNS). */
  reimportMs: number;
  listMs: number;
  baselineMs: number;
  /** importMs / baselineMs */
  ratio: number;
}

async function timed<T>(run: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

const RUNS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

async function importOnce(json: string, count: number): Promise<{ ms: number; reimportMs: number }> {
  const db = openDb(`rectify-lens-bench-${globalThis.crypto.randomUUID()}`);
  try {
    const imported = await timed(() => importBackup(db, json));
    if (imported.value.added.annotations !== count) throw new Error(`导入批注数 ${imported.value.added.annotations}，应为 ${count}`);
    const again = await timed(() => importBackup(db, json));
    if (again.value.skipped.annotations !== count) throw new Error(`重复导入跳过 ${again.value.skipped.annotations} 条，应为 ${count}`);
    return { ms: imported.ms, reimportMs: again.ms };
  } finally {
    await db.delete();
  }
}

export async function benchDb(count = 10_000, runs = RUNS): Promise<DbBenchResult> {
  const json = backupToJson(makeLargeBackup(count));
  const baselines: number[] = [];
  const imports: number[] = [];
  const reimports: number[] = [];
  for (let i = 0; i < runs; i++) {
    baselines.push((await timed(() => JSON.parse(json))).ms);
    const { ms, reimportMs } = await importOnce(json, count);
    imports.push(ms);
    reimports.push(reimportMs);
  }
  const db = openDb(`rectify-lens-bench-${globalThis.crypto.randomUUID()}`);
  try {
    const imported = await importBackup(db, json);
    const noticeKey = imported.added.notices === 1 ? (await db.notices.toCollection().first())!.key : '';
    const listed = await timed(async () => [
      (await listAnnotations(db, { noticeKey })).length,
      (await listAnnotations(db, { tag: PRESET_TAGS[0] })).length,
      (await listAnnotations(db, { query: '整改 镇党委' })).length,
      (await listAnnotations(db, { orphan: true, severity: 'high' })).length,
    ]);
    if (listed.value[0] !== count) throw new Error(`列出批注数 ${listed.value[0]}，应为 ${count}`);
    const importMs = median(imports);
    const baselineMs = median(baselines);
    return {
      importAnnotations: count,
      importMs: Math.round(importMs),
      reimportMs: Math.round(median(reimports)),
      listMs: Math.round(listed.ms),
      baselineMs: Math.round(baselineMs * 100) / 100,
      ratio: Math.round((importMs / baselineMs) * 10) / 10,
    };
  } finally {
    await db.delete();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const count = Number(process.argv[2] ?? 10_000);
  const result = await benchDb(count);
  console.log(JSON.stringify(result, null, 2));
  if (result.importMs > 1000) {
    console.error(`导入 ${count} 条批注耗时 ${result.importMs} ms，超过 1 s 目标`);
    process.exitCode = 1;
  }
}
