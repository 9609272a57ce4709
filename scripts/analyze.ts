/**
 * Analyze notices from the command line.
 *
 *   rectify-lens FILE|DIR... [--json | --md] [--today YYYY-MM-DD] [--only-notices] [--force]
 *                [--earlier OLD]... [--format md|csv|json|html|docx] [--out PATH]
 *   (in the project: npm run analyze -- …; the `rectify-lens` bin is bin/rectify-lens.mjs)
 *
 * FILE: .txt (plain notice text), .html/.htm (a saved page: article root + page chrome are extracted
 * with lib/extract), .docx (Word, read through mammoth into the same HTML path), .pdf (text layer,
 * hard wraps rejoined) or .json (an analysis printed by --json); the kind is sniffed from the bytes.
 * DIR is walked recursively for those files. `--md` (default) prints a readable report; `--json` prints
 * only the Notice model (validated with the zod schema), an array when several files are given.
 * A file the detector is unsure about is still analyzed, with a warning and its detection score on
 * stderr; `--only-notices` skips such files instead (for batch runs over a folder); `--force` silences the warning.
 * `--earlier OLD` (repeatable) compares each FILE with earlier notices (lib/compare): `--json` then prints
 * the notice's analysis with a `comparison` key beside it, `--md` appends the comparison.
 * `--format` exports the review (lib/export, same code as the side panel): text formats go to stdout
 * unless `--out` is given; .docx is written to `--out` or `{organization}-{publishDate}-审阅意见.docx`.
 * Errors go to stderr with a non-zero exit code: 1 = a file could not be read (missing, .doc,
 * encrypted or scanned PDF, binary junk…; the message says which), 2 = bad usage. `--help` prints the usage, exit 0.
 *
 * Kept thin on purpose: argument parsing (scripts/cli/args.ts), loading and analysis (scripts/cli/load.ts) and
 * rendering (scripts/cli/render.ts) are separate so new flags/formats plug in.
 */
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { exportReview, ledgerFileName, ledgerWorkbook, librarySources, localIsoDate, type ExportFormat } from '../lib/export';
import { CliError, HelpRequested, parseArgs, type CliArgs, type Io } from './cli/args';
import { analyzeLoaded, expandInputs, loadNotice, type AnalyzedNotice } from './cli/load';
import { compareWithEarlier, RENDERERS } from './cli/render';

export { CliError, HelpRequested, parseArgs, type CliArgs, type Io, type OutputFormat } from './cli/args';
export { analyzeLoaded, expandInputs, loadNotice, type AnalyzedNotice, type LoadedNotice } from './cli/load';
export { compareWithEarlier, renderComparison, renderMarkdown, RENDERERS } from './cli/render';

/** Exports the review of one analyzed notice; returns where it went. */
async function exportOne(a: AnalyzedNotice, format: ExportFormat, outPath: string | undefined, io: Io): Promise<void> {
  const file = await exportReview(format, {
    notice: a.notice,
    text: a.text,
    url: pathToFileURL(a.file).href,
    annotations: [],
    overrides: [],
    comparison: a.comparison ?? null,
    generatedAt: new Date().toISOString(),
  });
  if (!outPath && typeof file.data === 'string') {
    io.out(file.data);
    return;
  }
  const target = outPath ?? file.fileName;
  await writeFile(target, file.data);
  io.err(`已导出：${target}\n`);
}

/**
 * `--format xlsx`: one 整改台账 for all files analyzed (a folder is a small library: files of the same
 * organization are compared with each other by publish date, unless `--earlier` was given).
 */
async function exportLedger(list: AnalyzedNotice[], args: CliArgs, io: Io): Promise<void> {
  const today = args.today ?? localIsoDate(new Date());
  const sources = librarySources(
    list.map((a) => ({ noticeKey: a.file, versions: [{ notice: a.notice, text: a.text, url: pathToFileURL(a.file).href }], annotations: [], overrides: [] })),
  ).map((s) => ({ ...s, comparison: list.find((a) => a.notice === s.notice)?.comparison ?? s.comparison }));
  const data = await ledgerWorkbook({ sources, today, generatedAt: new Date().toISOString(), scope: `命令行分析的${list.length}个文件` });
  const target = args.out ?? ledgerFileName(list.length === 1 ? list[0].notice.meta : null, today);
  await writeFile(target, data);
  io.err(`已导出整改台账：${target}（${list.length}份通报，${sources.reduce((n, s) => n + s.notice.items.length, 0)}项）\n`);
}

// ---------------------------------------------------------------------------------------------

/** Unsure detection: warn (or skip with --only-notices); --force analyzes silently. */
function keepAnalyzed(a: AnalyzedNotice, args: CliArgs, io: Io): boolean {
  if (!a.detection || a.detection.isNotice || args.force) return true;
  if (args.onlyNotices) {
    io.err(`跳过 ${a.file}：看起来不是巡视/巡察整改通报（识别得分 ${a.detection.score}）。\n`);
    return false;
  }
  io.err(`警告：${a.file} 看起来不是巡视/巡察整改通报（识别得分 ${a.detection.score}），仍按通报分析，结果可能不可靠。\n`);
  return true;
}

const defaultIo: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof HelpRequested) {
      io.out(`${e.message}\n`);
      return 0;
    }
    io.err(`${(e as Error).message}\n`);
    return e instanceof CliError ? e.code : 2;
  }
  const results: AnalyzedNotice[] = [];
  let code = 0;
  const earlier: AnalyzedNotice[] = [];
  for (const file of args.earlier) {
    try {
      earlier.push(analyzeLoaded(await loadNotice(file), { today: args.today }));
    } catch (e) {
      io.err(`错误（较早通报）：${(e as Error).message}\n`);
      return e instanceof CliError ? e.code : 1;
    }
  }
  const inputs = await expandInputs(args.files);
  if (!inputs.length) io.err(`在 ${args.files.join('、')} 中没有找到可分析的文件（.txt .html .docx .pdf .json）。\n`);
  for (const { file, walked } of inputs) {
    try {
      const analyzed = analyzeLoaded(await loadNotice(file), args);
      if (keepAnalyzed(analyzed, args, io)) results.push(analyzed);
    } catch (e) {
      // a folder may hold label or config JSON files beside the notices: skip those quietly
      if (walked && e instanceof CliError && file.toLowerCase().endsWith('.json')) {
        io.err(`跳过 ${file}：不是通报分析 JSON。\n`);
        continue;
      }
      io.err(`错误：${(e as Error).message}\n`);
      code = Math.max(code, e instanceof CliError ? e.code : 1);
    }
  }
  if (earlier.length) for (const r of results) r.comparison = compareWithEarlier(r, earlier);
  if (args.exportFormat === 'xlsx' && results.length) {
    await exportLedger(results, args, io);
    return code;
  }
  if (args.exportFormat) {
    for (const r of results) await exportOne(r, args.exportFormat, args.out, io);
    return code;
  }
  if (results.length) io.out(RENDERERS[args.format](results, inputs.length > 1));
  return code;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
