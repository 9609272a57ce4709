/** Messages between contexts (content script ⇄ background ⇄ side panel), validated on both ends. */
import { z } from './zod';
import { notice, NOTICE_MODEL_VERSION, offset } from './notice';
import { annotation, ANNOTATION_LIMITS, severity, statusOverride, textPositionSelector, textQuoteSelector } from './annotation';
import { parseContext } from './library';

// Messages between contexts (content script ⇄ background ⇄ side panel), validated on both ends.
export const detectReason = z.lazy(() => z.object({ signal: z.string(), weight: z.number(), detail: z.string() }));
export const detectResult = z.lazy(() => z.object({ isNotice: z.boolean(), score: z.number(), reasons: z.array(detectReason) }));

export const highlightCategory = z.lazy(() => z.enum(['number', 'date', 'deadline', 'unfinished', 'done', 'overdue', 'contradiction', 'annotation']));
export const annotationAnchor = z.lazy(() => z.object({
  id: z.string(),
  state: z.enum(['anchored', 'orphan']),
  start: offset.nullable(),
  end: offset.nullable(),
  method: z.enum(['exact', 'position', 'fuzzy']).nullable(),
  /** The snapshot hash of the version the annotation was made on, when that is another version than this text's. */
  carriedFrom: z.string().nullable().optional(),
}));

/** What the content script knows about its page; the side panel renders from it. */
export const pageState = z.lazy(() => z.object({
  url: z.string(),
  title: z.string().nullable(),
  // too_large: past the content script's hard limit (text length or parse time); nothing was parsed
  status: z.enum(['idle', 'not_notice', 'analyzing', 'ready', 'disabled', 'error', 'too_large']),
  error: z.string().nullable(),
  detect: detectResult.nullable(),
  text: z.string().nullable(),
  notice: notice.nullable(),
  noticeKey: z.string().nullable(),
  snapshotHash: z.string().nullable(),
  anchors: z.array(annotationAnchor),
  timings: z.record(z.string(), z.number()),
}));

export const newAnnotationDraft = z.lazy(() => z.object({
  quote: textQuoteSelector,
  position: textPositionSelector,
  note: z.string().max(ANNOTATION_LIMITS.noteChars),
  tags: z.array(z.string().min(1).max(ANNOTATION_LIMITS.tagChars)).max(ANNOTATION_LIMITS.tags),
  severity,
}));

/** Requests handled by the background service worker. */
export const backgroundRequest = z.lazy(() => z.discriminatedUnion('type', [
  z.object({
    type: z.literal('save-notice'),
    url: z.string(),
    text: z.string(),
    model: notice,
    /** The page context the model was parsed with (stored so the library can parse the text again). */
    context: parseContext.optional(),
  }),
  // the analysis the background made for this page's parse-page (by its key): saved without the page sending the
  // text and the model back (issue #14: serializing them was a long task of the page on large notices); refused
  // once the background forgot it (restarted, or too many pages since): the page then sends save-notice
  z.object({ type: z.literal('save-parsed'), url: z.string(), analysisKey: z.string() }),
  // the analyzer's parse, off the page's main thread: the analysis remembered for this text, context and day
  // (lib/analysis-key, made here: a page on plain http has no crypto.subtle), else a parse, then remembered.
  // `text` is the article text as read: normalized in the background (lib/parse-page)
  z.object({ type: z.literal('parse-page'), text: z.string(), context: parseContext, today: z.string(), limitMs: z.number().positive() }),
  // sent by the analyzer registered on a library notice's page as soon as it runs, before it reads the page: the
  // analysis remembered for the text last seen at the sender's address (lib/parse-page rememberedParse)
  z.object({ type: z.literal('remembered-parse') }),
  z.object({ type: z.literal('get-page-data'), noticeKey: z.string() }),
  z.object({ type: z.literal('add-annotation'), noticeKey: z.string(), snapshotHash: z.string(), url: z.string(), draft: newAnnotationDraft }),
  z.object({ type: z.literal('set-anchor-states'), updates: z.array(annotationAnchor) }),
  z.object({ type: z.literal('open-side-panel') }),
  z.object({ type: z.literal('analyze-tab'), tabId: z.number().int(), remember: z.boolean() }),
  // the detector (every gov page) found a likely notice: load the analyzer into the sender's tab
  z.object({ type: z.literal('load-analyzer') }),
  // "分析附件" from the overlay: a Word/PDF linked from the sender's page, same origin only
  z.object({ type: z.literal('analyze-attachment'), url: z.string().url(), force: z.boolean() }),
  // "分析此文件" from the side panel: the tab's own URL (a PDF in the browser's viewer)
  z.object({ type: z.literal('analyze-tab-document'), tabId: z.number().int(), force: z.boolean() }),
]));

/** Requests handled by the content script of one tab. */
export const contentRequest = z.lazy(() => z.discriminatedUnion('type', [
  z.object({ type: z.literal('get-state') }),
  z.object({ type: z.literal('scroll-to'), start: offset, end: offset }),
  z.object({ type: z.literal('reload-annotations') }),
  z.object({ type: z.literal('begin-annotation') }),
  // the focus-overlay command (Alt+Shift+R): into the overlay, or back to the page when it has focus
  z.object({ type: z.literal('focus-overlay') }),
  z.object({ type: z.literal('analyze-now') }),
  z.object({ type: z.literal('set-categories'), categories: z.array(highlightCategory) }),
]));

/**
 * Broadcast by a content script to extension pages (side panel) when its page's state changes; the tab is
 * the sender's. Carries no text/model (a panel that needs them asks with `get-state`). Nobody replies.
 */
export const stateBroadcast = z.lazy(() => z.object({ type: z.literal('state-changed'), state: pageState }));

/**
 * Background → offscreen document (Chrome): download and read a Word/PDF file where a DOM is, so the
 * service worker never loads pdf.js/mammoth. Replies with a remoteDocumentRead.
 */
export const offscreenRequest = z.lazy(() => z.discriminatedUnion('type', [
  z.object({ type: z.literal('offscreen-read-document'), url: z.string().url(), pageUrl: z.string().optional(), today: z.string().optional() }),
]));
export const remoteDocumentRead = z.lazy(() => z.object({ url: z.string(), fileName: z.string(), text: z.string(), notice, context: parseContext.optional() }));
export const offscreenReplies = {
  'offscreen-read-document': remoteDocumentRead,
} as const satisfies Record<z.infer<typeof offscreenRequest>['type'], z.ZodType>;

/** Reply to analyze-attachment / analyze-tab-document. Not saved (saved: false) when the detector doubts it. */
export const documentAnalysis = z.lazy(() => z.object({
  url: z.string(),
  fileName: z.string(),
  title: z.string().nullable(),
  items: z.number().int().nonnegative(),
  score: z.number(),
  saved: z.boolean(),
  noticeKey: z.string().nullable(),
}));

/**
 * A Notice model checked where it is made: lib/parse-page validates it against `notice` in the background before
 * replying (and the cache validates what it reads). The page checks only that it is a model of this version — a
 * second full pass over a large model (700 KB for the 1 MB page) would cost the page's main thread 30–200 ms.
 */
const noticeCheckedBySender = z.lazy(() => z.custom<z.infer<typeof notice>>(
  (v) => typeof v === 'object' && v !== null && (v as { version?: unknown }).version === NOTICE_MODEL_VERSION,
  { message: '不是本版本的通报模型' },
));

/** Reply of parse-page: the model (null past the time limit), whether it was remembered, the parse's time there. */
export const pageParse = z.lazy(() =>
  z.object({
    model: noticeCheckedBySender.nullable(),
    remembered: z.boolean(),
    parseMs: z.number().nonnegative(),
    /** lib/analysis-key of the request: what save-parsed names (null when there is no model). */
    analysisKey: z.string().nullable(),
  }),
);

/**
 * Reply of remembered-parse: the text last seen at the page's address, the context and day of its remembered
 * analysis (lib/analysis-key's inputs besides the versions) and that analysis; null when there is none.
 */
export const rememberedParse = z.lazy(() =>
  z.object({
    analysisKey: z.string(),
    text: z.string(),
    context: parseContext,
    today: z.string(),
    model: noticeCheckedBySender,
  }).nullable(),
);

/** Reply of save-notice. */
export const savedNotice = z.lazy(() => z.object({ noticeKey: z.string(), snapshotHash: z.string(), isNewVersion: z.boolean() }));
/** Reply of get-page-data: what the overlay shows besides the parse. */
/** A stored version of a notice, enough to name it (`2025年6月19日版`). */
export const versionInfo = z.lazy(() => z.object({ hash: z.string(), publishDate: z.string().nullable(), firstSeen: z.string() }));
export const pageData = z.lazy(() => z.object({ annotations: z.array(annotation), overrides: z.array(statusOverride), versions: z.array(versionInfo) }));

/** Replies that are a flag or a count. */
const flag = z.lazy(() => z.boolean());
const count = z.lazy(() => z.number().int().nonnegative());

/** The reply schema of every background request: `sendToBackground` validates the reply against it. */
export const backgroundReplies = {
  'save-notice': savedNotice,
  'save-parsed': savedNotice,
  'get-page-data': pageData,
  'add-annotation': annotation,
  'set-anchor-states': count,
  'open-side-panel': flag,
  'analyze-tab': pageState,
  'load-analyzer': flag,
  'parse-page': pageParse,
  'remembered-parse': rememberedParse,
  'analyze-attachment': documentAnalysis,
  'analyze-tab-document': documentAnalysis,
} as const satisfies Record<z.infer<typeof backgroundRequest>['type'], z.ZodType>;

/** The reply schema of every content-script request. */
export const contentReplies = {
  'get-state': pageState,
  'scroll-to': flag,
  'reload-annotations': pageState,
  'begin-annotation': flag,
  'focus-overlay': flag,
  'analyze-now': pageState,
  'set-categories': flag,
} as const satisfies Record<z.infer<typeof contentRequest>['type'], z.ZodType>;

export type DetectResult = z.infer<typeof detectResult>;
export type HighlightCategory = z.infer<typeof highlightCategory>;
export type AnnotationAnchor = z.infer<typeof annotationAnchor>;
export type PageState = z.infer<typeof pageState>;
export type NewAnnotationDraft = z.infer<typeof newAnnotationDraft>;
export type BackgroundRequest = z.infer<typeof backgroundRequest>;
export type ContentRequest = z.infer<typeof contentRequest>;
export type StateBroadcast = z.infer<typeof stateBroadcast>;
export type DocumentAnalysis = z.infer<typeof documentAnalysis>;
export type SavedNotice = z.infer<typeof savedNotice>;
export type PageParse = z.infer<typeof pageParse>;
export type RememberedParse = z.infer<typeof rememberedParse>;
export type PageData = z.infer<typeof pageData>;
export type BackgroundReply<T extends BackgroundRequest['type']> = z.infer<(typeof backgroundReplies)[T]>;
export type ContentReply<T extends ContentRequest['type']> = z.infer<(typeof contentReplies)[T]>;
export type OffscreenReply<T extends OffscreenRequest['type']> = z.infer<(typeof offscreenReplies)[T]>;
export type OffscreenRequest = z.infer<typeof offscreenRequest>;
export type RemoteDocumentRead = z.infer<typeof remoteDocumentRead>;
