/**
 * The library as a reviewer browses it: organizations, their notices, and every saved version of each
 * notice with the version before it (to compare with); and where a notice's publish date is read from,
 * for a version whose date was not found. Pure.
 */
import { byNewest, versionDay, type VersionRef } from '@/lib/compare/candidates';
import { DOCUMENT_DATE_LABELS, PAGE_DATE_LABELS } from '@/lib/parse/cms';

export interface ShelfVersion<V> {
  version: V;
  /** The version saved before it (the next older one of the same notice), or null for the oldest. */
  previous: V | null;
  /** The web page to open for it: its own address, when that is a web page and no newer version was saved from it. */
  liveUrl: string | null;
}

export interface ShelfNotice<N, V> {
  notice: N;
  /** Newest first. */
  versions: ShelfVersion<V>[];
}

export interface Shelf<N, V> {
  organization: string | null;
  /** Newest first (by their newest version). */
  notices: ShelfNotice<N, V>[];
}

type NoticeLike = { key: string; organization: string | null; lastSeen: string };
type VersionLike = VersionRef & { noticeKey: string; url: string };

const isWebPage = (url: string): boolean => /^https?:\/\//i.test(url);

/** The day that sorts a notice: its newest version's, else the day it was last seen. */
const newestDay = <N extends NoticeLike, V extends VersionLike>(n: ShelfNotice<N, V>): string =>
  n.versions[0] ? versionDay(n.versions[0].version) : n.notice.lastSeen.slice(0, 10);

/** Notices grouped by organization with all their versions; organizations and notices newest first, unknown organization last. */
export function libraryShelves<N extends NoticeLike, V extends VersionLike>(notices: readonly N[], versions: readonly V[]): Shelf<N, V>[] {
  const byNotice = new Map<string, V[]>();
  for (const v of [...versions].sort(byNewest)) byNotice.set(v.noticeKey, [...(byNotice.get(v.noticeKey) ?? []), v]);
  const entries = notices
    .map((notice): ShelfNotice<N, V> => {
      const list = byNotice.get(notice.key) ?? [];
      return {
        notice,
        versions: list.map((version, i) => ({
          version,
          previous: list[i + 1] ?? null,
          liveUrl: isWebPage(version.url) && !list.slice(0, i).some((newer) => newer.url === version.url) ? version.url : null,
        })),
      };
    })
    .sort((a, b) => newestDay(b).localeCompare(newestDay(a)) || a.notice.key.localeCompare(b.notice.key));
  const shelves = new Map<string | null, ShelfNotice<N, V>[]>();
  for (const e of entries) shelves.set(e.notice.organization, [...(shelves.get(e.notice.organization) ?? []), e]);
  return [...shelves]
    .map(([organization, list]) => ({ organization, notices: list }))
    .sort((a, b) => Number(a.organization === null) - Number(b.organization === null));
}

/**
 * The page fields the parser reads a date from (lib/parse/meta publishDate), most specific first, as a
 * reviewer would see them on a page: 成文日期, 发布日期, 发布时间, 发表时间.
 */
export const DATE_FIELD_LABELS: readonly string[] = [...DOCUMENT_DATE_LABELS, ...PAGE_DATE_LABELS].slice(0, 4);
