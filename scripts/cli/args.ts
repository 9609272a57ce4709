/** Command-line arguments of the analyzer CLI (scripts/analyze.ts): `node:util` parseArgs, zh-CN usage errors. */
import { parseArgs as parseArgv, type ParseArgsConfig } from 'node:util';
import type { ExportFormat } from '../../lib/export';

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
