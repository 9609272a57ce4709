/**
 * The organization that reports: the full name as the notice writes it.
 *
 * Evidence, strongest first: the title (`中共××镇委员会关于…`, `××局党组关于…`, `关于××镇党委巡察整改…`), the
 * signature line, a full name in the header (`对中共中山市人民检察院党组（以下简称“市检察院党组”）开展巡察`),
 * the issuer of the body's own plan (`《中共莆田市中级人民法院党组关于巡察反馈意见的整改方案》`) when it is the
 * body the header names (`市科技局党组` abbreviates `中共遂宁市科学技术局党组`; `我院党组` is a 院 党组), a full
 * `中共…` name containing the header's short name, the CMS 发布机构, the short name itself (`洪梅镇党委`), the
 * committee of a place inspected as a whole (`对郑州市进行了巡视` … `郑州市委`), and the subject that a
 * self-reference (`我院党委`) turns out to be (`学院党委根据…`). `我局党组`, `我镇党委`, `我县`, `我委` are never
 * names themselves. Every scan is bounded: linear in the text.
 */

const PARTY_SUFFIX_WORDS = '委员会|党工委|党委|党组|工委|区委|市委|县委|州委|省委|党总支|党支部';
const PARTY_SUFFIX = `(?:${PARTY_SUFFIX_WORDS})`;
/** `中共麻章镇委员会`, `广州市住房和城乡建设局党组`, `某某集团有限公司党委` — a name ending like a party body. */
const PARTY_NAME = new RegExp(`^(?:中共|中国共产党)?[\\u4e00-\\u9fff（）()]{2,40}?${PARTY_SUFFIX}$`);
/** What precedes 关于 in a title: a party body, or a government body/unit (`××县人民政府`, `××局`). */
const TITLE_ORG = new RegExp(
  `^((?:中共|中国共产党)?[\\u4e00-\\u9fff（）()]{2,40}?(?:${PARTY_SUFFIX_WORDS}|人民政府|办事处|办公室|局|院|公司|集团|大学|学院|学校|委|镇|乡|街道))关于`,
);
/** `关于××镇党委巡察整改进展情况的通报`: the reporting body named right after 关于. */
const TITLE_ORG_AFTER = /^关于((?:中共|中国共产党)?[\u4e00-\u9fff]{2,30}?(?:委员会|党工委|党委|党组|工委))(?:落实|巡视|巡察|关于|对)/;
/** Words that make a short name a self-reference, not a name. */
const SELF = /^(?:我|本)/;

export interface OrganizationEvidence {
  title: string | null;
  /** The signature's organization line (a party body, or a government/unit signatory). */
  signature: string | null;
  /** Header paragraph text (`…对X进行了巡察…向X反馈了巡察意见…`). */
  header: string;
  /** Text searched for the full name of a short name (the body up to the closing block). */
  body: string;
  /** CMS 发布机构 value, if any. */
  publisher: string | null;
}

export function resolveOrganization(e: OrganizationEvidence): string | null {
  const fromTitle = e.title ? titleOrganization(e.title) : null;
  const signature = e.signature;
  if (fromTitle && signature) return preferFull(fromTitle, signature);
  if (fromTitle) return fromTitle;
  if (signature) return signature;
  const named = namesInHeader(e.header);
  if (named.full) return named.full;
  const plan = planTitleName(e.body);
  if (plan && (named.others.some((n) => abbreviates(n, plan)) || named.self.some((n) => sameSuffix(n, plan)))) return plan;
  const short = longest(named.others);
  if (short) {
    const full = fullNameFor(short, e.body);
    if (full) return full;
  }
  const publisher = e.publisher && PARTY_NAME.test(e.publisher) ? e.publisher : null;
  if (publisher && (!short || sameBody(short, publisher))) return publisher;
  return short ?? placeCommittee(e.header, e.body) ?? selfNamed(named.self, e.body) ?? reportingSubject(e.header + '\n' + e.body);
}

/**
 * When nothing names the body, the short name it reports under: the subject that opens a sentence and acts
 * on the rectification (`局党组立即组织召开专题民主生活会`, `镇党委高度重视`). Issue 9: keep the short name only
 * when nothing else names it.
 */
const REPORTING_SUBJECT = new RegExp(
  `(?:^|[。；\n])[（(]?[一二三四五六七八九十\\d]*[）)、.]?[^，。；\n]{0,12}?(?:后|来|以来|中)?，?((?:[\u4e00-\u9fff]{0,6}?)(?:局|院|镇|街道|委|办|中心|公司|集团)?${PARTY_SUFFIX})(?:立即|高度重视|坚持|始终|把|切实|认真|迅速|第一时间|召开|成立|制定)`,
);
function reportingSubject(text: string): string | null {
  const m = REPORTING_SUBJECT.exec(text.slice(0, ORG_BODY_CHARS));
  return m && !SELF.test(m[1]) && !/巡[视察]/.test(m[1]) ? m[1] : null;
}

function titleOrganization(title: string): string | null {
  const before = TITLE_ORG.exec(title)?.[1];
  if (before && !/巡[视察]组|届/.test(before)) return before;
  const after = TITLE_ORG_AFTER.exec(title)?.[1];
  return after && !/巡[视察]|对|届/.test(after) ? after : null;
}

/** Title `麻章镇党委关于…` and signature `中共麻章镇委员会`: the full name, when both name the same body. */
function preferFull(fromTitle: string, signature: string): string {
  if (/^中共|^中国共产党/.test(fromTitle) || !/^中共|^中国共产党/.test(signature)) return fromTitle;
  return sameBody(fromTitle, signature) ? signature : fromTitle;
}

/** The distinctive part of a name: without 中共 and without its party suffix (`麻章镇党委` → `麻章镇`). */
function core(name: string): string {
  return name.replace(/^(?:中共|中国共产党)/, '').replace(SUFFIX_AT_END, '');
}
const SUFFIX_AT_END = new RegExp(`${PARTY_SUFFIX}$`);

function sameBody(short: string, full: string): boolean {
  const c = core(short);
  return c.length >= 2 && full.includes(c);
}

/** After a name: what the header does with it (`…进行了巡察`, `…及7个村`, `…反馈`). */
const AFTER_NAME = '(?:及|和|进行|开展|实施|反馈|的|，|（)';

interface HeaderNames {
  /** A full name as written: `中共…党组`, or any name defined by a closing `（以下简称…）`. */
  full: string | null;
  /** Party bodies named in `向X反馈` / `对X进行…` (not self-references), in order. */
  others: string[];
  /** Self-references: `我院党组`, `我局党组`, `我镇党委`. */
  self: string[];
}

/**
 * Names in the header. `对中共中山市人民检察院党组（以下简称“市检察院党组”）开展巡察` and `对区科学技术协会（以下简称
 * 区科协）开展了巡察` give full names; an abbreviation inside a name (`…管理局（简称明珠湾管理局）党组`) does not,
 * the name used in `向明珠湾管理局党组反馈` is then the one written whole.
 */
function namesInHeader(header: string): HeaderNames {
  const defined = /对([\u4e00-\u9fff]{2,40}?)（(?:以下)?简称[^）]{1,24}）(?=及|和|进行|开展|实施|，|的)/.exec(header);
  const full = new RegExp(`(?:对|向)((?:中共|中国共产党)[\\u4e00-\\u9fff]{2,40}?${PARTY_SUFFIX})${AFTER_NAME}`).exec(header);
  const others: string[] = [];
  const self: string[] = [];
  const patterns = [
    new RegExp(`向([\\u4e00-\\u9fff]{2,24}?${PARTY_SUFFIX})(?:和[^，。]{0,30})?(?:主要负责同志|领导班子)?[^，。]{0,6}?反馈`, 'g'),
    new RegExp(`对([\\u4e00-\\u9fff]{2,24}?${PARTY_SUFFIX})(?:及|和|进行|开展|实施)`, 'g'),
  ];
  for (const re of patterns) {
    for (const m of header.matchAll(re)) {
      const list = SELF.test(m[1]) ? self : others;
      if (!list.includes(m[1])) list.push(m[1]);
    }
  }
  return { full: full?.[1] ?? defined?.[1] ?? null, others, self };
}

function longest(names: string[]): string | null {
  return names.reduce<string | null>((best, n) => (best === null || n.length > best.length ? n : best), null);
}

/**
 * `市科技局党组` abbreviates `中共遂宁市科学技术局党组`: the same party suffix, and the short name's other
 * characters appear in the full name in order (科技局 in 科学技术局, 市住建局 in 市住房和城乡建设局).
 */
function abbreviates(short: string, full: string): boolean {
  const suffix = SUFFIX_AT_END.exec(short)?.[0];
  if (!suffix || !full.endsWith(suffix)) return false;
  const c = core(short);
  let j = 0;
  for (let i = 0; i < full.length && j < c.length; i++) if (full[i] === c[j]) j++;
  return c.length >= 2 && j === c.length;
}

/** `我院党组` and `中共莆田市中级人民法院党组`: the same kind of body (院 … 党组). */
function sameSuffix(self: string, full: string): boolean {
  const m = /^[我本]([\u4e00-\u9fff])(.*)$/.exec(self);
  if (!m) return false;
  const suffix = m[2] || '';
  return full.endsWith(suffix) && full.slice(0, full.length - suffix.length).includes(m[1]);
}

/**
 * The issuer of a plan quoted in the body: `《中共莆田市中级人民法院党组关于巡察反馈意见的整改方案》`,
 * `《中共遂宁市科学技术局党组巡察反馈问题整改工作方案》` — the reporting body's own plan names it in full.
 */
function planTitleName(body: string): string | null {
  const m = /《((?:中共|中国共产党)[\u4e00-\u9fff]{2,40}?(?:工作委员会|委员会|党组|党委|党工委))(?:关于)?[^》]{0,60}?(?:巡[视察]|整改|反馈)/.exec(body);
  return m ? m[1] : null;
}

/** `对郑州市进行了巡视` and `郑州市委高度重视…` in the body: the place's committee. */
function placeCommittee(header: string, body: string): string | null {
  const place = /对([\u4e00-\u9fff]{2,12}?(?:省|市|区|县|州|旗|镇|乡|街道))(?:进行|开展)/.exec(header)?.[1];
  if (!place) return null;
  const m = new RegExp(`${place}(?:委员会|党工委|党委|委)`).exec(body.slice(0, ORG_BODY_CHARS));
  return m ? m[0] : null;
}

/** `对我院党委开展…` and, at the start of a later sentence, `学院党委根据…`: that name. */
function selfNamed(self: string[], body: string): string | null {
  for (const ref of self) {
    const m = /^[我本]([\u4e00-\u9fff])(.*)$/.exec(ref);
    if (!m || !m[2]) continue;
    const re = new RegExp(`(?:^|[。；\\n])([\\u4e00-\\u9fff]{1,10}?${m[1]}${m[2]})`, 'g');
    for (const found of body.slice(0, ORG_BODY_CHARS).matchAll(re)) if (!SELF.test(found[1])) return found[1];
  }
  return null;
}

/** How far into the body the place committee and self-named subject are looked for. */
const ORG_BODY_CHARS = 5_000;

const MAX_FULL_NAME_SEARCHES = 50;
const SUFFIX_AFTER_CORE = /^[\u4e00-\u9fff]{0,10}?(?:工作委员会|委员会|党组|党委)/;

/**
 * A full `中共…` name containing the short name's core, written somewhere in `body`
 * (`龙穴街道党工委` → `中共广州市南沙区龙穴街道工作委员会`). Looks only at the first occurrences of the core.
 */
function fullNameFor(short: string, body: string): string | null {
  const c = core(short);
  if (c.length < 2) return null;
  let searches = 0;
  for (let at = body.indexOf(c); at >= 0 && searches < MAX_FULL_NAME_SEARCHES; at = body.indexOf(c, at + c.length), searches++) {
    const before = body.slice(Math.max(0, at - 24), at);
    const open = before.lastIndexOf('中共');
    if (open < 0 || !/^[\u4e00-\u9fff]*$/.test(before.slice(open))) continue;
    const tail = SUFFIX_AFTER_CORE.exec(body.slice(at + c.length, at + c.length + 16));
    if (!tail) continue;
    return before.slice(open) + c + tail[0];
  }
  return null;
}
