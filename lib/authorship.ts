/** Who wrote an annotation, as every view and export names it: the creator, and the reviewer of the latest edit if another. */
import type { Annotation } from './schema';

/** `张三`, `张三（李四修改）`, or null when no reviewer name was recorded. */
export function authorLabel(a: Pick<Annotation, 'creator' | 'modifiedBy'>): string | null {
  const creator = a.creator?.name ?? null;
  const editor = a.modifiedBy?.name ?? null;
  if (!editor || editor === creator) return creator;
  return creator ? `${creator}（${editor}修改）` : `${editor}修改`;
}
