import { describe, expect, it } from 'vitest';
import { parseNormalized, parseNotice } from '@/lib/parse/index';

const HEADER = '根据区委统一部署，2023年9月至12月，区委第三巡察组对某镇党委进行了巡察。2024年3月14日，区委第三巡察组向某镇党委反馈了巡察意见。现将整改情况予以公布。';

describe('notice meta', () => {
  it('takes the publish date from chromeText when the caller passes page chrome separately', () => {
    const n = parseNormalized(`${HEADER}\n一、整改情况\n正文。`, { chromeText: '来源：南粤清风网 日期:2021-11-23 10:00:00' });
    expect(n.meta.publishDate).toBe('2021-11-23');
    expect(n.meta.feedbackDate).toBe('2024-03-14');
    expect(n.meta.inspectionPeriod).toEqual({ start: '2023-09-01', end: '2023-12-31' });
    expect(n.meta.inspectionBody).toBe('区委第三巡察组');
  });
  it('prefers the chrome date over the signature date, and falls back to the signature', () => {
    const body = `${HEADER}\n一、整改情况\n正文。\n中共某镇委员会\n2024年9月25日`;
    expect(parseNormalized(body).meta.publishDate).toBe('2024-09-25');
    expect(parseNormalized(`发布日期：2024-09-30\n${body}`).meta.publishDate).toBe('2024-09-30');
    expect(parseNormalized(body).meta.organization).toBe('中共某镇委员会');
  });
  it('joins a title split over two lines and reads the organization from it', () => {
    const { notice } = parseNotice(`中共某镇委员会关于巡察整改情况\n\n的通报\n\n${HEADER}\n一、整改情况\n正文。`);
    expect(notice.meta.title).toBe('中共某镇委员会关于巡察整改情况的通报');
    expect(notice.meta.organization).toBe('中共某镇委员会');
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
