/**
 * The review package (owner: lib/review-package.ts, lib/db/review-package.ts): one reviewer's annotations and
 * status decisions with the notice versions they refer to, exchanged between colleagues without a server.
 * Each snapshot carries its content hash (SHA-256 of its text, lib/hash.ts); the importer checks it.
 */
import { z } from './zod';
import { annotation, creator, statusOverride } from './annotation';
import { noticeRecord, noticeSnapshot } from './library';

export const REVIEW_PACKAGE_FORMAT = 'rectify-lens-review-package';
/** Raise when the file changes shape; an older program refuses a newer package instead of misreading it. */
export const REVIEW_PACKAGE_VERSION = 1;

export const reviewPackage = z.lazy(() => z.object({
  format: z.literal(REVIEW_PACKAGE_FORMAT),
  version: z.literal(REVIEW_PACKAGE_VERSION),
  exportedAt: z.string(),
  /** The reviewer who exported it (the settings' name), if one was set. */
  exportedBy: creator.nullable(),
  notices: z.array(noticeRecord),
  /** Every version an annotation was made on, and the latest version of every notice with a decision. */
  snapshots: z.array(noticeSnapshot),
  annotations: z.array(annotation),
  overrides: z.array(statusOverride),
}));
export type ReviewPackage = z.infer<typeof reviewPackage>;
