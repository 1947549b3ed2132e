/**
 * Re-anchoring stored spans after their article text changed. Pure.
 *
 * Text is compared in its comparison form (./comparable: NFC, soft hyphens and
 * zero-width characters ignored, white space folded); every offset returned is
 * an offset into the new text as stored.
 *
 * For each anchor:
 * 1. Position: if the text at [start, end) still says `exact`, keep it.
 * 2. Quote: approximate search for `exact` (Myers' algorithm, as Hypothesis'
 *    match-quote does), each candidate scored on the quote, its prefix and
 *    suffix context and its distance from the old position (Hypothesis'
 *    weights). A short selection (under SHORT_SELECTION characters) is only
 *    found by its exact words, and no candidate may cut into a word the
 *    original did not cut (Hypothesis' rule that a short selection is never
 *    moved into an unrelated word; hypothesis/h#2634).
 * 3. Otherwise the anchor is orphaned: kept, and shown as such.
 *
 * The anchors of one text are placed together (`reanchorAll`), strongest
 * first, so that a moved anchor never lands on someone else's words
 * (hypothesis/client#7571): a match that is not at the anchor's old position
 * is refused — the anchor orphaned, not moved to its next-best candidate — when
 * it overlaps a span already placed for an anchor that did not overlap this
 * one before the edit, or words the new text attributes to another speaker.
 */
import search from "approx-string-match";
import { comparable, comparisonForm, type ComparableText } from "./comparable";
import type { TextAnchor } from "./selectors";

export type ReanchorResult =
  | { status: "anchored"; start: number; end: number; exact: string; score: number }
  | { status: "fuzzy"; start: number; end: number; exact: string; score: number }
  | { status: "orphaned"; score: number | null };

/** An anchor to place, with who said its words when it is (or lies on) a quote. */
export interface PlacedAnchor extends TextAnchor {
  /** Any stable speaker key (a speaker id); null or absent when unknown. */
  speaker?: string | null;
}

/** Words of the new text attributed to a speaker (same keys as `PlacedAnchor.speaker`). */
export interface AttributedSpan {
  start: number;
  end: number;
  speaker: string;
}

export interface ReanchorOptions {
  /** A quote match below this similarity (0..1) is not a match. */
  minQuoteSimilarity?: number;
  /** A candidate's overall score below this orphans the anchor. */
  minScore?: number;
  /** Spans of the new text and their speakers, from the analysis of the new text. */
  attributions?: AttributedSpan[];
}

/** Selections shorter than this (in characters) re-anchor only on their exact words. */
export const SHORT_SELECTION = 16;

// Weights as in Hypothesis' match-quote: the quote matters most, then context.
const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 };
const TOTAL = WEIGHTS.quote + WEIGHTS.prefix + WEIGHTS.suffix + WEIGHTS.position;
const WORD = /[\p{L}\p{N}]/u;

interface Candidate {
  start: number;
  end: number;
  score: number;
  byPosition: boolean;
  /** Same words (in comparison form) and the same text on at least one side. */
  same: boolean;
}

/** Similarity 0..1 of `pattern` to its best approximate occurrence in `text`. */
function contextSimilarity(text: string, pattern: string): number {
  if (pattern.length === 0 || text.length === 0) return pattern.length === 0 ? 1 : 0;
  const matches = search(text, pattern, pattern.length);
  if (matches.length === 0) return 0;
  const errors = Math.min(...matches.map((m) => m.errors));
  return 1 - errors / pattern.length;
}

function exactOccurrences(text: string, pattern: string) {
  const found: { start: number; end: number; errors: number }[] = [];
  for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) {
    found.push({ start: at, end: at + pattern.length, errors: 0 });
  }
  return found;
}

const cutsWord = (text: string, at: number) => at > 0 && at < text.length && WORD.test(text[at - 1]) && WORD.test(text[at]);

function candidatesFor(ct: ComparableText, anchor: TextAnchor, minQuoteSimilarity: number): Candidate[] {
  const { text } = ct;
  const exact = comparisonForm(anchor.exact).trim();
  if (!exact) return [];
  const prefix = comparisonForm(anchor.prefix);
  const suffix = comparisonForm(anchor.suffix);
  const out: Candidate[] = [];

  // The original's edges: did the selection start or end inside a word?
  const cutStart = prefix.length > 0 && WORD.test(prefix[prefix.length - 1]) && WORD.test(exact[0]);
  const cutEnd = suffix.length > 0 && WORD.test(suffix[0]) && WORD.test(exact[exact.length - 1]);
  const cutsWordAt = (at: number, cutAllowed: boolean) => !cutAllowed && cutsWord(text, at);

  const { start, end } = anchor;
  if (
    start >= 0 &&
    end <= ct.original.length &&
    start < end &&
    comparisonForm(ct.original.slice(start, end)).trim() === exact &&
    !cutsWordAt(ct.fromOriginal(start), cutStart) &&
    !cutsWordAt(ct.fromOriginal(end), cutEnd)
  ) {
    out.push({ start, end, score: 1, byPosition: true, same: true });
  }

  let matches = exactOccurrences(text, exact);
  if (matches.length === 0 && exact.length >= SHORT_SELECTION) {
    // Allow up to a fifth of the quote to differ: past that a "match" is a different sentence.
    const maxErrors = Math.max(1, Math.floor(exact.length * (1 - minQuoteSimilarity)));
    matches = search(text, exact, Math.min(maxErrors, 256));
  }
  const hint = ct.fromOriginal(Math.max(0, start));
  const seen = new Set<string>();
  for (const found of matches) {
    let m = found;
    if (m.end <= m.start) continue;
    if (cutsWordAt(m.start, cutStart) || cutsWordAt(m.end, cutEnd)) {
      // Exact words inside a longer word are another word; an approximate match
      // that stops mid-word is widened to whole words and scored again.
      if (m.errors === 0) continue;
      let s = m.start;
      let e = m.end;
      if (!cutStart) while (cutsWord(text, s)) s--;
      if (!cutEnd) while (cutsWord(text, e)) e++;
      m = { start: s, end: e, errors: editDistance(text.slice(s, e), exact) };
    }
    const key = `${m.start}:${m.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const quote = 1 - m.errors / exact.length;
    if (quote < minQuoteSimilarity) continue;
    const before = text.slice(Math.max(0, m.start - prefix.length), m.start);
    const after = text.slice(m.end, m.end + suffix.length);
    const prefixScore = prefix ? contextSimilarity(before, prefix) : 1;
    const suffixScore = suffix ? contextSimilarity(after, suffix) : 1;
    const position = 1 - Math.min(1, Math.abs(m.start - hint) / Math.max(1, text.length));
    const score =
      (WEIGHTS.quote * quote + WEIGHTS.prefix * prefixScore + WEIGHTS.suffix * suffixScore + WEIGHTS.position * position) / TOTAL;
    const oStart = ct.toOriginalStart(m.start);
    const oEnd = ct.toOriginalEnd(m.end);
    if (oStart === start && oEnd === end && out[0]?.byPosition) continue;
    out.push({ start: oStart, end: oEnd, score, byPosition: false, same: m.errors === 0 && Math.max(prefixScore, suffixScore) >= 0.9 });
  }
  return out.sort((a, b) => Number(b.byPosition) - Number(a.byPosition) || b.score - a.score);
}

/** Levenshtein distance (two rows). */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/**
 * Places every anchor of one text in its new version. Results are in the
 * order of `anchors`; see the module comment for the rules.
 */
export function reanchorAll(text: string, anchors: PlacedAnchor[], options: ReanchorOptions = {}): ReanchorResult[] {
  const minQuoteSimilarity = options.minQuoteSimilarity ?? 0.8;
  const minScore = options.minScore ?? 0.7;
  const attributions = options.attributions ?? [];
  const ct = comparable(text);
  const planned = anchors.map((anchor, index) => ({ anchor, index, candidates: anchor.exact.trim() ? candidatesFor(ct, anchor, minQuoteSimilarity) : [] }));
  const results: ReanchorResult[] = anchors.map(() => ({ status: "orphaned", score: null }));
  const placed: { start: number; end: number; before: { start: number; end: number } }[] = [];
  const order = [...planned].sort((a, b) => {
    const ca = a.candidates[0];
    const cb = b.candidates[0];
    if (!ca || !cb) return Number(Boolean(cb)) - Number(Boolean(ca));
    return Number(cb.byPosition) - Number(ca.byPosition) || Number(cb.same) - Number(ca.same) || cb.score - ca.score || a.index - b.index;
  });
  for (const { anchor, index, candidates } of order) {
    const best = candidates[0];
    if (!best) continue;
    if (best.score < minScore) {
      results[index] = { status: "orphaned", score: round(best.score) };
      continue;
    }
    const before = { start: anchor.start, end: anchor.end };
    if (!best.byPosition) {
      // Never onto a span placed for an anchor that was elsewhere before the edit…
      const taken = placed.some((p) => overlaps(p, best) && !(before.start >= 0 && overlaps(p.before, before)));
      // …nor onto words the new text gives to someone else.
      const speaker = anchor.speaker ?? null;
      const said = speaker ? attributions.filter((a) => overlaps(a, best)) : [];
      const otherSpeaker = said.length > 0 && !said.some((a) => a.speaker === speaker);
      if (taken || otherSpeaker) {
        results[index] = { status: "orphaned", score: round(best.score) };
        continue;
      }
    }
    placed.push({ start: best.start, end: best.end, before });
    results[index] = {
      status: best.byPosition || best.same ? "anchored" : "fuzzy",
      start: best.start,
      end: best.end,
      exact: text.slice(best.start, best.end),
      score: round(best.score),
    };
  }
  return results;
}

/** One anchor on its own (no other anchors or attributions to respect). */
export function reanchor(text: string, anchor: PlacedAnchor, options: ReanchorOptions = {}): ReanchorResult {
  return reanchorAll(text, [anchor], options)[0];
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
