/**
 * JSON export: the notice model, the normalized text, overrides, the comparison, and annotations as
 * W3C Web Annotations (JSON-LD, http://www.w3.org/ns/anno.jsonld) so other annotation tools can read them.
 */
import { REVIEW_EXPORT_VERSION, reviewExportFile } from '@/lib/schema';
import type { Annotation, ReviewExport, ReviewExportFile, WebAnnotation } from '@/lib/schema';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function toWebAnnotation(a: Annotation, url: string | null): WebAnnotation {
  const body: WebAnnotation['body'] = [];
  if (a.note) body.push({ type: 'TextualBody', value: a.note, purpose: 'commenting', format: 'text/plain', language: 'zh-CN' });
  for (const tag of a.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  body.push({ type: 'TextualBody', value: a.severity, purpose: 'assessing' });
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: UUID.test(a.id) ? `urn:uuid:${a.id}` : `urn:rectify-lens:annotation:${encodeURIComponent(a.id)}`,
    type: 'Annotation',
    created: a.createdAt,
    modified: a.updatedAt,
    ...(a.creator ? { creator: a.creator } : {}),
    body,
    target: {
      source: a.url || url || `urn:rectify-lens:notice:${encodeURIComponent(a.noticeKey)}`,
      selector: [a.quote, a.position],
    },
  };
}

export function toReviewFile(review: ReviewExport): ReviewExportFile {
  return reviewExportFile.parse({
    format: 'rectify-lens/review',
    version: REVIEW_EXPORT_VERSION,
    generatedAt: review.generatedAt,
    url: review.url,
    notice: review.notice,
    text: review.text,
    overrides: review.overrides,
    annotations: review.annotations.filter((a) => a.deletedAt === null).map((a) => toWebAnnotation(a, review.url)),
    comparison: review.comparison,
  });
}

export function toJson(review: ReviewExport): string {
  return JSON.stringify(toReviewFile(review), null, 2) + '\n';
}
