// Issue 12 "the page stays readable": where the overlay goes for a given article box and viewport, and the keys inside it.
import { describe, expect, it } from 'vitest';
import { coversTarget, gutter, PANEL_GAP, PANEL_MAX_WIDTH, PANEL_MIN_WIDTH, planOverlay, TAB_GAP, TAB_WIDTH, type LayoutInput } from '@/lib/overlay-layout';
import { isActivation, isFocusShortcut, listMove, treeKey } from '@/lib/overlay-keys';

// The seed pages: a 1000 px wide centred column, article text 40 px inside it.
const centred = (viewportWidth: number): LayoutInput['article'] => {
  const left = Math.max(0, (viewportWidth - 1000) / 2) + 40;
  return { left, right: left + 920 };
};
const plan = (viewportWidth: number, extra: Partial<LayoutInput> = {}) =>
  planOverlay({ viewportWidth, article: centred(viewportWidth), preferred: 'right', choice: null, ...extra });

describe('docking beside the article', () => {
  it('1920 px: full width panel on the right, clear of the text', () => {
    const p = plan(1920);
    expect(p).toEqual({ mode: 'docked', side: 'right', width: PANEL_MAX_WIDTH });
    expect(1920 - PANEL_GAP - p.width).toBeGreaterThanOrEqual(centred(1920)!.right + PANEL_GAP);
  });

  it('1600 px: docks on the right at the width that fits the 340 px band', () => {
    // text ends at 1260: 340 px free, 12 px kept on each side of the panel
    expect(plan(1600)).toEqual({ mode: 'docked', side: 'right', width: 316 });
  });

  it('keeps the reader\'s side when both have room, and takes the other side when only it has', () => {
    expect(plan(1600, { preferred: 'left' })).toEqual({ mode: 'docked', side: 'left', width: 316 });
    const leftOnly = planOverlay({ viewportWidth: 1400, article: { left: 400, right: 1300 }, preferred: 'right', choice: null });
    expect(leftOnly).toEqual({ mode: 'docked', side: 'left', width: PANEL_MAX_WIDTH });
  });

  it('below the minimum useful width it collapses instead of squeezing', () => {
    const band = PANEL_MIN_WIDTH + 2 * PANEL_GAP;
    expect(planOverlay({ viewportWidth: 1000 + band, article: { left: 0, right: 1000 }, preferred: 'right', choice: null }).mode).toBe('docked');
    expect(planOverlay({ viewportWidth: 1000 + band - 1, article: { left: 0, right: 1000 }, preferred: 'right', choice: null }).mode).toBe('tab');
  });
});

describe('collapsing to a tab', () => {
  it('1440 and 1000 px: no room for a panel, the tab sits in the margin on the preferred side', () => {
    expect(plan(1440)).toEqual({ mode: 'tab', side: 'right', width: TAB_WIDTH });
    expect(plan(1000)).toEqual({ mode: 'tab', side: 'right', width: TAB_WIDTH });
  });

  it('800 px (the page scrolls sideways): the text runs past the right edge, the tab goes left', () => {
    expect(gutter({ viewportWidth: 800, article: centred(800) }, 'right')).toBe(0);
    expect(plan(800)).toEqual({ mode: 'tab', side: 'left', width: TAB_WIDTH });
  });

  it('a margin narrower than the tab does not take it; with no margin anywhere it takes the wider one', () => {
    const narrow = TAB_WIDTH + TAB_GAP - 1;
    expect(planOverlay({ viewportWidth: 800, article: { left: narrow + 5, right: 800 - narrow }, preferred: 'right', choice: null }).side).toBe('left');
    expect(planOverlay({ viewportWidth: 800, article: { left: 3, right: 790 }, preferred: 'left', choice: null }).side).toBe('right');
    expect(planOverlay({ viewportWidth: 800, article: null, preferred: 'left', choice: null }).side).toBe('left');
  });

  it('the reader\'s choice wins: collapsed stays a tab with room, expanded floats without room', () => {
    expect(plan(1920, { choice: 'collapsed' })).toEqual({ mode: 'tab', side: 'right', width: TAB_WIDTH });
    expect(plan(1000, { choice: 'expanded' })).toEqual({ mode: 'floating', side: 'right', width: PANEL_MAX_WIDTH });
    expect(plan(320, { choice: 'expanded' }).width).toBe(320 - 2 * PANEL_GAP);
    // with room, an expanded panel still docks beside the text
    expect(plan(1600, { choice: 'expanded' }).mode).toBe('docked');
  });

  it('a floating panel knows when a jump target lies under it', () => {
    const floating = plan(1000, { choice: 'expanded' });
    expect(coversTarget(floating, 1000, { left: 700, right: 900 })).toBe(true);
    expect(coversTarget(floating, 1000, { left: 100, right: 600 })).toBe(false);
    expect(coversTarget(plan(1600), 1600, { left: 700, right: 1590 })).toBe(false);
  });
});

describe('keys', () => {
  it('Alt+Shift+R by its physical key, not with Ctrl or Meta', () => {
    const base = { altKey: true, shiftKey: true, ctrlKey: false, metaKey: false };
    expect(isFocusShortcut({ ...base, key: 'R', code: 'KeyR' })).toBe(true);
    expect(isFocusShortcut({ ...base, key: '‰', code: 'KeyR' })).toBe(true);
    expect(isFocusShortcut({ ...base, key: 'R', code: 'KeyT' })).toBe(false);
    expect(isFocusShortcut({ ...base, ctrlKey: true, key: 'R', code: 'KeyR' })).toBe(false);
    expect(isFocusShortcut({ ...base, shiftKey: false, key: 'r', code: 'KeyR' })).toBe(false);
  });

  it('arrows, Home and End move inside a list without wrapping; other keys are not moves', () => {
    expect(listMove('ArrowDown', 0, 3)).toBe(1);
    expect(listMove('ArrowDown', 2, 3)).toBe(2);
    expect(listMove('ArrowUp', 0, 3)).toBe(0);
    expect(listMove('ArrowUp', 2, 3)).toBe(1);
    expect(listMove('Home', 2, 3)).toBe(0);
    expect(listMove('End', 0, 3)).toBe(2);
    expect(listMove('ArrowDown', -1, 3)).toBe(1);
    expect(listMove('Tab', 1, 3)).toBeNull();
    expect(listMove('ArrowDown', 0, 0)).toBeNull();
    expect(isActivation('Enter')).toBe(true);
    expect(isActivation(' ')).toBe(true);
    expect(isActivation('Escape')).toBe(false);
  });

  it('Right opens then steps in; Left closes then steps out', () => {
    expect(treeKey('ArrowRight', { expandable: true, expanded: false, hasParent: false })).toBe('expand');
    expect(treeKey('ArrowRight', { expandable: true, expanded: true, hasParent: false })).toBe('first-child');
    expect(treeKey('ArrowRight', { expandable: false, expanded: false, hasParent: true })).toBeNull();
    expect(treeKey('ArrowLeft', { expandable: true, expanded: true, hasParent: true })).toBe('collapse');
    expect(treeKey('ArrowLeft', { expandable: true, expanded: false, hasParent: true })).toBe('parent');
    expect(treeKey('ArrowLeft', { expandable: false, expanded: false, hasParent: false })).toBeNull();
    expect(treeKey('ArrowDown', { expandable: true, expanded: false, hasParent: true })).toBeNull();
  });
});
