import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import type { NoticePageController } from '@/lib/page/controller';
import type { OverlayModel } from '@/lib/page/overlay-model';
import type { HighlightCategory, Notice } from '@/lib/schema';
import { ALL_CATEGORIES, savePrefs, type Prefs } from '@/lib/prefs';
import { t } from '@/lib/i18n';
import { coversTarget, PANEL_MAX_WIDTH, type OverlayChoice, type OverlayLayout } from '@/lib/overlay-layout';
import { useStore } from '../useStore';
import { categoryLabel, tooLargeMessage } from '../common/labels';
import { countBy } from '../common/outline';
import { AnnotationForm } from './AnnotationForm';
import { AttachmentActions } from './AttachmentActions';
import { Findings } from './Findings';
import { Outline } from './Outline';
import { focusRequests, returnFocusToPage } from './focus';
import { useDockLayout } from './useDockLayout';

interface Props {
  controller: NoticePageController;
  onOpenSidePanel: () => void;
}

/** Where focus goes when the shortcut brings the reader into the panel, in this order: the findings, the outline, the first control. */
const FIRST_STOPS = ['.rl-findings[role="listbox"] [tabindex="0"]', '.rl-tree [tabindex="0"]', 'button'];

function focusFirstStop(panel: HTMLElement): void {
  for (const selector of FIRST_STOPS) {
    const el = panel.querySelector<HTMLElement>(selector);
    if (el) return el.focus();
  }
}

export function Overlay({ controller, onOpenSidePanel }: Props) {
  const model = useStore(controller.store);
  const { page, prefs } = model;
  // The reader's expand/collapse choice wins over the layout until they change it. 收起 is kept for every page
  // (prefs); 展开 without room beside the text, Alt+Shift+R and Esc hold for this page only.
  const [choice, setChoice] = useState<OverlayChoice>(prefs.overlayCollapsed ? 'collapsed' : null);
  // the article root the analysis read (finding it again would walk the page's text once more in the first render)
  const layout = useDockLayout(prefs.overlayDock, choice, () => controller.articleRoot);
  const panel = useRef<HTMLElement>(null);
  const mode = useRef(layout.mode);
  mode.current = layout.mode;
  /** Set by the shortcut: focus moves in once the panel is rendered open. */
  const [focusPending, setFocusPending] = useState(false);
  const update = (patch: Partial<Prefs>) => {
    controller.store.set({ prefs: { ...controller.store.get().prefs, ...patch } });
    void savePrefs(patch);
  };
  /** A toggle pressed with focus on it hands focus to the other toggle (收起 ↔ the tab), not to the page. */
  const [toggleFocus, setToggleFocus] = useState(false);
  const setCollapsed = (collapsed: boolean) => {
    const root = panel.current?.getRootNode() as ShadowRoot | undefined;
    setToggleFocus(Boolean(root?.activeElement && panel.current?.contains(root.activeElement)));
    setChoice(collapsed ? 'collapsed' : 'expanded');
    if (collapsed !== prefs.overlayCollapsed) update({ overlayCollapsed: collapsed });
  };
  useEffect(() => {
    if (!toggleFocus) return;
    setToggleFocus(false);
    panel.current?.querySelector<HTMLElement>(layout.mode === 'tab' ? '.rl-tab-toggle' : '.rl-collapse')?.focus();
  }, [toggleFocus, layout.mode]);
  // The shortcut: into the panel (opening it when it is a tab), or, pressed inside it, back to the page.
  useEffect(() => focusRequests.subscribe(({ toPage }) => {
    if (toPage && panel.current) return returnFocusToPage(panel.current);
    if (mode.current === 'tab') setChoice('expanded');
    setFocusPending(true);
  }), []);
  useEffect(() => {
    if (!focusPending || layout.mode === 'tab') return;
    setFocusPending(false);
    if (panel.current) focusFirstStop(panel.current);
  }, [focusPending, layout.mode]);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    e.preventDefault();
    if (panel.current) returnFocusToPage(panel.current);
    setChoice('collapsed');
  };
  if (page.status === 'too_large') {
    return (
      <Shell layout={layout} panel={panel} onKeyDown={onKeyDown} onCollapse={setCollapsed} onOpenSidePanel={onOpenSidePanel}>
        <p class="rl-too-large" role="status">{tooLargeMessage(page)}</p>
      </Shell>
    );
  }
  if (page.status !== 'ready' || !page.notice) return null;
  const notice = page.notice;
  const scrollTo = (start: number, end: number) => {
    const rect = controller.scrollTo(start, end);
    const viewport = document.documentElement.clientWidth;
    if (rect && coversTarget(layout, viewport, rect)) update({ overlayDock: layout.side === 'right' ? 'left' : 'right' });
  };
  return (
    <>
      <Shell layout={layout} panel={panel} onKeyDown={onKeyDown} onCollapse={setCollapsed} onOpenSidePanel={onOpenSidePanel}
        onSwitchSide={() => update({ overlayDock: layout.side === 'right' ? 'left' : 'right' })}>
        <h2 class="rl-title">{notice.meta.title ?? page.title ?? t('untitledNotice')}</h2>
        <Legend model={model} notice={notice} onToggle={(cats) => { update({ categories: cats }); void controller.setCategories(cats); }} />
        <Findings findings={notice.findings} onPick={scrollTo} />
        <Outline notice={notice} overrides={model.overrides} onPick={scrollTo} />
        <AttachmentActions articleRoot={controller.articleRoot} />
        <DetectReasons model={model} />
      </Shell>
      <PointerLayer controller={controller} drafting={model.draft !== null} />
      {model.draft && <AnnotationForm controller={controller} draft={model.draft} />}
    </>
  );
}

interface ShellProps {
  layout: OverlayLayout;
  panel: { current: HTMLElement | null };
  onKeyDown: (e: KeyboardEvent) => void;
  onCollapse: (collapsed: boolean) => void;
  onOpenSidePanel: () => void;
  onSwitchSide?: () => void;
  children: ComponentChildren;
}

/**
 * The panel docked beside the article (or floating over it when the reader opened it without room), or the
 * collapsed tab at the edge. Both toggles carry their label in text (整改通报 ◂ 展开 / 收起 ▸), not an icon
 * alone. Collapsed, the panel stays rendered but hidden: opened again, the outline is as the reader left it.
 */
function Shell({ layout, panel, onKeyDown, onCollapse, onOpenSidePanel, onSwitchSide, children }: ShellProps) {
  const tab = layout.mode === 'tab';
  return (
    <aside ref={panel} class={`rl-panel rl-${layout.mode} rl-dock-${layout.side}`} style={tab ? undefined : { width: `${layout.width}px` }}
      role="complementary" aria-label={t('overlayAria')} onKeyDown={onKeyDown}>
      {tab && (
        <button type="button" class="rl-tab-toggle" aria-expanded={false} aria-controls="rl-body" title={t('overlayShortcutHint')} onClick={() => onCollapse(false)}>
          <span class="rl-tab-brand">{t('overlayTabLabel')}</span>
          <span class="rl-tab-action"><span class="rl-arrow" aria-hidden="true">{layout.side === 'right' ? '◂' : '▸'}</span>{t('expand')}</span>
        </button>
      )}
      <header class="rl-head" hidden={tab}>
        {/* the full name when the panel has its full width, else the short one (the landmark keeps the full name) */}
        <strong class="rl-brand">{layout.width >= PANEL_MAX_WIDTH ? t('extName') : t('overlayTabLabel')}</strong>
        {onSwitchSide && <button type="button" class="rl-icon" title={t('switchDock')} aria-label={t('switchDock')} onClick={onSwitchSide}>⇄</button>}
        <button type="button" class="rl-link" onClick={onOpenSidePanel}>{t('openSidePanel')}</button>
        <button type="button" class="rl-collapse" aria-expanded={true} aria-controls="rl-body" title={t('overlayShortcutHint')} onClick={() => onCollapse(true)}>
          {t('collapse')}<span class="rl-arrow" aria-hidden="true">{layout.side === 'right' ? '▸' : '◂'}</span>
        </button>
      </header>
      <div id="rl-body" class="rl-body" hidden={tab}>{children}</div>
    </aside>
  );
}

/** Tooltip and selection button: subscribes only to pointer state, so hovering never re-renders the panel. */
function PointerLayer({ controller, drafting }: { controller: NoticePageController; drafting: boolean }) {
  const { tooltip, selectionButton } = useStore(controller.pointer);
  return (
    <>
      {tooltip && (
        <div class="rl-tooltip" role="tooltip" style={{ left: `${tooltip.x}px`, top: `${tooltip.y}px` }}>
          {tooltip.lines.map((l, i) => <div key={i}>{l}</div>)}
        </div>
      )}
      {selectionButton && !drafting && (
        <button class="rl-selection-button" style={{ left: `${selectionButton.x}px`, top: `${selectionButton.y}px` }}
          onMouseDown={(e) => e.preventDefault()} onClick={() => controller.beginAnnotation()}>
          {t('menuAddAnnotation')}
        </button>
      )}
    </>
  );
}

function Legend({ model, notice, onToggle }: { model: OverlayModel; notice: Notice; onToggle: (c: HighlightCategory[]) => void }) {
  // counted once per model, not on every re-render of the panel (a 1 MB notice has thousands of spans)
  const spanCounts = useMemo(() => countBy(notice.spans, (s) => s.kind) as Partial<Record<HighlightCategory, number>>, [notice]);
  const counts = { ...spanCounts };
  counts.annotation = model.page.anchors.filter((a) => a.state === 'anchored').length;
  const enabled = new Set(model.prefs.categories);
  return (
    <section class="rl-section" aria-label={t('legend')}>
      <h3>{t('legend')}</h3>
      <ul class="rl-legend">
        {ALL_CATEGORIES.map((c) => (
          <li key={c}>
            <label class={`rl-legend-item rl-sw-${c}`}>
              <input type="checkbox" checked={enabled.has(c)} data-category={c}
                onChange={(e) => onToggle(ALL_CATEGORIES.filter((k) => (k === c ? (e.currentTarget as HTMLInputElement).checked : enabled.has(k))))} />
              <span class="rl-swatch" aria-hidden="true" />
              {categoryLabel(c)} <span class="rl-count">{counts[c] ?? 0}</span>
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}

function DetectReasons({ model }: { model: OverlayModel }) {
  const reasons = model.page.detect?.reasons ?? [];
  return (
    <details class="rl-section rl-why">
      <summary>{t('whyDetected')}</summary>
      <ul>
        {reasons.map((r, i) => <li key={i}>{r.detail} <span class="rl-muted">(+{r.weight})</span></li>)}
      </ul>
    </details>
  );
}
