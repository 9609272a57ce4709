/**
 * Which saved versions the open notice can be compared with, in the order a reviewer looks for them: the
 * same organization's earlier notices first (newest first; the newest is pre-selected), then every other
 * version grouped by organization. Pure: works on any version records (lib/db listVersions).
 */

/** What the ordering needs of a saved version (a snapshot of a library notice). */
export interface VersionRef {
  hash: string;
  organization: string | null;
  publishDate: string | null;
  /** When the version was first saved (ISO timestamp). */
  firstSeen: string;
}

/** The notice being reviewed: its saved version (when saved), organization and publish date. */
export interface OpenVersion {
  hash: string | null;
  organization: string | null;
  publishDate: string | null;
}

export interface CandidateGroup<V extends VersionRef> {
  organization: string | null;
  /** The same organization's notices published before the open one (the first group, when there are any). */
  earlierOfSameOrganization: boolean;
  versions: V[];
}

export interface Candidates<V extends VersionRef> {
  groups: CandidateGroup<V>[];
  /** The latest earlier notice of the same organization, or null when there is none (or the open notice has no date). */
  preselected: string | null;
}

/** The day a version is dated by: its publish date, else the day it was first saved. */
export const versionDay = (v: VersionRef): string => v.publishDate ?? v.firstSeen.slice(0, 10);

/** Newest first: by publish date (else first-saved day), then by when first saved, then by hash (stable). */
export function byNewest(a: VersionRef, b: VersionRef): number {
  return versionDay(b).localeCompare(versionDay(a)) || b.firstSeen.localeCompare(a.firstSeen) || a.hash.localeCompare(b.hash);
}

/**
 * A version is earlier than the open notice when it was published before it — or, undated, saved before
 * it was published. Nothing is earlier than an undated open notice (there is nothing to tell it by).
 */
export function isEarlierThan(v: VersionRef, open: OpenVersion): boolean {
  return open.publishDate !== null && versionDay(v) < open.publishDate;
}

const collator = new Intl.Collator('zh-CN');

/** Organization groups: the open notice's own first, then by name (pinyin order), unknown last. */
function organizationOrder(own: string | null) {
  const rank = (org: string | null) => (org === null ? 2 : org === own ? 0 : 1);
  return (a: string | null, b: string | null) => rank(a) - rank(b) || collator.compare(a ?? '', b ?? '');
}

export function compareCandidates<V extends VersionRef>(versions: readonly V[], open: OpenVersion): Candidates<V> {
  const others = versions.filter((v) => v.hash !== open.hash).sort(byNewest);
  const sameOrg = (v: V) => open.organization !== null && v.organization === open.organization;
  const first = others.filter((v) => sameOrg(v) && isEarlierThan(v, open));
  const rest = new Map<string | null, V[]>();
  for (const v of others) {
    if (first.includes(v)) continue;
    rest.set(v.organization, [...(rest.get(v.organization) ?? []), v]);
  }
  const groups: CandidateGroup<V>[] = [
    ...(first.length ? [{ organization: open.organization, earlierOfSameOrganization: true, versions: first }] : []),
    ...[...rest.keys()].sort(organizationOrder(open.organization)).map((org) => ({ organization: org, earlierOfSameOrganization: false, versions: rest.get(org)! })),
  ];
  return { groups, preselected: first[0]?.hash ?? null };
}
