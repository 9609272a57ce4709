/**
 * Parser accuracy over the labelled corpus: the real notices in test/fixtures/real/ and the seeds.
 *
 *   npm run eval                      per-field accuracy, overall and for real notices / seeds
 *   npm run eval -- --verbose         … and every miss, file by file
 *   npm run eval -- --only guzhen     only files whose name contains the text
 *   npm run eval -- --dir OTHER       also score the labelled notices in folder OTHER (counted as real)
 *   npm run -s eval -- --json         the overall figures as JSON
 *
 * Labels are written by reading (test/fixtures/real/README.md); "today" is fixed so runs are comparable.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { detectNotice } from '../lib/detect';
import { parseNotice } from '../lib/parse/index';
import { noticeLabel } from './eval/labels';
import { META_FIELDS, scoreFile, type FileScore, type MetaField } from './eval/score';

export const EVAL_TODAY = '2026-11-30';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CORPORA = [
  { group: 'real', dir: join(ROOT, 'test/fixtures/real') },
  { group: 'seeds', dir: join(ROOT, 'test/fixtures/seeds') },
] as const;

interface Scored {
  name: string;
  group: string;
  notice: boolean;
  score: FileScore;
}

function scoreCorpus(only: string | undefined, extraDirs: string[]): Scored[] {
  const out: Scored[] = [];
  const corpora = [...CORPORA, ...extraDirs.map((dir) => ({ group: 'real', dir }))];
  for (const { group, dir } of corpora) {
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.label.json')).sort()) {
      const name = basename(f, '.label.json');
      if (only && !name.includes(only)) continue;
      const label = noticeLabel.parse(JSON.parse(readFileSync(join(dir, f), 'utf8')));
      const raw = readFileSync(join(dir, `${name}.txt`), 'utf8');
      const { text, toOriginal, notice } = parseNotice(raw, { today: EVAL_TODAY });
      const detected = detectNotice({ url: label.url ?? '', title: notice.meta.title, h1: null, bodyText: text }).isNotice;
      out.push({ name, group, notice: label.notice, score: scoreFile(label, { raw, text, toOriginal, notice, detected }) });
    }
  }
  return out;
}

const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 1000) / 1000);
const sum = (list: Scored[], f: (s: FileScore) => number) => list.reduce((n, x) => n + f(x.score), 0);

export function summarize(list: Scored[]) {
  const notices = list.filter((x) => x.notice);
  const meta = {} as Record<MetaField, number | null>;
  for (const f of META_FIELDS) {
    const judged = notices.filter((x) => x.score.meta[f] !== undefined);
    meta[f] = ratio(judged.filter((x) => x.score.meta[f]).length, judged.length);
  }
  const byCertainty: Record<string, { accuracy: number | null; items: number }> = {};
  for (const x of notices) {
    for (const [c, [ok, n]] of Object.entries(x.score.byCertainty)) {
      const cell = (byCertainty[c] ??= { accuracy: 0, items: 0 });
      cell.accuracy = (cell.accuracy ?? 0) + ok;
      cell.items += n;
    }
  }
  for (const cell of Object.values(byCertainty)) cell.accuracy = ratio(cell.accuracy ?? 0, cell.items);
  const statusLabelled = sum(notices, (s) => s.statusLabelled);
  return {
    files: list.length,
    realFiles: list.filter((x) => x.group === 'real' && x.notice).length,
    seedFiles: list.filter((x) => x.group === 'seeds').length,
    negativeFiles: list.filter((x) => !x.notice).length,
    meta,
    labelledItems: sum(notices, (s) => s.labelItems),
    itemRecall: ratio(sum(notices, (s) => s.matchedLabels), sum(notices, (s) => s.labelItems)),
    itemPrecision: ratio(sum(notices, (s) => s.matchedParserItems), sum(notices, (s) => s.parserItems)),
    statusAccuracy: ratio(sum(notices, (s) => s.statusCorrect), statusLabelled),
    wrongDone: sum(notices, (s) => s.wrongDone),
    unclearShare: ratio(sum(notices, (s) => s.unclear), statusLabelled),
    statusByCertainty: byCertainty,
    deadlineRecall: ratio(sum(notices, (s) => s.deadlinesFound), sum(notices, (s) => s.deadlinesLabelled)),
    detection: ratio(list.filter((x) => x.score.detectionCorrect).length, list.length),
    falseOverdue: sum(notices, (s) => s.falseOverdue),
  };
}

type Summary = ReturnType<typeof summarize>;

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

function report(title: string, s: Summary): string {
  const rows: [string, string][] = [
    ['文件数', `${s.files}（真实通报 ${s.realFiles}，种子 ${s.seedFiles}，非通报 ${s.negativeFiles}）`],
    ...META_FIELDS.map((f): [string, string] => [`meta.${f}`, pct(s.meta[f])]),
    ['item recall', `${pct(s.itemRecall)}（标注事项 ${s.labelledItems}）`],
    ['item precision', pct(s.itemPrecision)],
    ['status accuracy', pct(s.statusAccuracy)],
    ['wrong done', String(s.wrongDone)],
    ['unclear share', pct(s.unclearShare)],
    ...Object.entries(s.statusByCertainty).map(([c, v]): [string, string] => [`status (${c})`, `${pct(v.accuracy)} of ${v.items}`]),
    ['deadline recall', pct(s.deadlineRecall)],
    ['detection', pct(s.detection)],
    ['false overdue', String(s.falseOverdue)],
  ];
  return [`== ${title} ==`, ...rows.map(([k, v]) => `  ${k.padEnd(22)} ${v}`)].join('\n');
}

function main(): void {
  const { values } = parseArgs({ options: { json: { type: 'boolean' }, verbose: { type: 'boolean' }, only: { type: 'string' }, dir: { type: 'string', multiple: true } } });
  const scored = scoreCorpus(values.only, values.dir ?? []);
  const all = summarize(scored);
  if (values.json) {
    console.log(JSON.stringify(all));
    return;
  }
  if (values.verbose) {
    for (const x of scored) if (x.score.misses.length) console.log(`\n${x.group}/${x.name}\n  ${x.score.misses.join('\n  ')}`);
    console.log('');
  }
  console.log(report('all', all));
  for (const group of ['real', 'seeds']) {
    const part = scored.filter((x) => x.group === group);
    if (part.length) console.log(report(group, summarize(part)));
  }
  console.log(`(today = ${EVAL_TODAY})`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
