/**
 * The analyzer's page controller: extract → detect → parse (in the background: lib/parse-page) → overlay →
 * highlight (in view first) → save → re-anchor annotations, re-run idempotently when the article changes.
 * Rendering of the overlay lives in components/overlay; this class owns the state it renders.
 */
import { extractChromeText, extractText, findArticleRoot } from '@/lib/extract';
import { normalizeText } from '@/lib/parse/normalize';
import { describeRange, trimRange } from '@/lib/anchor';
import { anchorOnVersion, ownVersionUpdates, type VersionInfo } from '@/lib/annotation-versions';
import type { HighlightCategory, NewAnnotationDraft, PageParse, PageState, ParseContext, RememberedParse } from '@/lib/schema';
import { sendToBackground } from '@/lib/messaging';
import { effectiveToday, hostOf, loadPrefs } from '@/lib/prefs';
import { PageTextMap } from './text-map';
import { clearMarks, flattenSpans, SLICE_MS, type FlatPiece, type HighlightSpan, type NodePiece } from './highlighter';
import { markDrawer } from './mark-slot';
import { ensureMarkStyle, flashRange, removeMarkStyle, yieldToPage } from './page-dom';
import { ContentWatcher, noteChanges } from './content-watch';
import { saveShownNotice } from './save-notice';
import { anchorsKey, highlightSpansOf } from './highlight-spans';
import { Store } from './store';
import type { OverlayModel, PointerModel } from './overlay-model';
import { rememberedFor, type EarlyStart } from './early-start';
import { readArticle } from './read-article';

/**
 * The content script's hard limit: past this much article text, or this much parse wall time, it stops
 * (status too_large) and the overlay says the page is too large and offers the side panel.
 */
export const PAGE_LIMITS = { maxChars: 3_000_000, maxParseMs: 20_000 };
export type PageLimits = typeof PAGE_LIMITS;

function emptyState(url: string): PageState {
  return { url, title: null, status: 'idle', error: null, detect: null, text: null, notice: null, noticeKey: null, snapshotHash: null, anchors: [], timings: {} };
}

export class NoticePageController {
  readonly store: Store<OverlayModel>;
  readonly pointer = new Store<PointerModel>({ tooltip: null, selectionButton: null });
  private root: Element | null = null;
  /** The article root the latest analysis read (its overlay is rendered before the parse's reply comes). */
  private readRoot: Element | null = null;
  private map: PageTextMap | null = null;
  /** Marks were added or removed since `map` was built: its text nodes are no longer the page's. */
  private nodesChanged = false;
  private pieces: FlatPiece[] = [];
  private readonly watcher = new ContentWatcher(() => void this.onContentChanged());
  private renderAbort: AbortController | null = null;
  private forced = false;
  private running: Promise<PageState> | null = null;
  private versions: VersionInfo[] = [];
  /** The page context the notice was parsed with; saved with the text so the library can parse it again. */
  private context: ParseContext = { chromeText: '', pageTitle: null };
  /** lib/analysis-key of the shown parse: the background keeps its text and model for save-parsed. */
  private analysisKey: string | null = null;

  constructor(
    private readonly doc: Document,
    /**
     * onNotice shows the overlay (resolves once it is mounted); onState reports every state change; whileParsing
     * runs once, in a task of its own, while the background parses the page (work done ahead of the reply).
     */
    private readonly hooks: { onNotice: () => Promise<unknown> | void; onState: (s: PageState) => void; whileParsing?: () => void },
    private readonly limits: PageLimits = PAGE_LIMITS,
  ) {
    this.store = new Store<OverlayModel>({
      page: emptyState(doc.location.href),
      prefs: { categories: [], overlayCollapsed: false, overlayDock: 'right', disabledSites: [], rememberedSites: [], today: '' },
      annotations: [],
      overrides: [],
      today: '',
      draft: null,
    });
  }

  get state(): PageState {
    return this.store.get().page;
  }

  private setPage(patch: Partial<PageState>): void {
    const page = { ...this.store.get().page, ...patch };
    this.store.set({ page });
    this.hooks.onState(page);
  }

  /**
   * Runs the analysis. `force` analyzes even when detection says this is not a notice. One at a time: asked
   * during a run, it waits for that run and only runs again when it is forced and that run was not.
   * `early`: the analysis started while the page loads (see EarlyStart).
   */
  analyze(force = false, early?: EarlyStart): Promise<PageState> {
    const previous = this.running;
    const wasForced = this.forced;
    const next = (async () => {
      if (previous) {
        await previous.catch(() => undefined);
        if (!force || wasForced) return this.state;
      }
      return this.runAnalysis(force, early);
    })();
    this.running = next;
    const clear = () => {
      if (this.running === next) this.running = null;
    };
    next.then(clear, clear);
    return next;
  }

  private async runAnalysis(force: boolean, early?: EarlyStart): Promise<PageState> {
    this.forced ||= force;
    const prefs = await (early?.prefs ?? loadPrefs());
    const today = effectiveToday(prefs);
    this.store.set({ prefs, today });
    if (!this.forced && prefs.disabledSites.includes(hostOf(this.doc.location.href))) {
      this.setPage({ status: 'disabled' });
      return this.state;
    }
    const t0 = performance.now();
    this.watcher.stop();
    this.clearHighlights();
    const { root, extracted, title, detect, timings: read } = readArticle(this.doc, this.limits.maxChars, prefs.rememberedSites);
    const timings: Record<string, number> = { ...read };
    this.readRoot = root;
    if (!detect.isNotice && !this.forced) {
      this.setPage({ status: 'not_notice', detect, title, timings });
      this.watcher.watch(this.doc.body);
      return this.state;
    }
    if (extracted.text.length > this.limits.maxChars) return this.tooLarge(detect, title, timings);
    // (no await since the text was read: nothing could change it unnoticed)
    const changedSinceExtract = noteChanges(root);
    const tc = performance.now();
    this.context = { chromeText: extractChromeText(this.doc, root), pageTitle: title };
    const parseStart = performance.now();
    // parsed in the background (or remembered there for an unchanged page): the page only applies the result.
    // The request goes out with the text as read; the background normalizes it for the parse and the key, while
    // the page normalizes it too, in a task of its own, for its offset map (the same function: the same text).
    // A library notice's page asked for its remembered analysis already (early.remembered): it is taken when
    // this text, context and day are the ones it was made from, else the page asks as any other does.
    const asked = early?.remembered ? null : this.parseInBackground(extracted.text, today);
    await yieldToPage();
    const t1 = performance.now();
    const normalized = normalizeText(extracted.text);
    // main-thread time: the page context + normalize (the parse itself ran in the background)
    timings.parse = parseStart - tc + (performance.now() - t1);
    if (asked) void yieldToPage().then(() => this.hooks.whileParsing?.());
    const parsed = await (asked ?? this.rememberedOrParsed(early?.remembered ?? null, normalized.text, extracted.text, today));
    if (!parsed?.model) changedSinceExtract(); // not shown: stop noting changes
    if (!parsed) return this.state;
    this.analysisKey = parsed.analysisKey;
    timings.remembered = parsed.remembered ? 1 : 0;
    timings.backgroundParse = parsed.parseMs;
    if (!parsed.model) return this.tooLarge(detect, title, { ...timings, parseWall: performance.now() - parseStart });
    const notice = parsed.model;
    timings.parseWall = performance.now() - parseStart;
    const beforeLoad = early !== undefined && this.doc.readyState !== 'complete';
    this.root = root;
    this.map = new PageTextMap(extracted, normalized);
    this.nodesChanged = false;
    this.setPage({ status: 'ready', detect, title: notice.meta.title ?? title, text: normalized.text, notice, error: null, timings });
    // the overlay once the page has loaded (rendered then: rendered before `load`, its ~15–25 ms first render, cold
    // code, was extension work that could hold the page's `load` back); the marks after it, what is in view first
    if (beforeLoad) {
      await early.loaded;
      // read before the page had loaded: start over if the article changed meanwhile (scripts run at load);
      // read it again only when something in it changed (a second walk of a large article is a long task)
      if (!root.isConnected || (changedSinceExtract() && extractText(root).text !== extracted.text)) return this.runAnalysis(force);
    }
    changedSinceExtract();
    await Promise.resolve(this.hooks.onNotice()).catch((err: unknown) => console.warn('[Rectify Lens] overlay', err));
    timings.overlayAt = performance.now();
    await yieldToPage();
    const t2 = performance.now();
    // main-thread time of the highlighting itself; the wall time also includes the yields to the page
    timings.highlight = await this.renderHighlights();
    timings.highlightWall = performance.now() - t2;
    timings.total = performance.now() - t0;
    // when the marks were all drawn, on the page's clock (performance.now() shares the document's time origin)
    timings.highlightsAt = performance.now();
    this.setPage({ timings: { ...timings } });
    this.watcher.watch(root);
    void this.persist();
    return this.state;
  }

  /** Past the hard limit: nothing is parsed or highlighted, the overlay says so and offers the side panel. */
  private tooLarge(detect: PageState['detect'], title: string | null, timings: Record<string, number>): PageState {
    this.root = null;
    this.map = null;
    this.setPage({ status: 'too_large', detect, title, text: null, notice: null, noticeKey: null, snapshotHash: null, anchors: [], error: null, timings });
    void this.hooks.onNotice();
    return this.state;
  }

  /** The analysis remembered for this page's address when it fits this text, context and day, else a parse-page of the text as read. */
  private async rememberedOrParsed(remembered: Promise<RememberedParse> | null, normalized: string, read: string, today: string): Promise<PageParse | null> {
    return rememberedFor(await remembered, { text: normalized, context: this.context, today }) ?? this.parseInBackground(read, today);
  }

  /** Asks the background to parse the article text as read (lib/parse-page); on failure the page shows the error. */
  private async parseInBackground(text: string, today: string): Promise<PageParse | null> {
    try {
      return await sendToBackground({ type: 'parse-page', text, context: this.context, today, limitMs: this.limits.maxParseMs });
    } catch (err) {
      this.setPage({ status: 'error', error: `分析失败：${err instanceof Error ? err.message : String(err)}` });
      return null;
    }
  }

  /**
   * Saves the snapshot (lib/page/save-notice: the background still holds what it parsed) and loads this notice's
   * annotations and overrides (through the background).
   */
  private async persist(): Promise<void> {
    const { text, notice } = this.state;
    if (!text || !notice) return;
    try {
      const shown = { url: this.doc.location.href, analysisKey: this.analysisKey, text, model: notice, context: this.context };
      const saved = await saveShownNotice((req) => sendToBackground(req), shown);
      this.setPage({ noticeKey: saved.noticeKey, snapshotHash: saved.snapshotHash });
      await this.reloadAnnotations();
    } catch (err) {
      this.setPage({ error: `保存失败：${err instanceof Error ? err.message : String(err)}` });
    }
  }

  async reloadAnnotations(): Promise<void> {
    const { noticeKey, text, snapshotHash } = this.state;
    if (!noticeKey || !text) return;
    const data = await sendToBackground({ type: 'get-page-data', noticeKey });
    const live = data.annotations.filter((a) => !a.deletedAt);
    // another version's annotation is drawn here only once re-anchored on this text (see lib/annotation-versions)
    const anchors = anchorOnVersion(text, snapshotHash, live);
    const before = anchorsKey(this.state.anchors, this.store.get().annotations);
    this.versions = data.versions ?? [];
    this.store.set({ annotations: live, overrides: data.overrides });
    this.setPage({ anchors });
    const changed = ownVersionUpdates(live, anchors);
    if (changed.length) await sendToBackground({ type: 'set-anchor-states', updates: changed });
    const annotationsShown = this.store.get().prefs.categories.includes('annotation');
    if (annotationsShown && anchorsKey(anchors, live) !== before) await this.renderHighlights();
  }

  /** Spans of the enabled categories plus anchored annotations, as highlight spans. */
  private highlightSpans(categories: HighlightCategory[]): HighlightSpan[] {
    const { notice, anchors } = this.state;
    return highlightSpansOf({ notice, anchors, annotations: this.store.get().annotations, versions: this.versions }, categories);
  }

  /** Re-draws all marks for the enabled categories. Idempotent. Returns the main-thread time it took (yields excluded). */
  async renderHighlights(): Promise<number> {
    if (!this.root || !this.map) return 0;
    this.renderAbort?.abort();
    const abort = new AbortController();
    this.renderAbort = abort;
    return this.watcher.whilePaused(() => this.drawMarks(abort));
  }

  /** renderHighlights' work: marks for the enabled categories, prepared and applied in slices. */
  private async drawMarks(abort: AbortController): Promise<number> {
    // mark.js is the second injected file (lib/page/mark-slot): here long before the first marks, else awaited
    const applyMarks = await markDrawer();
    if (abort.signal.aborted) return 0;
    const t0 = performance.now();
    if (this.clearHighlights() > 0) this.nodesChanged = true;
    const map = this.currentMap();
    if (!map) return performance.now() - t0;
    ensureMarkStyle(this.doc);
    this.pieces = flattenSpans(this.highlightSpans(this.store.get().prefs.categories));
    const nodePieces: NodePiece[] = [];
    // mapping offsets to text nodes is sliced too (a 1 MB notice has tens of thousands of pieces)
    let prepareMs = 0;
    let sliceStart = t0;
    for (const piece of this.pieces) {
      for (const p of map.domPieces(piece.start, piece.end)) nodePieces.push({ ...p, piece });
      if (performance.now() - sliceStart > SLICE_MS) {
        prepareMs += performance.now() - sliceStart;
        await yieldToPage();
        if (abort.signal.aborted) return prepareMs;
        sliceStart = performance.now();
      }
    }
    prepareMs += performance.now() - sliceStart;
    // mark.js splits text nodes: from here on `map` is rebuilt before its nodes are used again
    this.nodesChanged = true;
    const { busyMs } = await applyMarks(nodePieces, { signal: abort.signal });
    this.nodesChanged = true; // again: a selection made between two batches rebuilt it half-way
    return prepareMs + busyMs;
  }

  /** The text map over the page's current text nodes (rebuilt after marks split or merged them). */
  private currentMap(): PageTextMap | null {
    if (this.map && this.nodesChanged) {
      const rebound = this.map.rebound();
      if (!rebound) return null;
      this.map = rebound;
      this.nodesChanged = false;
    }
    return this.map;
  }

  /** Removes all marks; returns how many there were. */
  clearHighlights(): number {
    return this.root ? clearMarks(this.root) : 0;
  }

  async setCategories(categories: HighlightCategory[]): Promise<void> {
    this.store.set({ prefs: { ...this.store.get().prefs, categories } });
    await this.renderHighlights();
  }

  /** Notes for the mark element under the pointer (tooltip lines, page text kept as plain strings). */
  notesForMark(el: Element): string[] {
    const start = Number(el.getAttribute('data-rl-start'));
    const piece = this.pieces.find((p) => p.start === start);
    return piece ? piece.notes : [];
  }

  /** Scrolls the page to normalized [start, end) and flashes it. Returns the target's rectangle. */
  scrollTo(start: number, end: number): DOMRect | null {
    const map = this.currentMap();
    if (!map) return null;
    const pieces = map.domPieces(start, Math.max(end, start + 1));
    if (!pieces.length) return null;
    const first = pieces[0];
    const last = pieces[pieces.length - 1];
    const range = this.doc.createRange();
    range.setStart(first.node, first.start);
    range.setEnd(last.node, last.end);
    const target = first.node.parentElement;
    target?.scrollIntoView({ block: 'center', behavior: 'auto' });
    flashRange(this.doc, range);
    return range.getBoundingClientRect();
  }

  /**
   * The current selection as normalized offsets, trimmed to its visible text, or null when it is outside the
   * notice text or holds nothing but whitespace.
   */
  selectionOffsets(): { start: number; end: number; quote: string } | null {
    const sel = this.doc.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const map = this.currentMap();
    const raw = map?.fromDomRange(sel.getRangeAt(0));
    const r = map && raw ? trimRange(map.text, raw.start, raw.end) : null;
    if (!map || !r) return null;
    return { ...r, quote: map.text.slice(r.start, r.end) };
  }

  beginAnnotation(): boolean {
    const sel = this.selectionOffsets();
    if (!sel) return false;
    this.pointer.set({ selectionButton: null });
    this.store.set({ draft: sel });
    return true;
  }

  async saveAnnotation(input: { note: string; tags: string[]; severity: NewAnnotationDraft['severity'] }): Promise<void> {
    const { draft } = this.store.get();
    const { noticeKey, snapshotHash, text } = this.state;
    if (!draft || !noticeKey || !snapshotHash || !text) throw new Error('通报尚未保存，无法添加批注');
    const sel = describeRange(text, draft.start, draft.end);
    await sendToBackground({
      type: 'add-annotation',
      noticeKey,
      snapshotHash,
      url: this.doc.location.href,
      draft: { quote: sel.quote, position: sel.position, ...input },
    });
    this.store.set({ draft: null });
    this.doc.getSelection()?.removeAllRanges();
    await this.reloadAnnotations();
  }

  /** Re-runs when the article text really changed (late-loaded content, CMS updates). */
  private async onContentChanged(): Promise<void> {
    const root = findArticleRoot(this.doc);
    const text = extractText(root).text;
    const previous = this.map?.extracted.text ?? null;
    if (previous !== null && root === this.root && text === previous) return;
    await this.analyze();
  }

  dispose(): void {
    this.watcher.stop();
    this.renderAbort?.abort();
    this.clearHighlights();
    removeMarkStyle(this.doc);
  }

  /** The article's root element, as the latest analysis read it; null before any was read. */
  get articleRoot(): Element | null {
    return this.readRoot;
  }
}
