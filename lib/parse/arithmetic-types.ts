// The shapes shared by the arithmetic modules (arithmetic, -counts, -percent), kept apart so they import no one.
import type { Quantity } from '@/lib/schema';

export interface ArithmeticRelation {
  total: Quantity;
  parts: Quantity[];
  consistent: boolean;
  /** zh-CN, e.g. "23宗 = 11宗 + 12宗" or "数据矛盾：合计23宗，但分项之和为22宗". */
  message: string;
  start: number;
  end: number;
}

export interface Counted {
  q: Quantity;
  sentence: number;
  /** Position in its unit's list (set when the lists are built). */
  index: number;
  /** Text of the clause before the number (from the previous comma/semicolon/full stop). */
  lead: string;
  /** Cue words, computed once: 共/合计…, 其中, 剩余/其余…, done (已/完成…), undone (未/剩余…). */
  isTotal: boolean;
  isSubset: boolean;
  isRemainder: boolean;
  isDone: boolean;
  isUndone: boolean;
}

export interface Percent {
  q: Quantity;
  sentence: number;
  /** The quantity right before this one in the passage (any unit), or null. */
  prev: Quantity | null;
  /** Text between `prev` and this percentage, or null when there is no prev or it is far away. */
  gap: string | null;
  /** Clause text before the percentage (as for counts). */
  lead: string;
  /** Half a unit of the last stated decimal: 0.5 for "100%", 0.005 for "92.78%". */
  half: number;
  /** A plain statement: not approximate (约…), not a target (目标/力争/不低于…) or bound (…以上/左右). */
  plain: boolean;
  /** A change rather than a share (同比/增长/下降…). */
  isGrowth: boolean;
  /** Introduced by a share cue right before it (…占84％, 占比16%). */
  isShare: boolean;
}
