/**
 * What the page highlights (pure): the notice's spans of the enabled categories, plus the anchored annotations
 * with their notes (and the version they were carried over from), and the identity of what annotation
 * highlights show, so the controller re-draws only when it changed.
 */
import { versionLabel, type VersionInfo } from '@/lib/annotation-versions';
import type { Annotation, AnnotationAnchor, HighlightCategory, Notice } from '@/lib/schema';
import type { HighlightSpan } from './highlighter';

export interface HighlightSources {
  notice: Notice | null;
  anchors: AnnotationAnchor[];
  annotations: Annotation[];
  versions: VersionInfo[];
}

/** Spans of the enabled categories plus anchored annotations, as highlight spans. */
export function highlightSpansOf({ notice, anchors, annotations, versions }: HighlightSources, categories: HighlightCategory[]): HighlightSpan[] {
  if (!notice) return [];
  const enabled = new Set(categories);
  const spans: HighlightSpan[] = notice.spans
    .filter((s) => enabled.has(s.kind))
    .map((s) => ({ kind: s.kind, start: s.start, end: s.end, note: s.note ?? '' }));
  if (enabled.has('annotation')) {
    const byId = new Map(annotations.map((a) => [a.id, a]));
    for (const an of anchors) {
      const a = byId.get(an.id);
      if (!a || an.start === null || an.end === null) continue;
      const from = an.carriedFrom ? `（沿用自${versionLabel(an.carriedFrom, versions)}）` : '';
      spans.push({ kind: 'annotation', start: an.start, end: an.end, note: `批注${from}：${a.note || '（无内容）'}`, ref: a.id });
    }
  }
  return spans;
}

/** Identity of what annotation highlights show: ids, places and notes. */
export function anchorsKey(anchors: AnnotationAnchor[], annotations: Annotation[]): string {
  const notes = new Map(annotations.map((a) => [a.id, a.note]));
  return anchors.map((a) => `${a.id}:${a.start}:${a.end}:${notes.get(a.id) ?? ''}`).join('|');
}
