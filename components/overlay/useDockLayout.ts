/**
 * Measures the page for lib/overlay-layout: the viewport's width and the article text's horizontal extent
 * (the article root's content box), re-measured when the window is resized, the page scrolls sideways or
 * the article itself changes size, at most once per THROTTLE_MS.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { findArticleRoot } from '@/lib/extract';
import { planOverlay, type DockSide, type OverlayChoice, type OverlayLayout } from '@/lib/overlay-layout';

const THROTTLE_MS = 120;

interface PageBox {
  viewportWidth: number;
  article: { left: number; right: number } | null;
}

let cachedRoot: Element | null = null;

/** Where the analysis found the article, when it knows: looking for it again walks the whole page's text. */
export type KnownRoot = () => Element | null;

/** The article root (the analysis's, else found once, found again when the page replaced it). */
function articleRoot(known?: KnownRoot): Element | null {
  if (cachedRoot?.isConnected) return cachedRoot;
  const root = known?.();
  cachedRoot = root?.isConnected ? root : findArticleRoot(document);
  return cachedRoot;
}

/** The content box of `el` (its text runs inside the padding), horizontally, in viewport coordinates. */
function contentBox(el: Element): { left: number; right: number } {
  const r = el.getBoundingClientRect();
  const css = getComputedStyle(el);
  const px = (v: string) => Number.parseFloat(v) || 0;
  return {
    left: r.left + px(css.borderLeftWidth) + px(css.paddingLeft),
    right: r.right - px(css.borderRightWidth) - px(css.paddingRight),
  };
}

function measure(known?: KnownRoot): PageBox {
  const root = articleRoot(known);
  const body = document.body ?? document.documentElement;
  return {
    viewportWidth: document.documentElement.clientWidth || window.innerWidth,
    // the whole page as the article: no margin anywhere, so the overlay collapses
    article: root && root !== body ? contentBox(root) : null,
  };
}

const sameBox = (a: PageBox, b: PageBox) =>
  a.viewportWidth === b.viewportWidth && a.article?.left === b.article?.left && a.article?.right === b.article?.right;

export function useDockLayout(preferred: DockSide, choice: OverlayChoice, known?: KnownRoot): OverlayLayout {
  const [box, setBox] = useState<PageBox>(() => measure(known));
  const knownRoot = useRef(known);
  knownRoot.current = known;
  useEffect(() => {
    const currentKnown = () => knownRoot.current?.() ?? null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let scrollX = window.scrollX;
    const update = () => {
      timer = null;
      const next = measure(currentKnown);
      setBox((prev) => (sameBox(prev, next) ? prev : next));
    };
    const schedule = () => {
      timer ??= setTimeout(update, THROTTLE_MS);
    };
    const onScroll = () => {
      if (window.scrollX === scrollX) return; // vertical scrolling never moves the text sideways
      scrollX = window.scrollX;
      schedule();
    };
    window.addEventListener('resize', schedule, { passive: true });
    window.addEventListener('scroll', onScroll, { passive: true });
    const root = articleRoot(currentKnown);
    const observer = typeof ResizeObserver === 'undefined' || !root ? null : new ResizeObserver(schedule);
    if (root) observer?.observe(root);
    update();
    return () => {
      if (timer) clearTimeout(timer);
      window.removeEventListener('resize', schedule);
      window.removeEventListener('scroll', onScroll);
      observer?.disconnect();
    };
  }, []);
  return planOverlay({ ...box, preferred, choice });
}
