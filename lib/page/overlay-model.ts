/** What the overlay renders, kept by the page controller in two stores (lib/page/store). */
import type { Annotation, PageState, StatusOverride } from '@/lib/schema';
import type { Prefs } from '@/lib/prefs';

export interface OverlayModel {
  page: PageState;
  prefs: Prefs;
  annotations: Annotation[];
  overrides: StatusOverride[];
  today: string;
  /** Set while the user is writing an annotation for a selection. */
  draft: { quote: string; start: number; end: number } | null;
}

/** Pointer-driven UI (tooltip, selection button) in its own store: hovering must not re-render the panel. */
export interface PointerModel {
  tooltip: { x: number; y: number; lines: string[] } | null;
  selectionButton: { x: number; y: number } | null;
}
