/**
 * Word (.docx) report with the `docx` package: 仿宋_GB2312/FangSong body, 黑体/SimHei headings,
 * 宋体/SimSun tables, A4 with 公文 margins. Fonts are set on every run so Word and WPS both honour them.
 *
 * Layout: the text parts (基本信息, 发现, 批注) are portrait pages with the GB/T 9704 margins and 三号 body;
 * the wide tables (整改事项, 对比) get landscape sections of their own, with fixed column widths sized to
 * their content (问题 and 措施 wide, 状态 narrow), the header row repeated on every page, the heading kept
 * with the header row and first row, and the reviewer columns left out when nobody overrode anything.
 * Table text is 五号 (10.5 pt) 宋体 rather than the 三号 仿宋 of 公文 body text: at 三号 a column of a
 * landscape table would hold two or three characters a line.
 */
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import type { ReviewExport } from '@/lib/schema';
import { annotationByline, buildReport, shownStatus, signedReason, type ChangeLine, type ItemLine, type Report } from './report';

export const DOCX_FONTS = {
  body: { eastAsia: '仿宋_GB2312', ascii: 'FangSong', hAnsi: 'FangSong' },
  heading: { eastAsia: '黑体', ascii: 'SimHei', hAnsi: 'SimHei' },
  subheading: { eastAsia: '楷体_GB2312', ascii: 'KaiTi', hAnsi: 'KaiTi' },
  table: { eastAsia: '宋体', ascii: 'SimSun', hAnsi: 'SimSun' },
} as const;

// Sizes in half-points: 二号 22pt, 三号 16pt, 五号 10.5pt. Headings are 三号 like the body (GB/T 9704):
// 一级 in 黑体, 二级 in 楷体.
const SIZE = { title: 44, body: 32, table: 21 };

const TWIPS_PER_MM = 1440 / 25.4;
const mm = (v: number) => Math.round(v * TWIPS_PER_MM);

/**
 * A4 (210 × 297 mm). Portrait: the 公文 margins of GB/T 9704 — top 37, bottom 35, left (binding) 28, right 26 mm.
 * Landscape pages are the sheet turned clockwise: the binding edge (28 mm) is now the top, the former right
 * edge (26 mm) the bottom. The left and right edges (the portrait top and bottom, whose 37/35 mm leave room for
 * the 版头 and 页码 of a 公文) take 28/26 mm too, so a table gets 243 mm of width instead of 225.
 */
export const DOCX_PAGE = {
  width: mm(210),
  height: mm(297),
  portrait: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
  landscape: { top: mm(28), bottom: mm(26), left: mm(28), right: mm(26) },
} as const;
/** Text width between the margins, in twips. */
export const TEXT_WIDTH = {
  portrait: DOCX_PAGE.width - DOCX_PAGE.portrait.left - DOCX_PAGE.portrait.right,
  landscape: DOCX_PAGE.height - DOCX_PAGE.landscape.left - DOCX_PAGE.landscape.right,
} as const;

// Word rejects XML-invalid control characters; hostile or garbled text must not break the file.
// eslint-disable-next-line no-control-regex -- control characters are what this pattern removes
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const clean = (s: string) => s.replace(XML_INVALID, '');

/** U+2060 WORD JOINER: no line break here (Word and LibreOffice honour it; it has no width). */
export const WORD_JOINER = '\u2060';

/**
 * Numbers kept with their unit in narrow cells: `2026年12月31日` may break after 年 or 月, never as `2026|年`
 * or `12月31|日` (digits themselves never break apart). The joiner goes only between a digit and a Chinese
 * character, so the text stays searchable by its numbers; not after brackets either: LibreOffice takes a
 * joiner after an opening bracket as a place to break.
 */
export function keepNumbersWhole(text: string): string {
  return text.replace(/(\d)(?=\p{Script=Han})/gu, `$1${WORD_JOINER}`);
}

/** `已完成（推断）` as two lines, `已完成` and `（推断）`, so a narrow column never splits the note. */
const statusLines = (status: string) => status.split(/(?=（)/);

function run(text: string, font: keyof typeof DOCX_FONTS, size: number, bold = false): TextRun {
  // black on every run: the built-in heading styles of Word and LibreOffice would colour headings blue
  return new TextRun({ text: clean(text), font: DOCX_FONTS[font], size, bold, color: '000000' });
}

function body(text: string, opts: { indent?: boolean } = {}): Paragraph {
  return new Paragraph({
    children: [run(text, 'body', SIZE.body)],
    indent: opts.indent ? { firstLine: 640 } : undefined,
    spacing: { line: 560, lineRule: LineRuleType.EXACT },
  });
}

/** A heading, kept on the page of what follows it (a heading never ends a page). */
function heading(text: string, level: 2 | 3): Paragraph {
  return new Paragraph({
    heading: level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
    children: [run(text, level === 2 ? 'heading' : 'subheading', SIZE.body)],
    spacing: { before: 240, after: 120 },
    keepNext: true,
    keepLines: true,
  });
}

/**
 * A table column: header, share of the text width, and the cell's lines (each its own paragraph; a line
 * starting with `**` is bold).
 */
export interface DocxColumn<T> {
  head: string;
  share: number;
  lines: (row: T) => string[];
}

/** Column widths in twips for a table `textWidth` wide, in proportion to the shares. */
export function columnTwips(shares: number[], textWidth: number): number[] {
  const total = shares.reduce((n, s) => n + s, 0);
  return shares.map((s) => Math.floor((s / total) * textWidth));
}

const CELL_MARGIN = 80; // twips left and right of the text in a cell
const CHAR_TWIPS = SIZE.table * 10; // a CJK character at 五号: 10.5 pt = 210 twips

/** Lines a cell needs at its width (CJK characters one em, others half): to decide whether a row may split. */
function estimatedLines(lines: string[], twips: number): number {
  const perLine = Math.max(1, Math.floor((twips - 2 * CELL_MARGIN) / CHAR_TWIPS));
  return lines.reduce((n, l) => n + Math.max(1, Math.ceil(Array.from(l).reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 1 : 0.5), 0) / perLine)), 0);
}

/** A row no taller than this many lines stays on one page; a taller one may split rather than leave a page half empty. */
const WHOLE_ROW_LINES = 6;

function cell(lines: string[], twips: number, opts: { header?: boolean; keepNext?: boolean } = {}): TableCell {
  return new TableCell({
    width: { size: twips, type: WidthType.DXA },
    shading: opts.header ? { fill: 'E7E6E6' } : undefined,
    margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 40, bottom: 40 },
    children: (lines.length ? lines : ['']).map((line) => {
      const bold = opts.header || line.startsWith('**');
      // a `· clause` wraps under its text, not under the dot
      const indent = line.startsWith('· ') ? { left: 210, hanging: 210 } : undefined;
      const text = keepNumbersWhole(line.replace(/^\*\*/, ''));
      return new Paragraph({ keepNext: opts.keepNext, indent, children: [run(text, 'table', SIZE.table, bold)] });
    }),
  });
}

/**
 * A fixed-layout table: explicit grid and cell widths, the header row repeated on every page and kept with
 * the first row, the first row never split, other rows kept whole when they are short.
 */
function table<T>(columns: DocxColumn<T>[], rows: T[], textWidth: number): Table {
  const widths = columnTwips(columns.map((c) => c.share), textWidth);
  const bodyRows = rows.map((r, n) => {
    const cells = columns.map((c) => c.lines(r).map(clean));
    const tall = Math.max(...cells.map((l, i) => estimatedLines(l, widths[i])));
    return new TableRow({ cantSplit: n === 0 || tall <= WHOLE_ROW_LINES, children: cells.map((l, i) => cell(l, widths[i])) });
  });
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c, i) => cell([c.head], widths[i], { header: true, keepNext: true })) }),
      ...bodyRows,
    ],
  });
}

const split = (joined: string, sep = '；') => (joined ? joined.split(sep) : []);

/** Several entries as `· entry` lines (each wraps under its own text); a single one as it is. */
const bullets = (entries: string[]) => (entries.length > 1 ? entries.map((e) => `· ${e}`) : entries);

/** `**已完成：` then one `· clause` line per clause; `（无）` when there is none. */
function partLines(title: string, joined: string): string[] {
  const parts = split(joined);
  return [`**${title}：`, ...(parts.length ? parts.map((p) => `· ${p}`) : ['（无）'])];
}

/** The 整改事项 columns; 复核状态/复核理由 only when some item has a reviewer's decision, 与上期相比 only with a comparison. */
export function itemColumns(items: ItemLine[]): DocxColumn<ItemLine>[] {
  const reviewed = items.some((i) => i.overrideStatus);
  const compared = items.some((i) => i.change);
  const all: (DocxColumn<ItemLine> & { when?: boolean })[] = [
    { head: '序号', share: 9, lines: (i) => [i.path] },
    { head: '问题', share: 16, lines: (i) => [i.label] },
    { head: '解析状态', share: 9, lines: (i) => [...statusLines(i.parsedStatus), i.certainty] },
    { head: '复核状态', share: 11, lines: (i) => (i.overrideStatus ? [shownStatus(i)] : []), when: reviewed },
    { head: '复核理由', share: 10, lines: (i) => (i.overrideReason ? [signedReason(i)] : []), when: reviewed },
    { head: '已完成部分 / 未完成部分', share: 27, lines: (i) => [...partLines('已完成', i.progress), ...partLines('未完成', i.open)] },
    { head: '整改时限', share: 11, lines: (i) => bullets(split(i.deadlines)) },
    { head: '与上期相比', share: 9, lines: (i) => (i.change ? [i.change] : []), when: compared },
  ];
  return all.filter((c) => c.when !== false);
}

export const CHANGE_COLUMNS: DocxColumn<ChangeLine>[] = [
  { head: '问题', share: 17, lines: (x) => [x.label] },
  { head: '变化', share: 11, lines: (x) => [x.change] },
  { head: '上期状态', share: 10, lines: (x) => statusLines(x.statusBefore) },
  { head: '本期状态', share: 10, lines: (x) => statusLines(x.statusAfter) },
  { head: '数字变化', share: 31, lines: (x) => bullets(x.numberList) },
  { head: '时限变化', share: 21, lines: (x) => bullets(split(x.deadlines)) },
];

const META_COLUMNS: DocxColumn<[string, string]>[] = [
  { head: '项目', share: 18, lines: ([k]) => [k] },
  { head: '内容', share: 82, lines: ([, v]) => [v] },
];

function opening(r: Report): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(r.title, 'heading', SIZE.title)], spacing: { after: 200 } }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(r.subtitle, 'body', SIZE.body)], spacing: { after: 300 } }),
    heading('一、基本信息', 2),
    table(META_COLUMNS, r.meta, TEXT_WIDTH.portrait),
    heading('二、自动检查发现', 2),
  ];
  if (r.findings.length === 0) out.push(body('未发现问题。', { indent: true }));
  for (const f of r.findings) out.push(body(`【${f.kind}·${f.severity}】${f.message}`, { indent: true }));
  return out;
}

function itemsPart(r: Report): (Paragraph | Table)[] {
  return [
    heading('三、整改事项', 2),
    table(itemColumns(r.items), r.items, TEXT_WIDTH.landscape),
    new Paragraph({
      children: [run('解析状态注“（推断）”的，是根据整改措施推断的结论，原文没有明确表述，请对照原文核对。', 'table', SIZE.table)],
      spacing: { before: 120 },
    }),
  ];
}

function annotationsPart(r: Report): Paragraph[] {
  const out = [heading('四、审阅批注', 2)];
  if (r.annotations.length === 0) out.push(body('暂无批注。', { indent: true }));
  r.annotations.forEach((a, n) => {
    out.push(heading(`批注${n + 1}${a.itemLabel ? `（${a.itemLabel}）` : ''}`, 3));
    out.push(new Paragraph({ indent: { left: 640 }, keepNext: true, children: [run(`原文：“${a.quote}”`, 'body', SIZE.body)] }));
    if (a.note) out.push(body(`意见：${a.note}`, { indent: true }));
    const tags = a.tags.length ? `标签：${a.tags.join('、')}；` : '';
    out.push(body(`${tags}严重程度：${a.severity}；位置：${a.position}；${a.anchorState}${a.madeOn ? `；批注于${a.madeOn}` : ''}；${annotationByline(a)}`, { indent: true }));
  });
  return out;
}

function comparisonPart(c: NonNullable<Report['comparison']>): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [heading(`五、与往期通报对比（${c.against}）`, 2)];
  out.push(body(c.summary.map(([k, v]) => `${k} ${v} 项`).join('，') + '。', { indent: true }));
  if (c.overdue.length) {
    out.push(heading('逾期未兑现的承诺', 3));
    for (const o of c.overdue) out.push(body(o, { indent: true }));
  }
  out.push(heading('各事项对比', 3), table(CHANGE_COLUMNS, c.changes, TEXT_WIDTH.landscape));
  return out;
}

/** `— 1 —` centred at the foot of every page, as 公文 number their pages. */
const pageNumberFooter = () =>
  new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: DOCX_FONTS.table, size: 28 })],
      }),
    ],
  });

function section(children: (Paragraph | Table)[], orientation: 'portrait' | 'landscape'): ISectionOptions {
  return {
    properties: {
      page: {
        size: {
          width: DOCX_PAGE.width,
          height: DOCX_PAGE.height,
          orientation: orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: DOCX_PAGE[orientation],
      },
    },
    footers: { default: pageNumberFooter() },
    children,
  };
}

export async function toDocx(review: ReviewExport): Promise<Uint8Array> {
  const r = buildReport(review);
  const sections = [section(opening(r), 'portrait'), section(itemsPart(r), 'landscape'), section(annotationsPart(r), 'portrait')];
  if (r.comparison) sections.push(section(comparisonPart(r.comparison), 'landscape'));
  const doc = new Document({
    creator: 'Rectify Lens 整改通报审阅助手',
    title: clean(r.title),
    description: clean(r.subtitle),
    styles: { default: { document: { run: { font: DOCX_FONTS.body, size: SIZE.body } } } },
    sections,
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
