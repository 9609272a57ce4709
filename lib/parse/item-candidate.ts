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
  /** Time-limit cells or `完成时限：` fields: every date in them is a promised deadline. */
  deadlineRanges?: Array<{ start: number; end: number }>;
}
