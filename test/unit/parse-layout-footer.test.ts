/**
 * analyzeLayout's site footer: the first line of the second half that is shorter than 80 characters and looks
 * like a footer (`主办单位`, `版权所有`, `ICP备` …). The length is now tested before the regex (most lines of the
 * second half are long body paragraphs); what it finds must not change: a long paragraph naming a footer word
 * is body text.
 */
import { describe, expect, it } from 'vitest';
import { analyzeLayout } from '@/lib/parse/meta';
import { splitLines } from '@/lib/parse/normalize';

const HEAD = ['中共某某镇委员会关于巡察整改进展情况的通报', '根据区委统一部署，2023年9月至12月，区委第三巡察组对某某镇党委进行了巡察，现将整改进展情况予以公布。', '一、整改落实情况'];
const PARAGRAPH = `1.针对问题，已与主办单位签订协议，${'推进整改落实工作'.repeat(10)}。`;

function footerOf(lines: string[]): number {
  return analyzeLayout(splitLines(lines.join('\n'))).footerLine;
}

describe('analyzeLayout: site footer', () => {
  it('a short footer line after the body starts the footer', () => {
    const lines = [...HEAD, PARAGRAPH, PARAGRAPH, '中共某某镇委员会', '2024年9月25日', '主办单位：某某镇人民政府', '版权所有'];
    expect(footerOf(lines)).toBe(7);
  });

  it('a long paragraph that names 主办单位 is no footer', () => {
    expect(PARAGRAPH.length).toBeGreaterThanOrEqual(80);
    const lines = [...HEAD, PARAGRAPH, PARAGRAPH, PARAGRAPH, '欢迎监督。'];
    expect(footerOf(lines)).toBe(lines.length);
  });

  it('only the second half is searched', () => {
    const lines = ['版权所有', ...HEAD, PARAGRAPH, PARAGRAPH, PARAGRAPH, PARAGRAPH];
    expect(footerOf(lines)).toBe(lines.length);
  });
});
