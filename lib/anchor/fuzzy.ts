/** Fuzzy candidates: rounds of approx-string-match over the text (or a window of it), masking what each round found. */
import search from 'approx-string-match';
import type { Candidate, QuoteScorer } from './scoring';
import { acceptable, margin } from './decide';
import { snapToCodePoints } from './chars';

/** A span of the text searched on its own (the window around the position hint). */
export interface Span {
  from: number;
  to: number;
}

const MAX_FUZZY_ROUNDS = 8;
const MAX_CANDIDATES = 512;

/**
 * Fuzzy candidates by rounds: approx-string-match returns only the lowest-cost matches, so each round
 * masks what it found and searches again, until no unseen candidate could still compete with the best.
 * The search goes a few errors beyond what may be accepted: such near-copies cannot be taken, but they
 * reveal template sentences (a rival almost as good as the best ⇒ orphan).
 */
export function fuzzyCandidates(q: QuoteScorer, exactMatches: Candidate[], span: Span = { from: 0, to: q.text.length }): Candidate[] {
  const { exact, text } = q;
  const seen = new Map<string, Candidate>();
  for (const c of exactMatches) seen.set(`${c.start}:${c.end}`, c);
  if (q.acceptErrors < 1) return [...seen.values()];

  const lead = margin(q);
  const mask = String.fromCharCode(pickMaskChar(exact));
  const inSpan = exactMatches.filter((c) => c.start >= span.from && c.end <= span.to);
  const shifted = (r: { start: number; end: number }) => ({ start: r.start - span.from, end: r.end - span.from });
  let haystack = text.slice(span.from, span.to);
  if (inSpan.length > 0) haystack = masked(haystack, inSpan.map(shifted), mask);
  let level = exactMatches.length > 0 ? 1 : 0;
  for (let round = 0; level <= q.searchErrors; round++) {
    let bestEvidence = -Infinity;
    let anyAcceptable = false;
    for (const c of seen.values()) {
      bestEvidence = Math.max(bestEvidence, c.evidence);
      anyAcceptable ||= acceptable(c, q);
    }
    // Unseen candidates (≥ `level` errors) can neither be taken nor spoil the margin of the best.
    const bound = q.evidenceBound(level);
    if (bound <= bestEvidence - lead) break;
    if (!anyAcceptable && level > q.acceptErrors) break;
    if (round >= MAX_FUZZY_ROUNDS || seen.size >= MAX_CANDIDATES) {
      // Unseen candidates could still rival the best: count them as a rival that overlaps nothing.
      seen.set('unseen', { ...UNSEEN, errors: level, evidence: bound });
      break;
    }
    // Only matches that could still matter are searched for: cheaper, and fewer junk matches.
    let maxErrors = level;
    while (maxErrors < q.searchErrors && q.evidenceBound(maxErrors + 1) > bestEvidence - lead) maxErrors++;
    if (!anyAcceptable) maxErrors = Math.max(maxErrors, Math.min(q.acceptErrors, q.searchErrors));
    const found = search(haystack, exact, maxErrors).map((m) =>
      snapToCodePoints(text, { start: m.start + span.from, end: m.end + span.from, errors: m.errors }),
    );
    if (found.length === 0) break;
    for (const m of found) {
      const key = `${m.start}:${m.end}`;
      if (!seen.has(key)) seen.set(key, q.candidate(m.start, m.end, m.errors));
    }
    haystack = masked(haystack, found.map(shifted), mask);
    level = found[0].errors + 1;
  }
  return [...seen.values()];
}

const UNSEEN: Candidate = {
  start: -2,
  end: -1,
  errors: Number.POSITIVE_INFINITY,
  prefixSim: 0,
  suffixSim: 0,
  passageSim: 0,
  evidence: 0,
  distance: Number.POSITIVE_INFINITY,
  contextExact: false,
};

function masked(s: string, ranges: Array<{ start: number; end: number }>, mask: string): string {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const r of sorted) {
    const from = Math.max(at, r.start);
    if (r.end <= from) continue;
    parts.push(s.slice(at, from), mask.repeat(r.end - from));
    at = r.end;
  }
  parts.push(s.slice(at));
  return parts.join('');
}

function pickMaskChar(exact: string): number {
  for (const code of [0xffff, 0xfffe, 0x0000, 0x0001]) if (exact.indexOf(String.fromCharCode(code)) < 0) return code;
  return 0x0002;
}
