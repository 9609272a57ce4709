// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { clearMarks, flattenSpans, strongestKind, type HighlightSpan, type NodePiece } from '@/lib/page/highlighter';
import { applyMarks, groupByParent, nearViewportFirst } from '@/lib/page/mark-drawer';
import { extractText } from '@/lib/extract';
import { normalizeText } from '@/lib/parse/normalize';
import { PageTextMap } from '@/lib/page/text-map';

const span = (kind: HighlightSpan['kind'], start: number, end: number, note = kind): HighlightSpan => ({ kind, start, end, note });

describe('flattenSpans', () => {
  it('splits overlapping spans into ordered, non-overlapping pieces carrying every covering kind', () => {
    const pieces = flattenSpans([span('deadline', 0, 10), span('date', 2, 8), span('overdue', 0, 10)]);
    expect(pieces.map((p) => [p.start, p.end, p.kinds.sort().join('+')])).toEqual([
      [0, 2, 'deadline+overdue'],
      [2, 8, 'date+deadline+overdue'],
      [8, 10, 'deadline+overdue'],
    ]);
    expect(strongestKind(pieces[1].kinds)).toBe('overdue');
  });

  it('merges adjacent pieces with the same cover and drops empty spans', () => {
    const pieces = flattenSpans([span('number', 0, 3), span('number', 3, 6, 'number'), span('date', 5, 5)]);
    expect(pieces).toHaveLength(1);
    expect([pieces[0].start, pieces[0].end]).toEqual([0, 6]);
  });

  it('leaves gaps between spans unmarked', () => {
    const pieces = flattenSpans([span('number', 0, 2), span('date', 5, 7)]);
    expect(pieces.map((p) => [p.start, p.end])).toEqual([[0, 2], [5, 7]]);
  });
});

function setup(html: string) {
  document.body.innerHTML = `<div id="a">${html}</div>`;
  const root = document.getElementById('a')!;
  const ex = extractText(root);
  const map = new PageTextMap(ex, normalizeText(ex.text));
  return { root, map };
}

async function mark(map: PageTextMap, spans: HighlightSpan[]) {
  const pieces: NodePiece[] = [];
  for (const piece of flattenSpans(spans)) for (const p of map.domPieces(piece.start, piece.end)) pieces.push({ ...p, piece });
  return applyMarks(pieces);
}

describe('applyMarks / clearMarks on a real DOM', () => {
  const html = '<p>预计<span>20</span><span>25年7月</span>前整改完成，共<strong>23</strong>宗。</p><p>第二段 <a href="#x">链接文字</a> 结束</p>';

  it('marks a date split across spans and a number split from its unit, keeping links intact', async () => {
    const { root, map } = setup(html);
    const dateAt = map.text.indexOf('2025年7月');
    const numAt = map.text.indexOf('23宗');
    const linkAt = map.text.indexOf('链接');
    await mark(map, [span('date', dateAt, dateAt + 7), span('number', numAt, numAt + 3), span('done', linkAt, linkAt + 2)]);
    const marks = [...root.querySelectorAll('mark.rl-mark')];
    const text = (kind: string) => marks.filter((m) => m.getAttribute('data-rl-kinds')!.includes(kind)).map((m) => m.textContent).join('');
    expect(text('date')).toBe('2025年7月');
    expect(text('number')).toBe('23宗');
    expect(root.querySelector('a')!.getAttribute('href')).toBe('#x');
    expect(root.querySelector('a mark')!.textContent).toBe('链接');
  });

  it('restores the exact original DOM when cleared', async () => {
    const { root, map } = setup(html);
    const before = root.innerHTML;
    await mark(map, [span('overdue', 0, map.text.length)]);
    expect(root.innerHTML).not.toBe(before);
    clearMarks(root);
    expect(root.innerHTML).toBe(before);
  });

  it('maps a DOM selection back to normalized offsets', () => {
    const { root, map } = setup(html);
    const strong = root.querySelector('strong')!.firstChild!;
    const range = document.createRange();
    range.setStart(strong, 0);
    range.setEnd(root.querySelector('strong')!.nextSibling!, 1);
    const r = map.fromDomRange(range)!;
    expect(map.text.slice(r.start, r.end)).toBe('23宗');
  });

  it('after marking, maps selections that start, end or lie inside a mark or after it (rebound map)', async () => {
    const { root, map } = setup('<p>古镇镇党委坚持把巡察整改作为一项重要的政治任务，共查摆问题4个，已整改3个。</p>');
    const numAt = map.text.indexOf('4个');
    const taskAt = map.text.indexOf('政治任务');
    await mark(map, [span('number', numAt, numAt + 2), span('unfinished', taskAt, taskAt + 4)]);
    const live = map.rebound()!;
    expect(live).not.toBeNull();
    const texts = [...root.querySelectorAll('p')[0].childNodes].map((n) => n.firstChild ?? n) as Text[];
    /** A DOM position `k` characters into the page text, as a browser's selection would report it. */
    const at = (k: number): [Text, number] => {
      let pos = 0;
      for (const t of texts) {
        if (k <= pos + t.data.length) return [t, k - pos];
        pos += t.data.length;
      }
      throw new Error('beyond the text');
    };
    const select = (m: PageTextMap, from: number, to: number) => {
      const range = document.createRange();
      range.setStart(...at(from));
      range.setEnd(...at(to));
      const r = m.fromDomRange(range);
      return r && m.text.slice(r.start, r.end);
    };
    const cases: Array<[number, number]> = [
      [0, numAt + 1], // ends inside the number mark
      [0, numAt + 4], // ends after it, in the same paragraph
      [numAt + 1, numAt + 6], // starts inside it
      [taskAt + 2, numAt + 1], // from inside one mark into another
      [taskAt - 3, numAt + 2 + 3], // crosses both
    ];
    for (const [from, to] of cases) expect(select(live, from, to), `${from}–${to}`).toBe(map.text.slice(from, to));
    // the map built before marking does not know the split nodes: that was the missing 添加批注 button
    expect(select(map, 0, numAt + 4)).not.toBe(map.text.slice(0, numAt + 4));
  });

  it('rebound is null once the page text itself changed', () => {
    const { root, map } = setup('<p>共查摆问题4个</p>');
    root.querySelector('p')!.textContent = '共查摆问题5个';
    expect(map.rebound()).toBeNull();
  });
});

describe('viewport first', () => {
  /** Paragraphs laid out 300 px apart (happy-dom has no layout: the rectangles are given). */
  function laidOut(count: number, scrolledTo = 0) {
    document.body.innerHTML = `<div id="a">${Array.from({ length: count }, (_, i) => `<p>第${i}段预计2025年7月前完成</p>`).join('')}</div>`;
    const root = document.getElementById('a')!;
    root.querySelectorAll('p').forEach((p, i) => {
      const top = (i - scrolledTo) * 300;
      p.getBoundingClientRect = () => ({ top, bottom: top + 20, left: 0, right: 500, width: 500, height: 20, x: 0, y: top, toJSON: () => ({}) });
    });
    const ex = extractText(root);
    const map = new PageTextMap(ex, normalizeText(ex.text));
    const pieces: NodePiece[] = [];
    const spans = [...map.text.matchAll(/2025年7月/g)].map((m) => span('deadline', m.index!, m.index! + 7));
    for (const piece of flattenSpans(spans)) for (const p of map.domPieces(piece.start, piece.end)) pieces.push({ ...p, piece });
    return { root, pieces };
  }

  it('puts what is in or within one viewport of the view first, the rest after, each in document order', () => {
    const { root, pieces } = laidOut(10);
    const { near, rest } = nearViewportFirst(groupByParent(pieces), 600);
    const index = (e: Element) => [...root.querySelectorAll('p')].indexOf(e as HTMLParagraphElement);
    // view 0–600 px, near up to 1200 px: paragraphs at 0…1200
    expect(near.map(([e]) => index(e))).toEqual([0, 1, 2, 3, 4]);
    expect(rest.map(([e]) => index(e))).toEqual([5, 6, 7, 8, 9]);
  });

  it('draws every mark, the visible ones first, in slices', async () => {
    // scrolled to paragraph 20, view 600 px: near are paragraphs 18 (600 px above) to 24 (1200 px below its top)
    const { root, pieces } = laidOut(40, 20);
    const order: number[] = [];
    const seen = new Set<Element>();
    const observer = new MutationObserver(() => {
      root.querySelectorAll('p').forEach((p, i) => {
        if (p.querySelector('mark') && !seen.has(p)) {
          seen.add(p);
          order.push(i);
        }
      });
    });
    observer.observe(root, { childList: true, subtree: true });
    const { marked, visibleAt } = await applyMarks(pieces, { viewportHeight: 600, budgetMs: 0 });
    await new Promise((r) => setTimeout(r, 0));
    observer.disconnect();
    expect(marked).toBe(40);
    expect(visibleAt).toBeGreaterThan(0);
    expect(order.slice(0, 7)).toEqual([18, 19, 20, 21, 22, 23, 24]);
    expect(order).toHaveLength(40);
    expect(order.slice(7, 10)).toEqual([0, 1, 2]);
  });
});
