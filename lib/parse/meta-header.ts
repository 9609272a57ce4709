/**
 * The header paragraph of a notice — `根据区委统一部署，2023年9月至12月，区委第三巡察组对麻章镇党委进行了
 * 巡察。2024年3月14日，区委第三巡察组向麻章镇党委反馈了巡察意见。…现将…予以公布。` — read for the
 * inspecting body, the inspection period and the feedback date.
 *
 * Dates keep the precision written: `2024年9月` → `2024-09`, `2023年9月至12月` → `2023-09`..`2023-12`,
 * `2020年10月13日至12月13日` → full days. All patterns are bounded: linear in the header length.
 */
import type { PartialDate } from '@/lib/schema';
import type { DateMention } from './dates';

const N = '[一二三四五六七八九十\\d]{1,3}';
/** `十二届`, `第十五届` before the owner. */
const TERM = '(?:第?十?[一二三四五六七八九十]{1,2}届)?';
/** Who sends the team: 中央, 省委, 市委, 区委, 县委…, or a 党委/党组 of a school, company or bureau (校党委, 集团党委, 局党组). */
const OWNER = '(?:中央|自治区党委|省委|市委|区委|县委|州委|旗委|盟委|[\\u4e00-\\u9fff]{1,6}?(?:党委|党组))';
/** Between owner and 巡视/巡察: `巡察办`, `第二轮`, `第一提级`, `营商环境专项`, `深化“最多跑一次”改革、优化营商环境专项`, `对村`, `4个`. */
const MODIFIERS = `(?:巡[视察]办)?(?:第${N}轮(?:巡[视察])?)?(?:第${N})?(?:(?:(?![巡组])[\\u4e00-\\u9fff“”、]){0,24}?专项|对村|提级|机动|${N}个)?`;
/** One inspection team: `区委第三巡察组`, `县委巡察二组`, `十五届市委第六轮巡察组`, `校党委巡察办专项巡察组`, `区委4个巡察组`. */
const TEAM = new RegExp(`${TERM}${OWNER}${MODIFIERS}(?:第${N})?巡[视察](?:第?${N})?组`, 'g');
/** A round without a named team: `十二届省委第四轮巡视`, `五届区委第二轮巡察`. */
const ROUND = new RegExp(`${TERM}(?:中央|自治区党委|省委|市委|区委|县委|州委|旗委|盟委)第${N}轮巡[视察]`);
/** A team named only by its owner: `市委巡察组` (generic when a numbered team of the same owner is named too). */
const GENERIC_TEAM = new RegExp(`^${TERM}(${OWNER})巡[视察]组$`);

interface TeamMention {
  name: string;
  start: number;
  end: number;
}

/**
 * The inspecting body as written. Several teams are all kept, joined with `、` (`区委第四巡察组、区委专项巡察组`);
 * a bare `市委巡察组` repeating a numbered team of the same owner is dropped. Without a numbered team, a
 * round (`十二届省委第四轮巡视`) is the body.
 */
export function inspectionBody(header: string): string | null {
  const teams: TeamMention[] = [];
  TEAM.lastIndex = 0;
  for (let m = TEAM.exec(header); m; m = TEAM.exec(header)) teams.push({ name: m[0], start: m.index, end: m.index + m[0].length });
  const round = ROUND.exec(header)?.[0] ?? null;
  const names = distinctNames(teams);
  // no team, or only a bare `省委巡视组`: the round names the body better
  if (round && names.every((n) => GENERIC_TEAM.test(n))) return round;
  if (!names.length) return null;
  // the longest written enumeration (`A、B`, `A和B`) holding every team keeps its order
  for (const group of enumerations(header, teams)) {
    const groupNames = distinctNames(group);
    if (names.every((n) => groupNames.includes(n))) return groupNames.join('、');
  }
  return names.join('、');
}

function distinctNames(teams: TeamMention[]): string[] {
  const names: string[] = [];
  for (const t of teams) if (!names.includes(t.name)) names.push(t.name);
  return names.filter((n) => {
    const g = GENERIC_TEAM.exec(n);
    return !g || !names.some((other) => other !== n && other.includes(g[1]));
  });
}

/** Runs of teams joined only by `、`/`和`/`及`/`与`, longest first. */
function enumerations(header: string, teams: TeamMention[]): TeamMention[][] {
  const groups: TeamMention[][] = [];
  let current: TeamMention[] = [];
  for (const t of teams) {
    const prev = current[current.length - 1];
    if (prev && /^[、和及与,，]$/.test(header.slice(prev.end, t.start))) current.push(t);
    else {
      if (current.length) groups.push(current);
      current = [t];
    }
  }
  if (current.length) groups.push(current);
  return groups.sort((a, b) => b.length - a.length);
}

type Precision = 'year' | 'month' | 'day';

function cut(iso: string | null, p: Precision): PartialDate | null {
  if (!iso) return null;
  return p === 'day' ? iso.slice(0, 10) : p === 'month' ? iso.slice(0, 7) : iso.slice(0, 4);
}

function precisionOf(part: string): Precision {
  if (/[日号]|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}/.test(part)) return 'day';
  if (/月|\d{4}[-/.]\d{1,2}/.test(part)) return 'month';
  return 'year';
}

/** The precision of each end of a mention, read from how it is written. */
function precisions(m: DateMention): [Precision, Precision] {
  if (m.kind === 'point') return ['day', 'day'];
  if (m.kind === 'month') return ['month', 'month'];
  const sep = m.text.search(/[至到～~—–]/);
  if (sep < 0) {
    const p = precisionOf(m.text);
    return [p, p];
  }
  return [precisionOf(m.text.slice(0, sep)), precisionOf(m.text.slice(sep + 1))];
}

/** `进行了巡察`, `开展常规巡视`, `巡察组进驻` — the inspection itself, not a team name (`巡察组`) or the feedback. */
const INSPECTING = /巡[视察](?!组|办|意见|反馈|情况|工作|整改)|进驻/;

/** True when the clause after the mention (up to `。`, 80 characters) reports the inspection before any feedback. */
function inspectedInClause(text: string, d: DateMention): boolean {
  const tail = text.slice(d.end, d.end + 80);
  const stop = tail.search(/[。]/);
  const clause = stop < 0 ? tail : tail.slice(0, stop);
  const feedback = clause.indexOf('反馈');
  return INSPECTING.test(feedback < 0 ? clause : clause.slice(0, feedback));
}

/** `2023年9月至12月，区委第三巡察组对…进行了巡察` → `{start: '2023-09', end: '2023-12'}`. */
export function inspectionPeriod(text: string, dates: DateMention[]): { start: PartialDate | null; end: PartialDate | null } | null {
  const d = dates.find((m) => (m.kind === 'range' || m.kind === 'month') && m.first && m.last && inspectedInClause(text, m));
  if (!d) return null;
  const [ps, pe] = precisions(d);
  return { start: cut(d.first, ps), end: cut(d.last, pe) };
}

/**
 * How notices say the feedback happened: `反馈了巡察意见`, `反馈巡视意见`, `反馈巡察情况`, `进行了反馈`,
 * `进行巡察反馈`, `召开巡察反馈会`, `集中反馈`, `作了反馈`.
 */
const FEEDBACK_VERB = /反馈了?(?:巡[视察])?(?:意见|情况|问题)|(?:进行|作|做)了?(?:巡[视察])?(?:集中)?反馈|召开(?:了)?[^，。；]{0,12}反馈(?:会|大会|会议)|集中反馈|反馈会/;

/** The feedback date at the precision written (`2024-03-14`, `2024-09`), with its year for year-less dates. */
export function feedbackDate(text: string, dates: DateMention[]): { date: PartialDate; year: number } | null {
  for (const d of dates) {
    if (d.kind === 'range' && !/^\d{4}年$|^[〇零一二三四五六七八九]{4}年$/.test(d.text)) continue;
    if (!d.first || /^[至到]/.test(text.slice(d.end, d.end + 1))) continue;
    const tail = text.slice(d.end, d.end + 80);
    const stop = tail.search(/[。；]/);
    if (!FEEDBACK_VERB.test(stop < 0 ? tail : tail.slice(0, stop))) continue;
    const [p] = precisions(d);
    const date = cut(d.first, d.kind === 'fuzzy' ? (/月/.test(d.text) ? 'month' : 'year') : p);
    if (date) return { date, year: Number(d.first.slice(0, 4)) };
  }
  return null;
}
