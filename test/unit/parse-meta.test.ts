import { describe, expect, it } from 'vitest';
import { parseNormalized, parseNotice } from '@/lib/parse/index';

const HEADER = '根据区委统一部署，2023年9月至12月，区委第三巡察组对某镇党委进行了巡察。2024年3月14日，区委第三巡察组向某镇党委反馈了巡察意见。现将整改情况予以公布。';
const BODY = `${HEADER}\n一、整改情况\n正文。`;
const meta = (text: string, opts: Parameters<typeof parseNotice>[1] = {}) => parseNotice(text, opts).notice.meta;

describe('notice meta', () => {
  it('takes the publish date from chromeText when the caller passes page chrome separately', () => {
    const n = parseNormalized(BODY, { chromeText: '来源：南粤清风网 日期:2021-11-23 10:00:00' });
    expect(n.meta.publishDate).toBe('2021-11-23');
    expect(n.meta.feedbackDate).toBe('2024-03-14');
    expect(n.meta.inspectionPeriod).toEqual({ start: '2023-09', end: '2023-12' });
    expect(n.meta.inspectionBody).toBe('区委第三巡察组');
  });
  it('the signature date (the notice’s own) wins over the page’s date; the page date is the fallback', () => {
    const body = `${BODY}\n中共某镇委员会\n2024年9月25日`;
    expect(parseNormalized(body).meta.publishDate).toBe('2024-09-25');
    expect(parseNormalized(`发布日期：2024-09-30\n${body}`).meta.publishDate).toBe('2024-09-25');
    expect(parseNormalized(`发布日期：2024-09-30\n${BODY}`).meta.publishDate).toBe('2024-09-30');
    expect(parseNormalized(body).meta.organization).toBe('中共某镇委员会');
  });
  it('reads a signature dated in Chinese numerals', () => {
    expect(meta(`${BODY}\n中共某镇委员会\n二〇二四年九月二十五日`).publishDate).toBe('2024-09-25');
  });
  it('a joint signature (party committee, then government) gives the party committee and the date', () => {
    const m = meta(`${BODY}\n欢迎广大干部群众监督。\n中共某某镇委员会\n某某镇人民政府\n2024年9月25日`);
    expect(m.organization).toBe('中共某某镇委员会');
    expect(m.publishDate).toBe('2024-09-25');
    expect(meta(`${BODY}\n某某县水务局\n2024年9月25日`).publishDate).toBe('2024-09-25');
  });
  it('a date alone after a table row is not a signature', () => {
    expect(meta(`${BODY}\n序号\n问题\n完成时限\n1\n台账不全\n2024年12月31日`).publishDate).toBeNull();
  });
  it('joins a title split over two lines and reads the organization from it', () => {
    const { notice } = parseNotice(`中共某镇委员会关于巡察整改情况\n\n的通报\n\n${BODY}`);
    expect(notice.meta.title).toBe('中共某镇委员会关于巡察整改情况的通报');
    expect(notice.meta.organization).toBe('中共某镇委员会');
  });
  it('joins an issuer line above a `关于…` title line', () => {
    const m = meta(`中共某某县某某镇委员会\n关于县委第二巡察组反馈意见整改进展情况的通报\n${BODY}`);
    expect(m.title).toBe('中共某某县某某镇委员会关于县委第二巡察组反馈意见整改进展情况的通报');
    expect(m.organization).toBe('中共某某县某某镇委员会');
  });
  it('returns null for everything it cannot find', () => {
    const n = parseNormalized('一段没有任何元信息的文字。');
    expect(n.meta).toEqual({
      title: null,
      organization: null,
      inspectionBody: null,
      inspectionPeriod: null,
      feedbackDate: null,
      publishDate: null,
      disclosurePeriod: null,
      contacts: { phones: [], emails: [], addresses: [], postcodes: [] },
    });
  });
});

describe('CMS metadata blocks are chrome, and evidence', () => {
  it('a gkmlpt-style block, one field per line with the value on the next line, is never the title', () => {
    const text = [
      '索引号', '11440115MB2C92096R/2024-00123', '主题分类', '其他', '发布机构', '中共广州市南沙区某某街道工作委员会',
      '成文日期', '2024-07-26', '发布日期', '2024-07-29', '名称', '关于巡察整改进展情况的通报',
      '关于巡察整改进展情况的通报', BODY,
    ].join('\n');
    const m = meta(text);
    expect(m.title).toBe('关于巡察整改进展情况的通报');
    expect(m.publishDate).toBe('2024-07-26'); // 成文日期 (the document's date) before 发布日期
  });
  it('a bulleted block with values on the following lines (婺城区 form); the bulleted title line is the title', () => {
    const text = [
      '• 信息索引号:', '113307020501239658/2023-46395', '• 文件名称:', '中共某某市某某区文化和旅游体育局党组关于巡察整改情况的通报',
      '• 发布机构:', '某某区文旅体局', '• 成文日期:', '2023-05-04', '• 公开方式:', '主动公开',
      '• 中共某某市某某区文化和旅游体育局党组关于巡察整改情况的通报', '日期:2023-05-04 08:46:31 来源:区文旅体局 浏览量:', '分享:', '朗读', BODY,
    ].join('\n');
    const m = meta(text);
    expect(m.title).toBe('中共某某市某某区文化和旅游体育局党组关于巡察整改情况的通报');
    expect(m.organization).toBe('中共某某市某某区文化和旅游体育局党组');
    expect(m.publishDate).toBe('2023-05-04');
    expect(m.feedbackDate).toBe('2024-03-14'); // the header after the 朗读 widget is the body, not a field value
    expect(m.inspectionBody).toBe('区委第三巡察组');
  });
  it('a table-like block on one line: dates and 发布机构 are read, labels never become the title', () => {
    const text = `索引号：001/2024-1 主题分类：巡视巡察 发布机构：中共某某县委 成文日期：2024年07月26日 文号：无\n${BODY}`;
    const m = meta(text);
    expect(m.title).toBeNull();
    expect(m.publishDate).toBe('2024-07-26');
  });
  it('信息来源 / 浏览次数 / 字号 / 打印 / 关闭 lines around the title (古镇镇, 明珠湾 forms)', () => {
    const text = [
      '您现在的位置：首页 > 工作机构 > 工作动态',
      '中共某某镇委员会关于十五届市委第六轮巡察整改进展情况的通报',
      '信息来源：某某镇人民政府 发布日期：2025-09-12 浏览次数：1234',
      '【字号：大 中 小】【打印】【关闭】',
      '-',
      BODY,
    ].join('\n');
    const m = meta(text);
    expect(m.title).toBe('中共某某镇委员会关于十五届市委第六轮巡察整改进展情况的通报');
    expect(m.publishDate).toBe('2025-09-12');
  });
  it('a leading date stamp with 编辑/来源 (巧家新闻网, 住建局 re-post forms) is the page date', () => {
    expect(meta(`中共某镇委员会关于巡察整改进展情况的通报\n2023-03-17 09:13编辑：陆某某\n${BODY}`).publishDate).toBe('2023-03-17');
    expect(meta(`2021-02-23 12:42:06来源：广州市某某局\n${BODY}`).publishDate).toBe('2021-02-23');
    expect(meta(`来源：明珠湾管理局发布日期：2022-12-08\n【浏览字号 :大 中 小】\n-\n${BODY}`).publishDate).toBe('2022-12-08');
    expect(meta(`某学院决策制度落实情况的通报\n作者：学院 日期：2024年05月20日\n${BODY}`).publishDate).toBe('2024-05-20');
  });
  it('page stamps seen in corpus C: 编辑…日期 glued, 来源时间为, 发表时间, 更新时间, a date after the title', () => {
    expect(meta(`中共某某区委关于巡视整改进展情况的通报\n编辑:陶某2021-11-23 10:50内容来源:某某新闻\n新闻提要\n${BODY}`).publishDate).toBe('2021-11-23');
    expect(meta(`来源时间为:2023-03-25\n${BODY}`).publishDate).toBe('2023-03-25');
    expect(meta(`编辑:某某 发表时间:2021-11-05 10:56 来源:某某风纪网\n${BODY}`).publishDate).toBe('2021-11-05');
    expect(meta(`更新时间:2025-04-10浏览次数:来源:区司法局作者:区司法局 字体[ 大 中 小 ]\n${BODY}`).publishDate).toBe('2025-04-10');
    const stamped = meta(`返回上一级\n字号\n打印\n中共某某区民政局党组关于巡察集中整改进展情况的通报 2026-02-13\n${BODY}`);
    expect(stamped.title).toBe('中共某某区民政局党组关于巡察集中整改进展情况的通报');
    expect(stamped.publishDate).toBe('2026-02-13');
  });
  it('a banner line (site, department, column, title) gives only the title; a 【栏目】 tag is dropped', () => {
    const banner = meta(`页面:\n字体:\n某某市人民政府门户网站 某某市交通运输局 政务公告 中共某某市交通运输局党组关于巡察整改情况的通报\n当前位置:首页 > 政务公开 > 政务公告\n中共某某市交通运输局党组关于巡察整改情况的通报\n来源:本网 时间:2023-02-09 18:18:56 浏览:-\n${BODY}`);
    expect(banner.title).toBe('中共某某市交通运输局党组关于巡察整改情况的通报');
    expect(banner.organization).toBe('中共某某市交通运输局党组');
    expect(banner.publishDate).toBe('2023-02-09');
    const tagged = meta(`【巡察整改】中共某某市市场监督管理局党组关于优化营商环境专项巡察“回头看”整改进展情况\n${BODY}`);
    expect(tagged.title).toBe('中共某某市市场监督管理局党组关于优化营商环境专项巡察“回头看”整改进展情况');
    expect(tagged.organization).toBe('中共某某市市场监督管理局党组');
  });
  it('header fields like 巡察时间：/反馈时间： are not page dates', () => {
    const m = meta(`关于巡察整改情况的通报\n巡察时间：2023年9月至12月，反馈时间：2024年3月14日\n${BODY}`);
    expect(m.publishDate).toBeNull();
  });
  it('a title printed on its metadata line is taken from before the first field', () => {
    expect(meta(`中共某镇委员会关于巡察整改进展情况的通报 发布时间：2024-07-26 来源：某镇\n${BODY}`).title).toBe(
      '中共某镇委员会关于巡察整改进展情况的通报',
    );
  });
  it('发布机构 names the organization when the text itself only says 我镇党委', () => {
    const header = '根据区委统一部署，2023年9月至12月，区委第三巡察组对我镇党委进行了巡察。2024年3月14日，区委第三巡察组向我镇党委反馈了巡察意见。现将整改情况予以公布。';
    expect(meta(`发布机构：中共某某镇委员会\n${header}\n一、整改情况\n正文。`).organization).toBe('中共某某镇委员会');
    expect(meta(`${header}\n一、整改情况\n正文。`).organization).toBeNull(); // 我镇党委 is not a name
  });
});

describe('titles', () => {
  it('drops a trailing date in brackets or after a space', () => {
    expect(meta(`关于巡察整改进展情况的通报（2024-07-26）\n${BODY}`).title).toBe('关于巡察整改进展情况的通报');
    expect(meta(`关于巡察整改进展情况的通报 2024-07-26\n${BODY}`).title).toBe('关于巡察整改进展情况的通报');
    expect(meta(`关于巡察整改进展情况的通报[2024年7月26日]\n${BODY}`).title).toBe('关于巡察整改进展情况的通报');
  });
  it('takes a title only found in <title>/<h1>, without the site name', () => {
    expect(meta(BODY, { pageTitle: '中共某镇委员会关于巡察整改进展情况的通报_某某市人民政府' }).title).toBe('中共某镇委员会关于巡察整改进展情况的通报');
    expect(meta(BODY, { pageTitle: '关于巡察整改进展情况的通报-某某区纪委监委' }).title).toBe('关于巡察整改进展情况的通报');
    expect(meta(BODY, { pageTitle: '某某清风网 | 关于巡察整改进展情况的通报（2024-07-26）' }).title).toBe('关于巡察整改进展情况的通报');
    expect(meta(BODY, { pageTitle: '某某市人民政府门户网站' }).title).toBeNull();
  });
  it('a title line in the text wins over the page title', () => {
    expect(meta(`关于巡察整改情况的通报\n${BODY}`, { pageTitle: '别的标题的通报_某网' }).title).toBe('关于巡察整改情况的通报');
  });
});

describe('organization', () => {
  it('我局党组 / 我县 resolve through the title', () => {
    const text = `某某县水务局党组关于巡察整改进展情况的通报\n根据县委统一部署，2024年4月1日至6月28日，县委第五巡察组对我局党组开展巡察。2024年7月31日，县委第五巡察组向我局党组反馈了巡察意见。现将整改情况予以公布。\n一、整改情况\n正文。`;
    expect(meta(text).organization).toBe('某某县水务局党组');
  });
  it('a full name with （以下简称…） in the header (市检察院 form)', () => {
    const text = '根据市委统一部署，2024年4月1日至6月28日，市委第五巡察组对中共某某市人民检察院党组（以下简称“市检察院党组”）开展巡察。2024年7月31日，巡察组向市检察院党组反馈巡察意见。现将巡察整改进展情况予以公布。\n一、整改情况\n正文。';
    expect(meta(text).organization).toBe('中共某某市人民检察院党组');
  });
  it('a short name resolves to a full 中共 name written later in the body (街道党工委 form)', () => {
    const text = '根据区委巡察工作部署，2024年4月3日至6月17日，区委第三巡察组对龙穴街道党工委开展了巡察。7月30日，区委第三巡察组向龙穴街道党工委反馈了巡察意见。现将巡察整改情况予以公布。\n一、加强组织领导\n制定了《中共广州市南沙区龙穴街道工作委员会关于四届区委第七轮巡察反馈意见的整改落实方案》。';
    const m = meta(text);
    expect(m.organization).toBe('中共广州市南沙区龙穴街道工作委员会');
    expect(m.feedbackDate).toBe('2024-07-30'); // year-less: 2024 from the inspection period
  });
  it('a plan quoted in the body names the body in full (莆田中院, 遂宁科技局 forms)', () => {
    const self = meta('根据市委巡察工作的统一部署，2020年6月1日至8月31日，七届市委第十二轮巡察一组对我院党组开展了巡察，并于2020年10月14日反馈了巡察意见。现将巡察整改进展情况予以公布。\n一、提高政治站位\n市法院党组制定了《中共某某市中级人民法院党组关于巡察反馈意见的整改方案》。');
    expect(self.organization).toBe('中共某某市中级人民法院党组');
    const abbreviated = meta('2020年5月12日至7月31日，市委第四巡察组对市科技局党组开展了巡察，9月10日，市委第四巡察组向市科技局党组反馈了巡察意见。现将巡察整改情况予以公布。\n一、加强组织领导\n制定了《中共某某市科学技术局党组巡察反馈问题整改工作方案》。');
    expect(abbreviated.organization).toBe('中共某某市科学技术局党组');
    const unrelated = meta(`${HEADER}\n一、整改情况\n学习了《中共中央关于加强巡视工作的意见》。`);
    expect(unrelated.organization).toBe('某镇党委');
  });
  it('names defined with （以下简称…）, a place inspected as a whole, and a self-reference named later', () => {
    expect(meta('2024年2月20日至3月26日，区委巡察二组对区科学技术协会（以下简称区科协）开展了巡察，并于2025年1月21日反馈了巡察意见。\n一、整改').organization).toBe('区科学技术协会');
    const midName = meta('2022年3月15日至5月20日，区委营商环境专项巡察组对中共某某新区明珠湾开发建设管理局（简称明珠湾管理局）党组开展专项巡察，并于7月5日召开巡察反馈会向明珠湾管理局党组反馈了巡察意见。\n一、整改');
    expect(midName.organization).toBe('明珠湾管理局党组'); // the full name is not written whole
    expect(meta('2024年7月29日至9月30日，省委第一巡视组对郑州市进行了巡视。2024年12月28日，省委巡视组向郑州市反馈了巡视意见。\n一、组织落实整改情况\n郑州市委高度重视省委巡视整改工作。').organization).toBe('郑州市委');
    expect(meta('2024年10月28日至11月10日，校党委巡察办专项巡察组对我院党委开展专项巡察。2025年1月10日，专项巡察组对我院进行巡察反馈。学院党委根据巡察反馈意见认真抓好整改落实。').organization).toBe('学院党委');
  });
  it('keeps the short name when nothing else names it (洪梅镇 form)', () => {
    expect(meta(BODY).organization).toBe('某镇党委');
  });
  it('reads the body named after 关于 (`关于××镇党委巡察整改…`), never an inspection team', () => {
    expect(meta(`关于某某镇党委巡察整改进展情况的通报\n${BODY}`).organization).toBe('某某镇党委');
    expect(meta(`关于区委第三巡察组对某镇党委巡察反馈意见整改情况的通报\n${BODY}`).organization).toBe('某镇党委');
    expect(meta(`关于十二届省委第四轮巡视整改进展情况的通报\n${BODY}`).organization).toBe('某镇党委');
  });
  it('a title abbreviation gives way to the signature’s full name of the same body', () => {
    expect(meta(`某某镇党委关于巡察整改情况的通报\n${BODY}\n中共某某县某某镇委员会\n2024年9月25日`).organization).toBe('中共某某县某某镇委员会');
  });
});

describe('inspection body', () => {
  const body = (header: string) => meta(`${header}\n一、整改情况\n正文。`).inspectionBody;
  it('keeps several teams as written (花山镇 form), dropping a bare repeat', () => {
    expect(body('根据区委统一部署，2024年3月29日至6月21日，区委专项巡察组对花山镇开展专项巡察。2024年9月，区委第四巡察组、区委专项巡察组向花山镇党委反馈了巡察意见。')).toBe('区委第四巡察组、区委专项巡察组');
    expect(body('2024年9月27日至12月20日，市委第六轮巡察组对古镇镇开展巡察。2025年1月14日，市委巡察组向古镇镇党委反馈了巡察意见。')).toBe('市委第六轮巡察组');
  });
  it('reads provincial and municipal rounds and differently numbered teams', () => {
    expect(body('根据省委统一部署，十二届省委第四轮巡视对某市进行了巡视。2024年1月，省委巡视组反馈了巡视意见。')).toBe('十二届省委第四轮巡视');
    expect(body('2023年7月3日至8月18日，县委巡察二组对郊尾镇党委开展了巡察，并于2024年1月16日反馈了巡察意见。')).toBe('县委巡察二组');
    expect(body('2022年3月15日至5月20日，区委营商环境专项巡察组对某局党组开展专项巡察，并于7月5日召开巡察反馈会。')).toBe('区委营商环境专项巡察组');
    expect(body('2024年3月7日至5月7日，市委第一提级巡察组对区司法局党组开展了提级巡察，2024年9月6日就巡察情况向我单位进行了反馈。')).toBe('市委第一提级巡察组');
    expect(body('2020年12月16日至2021年2月3日，市委深化“最多跑一次”改革、优化营商环境专项巡察组对市市场监督管理局进行了专项巡察。')).toBe('市委深化“最多跑一次”改革、优化营商环境专项巡察组');
    expect(body('2024年10月28日至11月10日，校党委巡察办专项巡察组对我院党委开展专项巡察。2025年1月10日，专项巡察组对我院进行巡察反馈。')).toBe('校党委巡察办专项巡察组');
    expect(body('2021年11月8日至12月20日，区委组建4个巡察组开展常规巡察。\n2022年1月27日，区委4个巡察组向40家被巡察单位党组织全面反馈巡察情况。')).toBe('区委4个巡察组');
    expect(body('2020年10月13日至12月13日，省委第三巡视组对某市进行了巡视。2021年1月26日，省委巡视组向某市委反馈了巡视意见。')).toBe('省委第三巡视组');
  });
});

describe('dates at the precision written', () => {
  const m = (header: string) => meta(`${header}\n一、整改情况\n正文。`);
  it('feedback by month stays a month; the year still serves year-less dates', () => {
    const r = parseNotice(`根据区委统一部署，2024年3月29日至6月21日，区委专项巡察组对某镇开展巡察。2024年9月，区委第四巡察组向某镇党委反馈了巡察意见。\n一、整改情况\n1.关于问题\n计划10月15日前完成。`);
    expect(r.notice.meta.feedbackDate).toBe('2024-09');
    expect(r.notice.meta.inspectionPeriod).toEqual({ start: '2024-03-29', end: '2024-06-21' });
    const done = parseNotice(`${'根据区委统一部署，2024年3月29日至6月21日，区委专项巡察组对某镇开展巡察。2024年9月，区委第四巡察组向某镇党委反馈了巡察意见。'}\n一、整改情况\n1.关于台账不全的问题\n已于11月3日完成整改。`);
    expect(done.notice.spans.find((s) => s.text === '11月3日')).toMatchObject({ date: '2024-11-03', note: expect.stringContaining('年份取自反馈日期 2024年') });
  });
  it('a month-precision inspection period still gives year-less dates their year', () => {
    const r = parseNotice('2023年9月至12月，区委第三巡察组对某镇党委进行了巡察。\n一、整改情况\n1.关于台账不全的问题\n已于3月3日完成整改。');
    expect(r.notice.meta.inspectionPeriod).toEqual({ start: '2023-09', end: '2023-12' });
    expect(r.notice.spans.find((s) => s.text === '3月3日')).toMatchObject({ date: '2023-03-03', note: expect.stringContaining('巡察时间 2023年') });
  });
  it('reads the feedback verbs notices use', () => {
    const verbs = ['反馈了巡察意见', '进行了反馈', '反馈巡察意见', '召开巡察反馈会', '反馈了巡视意见', '集中反馈', '进行巡察反馈', '反馈巡察情况'];
    for (const verb of verbs) expect(m(`2023年4月至5月，市委第六巡察组对某镇党委进行了巡察。2023年7月26日，市委巡察组${verb}。`).feedbackDate).toBe('2023-07-26');
  });
  it('inspection periods keep mixed precision and a feedback written only as a year is a year', () => {
    expect(m('2023年9月至12月15日，区委第三巡察组对某镇党委进行了巡察。').inspectionPeriod).toEqual({ start: '2023-09', end: '2023-12-15' });
    expect(m('2023年9月，区委第三巡察组对某镇党委进行了巡察。2024年，巡察组反馈了巡察意见。').feedbackDate).toBe('2024');
    expect(m('2023年9月，区委第三巡察组对某镇党委进行了巡察。').inspectionPeriod).toEqual({ start: '2023-09', end: '2023-09' });
  });
  it('the feedback month is not an inspection period', () => {
    const r = m('根据区委统一部署，区委专项巡察组对某镇开展专项巡察。2024年9月，区委第四巡察组、区委专项巡察组向某镇党委反馈了巡察意见。');
    expect(r.inspectionPeriod).toBeNull();
    expect(r.feedbackDate).toBe('2024-09');
    expect(m('2023年7月3日至8月18日，县委巡察二组对某镇党委开展了巡察，并于2024年1月16日反馈了巡察意见。').inspectionPeriod).toEqual({ start: '2023-07-03', end: '2023-08-18' });
  });
  it('a date before 整改 meetings is not the feedback date', () => {
    expect(m('2023年9月至12月，区委第三巡察组对某镇党委进行了巡察。2024年1月19日召开党委会议研究整改。').feedbackDate).toBeNull();
  });
});

describe('organization named only by the subject of its report', () => {
  const text = [
    '根据区委巡察工作统一部署，按照党务公开原则和巡察工作有关要求，现将巡察整改进展情况予以公布。',
    '一、健全组织领导，抓紧抓实问题整改',
    '（一）强化组织核心，有序统筹部署。巡察意见反馈会后，局党组立即组织召开专题民主生活会。',
  ].join('\n');
  it('keeps the short name when nothing else names the body', () => {
    expect(parseNotice(text).notice.meta.organization).toBe('局党组');
  });
  it('never takes a self-reference or an inspection team for it', () => {
    expect(parseNotice(text.replace('局党组立即', '我局党组立即')).notice.meta.organization).toBeNull();
    expect(parseNotice(text.replace('局党组立即', '巡察组党组立即')).notice.meta.organization).toBeNull();
  });
});
