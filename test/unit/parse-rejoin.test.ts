/**
 * Text copied out of a PDF: hard wraps, page numbers, running headers and `2024 年 3 月` spacing are
 * repaired in normalizeText, with every normalized character still mapping to the same raw character.
 */
import { describe, expect, it } from 'vitest';
import { normalizeText } from '@/lib/parse/normalize';
import { parseNotice } from '@/lib/parse';

/** Hard-wraps a paragraph at a printed width (CJK 2, others 1), as a PDF viewer's copy does. */
function wrap(paragraph: string, width = 70): string[] {
  const lines: string[] = [];
  let line = '';
  let w = 0;
  for (const ch of paragraph) {
    const cw = ch.charCodeAt(0) >= 0x2e80 ? 2 : 1;
    if (w + cw > width) {
      lines.push(line);
      line = '';
      w = 0;
    }
    line += ch;
    w += cw;
  }
  if (line) lines.push(line);
  return lines;
}

const HEADER = '中共某县市场监督管理局党组巡察整改情况通报';
const P1 = '根据县委统一部署，2023 年 4 月 10 日至 5 月 31 日，县委第二巡察组对县市场监督管理局党组开展了常规巡察。2023 年 7 月 12 日，县委第二巡察组向局党组反馈了巡察意见。按照党务公开原则和巡察工作有关要求，现将巡察整改进展情况予以公布。';
const P2 = '局党组把巡察整改作为重大政治任务，成立由党组书记任组长的整改工作领导小组，逐条制定整改措施，明确责任领导、责任股室和完成时限，先后 6 次召开党组会议专题研究整改工作，推动整改任务落地见效。';
const P3 = '1.针对“食品安全监管存在薄弱环节”的问题。一是开展校园周边食品安全专项检查，检查经营主体 326 家，立案查处 14 宗；二是建立抽检不合格食品核查处置台账，已完成整改。';
const P4 = '2.针对“特种设备安全隐患排查不彻底”的问题。一是对全县 118 台电梯开展隐患排查，督促整改隐患 37 处；二是剩余 5 台老旧电梯更新改造正在推进中，预计 2024 年 12 月底前完成。';

/** A three-page notice as copied from a PDF viewer: title, wrapped paragraphs, footers and headers. */
function copiedFromPdf(): string {
  return [
    '中共某县市场监督管理局党组',
    '关于县委第二轮巡察整改进展情况的通报',
    ...wrap(P1),
    '一、落实整改主体责任情况',
    ...wrap(P2).slice(0, 2),
    '— 1 —',
    HEADER,
    ...wrap(P2).slice(2),
    '二、巡察反馈问题整改落实情况',
    ...wrap(P3),
    '第 2 页 共 3 页',
    HEADER,
    ...wrap(P4),
    '-3-',
  ].join('\n');
}

describe('normalize: text copied from a PDF', () => {
  it('rejoins hard-wrapped paragraphs, drops page numbers and running headers, keeps headings on their own lines', () => {
    const { text } = normalizeText(copiedFromPdf());
    const nospace = (s: string) => s.replace(/(\d) (?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff]) (?=\d)/g, '$1');
    expect(text.split('\n')).toEqual([
      '中共某县市场监督管理局党组',
      '关于县委第二轮巡察整改进展情况的通报',
      nospace(P1),
      '一、落实整改主体责任情况',
      nospace(P2),
      '二、巡察反馈问题整改落实情况',
      nospace(P3),
      nospace(P4),
    ]);
    expect(text).toContain('2023年7月12日');
    expect(text).not.toContain(HEADER);
  });

  it('maps every normalized character back to the same raw character', () => {
    const raw = copiedFromPdf();
    const norm = normalizeText(raw);
    expect(norm.toOriginal.length).toBe(norm.text.length + 1);
    for (let i = 0; i < norm.text.length; i++) {
      if (norm.text[i] === '\n') expect(raw[norm.toOriginal[i]]).toBe('\n');
      else expect(raw[norm.toOriginal[i]]).toBe(norm.text[i]);
      if (i > 0) expect(norm.toOriginal[i]).toBeGreaterThan(norm.toOriginal[i - 1]);
    }
    expect(normalizeText(norm.text).text).toBe(norm.text);
  });

  it('parses the rejoined notice: dates across wraps, items, the deadline', () => {
    const { notice } = parseNotice(copiedFromPdf());
    expect(notice.meta.feedbackDate).toBe('2023-07-12');
    expect(notice.meta.inspectionPeriod).toEqual({ start: '2023-04-10', end: '2023-05-31' });
    expect(notice.items.map((i) => i.status)).toEqual(['done', 'in_progress']);
    expect(notice.items[1].deadlines[0]?.date).toBe('2024-12-31');
  });

  it('drops every page-number form and joins a sentence split by a page break', () => {
    const body = wrap('针对“基层执法记录仪使用不规范”的问题，局党组修订执法全过程记录制度，组织全体执法人员开展专题培训 3 期，已完成整改。', 60);
    for (const footer of ['— 3 —', '-3-', '－3－', '第3页', '第 3 页', '第 3 页 共 10 页', '第3页/共10页', '共10页 第3页']) {
      const raw = [...wrap(P2, 60), body[0], footer, ...body.slice(1)].join('\n');
      const lines = normalizeText(raw).text.split('\n');
      expect(lines, footer).toHaveLength(2);
      expect(lines[1], footer).toMatch(/^针对“基层执法记录仪使用不规范”的问题.*开展专题培训3期，已完成整改。$/);
    }
  });

  it('joins Latin words across a wrap with one space, CJK without', () => {
    const lines = ['此前登录系统使用的统一身份认证平台账号密码过于简单，已要求供应商 Digital', 'Government Co. 完成整改，并对全部账号进行了排查，共修改弱口令账号', '43 个，已完成整改。'];
    // three lines of about the same width are not enough evidence of a margin; add a wrapped paragraph
    const raw = [...wrap(P2), ...lines].join('\n');
    expect(normalizeText(raw).text.split('\n')[1]).toContain('供应商 Digital Government Co. 完成整改');
  });

  it('uses first-line indents when the text has them: a margin line ending in 。 still continues', () => {
    // P2 wrapped so that a line ends with 。 at the margin, the paragraph going on below it
    const para = '局党组先后召开党组会议专题研究整改工作，逐条制定整改措施，明确责任领导、责任股室和完成时限。整改工作领导小组每月调度一次进展，推动整改任务落地见效，确保件件有着落、事事有回音。';
    const lines = wrap(para, 92);
    expect(lines[0].endsWith('。')).toBe(true);
    const raw = ['　　' + lines[0], ...lines.slice(1), '　　' + wrap(P1, 92)[0], ...wrap(P1, 92).slice(1)].join('\n');
    const out = normalizeText(raw).text.split('\n');
    expect(out).toHaveLength(2);
    expect(out[0]).toBe(para);
  });

  it('leaves web-page text alone: short headings without punctuation and paragraphs of any length', () => {
    const raw = ['强化组织领导，落实工作部署', P1, '（一）坚持问题导向', P2, '二、整改落实情况', P3, '共 3 个问题正在整改', P4].join('\n');
    expect(normalizeText(raw).text.split('\n')).toHaveLength(8);
  });

  it('keeps a short line that repeats but never touches a page break', () => {
    const raw = ['整改情况：', P3, '整改情况：', P4].join('\n');
    expect(normalizeText(raw).text.split('\n')[0]).toBe('整改情况：');
    expect(normalizeText(raw).text.split('\n')[2]).toBe('整改情况：');
  });
});
