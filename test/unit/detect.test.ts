// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BODY_SCAN_CHARS, detectNotice, isDisciplineHost, isGovHost, matchesUserSite, siteOf } from '@/lib/detect';
import { extractText, extractTitle, findArticleRoot } from '@/lib/extract';
import { SEED_BODIES, SITES_DIR, seedBodyText } from '@/scripts/lib/fixture-seeds';
import type { ManifestEntry } from '@/scripts/lib/fixture-pages';

const manifest: ManifestEntry[] = JSON.parse(readFileSync(path.join(SITES_DIR, 'index.json'), 'utf8'));

function detectPage(entry: ManifestEntry, userSites?: string[]) {
  const doc = new DOMParser().parseFromString(readFileSync(path.join(SITES_DIR, entry.file), 'utf8'), 'text/html');
  const h1 = doc.querySelector('h1');
  return detectNotice({
    url: `http://${entry.host}${entry.path}`,
    title: extractTitle(doc),
    h1: h1 ? extractText(h1).text : null,
    bodyText: extractText(findArticleRoot(doc)).text,
    userSites,
  });
}

describe('detectNotice on the fixture sites', () => {
  const pages = manifest.filter((m) => !m.generated && m.file !== 'late-content.html');
  for (const entry of pages) {
    it(`${entry.file} → ${entry.isNotice ? 'notice' : 'not a notice'}`, () => {
      const r = detectPage(entry);
      expect(r.isNotice).toBe(entry.isNotice);
      if (entry.isNotice) {
        expect(r.reasons.map((x) => x.signal)).toEqual(expect.arrayContaining(['feedback_sentence', 'publish_formula']));
        expect(r.reasons.some((x) => x.signal === 'h1_notice' || x.signal === 'title_notice')).toBe(true);
      }
      expect(r.score).toBe(r.reasons.reduce((s, x) => s + x.weight, 0));
      for (const reason of r.reasons) expect(reason.detail).toMatch(/[\u4e00-\u9fff]/);
    });
  }

  it('news-gov only earns the gov.cn signal, the blog none', () => {
    const news = detectPage(manifest.find((m) => m.file === 'news-gov.html')!);
    expect(news.reasons.map((r) => r.signal)).toEqual(['gov_host']);
    expect(detectPage(manifest.find((m) => m.file === 'non-gov.html')!).reasons).toEqual([]);
  });

  it('the user site list adds a reason but does not make a blog a notice', () => {
    const r = detectPage(manifest.find((m) => m.file === 'non-gov.html')!, ['example.com']);
    expect(r.reasons).toEqual([expect.objectContaining({ signal: 'user_site', detail: expect.stringContaining('example.com') })]);
    expect(r.isNotice).toBe(false);
  });
});

describe('detectNotice on the bare seed texts (no site, no title)', () => {
  for (const key of Object.keys(SEED_BODIES)) {
    it(`${SEED_BODIES[key].seed} is recognised from its body alone`, () => {
      const r = detectNotice({ url: 'file:///notice.txt', title: null, h1: null, bodyText: seedBodyText(key) });
      expect(r.isNotice).toBe(true);
      expect(r.reasons.find((x) => x.signal === 'feedback_sentence')!.detail).toMatch(/反馈(了)?(巡视|巡察)意见/);
    });
  }
  it('counts the 花山镇 “针对…问题” items and finds no status tags there, but finds them in 麻章镇', () => {
    const huashan = detectNotice({ url: '', title: null, h1: null, bodyText: seedBodyText('huashan') });
    expect(huashan.reasons.find((r) => r.signal === 'targeted_items')!.detail).toContain('针对“历史约定不合理”问题');
    expect(huashan.reasons.some((r) => r.signal === 'status_tags')).toBe(false);
    const mazhang = detectNotice({ url: '', title: null, h1: null, bodyText: seedBodyText('mazhang') });
    expect(mazhang.reasons.find((r) => r.signal === 'status_tags')!.detail).toMatch(/【(已完成整改|正在整改)/);
  });
});

describe('detectNotice edge cases', () => {
  it('a title alone is not enough without body formulas', () => {
    const r = detectNotice({ url: 'http://www.example.com/', title: '关于巡察整改进展情况的通报', h1: null, bodyText: '暂无内容' });
    expect(r.score).toBe(4);
    expect(r.isNotice).toBe(false);
  });
  it('scans only the first BODY_SCAN_CHARS characters of a huge body, quickly', () => {
    const filler = '这是一段与巡察无关的文字，'.repeat(Math.ceil((BODY_SCAN_CHARS + 10) / 13));
    const body = filler + seedBodyText('huashan').repeat(200); // ~5 MB
    const t0 = performance.now();
    const r = detectNotice({ url: 'http://www.example.com/', title: null, h1: null, bodyText: body });
    expect(performance.now() - t0).toBeLessThan(500);
    expect(r.reasons).toEqual([]);
  });
  it('no catastrophic backtracking on long runs without sentence ends', () => {
    const t0 = performance.now();
    detectNotice({ url: 'x', title: '巡察'.repeat(5000), h1: '巡视整改'.repeat(5000), bodyText: '针对现将'.repeat(50_000) });
    expect(performance.now() - t0).toBeLessThan(500);
  });
});

describe('host checks', () => {
  it('isGovHost: only hosts under gov.cn', () => {
    expect(isGovHost('http://www.huadu.gov.cn/a.html')).toBe(true);
    expect(isGovHost('https://www.gdjct.gd.gov.cn:8443/x')).toBe(true);
    expect(isGovHost('http://gov.cn.example.com/')).toBe(false);
    expect(isGovHost('http://notgov.cn/')).toBe(false);
    expect(isGovHost('not a url')).toBe(false);
  });
  it('isDisciplineHost: 纪检监察 site names', () => {
    expect(isDisciplineHost('http://www.ccdi.gov.cn/')).toBe(true);
    expect(isDisciplineHost('http://www.gdjct.gd.gov.cn/')).toBe(true);
    expect(isDisciplineHost('http://jw.beijing.gov.cn/')).toBe(true);
    expect(isDisciplineHost('http://qingfeng.example.cn/')).toBe(true);
    expect(isDisciplineHost('http://www.huadu.gov.cn/')).toBe(false);
    expect(isDisciplineHost('http://www.jwt.io/')).toBe(false);
  });
  it('matchesUserSite: host or subdomain, bare host or URL entries', () => {
    expect(matchesUserSite('http://www.example.com/p', ['example.com'])).toBe('example.com');
    expect(matchesUserSite('http://www.example.com/p', [' https://www.example.com/list '])).toBe('https://www.example.com/list');
    expect(matchesUserSite('http://badexample.com/', ['example.com'])).toBeNull();
    expect(matchesUserSite('http://www.example.com/', ['', '  '])).toBeNull();
  });
});

describe('detectNotice on header forms from real notices (issue 9)', () => {
  const detect = (title: string | null, bodyText: string, url = 'http://www.example-news.cn/article/1.html') =>
    detectNotice({ url, title, h1: null, bodyText });
  it('a notice on a non-gov.cn host: title + 反馈巡察情况 + 现将…予以公布', () => {
    const r = detect(
      '中共某镇委员会关于落实县委第二巡察组巡察反馈意见整改进展情况的通报',
      '根据县委统一部署，2022年6月20日至8月3日，县委第二巡察组对某镇党委开展了巡察。2022年10月19日，县委第二巡察组向某镇党委反馈巡察情况。按照巡察工作有关要求，现将巡察整改进展情况予以公布。',
    );
    expect(r.isNotice).toBe(true);
    expect(r.reasons.map((x) => x.signal)).toEqual(['title_notice', 'feedback_sentence', 'publish_formula', 'progress_phrase']);
  });
  it('titles ending in 公告 / 公示 count as notice titles', () => {
    for (const title of ['关于巡视整改进展情况的公告', '某某局党组关于巡察整改情况的公示']) {
      expect(detect(title, '2024年7月31日，市委巡察组向局党组反馈了巡察意见。').reasons.some((x) => x.signal === 'title_notice')).toBe(true);
    }
  });
  it('body formulas seen in the corpus: 现根据规定将…予以公布, 现对…予以通报, 向社会公开, 进行巡察反馈', () => {
    const noTitle = (body: string) => detect(null, body);
    expect(noTitle('2020年10月27日，市委巡察组向市某局党组反馈了巡察意见。现根据规定将巡察整改进展情况予以公布。').isNotice).toBe(true);
    expect(noTitle('2025年1月10日，专项巡察组对我院进行巡察反馈。现对我院巡察整改落实情况予以通报。').isNotice).toBe(true);
    const open = noTitle('2022年1月27日，区委4个巡察组向40家被巡察单位党组织全面反馈巡察情况。现将整改进展情况向社会公开，接受干部群众监督。');
    expect(open.reasons.map((x) => x.signal)).toContain('publish_formula');
    expect(open.isNotice).toBe(true);
  });
  it('more formulas: 现按…要求，将…予以通报; …报告如下; 就巡察情况向我单位进行了反馈', () => {
    const noTitle = (body: string, url?: string) => detect(null, body, url);
    expect(noTitle('现按党务公开原则和巡察工作有关要求，将巡察整改进展情况予以通报。').reasons.map((x) => x.signal)).toContain('publish_formula');
    expect(noTitle('现将巡察整改进展情况报告如下。').reasons.map((x) => x.signal)).toContain('publish_formula');
    const feedback = noTitle('市委第一提级巡察组对区司法局党组开展了提级巡察，2024年9月6日就巡察情况向我单位进行了反馈。');
    expect(feedback.reasons.map((x) => x.signal)).toContain('feedback_sentence');
  });
  it('the notice’s own publish formula anchors a title-less copy; a generic one does not', () => {
    const own = detect(null, '根据区委巡察工作统一部署，按照党务公开原则和巡察工作有关要求，现将巡察整改进展情况予以公布。', 'http://www.example.gov.cn/news-1.html');
    expect(own.reasons.find((x) => x.signal === 'publish_formula')!.weight).toBe(3);
    expect(own.isNotice).toBe(true);
    const generic = detect(null, '现将有关情况予以通报。本次检查整改进展情况良好。', 'http://www.example.gov.cn/news-2.html');
    expect(generic.reasons.find((x) => x.signal === 'publish_formula')!.weight).toBe(2);
    expect(generic.isNotice).toBe(false);
  });
  it('meeting news, launch (进驻) news and feedback-meeting news are not notices', () => {
    const meeting = detect('某镇召开巡察整改动员部署会议', '根据区委要求和区委第一巡察组反馈的问题，研究部署巡察反馈问题整改工作。');
    expect(meeting.isNotice).toBe(false);
    expect(meeting.reasons.find((x) => x.signal === 'title_news')!.detail).toContain('会议');
    const feedbackMeeting = detect(
      '市委第二巡察组巡察市中心医院党委情况反馈会议召开',
      '市委第二巡察组于2023年9月27日至12月29日对市中心医院党委开展巡察。4月8日，巡察组向医院党委反馈了巡察意见，指出了存在的问题，提出了整改意见和建议。医院党委将认真抓好整改落实情况。',
      'http://www.example.gov.cn/news.html',
    );
    expect(feedbackMeeting.isNotice).toBe(false);
    const launch = detect('13个省委巡视组全部进驻被巡视地方和单位', '截至8月25日，13个省委巡视组已全部进驻被巡视地方、单位。');
    expect(launch.isNotice).toBe(false);
    const supervision = detect('市委督查组到某镇开展巡察整改督查', '某镇党委主要负责同志就落实市委巡察组反馈意见整改进展情况进行了汇报。', 'http://www.example.gov.cn/a.html');
    expect(supervision.isNotice).toBe(false);
  });
  it('a sentence passed as the title (a page without a real title) is not read as a title', () => {
    const sentence = '10月17日上午，市委督查组到某镇开展巡察整改督查工作。某镇党委主要负责同志就落实市委巡察组反馈意见整改进展情况进行了汇报。';
    expect(detect(sentence, sentence).reasons.some((x) => x.signal === 'title_notice')).toBe(false);
  });
});

describe('siteOf: the site a page belongs to', () => {
  it('is the lower-case host of an http(s) page, without a trailing dot', () => {
    expect(siteOf('https://WWW.Huadu.gov.cn./a.html')).toBe('www.huadu.gov.cn');
    expect(siteOf('http://127.0.0.1:8080/x')).toBe('127.0.0.1');
  });
  it('is null for pages that are no web site: extension, file and about pages, or no URL', () => {
    for (const url of ['moz-extension://7d3f4c2a-1b5e-4c8d-9a6f-2e0b1c3d4e5f/sidepanel.html', 'chrome-extension://abc/sidepanel.html', 'file:///tmp/n.html', 'about:blank', '']) {
      expect(siteOf(url)).toBeNull();
    }
  });
});
