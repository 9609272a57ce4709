/**
 * Mounts the overlay in a closed WXT shadow root (page CSS cannot leak in or out, and the page's scripts
 * cannot reach in to read notes or tooltips) and wires page events: tooltips on highlights, the "批注"
 * button near a selection.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { NoticePageController } from '@/lib/page/controller';
import { MARK_CLASS } from '@/lib/page/highlighter';
import { isFocusShortcut } from '@/lib/overlay-keys';
import { Overlay } from './Overlay';
import { OVERLAY_NAME, rememberPageFocus, requestOverlayFocus } from './focus';
// Inlined at build time: no fetch of a CSS file, so no web-accessible resource is needed on any site.
import overlayCss from './overlay.css?inline';
import chipCss from '../common/status-chip.css?inline';

export { OVERLAY_NAME };

/** The overlay, rendered (prepareOverlay) and then shown in the page (show: idempotent). */
export interface PreparedOverlay {
  ui: ShadowRootContentScriptUi<void>;
  show(): void;
}

/**
 * Makes the overlay's shadow root and renders the overlay into it before the host is attached: the page then
 * lays the whole panel out once, on the append (show). Page events are wired once it is shown.
 */
export async function prepareOverlay(
  ctx: ContentScriptContext,
  controller: NoticePageController,
  onOpenSidePanel: () => void,
): Promise<PreparedOverlay> {
  const ui = await createShadowRootUi(ctx, {
    name: OVERLAY_NAME,
    mode: 'closed',
    css: `${overlayCss}\n${chipCss}`,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    // rendered below, before it is attached
    onMount: () => undefined,
    onRemove: () => {
      if (ui.uiContainer) render(null, ui.uiContainer);
    },
  });
  ui.shadowHost.setAttribute('data-rl-ignore', '');
  // the shadow root's own <html>: screen readers read the overlay in the UI language, not the page's
  ui.shadow.querySelector('html')?.setAttribute('lang', browser.i18n.getUILanguage());
  render(<Overlay controller={controller} onOpenSidePanel={onOpenSidePanel} />, ui.uiContainer);
  let shown = false;
  const show = () => {
    if (shown) return;
    shown = true;
    ui.mount();
    wirePageEvents(ctx, controller);
    wireFocus(ctx, ui.shadowHost);
  };
  return { ui, show };
}

/** The focus-overlay command (through the background): same as the key pressed in the page. */
export function focusOverlay(): boolean {
  requestOverlayFocus(overlayHasFocus(), 'command');
  return true;
}

/** Whether focus is inside the overlay (the closed root shows the page only its host as focused). */
export function overlayHasFocus(): boolean {
  return document.activeElement?.localName === OVERLAY_NAME;
}

/**
 * Alt+Shift+R in the page moves focus into the overlay and, pressed there, back. (The manifest command with
 * the same key reaches the overlay through the background when the browser keeps the key for itself.)
 * Focus coming in by Tab is remembered too, so Esc can give it back.
 */
function wireFocus(ctx: ContentScriptContext, host: HTMLElement): void {
  ctx.addEventListener(document, 'keydown', (e) => {
    if (!isFocusShortcut(e)) return;
    e.preventDefault();
    e.stopPropagation();
    requestOverlayFocus(overlayHasFocus(), 'key');
  }, { capture: true });
  ctx.addEventListener(document, 'focusin', (e) => {
    const from = e.relatedTarget as Element | null;
    if (e.target === host && from !== host) rememberPageFocus(from);
  });
}

function wirePageEvents(ctx: ContentScriptContext, controller: NoticePageController): void {
  ctx.addEventListener(document, 'mouseover', (e) => {
    const mark = (e.target as Element | null)?.closest?.(`mark.${MARK_CLASS}`);
    if (!mark) {
      if (controller.pointer.get().tooltip) controller.pointer.set({ tooltip: null });
      return;
    }
    const lines = controller.notesForMark(mark);
    if (!lines.length) return;
    const r = mark.getBoundingClientRect();
    controller.pointer.set({ tooltip: { x: Math.max(4, Math.min(r.left, window.innerWidth - 360)), y: r.bottom + 6, lines } });
  });
  ctx.addEventListener(document, 'scroll', () => controller.pointer.get().tooltip && controller.pointer.set({ tooltip: null }), { passive: true });
  // The button follows the selection however it was made: a mouse drag (shown on release), a double or
  // triple click, or the keyboard (Shift+arrows: no mouseup, so `selectionchange` once the keys rest).
  // A release shows the button at once; the keyboard's own timer never postpones that.
  let pointerDown = false;
  let keyed: ReturnType<typeof setTimeout> | null = null;
  ctx.addEventListener(document, 'mousedown', (e) => {
    if (!(e.target as Element | null)?.closest?.(OVERLAY_NAME)) pointerDown = true;
  });
  ctx.addEventListener(document, 'mouseup', (e) => {
    pointerDown = false;
    if ((e.target as Element | null)?.closest?.(OVERLAY_NAME)) return;
    setTimeout(() => showSelectionButton(controller), 0);
  });
  ctx.addEventListener(document, 'selectionchange', () => {
    if (pointerDown) return;
    if (keyed) clearTimeout(keyed);
    keyed = setTimeout(() => showSelectionButton(controller), SELECTION_SETTLE_MS);
  });
}

/** Quiet time after the last keyboard selection change before the button moves. */
const SELECTION_SETTLE_MS = 150;

function showSelectionButton(controller: NoticePageController): void {
  const sel = controller.selectionOffsets();
  if (!sel) {
    if (controller.pointer.get().selectionButton) controller.pointer.set({ selectionButton: null });
    return;
  }
  const range = document.getSelection()?.getRangeAt(0);
  const rect = range ? lastLineRect(range) : null;
  if (rect) controller.pointer.set({ selectionButton: { x: Math.min(rect.right + 4, window.innerWidth - 90), y: Math.max(4, rect.top - 34) } });
}

/** The rectangle of the selection's last line (where the drag ended), else the whole selection's. */
function lastLineRect(range: Range): DOMRect | null {
  const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
  return rects[rects.length - 1] ?? range.getBoundingClientRect();
}
