/** Review exports (lib/export): the input and the JSON file with W3C Web Annotations. */
import { z } from './zod';
import { notice } from './notice';
import { annotation, creator, statusOverride, textPositionSelector, textQuoteSelector } from './annotation';
import { comparison } from './comparison';

// Review export (lib/export) — owned by lib/export/
export const reviewExport = z.lazy(() => z.object({
  notice,
  text: z.string(),
  url: z.string().nullable(),
  annotations: z.array(annotation),
  overrides: z.array(statusOverride),
  comparison: comparison.nullable(),
  generatedAt: z.string(),
  /** The version (snapshot hash) exported: annotations made on other versions are re-anchored on its text. */
  snapshotHash: z.string().nullable().optional(),
  /** The notice's stored versions, to name the version each annotation was made on. */
  versions: z.array(z.object({ hash: z.string(), publishDate: z.string().nullable(), firstSeen: z.string() })).optional(),
}));
export const webAnnotationBody = z.lazy(() => z.union([
  z.object({ type: z.literal('TextualBody'), value: z.string(), purpose: z.literal('commenting'), format: z.string().optional(), language: z.string().optional() }),
  z.object({ type: z.literal('TextualBody'), value: z.string(), purpose: z.enum(['tagging', 'assessing']) }),
]));
export const webAnnotation = z.lazy(() => z.object({
  '@context': z.literal('http://www.w3.org/ns/anno.jsonld'),
  id: z.string(),
  type: z.literal('Annotation'),
  created: z.string(),
  modified: z.string(),
  creator: creator.optional(),
  body: z.array(webAnnotationBody),
  target: z.object({ source: z.string(), selector: z.tuple([textQuoteSelector, textPositionSelector]) }),
}));
export const REVIEW_EXPORT_VERSION = 1;
export const reviewExportFile = z.lazy(() => z.object({
  format: z.literal('rectify-lens/review'),
  version: z.literal(REVIEW_EXPORT_VERSION),
  generatedAt: z.string(),
  url: z.string().nullable(),
  notice,
  text: z.string(),
  overrides: z.array(statusOverride),
  annotations: z.array(webAnnotation),
  comparison: comparison.nullable(),
}));
export type ReviewExport = z.infer<typeof reviewExport>;
export type WebAnnotation = z.infer<typeof webAnnotation>;
export type ReviewExportFile = z.infer<typeof reviewExportFile>;
