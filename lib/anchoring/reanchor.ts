/**
 * Re-anchoring a stored span after its article text changed. Pure.
 *
 * 1. Position: if the text at [start, end) still equals `exact`, keep it.
 * 2. Quote: approximate search for `exact` (Myers' algorithm, as Hypothesis'
 *    match-quote does), each candidate scored on the quote, its prefix and
 *    suffix context and its distance from the old position.
 * 3. Otherwise the anchor is orphaned: kept, and shown as such — never moved to
 *    a span that merely resembles it.
 */
import search from "approx-string-match";
import type { TextAnchor } from "./selectors";

export type ReanchorResult =
  | { status: "anchored"; start: number; end: number; exact: string; score: number }
  | { status: "fuzzy"; start: number; end: number; exact: string; score: number }
  | { status: "orphaned"; score: number | null };

export interface ReanchorOptions {
  /** A quote match below this similarity (0..1) is not a match. */
  minQuoteSimilarity?: number;
  /** A candidate's overall score below this orphans the anchor. */
  minScore?: number;
}

// Weights as in Hypothesis' match-quote: the quote matters most, then context.
const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 };
const TOTAL = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;

/** Similarity 0..1 of `pattern` to its best approximate occurrence in `text`. */
function contextSimilarity(text: string, pattern: string): number {
  if (pattern.length === 0 || text.length === 0) return pattern.length === 0 ? 1 : 0;
  const matches = search(text, pattern, pattern.length);
  if (matches.length === 0) return 0;
  const errors = Math.min(...matches.map((m) => m.errors));
  return 1 - errors / pattern.length;
}

export function reanchor(text: string, anchor: TextAnchor, options: ReanchorOptions = {}): ReanchorResult {
  const minQuoteSimilarity = options.minQuoteSimilarity ?? 0.8;
  const minScore = options.minScore ?? 0.7;
  const { exact, prefix, suffix, start, end } = anchor;
  if (exact.length === 0) return { status: "orphaned", score: null };

  if (start >= 0 && end <= text.length && text.slice(start, end) === exact) {
    return { status: "anchored", start, end, exact, score: 1 };
  }

  // Allow up to a fifth of the quote to differ (at least one character): past
  // that a "match" is a different sentence.
  const maxErrors = Math.max(1, Math.floor(exact.length * (1 - minQuoteSimilarity)));
  const candidates = search(text, exact, Math.min(maxErrors, 256));
  if (candidates.length === 0) return { status: "orphaned", score: null };

  let best: { start: number; end: number; score: number; quote: number; context: number } | null = null;
  for (const m of candidates) {
    const quote = 1 - m.errors / exact.length;
    const before = text.slice(Math.max(0, m.start - prefix.length), m.start);
    const after = text.slice(m.end, m.end + suffix.length);
    const prefixScore = prefix ? contextSimilarity(before, prefix) : 1;
    const suffixScore = suffix ? contextSimilarity(after, suffix) : 1;
    const position = 1 - Math.min(1, Math.abs(m.start - start) / Math.max(1, text.length));
    const score =
      (WEIGHTS.quote * quote + WEIGHTS.prefix * prefixScore + WEIGHTS.suffix * suffixScore + WEIGHTS.position * position) / TOTAL;
    if (!best || score > best.score) best = { start: m.start, end: m.end, score, quote, context: Math.max(prefixScore, suffixScore) };
  }
  if (!best || best.quote < minQuoteSimilarity || best.score < minScore) {
    return { status: "orphaned", score: best ? round(best.score) : null };
  }
  const found = text.slice(best.start, best.end);
  // The same words, still beside the same text on at least one side, only shifted
  // by an edit elsewhere: that is the same span. Anything less is shown to the editor as fuzzy.
  const status = found === exact && best.context >= 0.9 ? "anchored" : "fuzzy";
  return { status, start: best.start, end: best.end, exact: found, score: round(best.score) };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
