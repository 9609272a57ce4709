/**
 * DOM → article text + offset map, the article root, the title and the chrome lines around the article.
 * One module, split by responsibility: import everything from `@/lib/extract`.
 */
export type { ExtractedText, TextSegment } from './text';
export { extractText } from './text';
export { tagOf } from './dom';
export { offsetForNodePosition, pieceRangesForOffsets, rangeForOffsets } from './offsets';
export { findArticleRoot } from './article-root';
export { extractChromeText, extractTitle } from './title-chrome';
