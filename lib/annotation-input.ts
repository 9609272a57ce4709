/**
 * Limits on what a reviewer types into an annotation (note length, tag count and length), explained in
 * zh-CN. The overlay and side-panel forms show the message before saving; lib/db refuses the same input.
 */
import { ANNOTATION_LIMITS } from '@/lib/schema';
import { t } from '@/lib/i18n';

export interface AnnotationInput {
  note: string;
  tags: readonly string[];
}

/** What is wrong with the input, in zh-CN, or null when it is within the limits. */
export function annotationInputProblem(input: AnnotationInput): string | null {
  if (input.note.length > ANNOTATION_LIMITS.noteChars) return t('noteTooLong', input.note.length, ANNOTATION_LIMITS.noteChars);
  const tags = new Set(input.tags.map((tag) => tag.trim()).filter(Boolean));
  if (tags.size > ANNOTATION_LIMITS.tags) return t('tooManyTags', tags.size, ANNOTATION_LIMITS.tags);
  const long = [...tags].find((tag) => tag.length > ANNOTATION_LIMITS.tagChars);
  if (long) return t('tagTooLong', `${long.slice(0, 12)}…`, ANNOTATION_LIMITS.tagChars);
  return null;
}

/** Throws the zh-CN message when the input is over a limit. */
export function assertAnnotationInput(input: AnnotationInput): void {
  const problem = annotationInputProblem(input);
  if (problem) throw new AnnotationInputError(problem);
}

export class AnnotationInputError extends Error {}
