// Ascending lists of text positions (numeral starts, colons), read from a given offset on.

/** Index of the first position ≥ x in the ascending `at` (at.length when there is none): a binary search. */
export function firstAtOrAfter(at: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
