import { describe, expect, it } from 'vitest';
import { findEmails, readContacts } from '@/lib/parse/contacts';
import { parseNormalized } from '@/lib/parse/index';

const emails = (t: string) => findEmails(t).map((m) => t.slice(m.start, m.end));

/** Milliseconds per call, repeating `fn` until at least `minMs` have passed (small inputs stay measurable). */
function msPerCall(fn: () => void, minMs = 40): number {
  let calls = 0;
  const t0 = performance.now();
  do {
    fn();
    calls++;
  } while (performance.now() - t0 < minMs);
  return (performance.now() - t0) / calls;
}

/** Best of three, so one GC pause does not decide the ratio. */
const best = (fn: () => void) => Math.min(msPerCall(fn), msPerCall(fn), msPerCall(fn));

describe('findEmails', () => {
  it('reads the seed closing lines (花都区, 麻章镇)', () => {
    expect(emails('联系方式:电话020-36898776;邮政编码510800;电子邮箱:jinbj@huadu.gov.cn。')).toEqual(['jinbj@huadu.gov.cn']);
    expect(emails('电子邮箱：mazhang2009@163.com。')).toEqual(['mazhang2009@163.com']);
  });
  it('needs a local part, a dot and a two-letter top-level label', () => {
    expect(emails('@163.com a@b.c x@.com y@localhost')).toEqual([]);
    expect(emails('a_b%c+d-e.f@sub-1.example.org.cn，')).toEqual(['a_b%c+d-e.f@sub-1.example.org.cn']);
    expect(emails('ab@cd.ef-9')).toEqual(['ab@cd.ef']);
    expect(emails('ab@cd.efg9x')).toEqual(['ab@cd.efg']);
  });
  it('does not reuse the end of one address as the start of the next', () => {
    expect(emails('a@b.cc@d.ee')).toEqual(['a@b.cc']);
    expect(emails('a@b.cc,d@e.ff')).toEqual(['a@b.cc', 'd@e.ff']);
  });
});

describe('readContacts', () => {
  it('keeps phones, postcodes and addresses apart from emails', () => {
    const c = readContacts(['联系人：陈小碧，联系电话：0759-2711238，邮政地址：湛江市麻章区麻章镇人民政府办公楼203室，电子邮箱：mazhang2009@163.com。', '邮政编码：510800']);
    expect(c).toEqual({
      phones: ['0759-2711238'],
      emails: ['mazhang2009@163.com'],
      addresses: ['湛江市麻章区麻章镇人民政府办公楼203室'],
      postcodes: ['510800'],
    });
  });
  it('digits inside an email are not read as a phone', () => {
    expect(readContacts(['邮箱：12345678@qq.com']).phones).toEqual([]);
  });
});

describe('contact scan stays linear (issue 10: 100 KB took ~30 s)', () => {
  const closing = (n: number, unit: string) => `欢迎广大干部群众监督。\n联系方式：${unit.repeat(Math.ceil(n / unit.length)).slice(0, n)}`;
  const patterns: Record<string, string> = {
    letters: 'a',
    digits: '7',
    'letters with dots': 'ab.',
    'at signs without domains': 'ab@cd',
    'address keywords': '地址',
  };
  for (const [name, unit] of Object.entries(patterns)) {
    it(`${name}: 40 KB costs about 8× 5 KB, not 64×`, () => {
      const small = closing(5_000, unit);
      const large = closing(40_000, unit);
      const smallLines = small.split('\n');
      const largeLines = large.split('\n');
      // linear: 8; quadratic: 64. A loaded machine can spoil one measurement, so up to three tries.
      let ratio = Infinity;
      for (let attempt = 0; attempt < 3 && ratio >= 30; attempt++) {
        ratio = Math.min(ratio, best(() => readContacts(largeLines)) / best(() => readContacts(smallLines)));
      }
      expect(ratio).toBeLessThan(30);
    }, 120_000);
  }
  it('a whole notice whose closing block is a 100 KB run of letters parses', () => {
    const text = `根据区委统一部署，区委第三巡察组对某镇党委进行了巡察。2024年3月14日，反馈了巡察意见。\n一、整改情况\n${closing(100_000, 'x')}`;
    const n = parseNormalized(text);
    expect(n.meta.contacts.emails).toEqual([]);
  }, 120_000);
});
