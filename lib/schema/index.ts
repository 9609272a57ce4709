/**
 * The one contract between contexts (content script, background, side panel, CLI, exports).
 * Every structure that crosses a boundary — the Notice model, annotations, messages, backup files —
 * is defined here as a zod schema; TypeScript types are inferred from them.
 *
 * Offsets are UTF-16 offsets into the *normalized* notice text. Unknown values are `null`, never a guess.
 *
 * One module, split by subject: import everything from `@/lib/schema`.
 *
 * Every schema is wrapped in `z.lazy`: zod builds it on its first parse, not when this module loads. The page's
 * analyzer imports this module, and building every schema at load was a quarter of its evaluation task (issue
 * #14); the leaves (strings, numbers, enums) were the last 2–3 ms of it. Write a new schema the same way, with the
 * `z` of ./zod: `export const x = z.lazy(() => z.object({ … }))`; a list of values that code iterates is a const
 * array beside its enum (FINDING_KINDS, ITEM_CHANGES).
 */
export * from './notice';
export * from './annotation';
export * from './library';
export * from './comparison';
export * from './export';
export * from './messages';
export * from './review-package';
