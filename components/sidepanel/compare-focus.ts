/** Two saved versions to compare, chosen in the library (instead of the open page and a version picked in Compare). */
export interface CompareFocus {
  current: string;
  earlier: string;
}
