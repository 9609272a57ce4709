import { useState } from 'preact/hooks';
import type { NoticePageController, OverlayModel } from '@/lib/page/controller';
import type { HighlightCategory, Notice, OutlineNode, ProblemItem, StatusOverride } from '@/lib/schema';
import { ALL_CATEGORIES, savePrefs } from '@/lib/prefs';
import { t } from '@/lib/i18n';
import { useStore } from '../useStore';
import { categoryLabel, tooLargeMessage } from '../common/labels';
import { FindingList } from '../common/FindingList';
import { StatusChip } from '../common/StatusChip';
import { countBy, effectiveStatus, itemsByOutlineNode } from '../common/outline';
import { AnnotationForm } from './AnnotationForm';
import { AttachmentActions } from './AttachmentActions';

interface Props {
  controller: NoticePageController;
  onOpenSidePanel: () => void;
}

export function Overlay({ controller, onOpenSidePanel }: Props) {
  const model = useStore(controller.store);
  const { page, prefs } = model;
  if (page.status === 'too_large') return <TooLarge page={page} dock={prefs.overlayDock} onOpenSidePanel={onOpenSidePanel} />;
  if (page.status !== 'ready' || !page.notice) return null;
  const notice = page.notice;
  const collapsed = prefs.overlayCollapsed;
  const update = (patch: Partial<typeof prefs>) => {
    controller.store.set({ prefs: { ...controller.store.get().prefs, ...patch } });
    void savePrefs(patch);
  };
  const scrollTo = (start: number, end: number) => {
    const rect = controller.scrollTo(start, end);
    if (rect && isUnderPanel(rect, prefs.overlayDock)) update({ overlayDock: prefs.overlayDock === 'right' ? 'left' : 'right' });
  };
  return (
    <>
      <aside class={`rl-panel rl-dock-${prefs.overlayDock}${collapsed ? ' rl-collapsed' : ''}`} role="complementary" aria-label={t('overlayAria')}>
        <header class="rl-head">
          <button class="rl-icon" aria-expanded={!collapsed} aria-controls="rl-body" title={collapsed ? t('expand') : t('collapse')} onClick={() => update({ overlayCollapsed: !collapsed })}>
            {collapsed ? '◀' : '▶'}
          </button>
          <strong class="rl-brand">{t('extName')}</strong>
          {!collapsed && (
            <>
              <button class="rl-icon" title={t('switchDock')} onClick={() => update({ overlayDock: prefs.overlayDock === 'right' ? 'left' : 'right' })}>⇄</button>
              <button class="rl-link" onClick={onOpenSidePanel}>{t('openSidePanel')}</button>
            </>
          )}
        </header>
        {!collapsed && (
          <div id="rl-body" class="rl-body">
            <h2 class="rl-title">{notice.meta.title ?? page.title ?? t('untitledNotice')}</h2>
            <Legend model={model} notice={notice} onToggle={(cats) => { update({ categories: cats }); void controller.setCategories(cats); }} />
            <Findings notice={notice} onPick={scrollTo} />
            <Outline notice={notice} overrides={model.overrides} onPick={scrollTo} />
            <AttachmentActions />
            <DetectReasons model={model} />
          </div>
        )}
      </aside>
      <PointerLayer controller={controller} drafting={model.draft !== null} />
      {model.draft && <AnnotationForm controller={controller} draft={model.draft} />}
    </>
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

/** Past the content script's hard limit: says so and offers the side panel. */
function TooLarge({ page, dock, onOpenSidePanel }: { page: OverlayModel['page']; dock: 'right' | 'left'; onOpenSidePanel: () => void }) {
  return (
    <aside class={`rl-panel rl-dock-${dock}`} role="complementary" aria-label={t('overlayAria')}>
      <header class="rl-head">
        <strong class="rl-brand">{t('extName')}</strong>
        <button class="rl-link" onClick={onOpenSidePanel}>{t('openSidePanel')}</button>
      </header>
      <div class="rl-body">
        <p class="rl-too-large" role="status">{tooLargeMessage(page)}</p>
      </div>
    </aside>
  );
}

export const PANEL_WIDTH = 340;

/** Whether the target lies under the docked panel (then the panel moves to the other side). */
function isUnderPanel(rect: DOMRect, dock: 'right' | 'left'): boolean {
  return dock === 'right' ? rect.right > window.innerWidth - PANEL_WIDTH - 8 : rect.left < PANEL_WIDTH + 8;
}

function Legend({ model, notice, onToggle }: { model: OverlayModel; notice: Notice; onToggle: (c: HighlightCategory[]) => void }) {
  const counts = countBy(notice.spans, (s) => s.kind) as Partial<Record<HighlightCategory, number>>;
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

function Findings({ notice, onPick }: { notice: Notice; onPick: (s: number, e: number) => void }) {
  return (
    <section class="rl-section" aria-label={t('findings')}>
      <FindingList findings={notice.findings} prefix="rl" onPick={onPick} />
    </section>
  );
}

function Outline({ notice, overrides, onPick }: { notice: Notice; overrides: StatusOverride[]; onPick: (s: number, e: number) => void }) {
  const items = itemsByOutlineNode(notice);
  return (
    <section class="rl-section" aria-label={t('outline')}>
      <h3>{t('outline')} <span class="rl-count">{notice.items.length} {t('itemsUnit')}</span></h3>
      <ul class="rl-tree" role="tree">
        {(items.get('') ?? []).map((it) => <ItemRow key={it.id} item={it} overrides={overrides} onPick={onPick} />)}
        {notice.outline.map((n) => <OutlineEntry key={n.id} node={n} items={items} overrides={overrides} onPick={onPick} />)}
      </ul>
    </section>
  );
}

function OutlineEntry({ node, items, overrides, onPick }: { node: OutlineNode; items: Map<string, ProblemItem[]>; overrides: StatusOverride[]; onPick: (s: number, e: number) => void }) {
  const [open, setOpen] = useState(node.level <= 2);
  const all = items.get(node.id) ?? [];
  // A problem item that *is* this heading (针对“X”问题) shows its status chip on the heading row itself.
  const headItem = all.find((it) => it.id === node.id) ?? null;
  const own = all.filter((it) => it !== headItem);
  const hasChildren = node.children.length > 0 || own.length > 0;
  const head = headItem ? effectiveStatus(headItem, overrides) : null;
  return (
    <li role="treeitem" aria-expanded={hasChildren ? open : undefined} class="rl-node">
      <div class="rl-node-row">
        {hasChildren ? <button class="rl-twisty" aria-label={open ? t('collapse') : t('expand')} onClick={() => setOpen(!open)}>{open ? '▾' : '▸'}</button> : <span class="rl-twisty" />}
        <button class="rl-node-title" data-outline-id={node.id} data-item-id={headItem?.id} onClick={() => onPick(node.start, Math.min(node.end, node.start + 40))}>
          {headItem && head && <StatusChip status={head.status} certainty={head.certainty} parsed={headItem.status} />}
          <span class="rl-marker">{node.marker}</span>{node.title}
        </button>
      </div>
      {open && hasChildren && (
        <ul role="group">
          {own.map((it) => <ItemRow key={it.id} item={it} overrides={overrides} onPick={onPick} />)}
          {node.children.map((c) => <OutlineEntry key={c.id} node={c} items={items} overrides={overrides} onPick={onPick} />)}
        </ul>
      )}
    </li>
  );
}

function ItemRow({ item, overrides, onPick }: { item: ProblemItem; overrides: StatusOverride[]; onPick: (s: number, e: number) => void }) {
  const { status, certainty } = effectiveStatus(item, overrides);
  return (
    <li role="treeitem" class="rl-item">
      <button class="rl-item-row" data-item-id={item.id} onClick={() => onPick(item.start, Math.min(item.end, item.start + 60))}>
        <StatusChip status={status} certainty={certainty} parsed={item.status} />
        <span class="rl-item-label">{item.label}</span>
      </button>
    </li>
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
