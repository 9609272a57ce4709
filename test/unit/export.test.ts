// @vitest-environment happy-dom
import JSZip from 'jszip';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { compareNotices } from '@/lib/compare';
import { csvCell, CSV_HEADER } from '@/lib/export/csv';
import { DOCX_FONTS } from '@/lib/export/docx';
import { exportFileName, formatGongwenDate, formatPeriod } from '@/lib/export/format';
import { escapeHtml } from '@/lib/export/html';
import { exportReview, toCsv, toDocx, toHtml, toJson, toMarkdown } from '@/lib/export/index';
import { mdEscape } from '@/lib/export/markdown';
import { annotation as annotationSchema, reviewExportFile } from '@/lib/schema';
import type { Annotation, ReviewExport, StatusOverride } from '@/lib/schema';
import { parseNotice } from '@/lib/parse/index';
import { confirmation } from '@/lib/overrides';
import { huashanEarlier, huashanEarlierText, huashanLater, huashanLaterText } from '@/test/fixtures/notices/huashan';
import { selectorsOf } from '@/scripts/lib/quote-selectors';

const HOSTILE = '<img src=x onerror=alert(1)>';
const URL = 'https://www.huadu.gov.cn/xxgk/xcgz/content/post_2026.html';

function annotate(id: string, exact: string, note: string, tags: string[], opts: Partial<Annotation> = {}): Annotation {
  return annotationSchema.parse({
    id,
    noticeKey: '中共广州市花都区花山镇委员会|关于巡察整改进展情况的通报',
    snapshotHash: 'h1',
    url: URL,
    ...selectorsOf(huashanLaterText, exact, { before: 16, after: 16 }),
    note,
    tags,
    severity: 'high',
    createdAt: '2026-03-25T08:00:00.000Z',
    updatedAt: '2026-03-25T09:30:00.000Z',
    anchorState: 'anchored',
    deletedAt: null,
    ...opts,
  });
}

function review(): ReviewExport {
  const earlier = huashanEarlier();
  const later = huashanLater();
  // A hostile label, as a hostile page could produce — exports must neutralize it. (Item 9. is new in
  // the later notice, so relabelling it does not change the alignment.)
  later.items[8] = { ...later.items[8], label: HOSTILE };
  later.findings = [
    {
      kind: 'overdue_at_publication',
      severity: 'high',
      message: '“预计2025年7月前整改完成”已逾期，通报未报完成',
      start: later.items[4].start,
      end: later.items[4].end,
      itemId: later.items[4].id,
    },
  ];
  const overrides: StatusOverride[] = [
    {
      noticeKey: 'k',
      itemId: later.items[5].id,
      itemLabel: later.items[5].label,
      status: 'done',
      reason: '现场核查已复绿',
      createdAt: '2026-03-25T09:00:00Z',
    },
  ];
  const comparison = compareNotices(later, [earlier], {
    texts: { current: huashanLaterText, earlier: [huashanEarlierText] },
    overrides: { current: overrides },
  });
  return {
    notice: later,
    text: huashanLaterText,
    url: URL,
    annotations: [
      annotate('a1', '预计2026年6月前整改完成', '时限较上期推迟近一年，需说明原因', ['逾期', '需核实']),
      annotate('a2', '已完成整改19宗', '=HYPERLINK("http://evil","点我")', ['数据矛盾']),
      annotate('a3', '正在逐村核对', `${HOSTILE} 新增问题，"引号", 逗号\u0007`, [HOSTILE]),
      annotate('a4', '经济社已于2025年10月按方案支付完毕', '已删除的批注', [], { deletedAt: '2026-03-26T00:00:00Z' }),
    ],
    overrides,
    comparison,
    generatedAt: '2026-03-25T10:00:00.000Z',
  };
}

describe('format helpers', () => {
  it('formats dates in 公文 style', () => {
    expect(formatGongwenDate('2025-06-30')).toBe('2025年6月30日');
    expect(formatGongwenDate('2026-03-05T10:00:00Z')).toBe('2026年3月5日');
    expect(formatGongwenDate(null)).toBe('未知日期');
    expect(formatGongwenDate('近期')).toBe('近期');
    expect(formatPeriod({ start: '2024-03-29', end: '2024-06-21' })).toBe('2024年3月29日至2024年6月21日');
  });
  it('keeps month and year precision (feedback `2024年9月`, period `2023年9月至12月`)', () => {
    expect(formatGongwenDate('2024-09')).toBe('2024年9月');
    expect(formatGongwenDate('2024')).toBe('2024年');
    expect(formatPeriod({ start: '2023-09', end: '2023-12-15' })).toBe('2023年9月至2023年12月15日');
    expect(formatGongwenDate('2024-9')).toBe('2024-9'); // not a model date: unchanged, never guessed
  });
  it('reports and JSON exports carry month-precision meta as written', () => {
    const r = review();
    r.notice = { ...r.notice, meta: { ...r.notice.meta, feedbackDate: '2024-09', inspectionPeriod: { start: '2024-03', end: '2024-06-21' } } };
    const md = toMarkdown(r);
    expect(md).toContain('2024年9月');
    expect(md).toContain('2024年3月至2024年6月21日');
    const file = reviewExportFile.parse(JSON.parse(toJson(r)));
    expect(file.notice.meta.feedbackDate).toBe('2024-09');
  });
  it('builds safe file names with fallbacks', () => {
    expect(exportFileName({ organization: '中共广州市花都区花山镇委员会', publishDate: '2026-03-20' }, 'docx')).toBe(
      '中共广州市花都区花山镇委员会-2026-03-20-审阅意见.docx',
    );
    expect(exportFileName({ organization: null, publishDate: null }, 'csv')).toBe('未知单位-未知日期-审阅意见.csv');
    const hostile = exportFileName({ organization: '../a/b:c*?"<>|\u0001镇 ', publishDate: '2026-03-20' }, 'md');
    // eslint-disable-next-line no-control-regex -- a file name must hold no control characters: the test looks for them
    expect(hostile).not.toMatch(/[\\/:*?"<>|\u0000-\u001f]/);
    expect(hostile.startsWith('.')).toBe(false);
    expect(hostile.endsWith('-2026-03-20-审阅意见.md')).toBe(true);
  });
  it('guards CSV cells against formula injection and quotes per RFC 4180', () => {
    for (const lead of ['=', '+', '-', '@', '\t', '\r']) expect(csvCell(`${lead}1`).replace(/^"/, '')[0]).toBe("'");
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell('已完成整改')).toBe('已完成整改');
  });
  it('guards formulas hidden behind spaces, NBSP, U+3000, BOM, zero-width characters and full-width signs', () => {
    for (const lead of [' ', '\u00a0', '\u3000', '\ufeff', '\u200b', '\u2060', '  \u3000']) {
      for (const sign of ['=', '+', '-', '@']) expect(csvCell(`${lead}${sign}1+1`)).toBe(`'${lead}${sign}1+1`);
    }
    for (const sign of ['＝', '＋', '－', '＠']) expect(csvCell(`${sign}SUM(A1)`)).toBe(`'${sign}SUM(A1)`);
    expect(csvCell(' 整改完成率 100%')).toBe(' 整改完成率 100%');
  });
  it('escapes Markdown and HTML', () => {
    expect(mdEscape(HOSTILE)).toBe('\\<img src=x onerror=alert(1)\\>');
    expect(mdEscape('# 标题')).toBe('\\# 标题');
    expect(mdEscape('1. 第一')).toBe('1\\. 第一');
    expect(escapeHtml(HOSTILE)).toBe('&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('CSV export', () => {
  const csv = toCsv(review());
  const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
  const rows = parsed.data;

  it('starts with a BOM, uses CRLF and parses cleanly', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\r\n').length).toBeGreaterThan(20);
    expect(csv.replace(/\r\n/g, '').includes('\n')).toBe(false);
    expect(parsed.errors).toEqual([]);
    expect(rows[0]).toEqual([...CSV_HEADER]);
    for (const r of rows) expect(r).toHaveLength(CSV_HEADER.length);
  });

  it('has one row per item, per live annotation and per finding, Chinese intact', () => {
    const kinds = rows.slice(1).map((r) => r[0]);
    expect(kinds.filter((k) => k === '整改事项')).toHaveLength(22);
    expect(kinds.filter((k) => k === '批注')).toHaveLength(3);
    expect(kinds.filter((k) => k === '自动检查')).toHaveLength(1);
    // the problem that vanished from the later notice has its own row
    const vanished = rows.filter((r) => r[0] === '上期事项');
    expect(vanished.map((r) => [r[2], r[9]])).toEqual([['租金上偷梁换柱', '未报完成即消失']]);
    const contracts = rows.find((r) => r[2] === '问题合同未整改、阴阳合同赫然存在')!;
    expect(contracts[4]).toBe('整改中');
    expect(contracts[8]).toContain('预计2026年6月前整改完成（2026年5月31日）');
    expect(contracts[9]).toBe('仍未完成');
    const overridden = rows.find((r) => r[2] === '落实违建巡查责任不到位')!;
    expect([overridden[4], overridden[5], overridden[6]]).toEqual(['整改中', '已完成', '现场核查已复绿']);
  });

  it('neutralizes formula injection and keeps hostile text as data', () => {
    const a2 = rows.find((r) => r[3] === '已完成整改19宗')!;
    expect(a2[10]).toBe(`'=HYPERLINK("http://evil","点我")`);
    const a3 = rows.find((r) => r[3] === '正在逐村核对')!;
    expect(a3[10]).toBe(`${HOSTILE} 新增问题，"引号", 逗号\u0007`);
    expect(rows.some((r) => r[10] === '已删除的批注')).toBe(false);
  });
});

describe('JSON export', () => {
  const data = JSON.parse(toJson(review()));

  it('validates against the review file schema and keeps the notice and comparison', () => {
    const file = reviewExportFile.parse(data);
    expect(file.version).toBe(1);
    expect(file.notice.items).toHaveLength(22);
    expect(file.comparison!.summary.vanished).toBe(1);
    expect(file.text).toBe(huashanLaterText);
  });

  it('writes W3C Web Annotations (JSON-LD) with both selectors', () => {
    expect(data.annotations).toHaveLength(3);
    const a1 = data.annotations[0];
    expect(a1['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(a1.type).toBe('Annotation');
    expect(a1.target.source).toBe(URL);
    expect(a1.target.selector.map((s: { type: string }) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
    expect(a1.target.selector[0].exact).toBe('预计2026年6月前整改完成');
    const { start, end } = a1.target.selector[1];
    expect(huashanLaterText.slice(start, end)).toBe('预计2026年6月前整改完成');
    expect(a1.body).toContainEqual(expect.objectContaining({ type: 'TextualBody', purpose: 'commenting', value: '时限较上期推迟近一年，需说明原因' }));
    expect(a1.body.filter((b: { purpose: string }) => b.purpose === 'tagging').map((b: { value: string }) => b.value)).toEqual(['逾期', '需核实']);
  });
});

describe('HTML export', () => {
  const html = toHtml(review());
  const doc = new DOMParser().parseFromString(html, 'text/html');

  it('is a standalone A4 print report with no script', () => {
    expect(doc.querySelectorAll('script')).toHaveLength(0);
    expect(html).not.toMatch(/<script|javascript:/i);
    for (const el of Array.from(doc.querySelectorAll('*'))) {
      expect(el.getAttributeNames().filter((n) => n.startsWith('on'))).toEqual([]);
    }
    const css = doc.querySelector('style')!.textContent!;
    expect(css).toContain('@page { size: A4; margin: 2cm; }');
    expect(css).toContain('仿宋');
    expect(css).toContain('宋体');
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')).not.toBeNull();
  });

  it('escapes hostile text: it shows as text and creates no element', () => {
    expect(doc.querySelectorAll('img')).toHaveLength(0);
    expect(doc.body.textContent).toContain(HOSTILE);
    expect(doc.querySelectorAll('[onerror]')).toHaveLength(0);
  });

  it('contains the findings, item table, annotations and comparison in Chinese', () => {
    const text = doc.body.textContent!;
    expect(doc.querySelector('h1')!.textContent).toBe('关于巡察整改进展情况的通报审阅意见');
    expect(text).toContain('2026年3月20日');
    expect(text).toContain('【发布时已逾期·严重】'); // severity in words (严重/一般/提示), never a bare 高/中
    expect(doc.querySelectorAll('table')[1].querySelectorAll('tbody tr')).toHaveLength(22);
    expect(text).toContain('已完成（人工复核，原解析：整改中）');
    expect(doc.querySelectorAll('blockquote')).toHaveLength(3);
    expect(text).toContain('未报完成即消失 1 项');
    expect(text).toContain('2025年6月19日通报承诺“预计2025年7月前整改完成”（2025年6月30日），至2026年3月20日通报仍未报完成');
    expect(text).toContain('时限推迟：2025年6月30日→2026年5月31日（335天）');
  });
});

describe('Markdown export', () => {
  const md = toMarkdown(review());
  it('has the sections, escaped hostile text and the comparison', () => {
    expect(md.startsWith('# 关于巡察整改进展情况的通报审阅意见\n')).toBe(true);
    expect(md).not.toMatch(/(^|[^\\])<img/m);
    expect(md).toContain('\\<img src=x onerror=alert(1)\\>');
    expect(md).toContain('## 与往期通报对比（2025年6月19日）');
    expect(md).toContain('目前已完成整改11宗→19宗（+8）');
    expect(md).toContain('> 预计2026年6月前整改完成');
    expect(md).not.toContain('已删除的批注');
  });
});

describe('.docx export', () => {
  it('is a Word package whose document.xml holds the labels, quotes and fonts', async () => {
    const bytes = await toDocx(review());
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]); // PK zip
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    for (const label of ['问题合同未整改、阴阳合同赫然存在', '租金上偷梁换柱', '党组织议事决策制度执行不严']) {
      expect(xml).toContain(label);
    }
    expect(xml).toContain('原文：“预计2026年6月前整改完成”');
    expect(xml).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(xml).not.toContain('<img');
    expect(xml).toContain(`w:eastAsia="${DOCX_FONTS.body.eastAsia}"`);
    expect(xml).toContain(`w:ascii="${DOCX_FONTS.body.ascii}"`);
    expect(xml).toContain(`w:eastAsia="${DOCX_FONTS.heading.eastAsia}"`);
    expect(xml).toContain(`w:eastAsia="${DOCX_FONTS.table.eastAsia}"`);
    expect(xml).toContain('现场核查已复绿');
    expect(xml).toContain('未报完成即消失 1 项');
    expect(xml).not.toContain('已删除的批注');
    // Well-formed XML even with a control character in a note (XML 1.0 forbids U+0007).
    expect(xml).not.toContain('\u0007');
    expect(xml).toContain('新增问题，&quot;引号&quot;, 逗号');
    const parsed = new DOMParser().parseFromString(xml, 'application/xml');
    expect(parsed.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(parsed.documentElement.nodeName).toBe('w:document');
  });
});

describe('exportReview', () => {
  it('applies an override only where its item keeps its label, in every format', async () => {
    const r = review();
    const contracts = r.notice.items.find((i) => i.label === '问题合同未整改、阴阳合同赫然存在')!;
    // made for another problem that used to sit at this position
    const stale: StatusOverride = { noticeKey: 'k', itemId: contracts.id, itemLabel: '租金上偷梁换柱', status: 'done', reason: '旧位置的复核', createdAt: '2026-03-25T09:00:00Z' };
    const withStale = { ...r, overrides: [...r.overrides, stale] };
    const csvRows = Papa.parse<string[]>(toCsv(withStale).slice(1), { skipEmptyLines: true }).data;
    expect(csvRows.find((row) => row[2] === contracts.label)![5]).toBe('');
    expect(toMarkdown(withStale)).not.toContain('旧位置的复核');
    const json = JSON.parse((await exportReview('json', withStale)).data as string) as { overrides: StatusOverride[] };
    expect(json.overrides.map((o) => o.reason)).toEqual(['现场核查已复绿']);
  });

  it('returns file name, MIME type and data for every format', async () => {
    const r = review();
    for (const format of ['md', 'csv', 'json', 'html', 'docx'] as const) {
      const out = await exportReview(format, r);
      expect(out.fileName).toBe(`中共广州市花都区花山镇委员会-2026-03-20-审阅意见.${format}`);
      expect(out.mime.length).toBeGreaterThan(5);
      if (format === 'docx') expect(out.data).toBeInstanceOf(Uint8Array);
      else expect(typeof out.data).toBe('string');
    }
  });
});

describe('status certainty in every export (issue 16)', () => {
  /** The later 花山镇 notice as parsed: certainties and both kinds of evidence come from the parser. */
  function parsedReview(): ReviewExport {
    const notice = parseNotice(huashanLaterText).notice;
    const inferredDone = notice.items.find((i) => i.status === 'done' && i.certainty === 'inferred')!;
    const confirmed = confirmation('k', inferredDone, '审阅人核对原文后确认', '2026-03-25T09:00:00Z');
    return { ...review(), notice, text: huashanLaterText, overrides: [confirmed], annotations: [], comparison: null };
  }
  const r = parsedReview();
  const inferred = r.notice.items.find((i) => i.certainty === 'inferred' && i.id !== r.overrides[0].itemId)!;
  const open = r.notice.items.find((i) => i.statusEvidence.open.length > 0)!;

  it('the parse gives the later notice inferred and stated statuses with evidence', () => {
    expect(inferred).toBeDefined();
    expect(r.notice.items.some((i) => i.certainty === 'stated')).toBe(true);
  });
  it('CSV: status text says 推断, a certainty column, done and open parts, the replaced reading', () => {
    const rows = Papa.parse<string[]>(toCsv(r).slice(1), { skipEmptyLines: true }).data;
    const col = (h: string) => (CSV_HEADER as readonly string[]).indexOf(h);
    const row = rows.find((x) => x[2] === inferred.label)!;
    expect(row[col('解析状态')]).toMatch(/（推断）$/);
    expect(row[col('确定程度')]).toBe('根据整改措施推断');
    const openRow = rows.find((x) => x[2] === open.label)!;
    expect(openRow[col('未完成部分')]).toContain(open.statusEvidence.open[0].text);
    const confirmedRow = rows.find((x) => x[0] === '整改事项' && x[col('复核前解析')] !== '')!;
    expect(confirmedRow[col('复核状态')]).toBe('已完成（确认）');
    expect(confirmedRow[col('复核前解析')]).toBe('已完成（根据整改措施推断）');
  });
  it('HTML: inferred chips are dashed and say 推断; the parts are listed; a confirmation is marked', () => {
    const doc = new DOMParser().parseFromString(toHtml(r), 'text/html');
    const chips = [...doc.querySelectorAll('.status-inferred')];
    expect(chips.length).toBeGreaterThan(0);
    for (const c of chips) expect(c.textContent).toMatch(/（推断）$/);
    expect(doc.body.textContent).toContain('已完成（人工确认，原为已完成（根据整改措施推断））');
    expect(doc.body.textContent).toContain(open.statusEvidence.open[0].text);
    expect(doc.querySelectorAll('.parts-title').length).toBe(2 * r.notice.items.length);
  });
  it('Markdown and Word carry the certainty in words', async () => {
    const md = toMarkdown(r);
    expect(md).toContain('| 确定程度 |');
    expect(md).toContain('根据整改措施推断');
    const xml = await (await JSZip.loadAsync(await toDocx(r))).file('word/document.xml')!.async('string');
    expect(xml).toContain('（推断）');
    expect(xml).toContain('已完成：');
    expect(xml).toContain('未完成：');
  });
  it('JSON keeps the certainty, both evidence lists and the replaced reading', () => {
    const file = reviewExportFile.parse(JSON.parse(toJson(r)));
    expect(file.notice.items.find((i) => i.id === inferred.id)!.certainty).toBe('inferred');
    expect(file.notice.items.find((i) => i.id === open.id)!.statusEvidence.open.length).toBeGreaterThan(0);
    expect(file.overrides[0].replaced).toEqual({ status: 'done', certainty: 'inferred' });
  });
});
