/**
 * Where the in-page overlay goes so that it never covers the article text: docked in the free band beside
 * the article when the band is wide enough, otherwise collapsed to a narrow tab at the edge. Pure numbers
 * (CSS pixels, viewport coordinates): the overlay measures the page and asks here.
 */

export type DockSide = 'right' | 'left';
/** The reader's own expand/collapse choice; null = follow the layout. */
export type OverlayChoice = 'expanded' | 'collapsed' | null;

export interface LayoutInput {
  /** The viewport's width without its vertical scrollbar (documentElement.clientWidth). */
  viewportWidth: number;
  /** Horizontal extent of the article's text box (its content box), in viewport coordinates; null = unknown. */
  article: { left: number; right: number } | null;
  /** The side the reader last chose (⇄); used when both sides have room. */
  preferred: DockSide;
  choice: OverlayChoice;
}

export interface OverlayLayout {
  /** docked: beside the article; tab: collapsed at the edge; floating: expanded over the text because the reader asked. */
  mode: 'docked' | 'tab' | 'floating';
  side: DockSide;
  /** Panel width in px (the tab's own width when mode is tab). */
  width: number;
}

export const PANEL_MAX_WIDTH = 340;
/** Narrower than this the outline and findings wrap too much to be useful: collapse instead. */
export const PANEL_MIN_WIDTH = 260;
/** Space kept between the panel and the viewport edge, and between the panel and the article. */
export const PANEL_GAP = 12;
export const TAB_WIDTH = 30;
/** Space kept between the tab and the article text. */
export const TAB_GAP = 4;

/** Free width between the viewport edge on `side` and the article text. */
export function gutter(input: Pick<LayoutInput, 'viewportWidth' | 'article'>, side: DockSide): number {
  const { viewportWidth, article } = input;
  if (!article) return 0;
  const free = side === 'right' ? viewportWidth - article.right : article.left;
  return Math.max(0, Math.min(viewportWidth, free));
}

/** The preferred side first, then the other. */
function sidesInOrder(preferred: DockSide): DockSide[] {
  return preferred === 'right' ? ['right', 'left'] : ['left', 'right'];
}

/** Docked beside the article, when either side has room for a useful panel. */
function dockedLayout(input: LayoutInput): OverlayLayout | null {
  for (const side of sidesInOrder(input.preferred)) {
    const room = gutter(input, side) - 2 * PANEL_GAP;
    if (room >= PANEL_MIN_WIDTH) return { mode: 'docked', side, width: Math.min(PANEL_MAX_WIDTH, Math.floor(room)) };
  }
  return null;
}

/** The collapsed tab: on a side where it clears the text, else on the side with the wider margin. */
function tabLayout(input: LayoutInput): OverlayLayout {
  const sides = sidesInOrder(input.preferred);
  const clear = sides.find((side) => gutter(input, side) >= TAB_WIDTH + TAB_GAP);
  const side = clear ?? (gutter(input, sides[1]) > gutter(input, sides[0]) ? sides[1] : sides[0]);
  return { mode: 'tab', side, width: TAB_WIDTH };
}

export function planOverlay(input: LayoutInput): OverlayLayout {
  if (input.choice === 'collapsed') return tabLayout(input);
  const docked = dockedLayout(input);
  if (docked) return docked;
  if (input.choice === 'expanded') {
    const width = Math.max(0, Math.min(PANEL_MAX_WIDTH, input.viewportWidth - 2 * PANEL_GAP));
    return { mode: 'floating', side: input.preferred, width };
  }
  return tabLayout(input);
}

/** Whether a target's horizontal extent lies under a floating panel (then the panel moves to the other side). */
export function coversTarget(layout: OverlayLayout, viewportWidth: number, target: { left: number; right: number }): boolean {
  if (layout.mode !== 'floating') return false;
  return layout.side === 'right'
    ? target.right > viewportWidth - layout.width - PANEL_GAP
    : target.left < layout.width + PANEL_GAP;
}
