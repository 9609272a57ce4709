import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('fails clearly on a missing file and bad usage', async () => {
    const missing = await run(['/no/such/notice.txt', '--json']);
    expect(missing.code).toBe(1);
    expect(missing.out).toBe('');
    expect(missing.err).toContain('文件不存在');

    expect((await run([])).code).toBe(2);
    expect((await run([seed('hongmei-town-2023.txt'), '--today', '2026/01/01'])).err).toContain('YYYY-MM-DD');
    expect((await run([seed('hongmei-town-2023.txt'), '--format'])).code).toBe(2);
  });

  it('parses flags anywhere and in --flag=value form', () => {
    expect(parseArgs(['a.txt', '--today=2026-01-02', 'b.html', '--json'])).toEqual({ files: ['a.txt', 'b.html'], format: 'json', today: '2026-01-02', force: false, onlyNotices: false, earlier: [] });
    expect(parseArgs(['--only-notices', 'dir']).onlyNotices).toBe(true);
    expect(parseArgs(['a.txt', '--earlier', 'o1.txt', '--earlier=o2.txt', '--md', '--json', '--md']).earlier).toEqual(['o1.txt', 'o2.txt']);
    expect(parseArgs(['a.txt', '--json', '--md']).format).toBe('md'); // the last of --json/--md wins
    expect(parseArgs(['--', '--odd-name.txt']).files).toEqual(['--odd-name.txt']);
  });

  it.each([
    [['a.txt', '--jsn'], '未知参数：--jsn'],
    [['a.txt', '-x'], '未知参数：-x'],
    [['a.txt', '--today'], '参数 --today 缺少取值'],
    [['a.txt', '--earlier', '--json'], '参数 --earlier 缺少取值'],
    [['a.txt', '--json=yes'], '参数 --json 不需要取值'],
    [['a.txt', '--out', 'x.md', 'b.txt'], '--out 只能与一个通报文件一起使用'],
  ])('usage error %j → exit 2, zh-CN message and the usage on stderr', async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(message);
  });

  it('--help / -h print the usage on stdout, exit 0', async () => {
    for (const flag of ['--help', '-h']) {
      const r = await run([flag]);
      expect(r.code).toBe(0);
      expect(r.err).toBe('');
      expect(r.out).toMatch(/^用法：rectify-lens 文件或目录/);
      expect(r.out).toContain('--only-notices');
    }
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
    // pairings read in words, as in the side panel (lib/compare/confidence), never as a bare score
    expect(r.out).toMatch(/（对应：(确定|较可能|存疑)）/);
    expect(r.out).not.toContain('匹配度');
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

const fixtureFile = (p: string) => fileURLToPath(new URL(`../fixtures/${p}`, import.meta.url));

// Word/PDF files, files the detector is unsure about (warning + score, exit 0), --only-notices, folder walks
describe('analyze CLI: documents, unsure files, folders', () => {
  it.each(['mazhang.docx', 'mazhang.pdf'])('reads %s like the seed text', async (name) => {
    const r = await run([fixtureFile(`documents/${name}`), '--json']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const n = noticeSchema.parse(JSON.parse(r.out));
    expect(n.items).toHaveLength(16);
    expect(n.meta.feedbackDate).toBe('2024-03-14');
  });

  it('analyzes a named file the detector doubts, warning with the score on stderr, exit 0', async () => {
    const r = await run([fixtureFile('sites/news-gov.html'), '--json']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^警告：.*news-gov\.html 看起来不是巡视\/巡察整改通报（识别得分 -?\d+(\.\d+)?），仍按通报分析/);
    expect(noticeSchema.safeParse(JSON.parse(r.out)).success).toBe(true);
    expect((await run([fixtureFile('sites/news-gov.html'), '--force'])).err).toBe('');
  });

  it('--only-notices skips files that are not notices', async () => {
    const r = await run([fixtureFile('sites/news-gov.html'), fixtureFile('seeds/mazhang-town-2024-09-25.txt'), '--only-notices', '--json']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/跳过 .*news-gov\.html：看起来不是巡视\/巡察整改通报（识别得分/);
    const list = JSON.parse(r.out);
    expect(list).toHaveLength(1);
    expect(list[0].meta.organization).toBe('中共麻章镇委员会');
  });

  it('walks a folder: txt/html/docx/pdf/json analyzed, label JSON skipped, a .doc and a scan explained', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-cli-dir-'));
    mkdirSync(join(dir, 'sub'));
    copyFileSync(fixtureFile('seeds/huashan-town-2025-06-19.txt'), join(dir, 'a-huashan.txt'));
    copyFileSync(fixtureFile('sites/huadu-district.html'), join(dir, 'b-huadu.html'));
    copyFileSync(fixtureFile('documents/mazhang.docx'), join(dir, 'sub/c-mazhang.docx'));
    copyFileSync(fixtureFile('documents/mazhang.pdf'), join(dir, 'sub/d-mazhang.pdf'));
    copyFileSync(fixtureFile('sites/news-gov.html'), join(dir, 'e-news.html'));
    copyFileSync(fixtureFile('documents/legacy.doc'), join(dir, 'f-old.doc'));
    copyFileSync(fixtureFile('documents/scanned.pdf'), join(dir, 'g-scan.pdf'));
    writeFileSync(join(dir, 'h-label.json'), JSON.stringify({ title: '手写标注', items: [] }));
    writeFileSync(join(dir, 'README.md'), '# not walked');
    const analysis = await run([fixtureFile('seeds/hongmei-town-2023.txt'), '--json']);
    writeFileSync(join(dir, 'i-hongmei-analysis.json'), analysis.out);

    const r = await run([dir, '--only-notices', '--json']);
    expect(r.code).toBe(1); // the .doc and the scan could not be read, and the run says so
    expect(r.err).toContain('f-old.doc”是旧版 Word 文档');
    expect(r.err).toContain('g-scan.pdf”没有文字层');
    expect(r.err).toMatch(/跳过 .*e-news\.html：看起来不是/);
    expect(r.err).toMatch(/跳过 .*h-label\.json：不是通报分析 JSON/);
    const list = JSON.parse(r.out) as Array<{ meta: { organization: string | null } }>;
    expect(list.map((n) => n.meta.organization)).toEqual([
      noticeSchema.parse(JSON.parse((await run([fixtureFile('seeds/huashan-town-2025-06-19.txt'), '--json'])).out)).meta.organization,
      noticeSchema.parse(JSON.parse((await run([fixtureFile('sites/huadu-district.html'), '--json'])).out)).meta.organization,
      noticeSchema.parse(JSON.parse(analysis.out)).meta.organization,
      '中共麻章镇委员会',
      '中共麻章镇委员会',
    ]);
  });

  it('says clearly when a folder holds nothing to analyze', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-cli-empty-'));
    writeFileSync(join(dir, 'notes.md'), '# nothing');
    const r = await run([dir]);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toContain('没有找到可分析的文件');
  });

  it.each([
    ['documents/encrypted.pdf', '加密（需要密码）'],
    ['documents/many-pages.pdf', '共 200 页'],
    ['documents/image-only.docx', '没有文字'],
    ['documents/junk.bin', '不是文本、网页、Word'],
    ['documents/empty.txt', '空文件'],
  ])('%s → exit 1 with a clear message, nothing on stdout', async (file, message) => {
    const r = await run([fixtureFile(file), '--json']);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain(message);
  });
});

// package.json "bin": what `npm link` / `npx rectify-lens` run, with Node alone (tsx comes from dependencies)
describe('rectify-lens bin', () => {
  const bin = fileURLToPath(new URL('../../bin/rectify-lens.mjs', import.meta.url));
  const runBin = (args: string[], cwd: string) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 30_000 });

  it('is the package.json bin entry', () => {
    const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8'));
    expect(pkg.bin).toEqual({ 'rectify-lens': 'bin/rectify-lens.mjs' });
  });

  it('analyzes a file named relative to another working directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rl-bin-'));
    copyFileSync(seed('mazhang-town-2024-09-25.txt'), join(dir, '通报.txt'));
    const r = runBin(['通报.txt', '--json'], dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(noticeSchema.parse(JSON.parse(r.stdout)).items).toHaveLength(16);
  });

  it('exits 2 on bad usage and 0 on --help', () => {
    const bad = runBin(['--no-such-flag'], tmpdir());
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('未知参数：--no-such-flag');
    expect(runBin(['--help'], tmpdir()).status).toBe(0);
  });
});
