import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main, parseArgs } from '@/scripts/analyze';
import { notice as noticeSchema } from '@/lib/schema';

const seed = (name: string) => fileURLToPath(new URL(`../fixtures/seeds/${name}`, import.meta.url));
const site = (name: string) => fileURLToPath(new URL(`../fixtures/sites/${name}`, import.meta.url));

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe('analyze CLI', () => {
  it('--json prints only a schema-valid Notice', async () => {
    const r = await run([seed('mazhang-town-2024-09-25.txt'), '--json']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const parsed = noticeSchema.parse(JSON.parse(r.out));
    expect(parsed.items).toHaveLength(16);
  });

  it('--json with several files prints an array', async () => {
    const r = await run(['--json', seed('mazhang-town-2024-09-25.txt'), seed('huashan-town-2025-06-19.txt')]);
    const list = JSON.parse(r.out);
    expect(Array.isArray(list)).toBe(true);
    expect(list.map((n: { meta: { publishDate: string } }) => n.meta.publishDate)).toEqual(['2024-09-25', '2025-06-19']);
  });

  it('--md prints a readable report with status, deadlines and findings; --today adds overdue-now', async () => {
    const r = await run([seed('huashan-town-2025-06-19.txt'), '--md', '--today', '2026-11-23']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('# 关于巡察整改进展情况的通报');
    expect(r.out).toContain('发布日期：2025-06-19');
    expect(r.out).toMatch(/\[整改中\] 二 › （一） › 5\. 问题合同未整改、阴阳合同赫然存在/);
    expect(r.out).toContain('期限：“预计2025年7月前整改完成” → 2025-06-30');
    expect(r.out).toContain('至今已逾期 511 天');
  });

  it('reads saved HTML pages (article text + chrome line)', async () => {
    const r = await run([site('huadu-district.html'), '--json']);
    expect(r.code).toBe(0);
    const n = noticeSchema.parse(JSON.parse(r.out));
    expect(n.meta.publishDate).toBe('2021-11-22'); // the signature's date wins over the chrome line's 2021-11-23
    expect(n.meta.feedbackDate).toBe('2021-01-26');
  });

  it('fails clearly on a missing file, a non-notice and bad usage', async () => {
    const missing = await run(['/no/such/notice.txt', '--json']);
    expect(missing.code).toBe(1);
    expect(missing.out).toBe('');
    expect(missing.err).toContain('文件不存在');

    const news = await run([site('news-gov.html')]);
    expect(news.code).toBe(3);
    expect(news.err).toContain('不是巡视/巡察整改通报');

    expect((await run([])).code).toBe(2);
    expect((await run([seed('hongmei-town-2023.txt'), '--today', '2026/01/01'])).err).toContain('YYYY-MM-DD');
    expect((await run([seed('hongmei-town-2023.txt'), '--format'])).code).toBe(2);
  });

  it('parses flags anywhere and in --flag=value form', () => {
    expect(parseArgs(['a.txt', '--today=2026-01-02', 'b.html', '--json'])).toEqual({ files: ['a.txt', 'b.html'], format: 'json', today: '2026-01-02', force: false, earlier: [] });
  });
});

describe('analyze CLI: compare and export', () => {
  const later = fileURLToPath(new URL('../fixtures/notices/huashan-town-2026-03-20.txt', import.meta.url));
  const earlier = seed('huashan-town-2025-06-19.txt');

  it('--earlier --json puts the comparison beside the notice analysis', async () => {
    const r = await run([later, '--earlier', earlier, '--json', '--today', '2026-11-23']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(noticeSchema.safeParse({ ...out, comparison: undefined }).success).toBe(true);
    expect(out.comparison.summary.vanished).toBe(1);
    const vanished = out.comparison.rows.find((row: { change: string }) => row.change === 'vanished');
    expect(vanished.earlierItem.label).toContain('租金上偷梁换柱');
    expect(out.comparison.overdueCommitments.map((o: { deadline: string }) => o.deadline)).toContain('2025-06-30');
  });

  it('--earlier --md appends the comparison with number deltas', async () => {
    const r = await run([later, '--earlier', earlier, '--md']);
    expect(r.out).toContain('## 与较早通报对比');
    expect(r.out).toContain('11宗 → 19宗（+8宗）');
  });

  it('--format csv prints a BOM-prefixed CSV; --format docx writes a Word file', async () => {
    const csv = await run([earlier, '--format', 'csv']);
    expect(csv.out.startsWith('\uFEFF')).toBe(true);
    expect(csv.out).toContain('历史约定不合理');
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const target = `${mkdtempSync(`${tmpdir()}/rl-cli-`)}/review.docx`;
    const docx = await run([earlier, '--format', 'docx', '--out', target]);
    expect(docx.code).toBe(0);
    expect(readFileSync(target).subarray(0, 2).toString()).toBe('PK');
  });

  it('rejects an unknown export format and a missing earlier file clearly', async () => {
    expect((await run([earlier, '--format', 'pdf'])).err).toContain('--format 只支持');
    const missing = await run([later, '--earlier', '/nonexistent/old.txt']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('文件不存在');
  });
});
