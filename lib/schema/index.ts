/**
 * The one contract between contexts (content script, background, side panel, CLI, exports).
 * Every structure that crosses a boundary — the Notice model, annotations, messages, backup files —
 * is defined here as a zod schema; TypeScript types are inferred from them.
 *
 * Offsets are UTF-16 offsets into the *normalized* notice text. Unknown values are `null`, never a guess.
 *
 * One module, split by subject: import everything from `@/lib/schema`.
 */
export * from './notice';
export * from './annotation';
export * from './library';
export * from './comparison';
export * from './export';
export * from './messages';
export * from './review-package';
