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
 * Kept thin on purpose: argument parsing (`parseArgs`, on `node:util` parseArgs), loading (`loadNotice`), analysis
 * (`analyzeLoaded`) and rendering (`RENDERERS`) are separate so new flags/formats plug in.
 */
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs as parseArgv, type ParseArgsConfig } from 'node:util';
import { detectNotice } from '../lib/detect';
import { DocumentError, extensionOf, readDocument } from '../lib/documents';
import { parseNotice } from '../lib/parse/index';
import { notice as noticeSchema, type Comparison, type Notice, type OutlineNode } from '../lib/schema';
import { CHANGE_LABELS, compareNotices } from '../lib/compare';
import { exportReview, ledgerFileName, ledgerWorkbook, librarySources, localIsoDate, type ExportFormat } from '../lib/export';
import { DEADLINE_CHANGE_LABELS, SEVERITY_LABELS, STATUS_LABELS } from '../lib/export/format';

const EXPORT_FORMATS: readonly ExportFormat[] = ['md', 'csv', 'json', 'html', 'docx', 'xlsx'];

export type OutputFormat = 'md' | 'json';

export interface CliArgs {
  files: string[];
  format: OutputFormat;
  today?: string;
  force: boolean;
  onlyNotices: boolean;
  earlier: string[];
  exportFormat?: ExportFormat;
  out?: string;
}

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

const USAGE = `用法：rectify-lens 文件或目录... [选项]（项目内：npm run analyze -- 文件或目录... [选项]）
支持 .txt .html .docx .pdf .json；目录会递归查找这些文件。
选项：
  --md                 输出可读的审阅报告（默认）
  --json               只输出通报模型 JSON（多个文件时为数组）
  --today YYYY-MM-DD   以该日期计算“至今已逾期”
  --only-notices       跳过看起来不是整改通报的文件
  --force              不提示“看起来不是整改通报”的警告
  --earlier 较早通报   与较早的通报对比（可重复）
  --format 格式        导出审阅意见：md|csv|json|html|docx（与侧边栏导出相同）
  --out 输出文件       导出到该文件（只能与一个通报文件一起使用）
  -h, --help           显示本帮助`;

export class CliError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

/** The options `node:util` parseArgs accepts (strict: anything else is a usage error). */
const OPTIONS = {
  json: { type: 'boolean' },
  md: { type: 'boolean' },
  today: { type: 'string' },
  'only-notices': { type: 'boolean' },
  force: { type: 'boolean' },
  earlier: { type: 'string', multiple: true },
  format: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

/** The zh-CN usage error for an error thrown by `node:util` parseArgs (its messages name the option in quotes). */
function usageError(e: unknown): CliError {
  const { code, message } = e as { code?: string; message: string };
  const option = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
  const why =
    code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
      ? `未知参数：${option}`
      : code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /does not take an argument/.test(message)
        ? `参数 ${option} 不需要取值。`
        : code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
          ? `参数 ${option} 缺少取值（取值以“-”开头时请写成 ${option}=取值）。`
          : `参数有误：${message}`;
  return new CliError(`${why}\n${USAGE}`, 2);
}

/** Thrown for --help: the usage goes to stdout and the exit code is 0. */
export class HelpRequested extends CliError {
  constructor() {
    super(USAGE, 0);
  }
}

function tokenize(argv: string[]) {
  try {
    return parseArgv({ args: argv, options: OPTIONS, allowPositionals: true, strict: true, tokens: true });
  } catch (e) {
    throw usageError(e);
  }
}

/**
 * Command-line arguments through `node:util` parseArgs (strict): flags may appear anywhere, and
 * `--today=2026-01-01` and `--today 2026-01-01` both work. Usage errors are CliErrors with code 2.
 */
export function parseArgs(argv: string[]): CliArgs {
  const { values, positionals, tokens } = tokenize(argv);
  if (values.help) throw new HelpRequested();
  // --json and --md: the last one given wins
  const lastFormatFlag = tokens.filter((t) => t.kind === 'option' && (t.name === 'json' || t.name === 'md')).at(-1);
  const args: CliArgs = {
    files: positionals,
    format: lastFormatFlag?.kind === 'option' && lastFormatFlag.name === 'json' ? 'json' : 'md',
    force: values.force ?? false,
    onlyNotices: values['only-notices'] ?? false,
    earlier: values.earlier ?? [],
  };
  if (values.today !== undefined) {
    const v = values.today;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) throw new CliError(`--today 需要 YYYY-MM-DD 格式的日期，收到“${v}”。`, 2);
    args.today = v;
  }
  if (values.format !== undefined) {
    const v = values.format as ExportFormat;
    if (!EXPORT_FORMATS.includes(v)) throw new CliError(`--format 只支持 ${EXPORT_FORMATS.join('/')}，收到“${v}”。`, 2);
    args.exportFormat = v;
  }
  if (values.out !== undefined) args.out = values.out;
  if (!args.files.length) throw new CliError(`请指定至少一个通报文件。\n${USAGE}`, 2);
  if (args.out && args.files.length > 1) throw new CliError('--out 只能与一个通报文件一起使用。', 2);
  return args;
}

export interface LoadedNotice {
  file: string;
  text: string;
  chromeText?: string;
  pageTitle: string | null;
  /** set when the file is an analysis JSON: used as is, not parsed again */
  notice?: Notice;
}

/** Files a directory walk picks up (a .doc is picked up too, to say why it cannot be read). */
const WALKED_EXTENSIONS = new Set(['txt', 'html', 'htm', 'shtml', 'json', 'docx', 'pdf', 'doc']);

/** The files named on the command line, directories expanded (recursively, sorted) to their notice files. */
export async function expandInputs(paths: string[]): Promise<Array<{ file: string; walked: boolean }>> {
  const out: Array<{ file: string; walked: boolean }> = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const full = join(dir, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile() && WALKED_EXTENSIONS.has(extensionOf(e.name))) out.push({ file: full, walked: true });
    }
  };
  for (const p of paths) {
    const isDir = await stat(p).then((st) => st.isDirectory(), () => false);
    if (isDir) await walk(p);
    else out.push({ file: p, walked: false });
  }
  return out;
}

/** Read a notice file of any supported kind (.txt .html .docx .pdf .json; sniffed from the bytes). */
export async function loadNotice(file: string): Promise<LoadedNotice> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个目录' : code === 'EACCES' ? '没有读取权限' : String((e as Error).message);
    throw new CliError(`无法读取 ${file}：${why}`, 1);
  }
  let content: Awaited<ReturnType<typeof readDocument>>;
  try {
    content = await readDocument(bytes, basename(file));
  } catch (e) {
    throw new CliError(e instanceof DocumentError ? e.message : `无法读取 ${file}：${(e as Error).message}`, 1);
  }
  if (content.kind === 'html') {
    const { parseHTML } = await import('linkedom');
    const { documentSource } = await import('../lib/ingest');
    const { document } = parseHTML(content.html);
    return { file, ...documentSource(document as unknown as Document) };
  }
  if (content.kind === 'json') {
    const { ingestJson } = await import('../lib/ingest');
    try {
      const { text, notice } = ingestJson(content.json);
      return { file, text, pageTitle: notice.meta.title, notice };
    } catch (e) {
      throw new CliError(`${file}：${(e as Error).message}`, 1);
    }
  }
  return { file, text: content.text, pageTitle: null };
}

export interface AnalyzedNotice {
  file: string;
  text: string;
  notice: Notice;
  comparison?: Comparison;
  /** the detector's verdict on the text (null for an analysis JSON, which is not detected again) */
  detection: { isNotice: boolean; score: number } | null;
}

export function analyzeLoaded(loaded: LoadedNotice, opts: { today?: string }): AnalyzedNotice {
  if (loaded.notice) return { file: loaded.file, text: loaded.text, notice: loaded.notice, detection: null };
  const { text, notice } = parseNotice(loaded.text, { today: opts.today, chromeText: loaded.chromeText, pageTitle: loaded.pageTitle });
  const detection = detectNotice({ url: pathToFileURL(loaded.file).href, title: notice.meta.title ?? loaded.pageTitle, h1: null, bodyText: text });
  const checked = noticeSchema.safeParse(notice);
  if (!checked.success) throw new CliError(`${loaded.file}：解析结果未通过模型校验：${checked.error.message}`, 4);
  return { file: loaded.file, text, notice: checked.data, detection: { isNotice: detection.isNotice, score: detection.score } };
}

// ---------------------------------------------------------------------------------------------
// Rendering

// the same Chinese wording as the exports
const STATUS_ZH = STATUS_LABELS;
const SEVERITY_ZH: Record<string, string> = { ...SEVERITY_LABELS, info: '提示' };

function outlineLines(nodes: OutlineNode[], depth = 0): string[] {
  return nodes.flatMap((n) => [`${'  '.repeat(depth)}- ${n.marker}${n.title}`, ...outlineLines(n.children, depth + 1)]);
}

export function renderMarkdown(a: AnalyzedNotice): string {
  const { notice: n } = a;
  const m = n.meta;
  const period = (p: { start: string | null; end: string | null } | null) => (p ? `${p.start ?? '?'} 至 ${p.end ?? '?'}` : '—');
  const out: string[] = [];
  out.push(`# ${m.title ?? basename(a.file)}`, '');
  out.push('## 基本信息', '');
  out.push(`- 文件：${a.file}`);
  out.push(`- 发文单位：${m.organization ?? '—'}`);
  out.push(`- 巡视巡察组：${m.inspectionBody ?? '—'}`);
  out.push(`- 巡察时间：${period(m.inspectionPeriod)}`);
  out.push(`- 反馈日期：${m.feedbackDate ?? '—'}`);
  out.push(`- 发布日期：${m.publishDate ?? '—'}`);
  out.push(`- 公开期限：${period(m.disclosurePeriod)}`);
  const c = m.contacts;
  const contactParts = [...c.phones.map((p) => `电话 ${p}`), ...c.emails.map((e) => `邮箱 ${e}`), ...c.addresses.map((x) => `地址 ${x}`), ...c.postcodes.map((p) => `邮编 ${p}`)];
  out.push(`- 联系方式：${contactParts.join('；') || '—'}`, '');

  const counts = Object.entries(STATUS_ZH).map(([k, zh]) => `${zh} ${n.items.filter((i) => i.status === k).length}`);
  out.push(`## 整改事项（共 ${n.items.length} 项：${counts.join('，')}）`, '');
  for (const it of n.items) {
    const ev = it.statusEvidence.basis ? `（依据：“${it.statusEvidence.basis.text}”）` : '';
    const inferred = it.certainty === 'inferred' ? '（推断）' : '';
    out.push(`- [${STATUS_ZH[it.status]}${inferred}] ${it.path.join(' › ')} ${it.label}${ev}`);
    for (const d of it.deadlines) {
      const od = d.overdueAtPublication ? '，发布时已逾期' : '';
      out.push(`  - 期限：“${d.text}” → ${d.date ?? '日期不明确'}${d.explanation ? `（${d.explanation}）` : ''}${od}`);
    }
  }
  out.push('');
  out.push(`## 发现（${n.findings.length}）`, '');
  if (!n.findings.length) out.push('- 无');
  for (const f of n.findings) out.push(`- [${SEVERITY_ZH[f.severity]}] ${f.message}`);
  out.push('');
  out.push('## 结构', '', ...outlineLines(n.outline), '');
  return out.join('\n');
}

/** Renderers by format; `several` = more than one file was requested (JSON then prints an array). */
export const RENDERERS: Record<OutputFormat, (list: AnalyzedNotice[], several: boolean) => string> = {
  md: (list) => list.map((a) => renderMarkdown(a) + (a.comparison ? renderComparison(a.comparison) : '')).join('\n---\n\n'),
  json: (list, several) => {
    const json = (a: AnalyzedNotice) => (a.comparison ? { ...a.notice, comparison: a.comparison } : a.notice);
    return JSON.stringify(several ? list.map(json) : json(list[0]), null, 2) + '\n';
  },
};

export function renderComparison(c: Comparison): string {
  const out: string[] = ['## 与较早通报对比', ''];
  out.push(`- 较早通报：${c.earlier.map((e) => `${e.title ?? '（无标题）'}（${e.publishDate ?? '日期不明'}）`).join('；')}`);
  out.push(`- 汇总：${Object.entries(c.summary).filter(([, n]) => n).map(([k, n]) => `${CHANGE_LABELS[k as keyof typeof CHANGE_LABELS]} ${n}`).join('，')}`, '');
  for (const r of c.rows) {
    if (r.change === 'unchanged_done') continue;
    const label = r.currentItem?.label ?? r.earlierItem?.label ?? '';
    const score = r.score === null ? '' : `（匹配度 ${r.score.toFixed(2)}）`;
    out.push(`- [${CHANGE_LABELS[r.change]}] ${label}${score}`);
    for (const n of r.numberChanges) out.push(`  - 数字：${n.context}${n.beforeText} → ${n.afterText}（${n.delta > 0 ? '+' : ''}${n.delta}${n.unit}）`);
    for (const d of r.deadlineChanges) out.push(`  - ${DEADLINE_CHANGE_LABELS[d.kind]}：${d.before ?? '—'} → ${d.after ?? '—'}${d.days ? `（${d.days}天）` : ''}`);
  }
  if (c.overdueCommitments.length) {
    out.push('', '### 逾期承诺', '');
    for (const o of c.overdueCommitments) out.push(`- ${o.itemLabel}：“${o.deadlineText}” → ${o.deadline}，至本期通报仍未报完成`);
  }
  return out.join('\n') + '\n';
}

/** Compares `current` with the earlier notices, oldest first (by publish date). */
export function compareWithEarlier(current: AnalyzedNotice, earlier: AnalyzedNotice[]): Comparison {
  const sorted = [...earlier].sort((a, b) => (a.notice.meta.publishDate ?? '').localeCompare(b.notice.meta.publishDate ?? ''));
  return compareNotices(current.notice, sorted.map((e) => e.notice), { texts: { current: current.text, earlier: sorted.map((e) => e.text) } });
}

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
