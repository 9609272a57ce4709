import { useRef, useState } from 'preact/hooks';
import type { Notice, OutlineNode, ProblemItem, StatusOverride } from '@/lib/schema';
import { t } from '@/lib/i18n';
import { StatusChip } from '../common/StatusChip';
import { effectiveStatus, itemsByOutlineNode, openLevelsFor } from '../common/outline';
import { useRovingFocus } from './roving';

type Pick = (start: number, end: number) => void;

/** A click (or Enter) on this treeitem itself, not one bubbling up from a nested treeitem. */
function ownClick(action: () => void) {
  return (e: MouseEvent) => {
    if ((e.target as Element).closest('[role="treeitem"]') === e.currentTarget) action();
  };
}

/**
 * 提纲与整改事项 as an APG tree: one tab stop; Up/Down/Home/End move over the visible rows, Right/Left open,
 * close and walk the levels, Enter (or a click) jumps to the passage. A treeitem is named by its content (as
 * in the APG examples); the twisty is for the mouse only (the keys and aria-expanded say the same).
 */
export function Outline({ notice, overrides, onPick }: { notice: Notice; overrides: StatusOverride[]; onPick: Pick }) {
  const tree = useRef<HTMLUListElement>(null);
  useRovingFocus(tree, { item: '[role="treeitem"]', treeToggle: ':scope > .rl-node-row > .rl-twisty' });
  const items = itemsByOutlineNode(notice);
  const openLevels = openLevelsFor(notice);
  return (
    <section class="rl-section" aria-label={t('outline')}>
      <h3 id="rl-outline-title">{t('outline')} <span class="rl-count">{notice.items.length} {t('itemsUnit')}</span></h3>
      <ul ref={tree} class="rl-tree" role="tree" aria-labelledby="rl-outline-title">
        {(items.get('') ?? []).map((it) => <ItemRow key={it.id} item={it} overrides={overrides} onPick={onPick} />)}
        {notice.outline.map((n) => <OutlineEntry key={n.id} node={n} items={items} overrides={overrides} onPick={onPick} openLevels={openLevels} />)}
      </ul>
    </section>
  );
}

interface EntryProps {
  node: OutlineNode;
  items: Map<string, ProblemItem[]>;
  overrides: StatusOverride[];
  onPick: Pick;
  openLevels: number;
}

function OutlineEntry({ node, items, overrides, onPick, openLevels }: EntryProps) {
  const [open, setOpen] = useState(node.level <= openLevels);
  const all = items.get(node.id) ?? [];
  // A problem item that *is* this heading (针对“X”问题) shows its status chip on the heading row itself.
  const headItem = all.find((it) => it.id === node.id) ?? null;
  const own = all.filter((it) => it !== headItem);
  const hasChildren = node.children.length > 0 || own.length > 0;
  const head = headItem ? effectiveStatus(headItem, overrides) : null;
  return (
    <li role="treeitem" tabIndex={-1} aria-expanded={hasChildren ? open : undefined} class="rl-node"
      onClick={ownClick(() => onPick(node.start, Math.min(node.end, node.start + 40)))}>
      <div class="rl-node-row">
        {hasChildren
          ? <button type="button" tabIndex={-1} aria-hidden="true" class="rl-twisty" aria-label={open ? t('collapse') : t('expand')} onClick={(e) => { e.stopPropagation(); setOpen(!open); }}>{open ? '▾' : '▸'}</button>
          : <span class="rl-twisty" />}
        <span class="rl-node-title" data-outline-id={node.id} data-item-id={headItem?.id}>
          {headItem && head && <StatusChip status={head.status} certainty={head.certainty} parsed={headItem.status} />}
          <span class="rl-marker">{node.marker}</span>{node.title}
        </span>
      </div>
      {open && hasChildren && (
        <ul role="group">
          {own.map((it) => <ItemRow key={it.id} item={it} overrides={overrides} onPick={onPick} />)}
          {node.children.map((c) => <OutlineEntry key={c.id} node={c} items={items} overrides={overrides} onPick={onPick} openLevels={openLevels} />)}
        </ul>
      )}
    </li>
  );
}

function ItemRow({ item, overrides, onPick }: { item: ProblemItem; overrides: StatusOverride[]; onPick: Pick }) {
  const { status, certainty } = effectiveStatus(item, overrides);
  return (
    <li role="treeitem" tabIndex={-1} class="rl-item" onClick={ownClick(() => onPick(item.start, Math.min(item.end, item.start + 60)))}>
      <span class="rl-item-row" data-item-id={item.id}>
        <StatusChip status={status} certainty={certainty} parsed={item.status} />
        <span class="rl-item-label">{item.label}</span>
      </span>
    </li>
  );
}
