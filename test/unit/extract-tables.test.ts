// @vitest-environment happy-dom
/**
 * Data tables as text: one line per row, `｜` between grid slots, `〃` where a cell is merged from above.
 * The markup follows tables seen on real notice pages (整改台账 published as an HTML table: header row, rowspan
 * status cells, paragraphs inside cells, a header row repeated after a page break).
 */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { extractText, pieceRangesForOffsets } from '@/lib/extract';

const extract = (body: string) => extractText(new DOMParser().parseFromString(`<!DOCTYPE html><html><body><div id="r">${body}</div></body></html>`, 'text/html').getElementById('r')!);

const LEDGER = `<p>现将整改情况公布如下：</p>
<table border="1"><tbody>
<tr><td><p>序号</p></td><td><p>反馈问题</p></td><td><p>整改措施</p></td><td><p>整改情况</p></td><td><p>完成时限</p></td></tr>
<tr><td>1</td><td><p>理论学习中心组学习不够规范</p></td><td><p>1.制定年度学习计划；</p><p>2.建立学习台账。</p></td><td rowspan="2">已完成整改</td><td>2023年6月底</td></tr>
<tr><td>2</td><td>意识形态工作责任制落实不到位</td><td>&nbsp;&nbsp;修订意识形态工作责任清单</td><td>2023年9月</td></tr>
<tr><td>序号</td><td>反馈问题</td><td>整改措施</td><td>整改情况</td><td>完成时限</td></tr>
<tr><td>3</td><td>公务用车管理不规范</td><td colspan="2">正在整改</td><td>长期坚持</td></tr>
</tbody></table><p>欢迎监督。</p>`;

describe('data tables', () => {
  it('writes one line per row with ｜ between slots, 〃 for a merged cell, paragraphs in a cell as spaces', () => {
    expect(extract(LEDGER).text).toBe(
      [
        '现将整改情况公布如下：',
        '序号｜反馈问题｜整改措施｜整改情况｜完成时限',
        '1｜理论学习中心组学习不够规范｜1.制定年度学习计划； 2.建立学习台账。｜已完成整改｜2023年6月底',
        '2｜意识形态工作责任制落实不到位｜修订意识形态工作责任清单｜〃｜2023年9月',
        '序号｜反馈问题｜整改措施｜整改情况｜完成时限',
        '3｜公务用车管理不规范｜正在整改｜｜长期坚持',
        '欢迎监督。',
      ].join('\n'),
    );
  });
  it('maps cell text back to its text nodes; separators and ditto marks map to none', () => {
    const ex = extract(LEDGER);
    const at = ex.text.indexOf('意识形态工作责任制');
    const [piece] = pieceRangesForOffsets(ex, at, at + 9);
    expect(piece.node.data.slice(piece.start, piece.end)).toBe('意识形态工作责任制');
    const sep = ex.text.indexOf('｜');
    expect(pieceRangesForOffsets(ex, sep, sep + 1)).toEqual([]);
    const ditto = ex.text.indexOf('〃');
    expect(pieceRangesForOffsets(ex, ditto, ditto + 1)).toEqual([]);
    for (const s of ex.segments) expect(ex.text.slice(s.start, s.end)).toBe(s.node.data.slice(s.nodeStart, s.nodeStart + s.end - s.start));
  });
  it('keeps empty cells as empty slots so columns stay aligned', () => {
    const t = extract('<table><tr><td>序号</td><td>问题</td><td>进展</td></tr><tr><td>1</td><td></td><td>已完成</td></tr><tr><td>2</td><td>问题二</td><td> </td></tr></table>').text;
    expect(t).toBe('序号｜问题｜进展\n1｜｜已完成\n2｜问题二｜');
  });
  it('leaves layout tables alone: nested tables, two-column frames, one-row tables and CMS metadata keep one line per cell', () => {
    expect(extract('<table><tr><td>菜单</td><td><table><tr><td>甲</td><td>乙</td><td>丙</td></tr><tr><td>丁</td><td>戊</td><td>己</td></tr></table></td></tr></table>').text).toBe(
      '菜单\n甲｜乙｜丙\n丁｜戊｜己',
    );
    expect(extract('<table><tr><td>来源：区纪委</td><td>日期：2024-01-01</td></tr><tr><td colspan="2"><p>正文一</p><p>正文二</p></td></tr></table>').text).toBe(
      '来源：区纪委\n日期：2024-01-01\n正文一\n正文二',
    );
    expect(extract('<table><tr><td>戊</td><td>己</td><td>庚</td></tr></table>').text).toBe('戊\n己\n庚');
    // CMS metadata is page chrome: the meta reader takes its labels and values one per line
    expect(extract('<table><tr><td>索引号：</td><td>11440115/2024-00123</td><td>主题分类：</td><td>其他</td></tr><tr><td>发布机构：</td><td>南沙区龙穴街道</td><td>成文日期：</td><td>2024-07-26</td></tr></table>').text).toBe(
      '索引号：\n11440115/2024-00123\n主题分类：\n其他\n发布机构：\n南沙区龙穴街道\n成文日期：\n2024-07-26',
    );
  });
  it('writes the same rows under linkedom (the CLI)', () => {
    const { document } = parseHTML(`<!DOCTYPE html><html><body><div id="r">${LEDGER}</div></body></html>`);
    expect(extractText(document.getElementById('r')!).text).toBe(extract(LEDGER).text);
  });
});
