/**
 * Word (.docx) report with the `docx` package: 仿宋_GB2312/FangSong body, 黑体/SimHei headings,
 * 宋体/SimSun tables, A4 with 公文 margins. Fonts are set on every run so Word and WPS both honour them.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ReviewExport } from '@/lib/schema';
import { annotationByline, buildReport, shownStatus, signedReason, type Report } from './report';

export const DOCX_FONTS = {
  body: { eastAsia: '仿宋_GB2312', ascii: 'FangSong', hAnsi: 'FangSong' },
  heading: { eastAsia: '黑体', ascii: 'SimHei', hAnsi: 'SimHei' },
  table: { eastAsia: '宋体', ascii: 'SimSun', hAnsi: 'SimSun' },
} as const;

// Sizes in half-points: 二号 22pt, 三号 16pt, 四号 14pt, 五号 10.5pt.
const SIZE = { title: 44, body: 32, h3: 28, table: 21 };

// Word rejects XML-invalid control characters; hostile or garbled text must not break the file.
// eslint-disable-next-line no-control-regex -- control characters are what this pattern removes
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const clean = (s: string) => s.replace(XML_INVALID, '');

function run(text: string, font: keyof typeof DOCX_FONTS, size: number, bold = false): TextRun {
  return new TextRun({ text: clean(text), font: DOCX_FONTS[font], size, bold });
}

function body(text: string, opts: { indent?: boolean; italic?: boolean } = {}): Paragraph {
  return new Paragraph({
    children: [run(text, 'body', SIZE.body)],
    indent: opts.indent ? { firstLine: 640 } : undefined,
    spacing: { line: 560, lineRule: LineRuleType.EXACT },
  });
}

function heading(text: string, level: 2 | 3): Paragraph {
  return new Paragraph({
    heading: level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
    children: [run(text, 'heading', level === 2 ? SIZE.body : SIZE.h3)],
    spacing: { before: 240, after: 120 },
  });
}

/** A table cell; each `\n`-separated line is a paragraph of its own. */
function cell(text: string, header = false): TableCell {
  return new TableCell({
    children: text.split('\n').map((line) => new Paragraph({ children: [run(line, 'table', SIZE.table, header)] })),
  });
}

function table(head: string[], rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c) => cell(c)) })),
    ],
  });
}

function sections(r: Report): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(r.title, 'heading', SIZE.title)], spacing: { after: 200 } }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(r.subtitle, 'body', SIZE.body)], spacing: { after: 300 } }),
    heading('一、基本信息', 2),
    table(['项目', '内容'], r.meta),
    heading('二、自动检查发现', 2),
  ];
  if (r.findings.length === 0) out.push(body('未发现问题。', { indent: true }));
  for (const f of r.findings) out.push(body(`【${f.kind}·${f.severity}】${f.message}`, { indent: true }));
  out.push(
    heading('三、整改事项', 2),
    table(
      ['序号', '问题', '解析状态', '复核状态', '复核理由', '已完成部分 / 未完成部分', '整改时限', '与上期相比'],
      r.items.map((i) => [
        i.path,
        i.label,
        `${i.parsedStatus}\n${i.certainty}`,
        i.overrideStatus ? shownStatus(i) : '',
        signedReason(i),
        `已完成：${i.progress || '（无）'}\n未完成：${i.open || '（无）'}`,
        i.deadlines,
        i.change ?? '',
      ]),
    ),
    body('解析状态注“（推断）”的，是根据整改措施推断的结论，原文没有明确表述，请对照原文核对。', { indent: true }),
    heading('四、审阅批注', 2),
  );
  if (r.annotations.length === 0) out.push(body('暂无批注。', { indent: true }));
  r.annotations.forEach((a, n) => {
    out.push(heading(`批注${n + 1}${a.itemLabel ? `（${a.itemLabel}）` : ''}`, 3));
    out.push(new Paragraph({ indent: { left: 640 }, children: [run(`原文：“${a.quote}”`, 'body', SIZE.body)] }));
    if (a.note) out.push(body(`意见：${a.note}`, { indent: true }));
    const tags = a.tags.length ? `标签：${a.tags.join('、')}；` : '';
    out.push(body(`${tags}严重程度：${a.severity}；位置：${a.position}；${a.anchorState}${a.madeOn ? `；批注于${a.madeOn}` : ''}；${annotationByline(a)}`, { indent: true }));
  });
  if (r.comparison) {
    const c = r.comparison;
    out.push(heading(`五、与往期通报对比（${c.against}）`, 2));
    out.push(body(c.summary.map(([k, v]) => `${k} ${v} 项`).join('，') + '。', { indent: true }));
    if (c.overdue.length) {
      out.push(heading('逾期未兑现的承诺', 3));
      for (const o of c.overdue) out.push(body(o, { indent: true }));
    }
    out.push(
      table(
        ['问题', '变化', '上期状态', '本期状态', '数字变化', '时限变化'],
        c.changes.map((x) => [x.label, x.change, x.statusBefore, x.statusAfter, x.numbers, x.deadlines]),
      ),
    );
  }
  return out;
}

export async function toDocx(review: ReviewExport): Promise<Uint8Array> {
  const r = buildReport(review);
  const doc = new Document({
    creator: 'Rectify Lens 整改通报审阅助手',
    title: clean(r.title),
    description: clean(r.subtitle),
    styles: { default: { document: { run: { font: DOCX_FONTS.body, size: SIZE.body } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838, orientation: PageOrientation.PORTRAIT },
            // 公文 margins: top 37mm, bottom 35mm, left 28mm, right 26mm (in twips).
            margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 },
          },
        },
        children: sections(r),
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
