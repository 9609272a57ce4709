/**
 * Annotations and the versions of a notice. An annotation belongs to the snapshot (text version) it was made on:
 * its stored position and anchor state describe that text only. Another version of the same notice shows it
 * only as carried over from the version it was made on, after re-anchoring its selectors on that text
 * (lib/anchor's `carryOver`; its own version re-anchors with `anchorAll`); a note that cannot be re-anchored
 * there is "not found in this version", never an orphan of its own version. Pure, DOM-free: used by the page, the side panel and the exports.
 */
import { anchorAll, carryOver, type AnchorResult } from '@/lib/anchor';
import { formatGongwenDate } from '@/lib/gongwen';
import type { Annotation, AnnotationAnchor } from '@/lib/schema';

/** What is needed of a stored snapshot to name it: `2025年6月19日版`. */
export interface VersionInfo {
  hash: string;
  publishDate: string | null;
  firstSeen: string;
}

/**
 * Where each annotation sits in `text` (the snapshot `snapshotHash`). Annotations of another snapshot carry
 * `carriedFrom` (their own snapshot's hash), anchored or not.
 */
export function anchorOnVersion(text: string, snapshotHash: string | null, annotations: Annotation[]): AnnotationAnchor[] {
  const isCarried = (a: Annotation) => snapshotHash !== null && a.snapshotHash !== snapshotHash;
  const selectors = (list: Annotation[]) => list.map((a) => ({ quote: a.quote, position: a.position }));
  const own = annotations.filter((a) => !isCarried(a));
  const carried = annotations.filter(isCarried);
  const found = new Map<string, AnchorResult | null>();
  anchorAll(text, selectors(own)).forEach((r, i) => found.set(own[i].id, r));
  carryOver(text, selectors(carried)).forEach((c, i) => found.set(carried[i].id, c.change === 'orphaned' ? null : c.result));
  return annotations.map((a) => {
    const r = found.get(a.id) ?? null;
    const carriedFrom = isCarried(a) ? a.snapshotHash : null;
    return r
      ? { id: a.id, state: 'anchored', start: r.start, end: r.end, method: r.method, carriedFrom }
      : { id: a.id, state: 'orphan', start: null, end: null, method: null, carriedFrom };
  });
}

/** Only the annotation's own version may change what is stored about it (its position, its anchor state). */
export function ownVersionUpdates(annotations: Annotation[], anchors: AnnotationAnchor[]): AnnotationAnchor[] {
  const byId = new Map(annotations.map((a) => [a.id, a]));
  return anchors.filter((an) => {
    const a = byId.get(an.id);
    if (!a || an.carriedFrom) return false;
    return a.anchorState !== an.state || (an.start !== null && (a.position.start !== an.start || a.position.end !== an.end));
  });
}

/** `2025年6月19日版`; a version without a publish date is named by the day it was first saved. */
export function versionLabel(hash: string, versions: VersionInfo[]): string {
  const v = versions.find((x) => x.hash === hash);
  if (!v) return '其他版本';
  return v.publishDate ? `${formatGongwenDate(v.publishDate)}版` : `${formatGongwenDate(v.firstSeen.slice(0, 10))}保存的版本`;
}

/** How an annotation reads on this version, in words (exports, side panel). */
export function placementText(anchor: AnnotationAnchor, versions: VersionInfo[]): string {
  if (!anchor.carriedFrom) return anchor.state === 'anchored' ? '已定位' : '原文已变动，未能定位';
  const from = versionLabel(anchor.carriedFrom, versions);
  return anchor.state === 'anchored' ? `沿用自${from}，已在本版定位` : `${from}的批注，本版未找到原文`;
}
