/**
 * The organization that reports: the full name as the notice writes it.
 *
 * Evidence, strongest first: the title (`中共××镇委员会关于…`, `××局党组关于…`), the signature line,
 * a full name in the header (`对中共中山市人民检察院党组（以下简称“市检察院党组”）开展巡察`), a short
 * name in the header (`向麻章镇党委反馈`) resolved to a full `中共…` name written elsewhere in the text
 * (`《中共广州市南沙区龙穴街道工作委员会关于…整改落实方案》`) or in the CMS 发布机构 field, and finally
 * the short name itself. Self-references (`我局党组`, `我镇党委`, `我县`, `我委`) are not names: they
 * only ever resolve through the title or signature. Every scan is bounded: linear in the text.
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
  const fullInHeader = fullNameInHeader(e.header);
  if (fullInHeader) return fullInHeader;
  const short = shortNameInHeader(e.header);
  const publisher = e.publisher && PARTY_NAME.test(e.publisher) ? e.publisher : null;
  if (short) return fullNameFor(short, e.body) ?? (publisher && sameBody(short, publisher) ? publisher : short);
  return publisher;
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

const ABBREVIATION = /（(?:以下)?简称[^）]{1,24}）/g;

/** `对中共中山市人民检察院党组（以下简称“市检察院党组”）开展巡察` → `中共中山市人民检察院党组`. */
function fullNameInHeader(header: string): string | null {
  const plain = header.replace(ABBREVIATION, '');
  const m = new RegExp(`(?:对|向)((?:中共|中国共产党)[\\u4e00-\\u9fff]{2,40}?${PARTY_SUFFIX})(?:及|和|进行|开展|反馈|的|，|（)`).exec(plain);
  return m ? m[1] : null;
}

/** `向麻章镇党委反馈`, `对洪梅镇党委及…进行了巡察`, `对市住房城乡建设局党组进行巡察`; self-references skipped. */
function shortNameInHeader(header: string): string | null {
  const plain = header.replace(ABBREVIATION, '');
  const patterns = [
    new RegExp(`向([\\u4e00-\\u9fff]{2,24}?${PARTY_SUFFIX})(?:和[^，。]{0,30})?(?:主要负责同志|领导班子)?[^，。]{0,6}?反馈`, 'g'),
    new RegExp(`对([\\u4e00-\\u9fff]{2,24}?${PARTY_SUFFIX})(?:及|和|进行|开展)`, 'g'),
  ];
  for (const re of patterns) {
    for (const m of plain.matchAll(re)) {
      if (!SELF.test(m[1])) return m[1];
    }
  }
  return null;
}

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
