/** A problem item as chosen by the item layers (outline headings, table rows, labelled records), before its status. */
import type { OutlineEntry } from './outline';
import type { SectionStatus } from './status';

export interface ItemCandidate {
  entry: OutlineEntry;
  id: string;
  label: string;
  path: string[];
  /** Where the item's reporting text starts (after its label clause). */
  bodyStart: number;
  start: number;
  end: number;
  /** A status stated once for the section the item sits in (`三、需长期整改事项进展情况`), if any. */
  sectionStatus: SectionStatus | null;
  /** Where the item's status is stated (a table's status cell, a `整改情况：` field); else [bodyStart, end). */
  statusRange?: { start: number; end: number } | null;
  /** A time-limit cell or `完成时限：` field: every date in it is a promised deadline. */
  deadlineRange?: { start: number; end: number } | null;
}
