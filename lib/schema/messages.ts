/** Messages between contexts (content script ⇄ background ⇄ side panel), validated on both ends. */
import { z } from 'zod';
import { notice, offset } from './notice';
import { severity, textPositionSelector, textQuoteSelector } from './annotation';
import { parseContext } from './library';

// Messages between contexts (content script ⇄ background ⇄ side panel), validated on both ends.
export const detectReason = z.object({ signal: z.string(), weight: z.number(), detail: z.string() });
export const detectResult = z.object({ isNotice: z.boolean(), score: z.number(), reasons: z.array(detectReason) });

export const highlightCategory = z.enum(['number', 'date', 'deadline', 'unfinished', 'done', 'overdue', 'contradiction', 'annotation']);
export const annotationAnchor = z.object({
  id: z.string(),
  state: z.enum(['anchored', 'orphan']),
  start: offset.nullable(),
  end: offset.nullable(),
  method: z.enum(['exact', 'position', 'fuzzy']).nullable(),
});

/** What the content script knows about its page; the side panel renders from it. */
export const pageState = z.object({
  url: z.string(),
  title: z.string().nullable(),
  status: z.enum(['idle', 'not_notice', 'analyzing', 'ready', 'disabled', 'error']),
  error: z.string().nullable(),
  detect: detectResult.nullable(),
  text: z.string().nullable(),
  notice: notice.nullable(),
  noticeKey: z.string().nullable(),
  snapshotHash: z.string().nullable(),
  anchors: z.array(annotationAnchor),
  timings: z.record(z.string(), z.number()),
});

export const newAnnotationDraft = z.object({
  quote: textQuoteSelector,
  position: textPositionSelector,
  note: z.string().max(20_000),
  tags: z.array(z.string().min(1).max(40)).max(30),
  severity,
});

/** Requests handled by the background service worker. */
export const backgroundRequest = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('save-notice'),
    url: z.string(),
    text: z.string(),
    model: notice,
    /** The page context the model was parsed with (stored so the library can parse the text again). */
    context: parseContext.optional(),
  }),
  z.object({ type: z.literal('get-page-data'), noticeKey: z.string() }),
  z.object({ type: z.literal('add-annotation'), noticeKey: z.string(), snapshotHash: z.string(), url: z.string(), draft: newAnnotationDraft }),
  z.object({ type: z.literal('set-anchor-states'), updates: z.array(annotationAnchor) }),
  z.object({ type: z.literal('open-side-panel') }),
  z.object({ type: z.literal('analyze-tab'), tabId: z.number().int(), remember: z.boolean() }),
  z.object({ type: z.literal('state-changed'), state: pageState }),
  // "分析附件" from the overlay: a Word/PDF linked from the sender's page, same origin only
  z.object({ type: z.literal('analyze-attachment'), url: z.string().url(), force: z.boolean() }),
  // "分析此文件" from the side panel: the tab's own URL (a PDF in the browser's viewer)
  z.object({ type: z.literal('analyze-tab-document'), tabId: z.number().int(), force: z.boolean() }),
]);

/**
 * Background → offscreen document (Chrome): download and read a Word/PDF file where a DOM is, so the
 * service worker never loads pdf.js/mammoth. Replies with a remoteDocumentRead.
 */
export const offscreenRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('offscreen-read-document'), url: z.string().url(), pageUrl: z.string().optional(), today: z.string().optional() }),
]);
export const remoteDocumentRead = z.object({ url: z.string(), fileName: z.string(), text: z.string(), notice, context: parseContext.optional() });

/** Reply to analyze-attachment / analyze-tab-document. Not saved (saved: false) when the detector doubts it. */
export const documentAnalysis = z.object({
  url: z.string(),
  fileName: z.string(),
  title: z.string().nullable(),
  items: z.number().int().nonnegative(),
  score: z.number(),
  saved: z.boolean(),
  noticeKey: z.string().nullable(),
});

/** Requests handled by the content script of one tab. */
export const contentRequest = z.discriminatedUnion('type', [
  z.object({ type: z.literal('get-state') }),
  z.object({ type: z.literal('scroll-to'), start: offset, end: offset }),
  z.object({ type: z.literal('reload-annotations') }),
  z.object({ type: z.literal('begin-annotation') }),
  z.object({ type: z.literal('analyze-now') }),
  z.object({ type: z.literal('set-categories'), categories: z.array(highlightCategory) }),
]);

/** Broadcast to extension pages (side panel) when a tab's state changes. */
export const stateBroadcast = z.object({ type: z.literal('page-state'), tabId: z.number().int().nullable(), state: pageState });

export type DetectResult = z.infer<typeof detectResult>;
export type HighlightCategory = z.infer<typeof highlightCategory>;
export type AnnotationAnchor = z.infer<typeof annotationAnchor>;
export type PageState = z.infer<typeof pageState>;
export type NewAnnotationDraft = z.infer<typeof newAnnotationDraft>;
export type BackgroundRequest = z.infer<typeof backgroundRequest>;
export type ContentRequest = z.infer<typeof contentRequest>;
export type StateBroadcast = z.infer<typeof stateBroadcast>;
export type DocumentAnalysis = z.infer<typeof documentAnalysis>;
export type OffscreenRequest = z.infer<typeof offscreenRequest>;
export type RemoteDocumentRead = z.infer<typeof remoteDocumentRead>;
