// How faithfully a quote reproduces a primary source:
//  - verbatim: the words of whole source sentence(s), unchanged;
//  - trimmed: a faithful excerpt (part of a sentence, or pieces joined by an
//    ellipsis);
//  - altered: words changed, added or dropped without an ellipsis (the word
//    diff is returned so reader pages can mark them);
//  - not_found: no passage of the source carries most of the quote's words.
// Bracketed insertions ([Haqqani Network]) are the outlet's clarifications and
// are not counted against the quote.

import search from "approx-string-match";
import { diffArrays } from "diff";
import { splitSentences } from "./sentences";
import { splitParagraphs, wordTokensWithOffsets } from "./text";
import type { DiffPart } from "./word-diff";

/** Spelled as the database stores it (Quote.fidelity), so no table translates it. */
export type FidelityStatus = "verbatim" | "trimmed" | "altered" | "not_found";

export interface FidelityResult {
  status: FidelityStatus;
  sourceId: string | null;
  /** Offsets of the matching passage in the source text (-1 when not found). */
  sourceStart: number;
  sourceEnd: number;
  /** Sentence of the source the passage starts in; quotes of one sentence usually share a claim. */
  sentence: number;
  /** Share of the quote's words found in the passage, 0–1. */
  coverage: number;
  /** Words the outlet inserted in brackets. */
  insertions: string[];
  /**
   * The compared words, source passage to quote (empty unless altered): equal in both,
   * insert only in the quote, delete only in the source; words joined by single spaces.
   * Reader pages draw their diff with wordDiff (./word-diff.ts), on the text as printed.
   */
  ops: DiffPart[];
}

export interface PrimarySource {
  id: string;
  text: string;
}

interface SourceTok {
  word: string;
  start: number;
  end: number;
  sentence: number;
  /** Starts a sentence or a clause after a colon. */
  opens: boolean;
  /** Ends a sentence. */
  closes: boolean;
}

interface PreparedSource {
  id: string;
  text: string;
  toks: SourceTok[];
  sentenceFirstTok: number[];
  /** word → token positions */
  positions: Map<string, number[]>;
  /** word → the sentences it occurs in, each once, in order (fuzzy's votes) */
  sentencesOf: Map<string, number[]>;
}

export interface SourceIndex {
  sources: PreparedSource[];
}

export function indexSources(sources: PrimarySource[]): SourceIndex {
  return { sources: sources.map(prepareSource) };
}

function prepareSource(src: PrimarySource): PreparedSource {
  const paragraphs = splitParagraphs(src.text);
  const sentences = splitSentences(src.text, paragraphs, []);
  const toks: SourceTok[] = [];
  const sentenceFirstTok: number[] = [];
  for (const s of sentences) {
    sentenceFirstTok[s.index] = toks.length;
    const words = wordTokensWithOffsets(src.text.slice(s.start, s.end));
    words.forEach((w, i) => {
      const start = s.start + w.start;
      const prevEnd = i ? s.start + words[i - 1].end : s.start;
      toks.push({
        word: w.word, start, end: s.start + w.end, sentence: s.index,
        opens: i === 0 || src.text.slice(prevEnd, start).includes(":"),
        closes: i === words.length - 1,
      });
    });
  }
  const positions = new Map<string, number[]>();
  const sentencesOf = new Map<string, number[]>();
  toks.forEach((t, i) => {
    const list = positions.get(t.word);
    if (list) list.push(i);
    else positions.set(t.word, [i]);
    const inSentences = sentencesOf.get(t.word);
    if (!inSentences) sentencesOf.set(t.word, [t.sentence]);
    else if (inSentences[inSentences.length - 1] !== t.sentence) inSentences.push(t.sentence);
  });
  return { id: src.id, text: src.text, toks, sentenceFirstTok, positions, sentencesOf };
}

interface PreparedQuote {
  segments: string[][];
  words: string[];
  insertions: string[];
}

function prepareQuote(quote: string): PreparedQuote {
  const insertions: string[] = [];
  const cleaned = quote
    .replace(/\[([^[\]]*)\]/g, (_, inner: string) => {
      insertions.push(inner);
      return " ";
    })
    .replace(/[[\]]/g, " "); // a bracket whose partner was lost: “Pakistan] did …”
  const segments = cleaned
    .split(/\.\s*\.\s*\.|…/)
    .map((s) => wordTokensWithOffsets(s).map((w) => w.word))
    .filter((s) => s.length);
  return { segments, words: segments.flat(), insertions };
}

const NOT_FOUND = (insertions: string[]): FidelityResult => ({
  status: "not_found", sourceId: null, sourceStart: -1, sourceEnd: -1, sentence: -1, coverage: 0, insertions, ops: [],
});

export function checkFidelity(quote: string, index: SourceIndex): FidelityResult {
  const q = prepareQuote(quote);
  if (!q.words.length) return NOT_FOUND(q.insertions);
  for (const src of index.sources) {
    const exact = findExcerpt(src, q.segments);
    if (exact) {
      const [a, b] = exact;
      const whole = src.toks[a].opens && src.toks[b].closes && q.segments.length === 1;
      return {
        status: whole ? "verbatim" : "trimmed", sourceId: src.id, sourceStart: src.toks[a].start, sourceEnd: src.toks[b].end,
        sentence: src.toks[a].sentence, coverage: 1, insertions: q.insertions, ops: [],
      };
    }
  }
  let best: FidelityResult | null = null;
  for (const src of index.sources) {
    const r = fuzzy(src, q);
    if (r && (!best || r.coverage > best.coverage)) best = r;
  }
  return best ?? NOT_FOUND(q.insertions);
}

/** Token range of the segments found in order, each contiguous, within a few sentences. */
function findExcerpt(src: PreparedSource, segments: string[][]): [number, number] | null {
  const first = segments[0];
  const starts = rarestPositions(src, first);
  for (const s of starts) {
    if (!runAt(src, first, s)) continue;
    let at = s + first.length;
    let ok = true;
    for (const seg of segments.slice(1)) {
      let found = -1;
      // The next piece must follow soon: an ellipsis cuts words, not chapters.
      for (let k = at; k < Math.min(src.toks.length, at + 120); k++) if (runAt(src, seg, k)) { found = k; break; }
      if (found < 0) { ok = false; break; }
      at = found + seg.length;
    }
    if (ok) return [s, at - 1];
  }
  return null;
}

function rarestPositions(src: PreparedSource, seg: string[]): number[] {
  let best: number[] | null = null;
  let off = 0;
  seg.forEach((w, i) => {
    const list = src.positions.get(w) ?? [];
    if (!best || list.length < best.length) {
      best = list;
      off = i;
    }
  });
  return (best ?? []).map((p) => p - off).filter((p) => p >= 0);
}

function runAt(src: PreparedSource, seg: string[], at: number): boolean {
  if (at < 0 || at + seg.length > src.toks.length) return false;
  for (let j = 0; j < seg.length; j++) if (src.toks[at + j].word !== seg[j]) return false;
  return true;
}

/** fuzzy's votes per sentence: zero between calls. */
let votes = new Int32Array(256);

/** The sentence window sharing most of the quote's words, compared word by word. */
function fuzzy(src: PreparedSource, q: PreparedQuote): FidelityResult | null {
  // Votes per sentence: how many of the quote's distinct words it has (a word in more than 200
  // places says nothing). Counted in a reused array, not a map per quote: with many sources
  // on file this loop is most of the analysis's time.
  if (votes.length < src.sentenceFirstTok.length) votes = new Int32Array(src.sentenceFirstTok.length * 2);
  const touched: number[] = [];
  for (const w of new Set(q.words)) {
    const list = src.positions.get(w);
    if (!list || list.length > 200) continue;
    for (const s of src.sentencesOf.get(w)!) if (votes[s]++ === 0) touched.push(s);
  }
  let window: [number, number] | null = null;
  let bestVotes = 0;
  // The first sentence (in the order the words found them) with the most votes, as before.
  for (const s of touched) {
    if (votes[s] > bestVotes) {
      bestVotes = votes[s];
      window = [s, s];
    }
  }
  const voteAt = (s: number) => (s >= 0 && s < votes.length ? votes[s] : 0);
  const next = window ? voteAt(window[0] + 1) : 0;
  const prev = window ? voteAt(window[0] - 1) : 0;
  for (const s of touched) votes[s] = 0;
  if (!window) return approxLocate(src, q);
  // Widen to neighbouring sentences while they add quote words (quotes can span sentences).
  const [s0] = window;
  let lo = s0, hi = s0;
  if (next >= 3) hi = s0 + 1;
  if (prev >= 3 && q.words.length > 25) lo = s0 - 1;
  const a = src.sentenceFirstTok[lo];
  const b = (src.sentenceFirstTok[hi + 1] ?? src.toks.length) - 1;
  // The diff can keep only the quote's words that the window has: when too few are there for
  // compareWindow's thresholds, it would find no match, so it is not run (a quote that shares
  // "the" with a source, the common case, no longer costs a diff per source).
  const inWindow = new Set<string>();
  for (let t = a; t <= b; t++) inWindow.add(src.toks[t].word);
  let shared = 0;
  for (const w of q.words) if (inWindow.has(w)) shared++;
  if (shared < MIN_SAME || shared < MIN_COVERAGE * q.words.length) return null;
  return compareWindow(src, q, a, b);
}

/** compareWindow's thresholds: words the quote and the source passage share, in order, at least. */
const MIN_SAME = 3;
/** …and that many of the quote's words. */
const MIN_COVERAGE = 0.5;

function compareWindow(src: PreparedSource, q: PreparedQuote, a: number, b: number): FidelityResult | null {
  const passage = src.toks.slice(a, b + 1).map((t) => t.word);
  const changes = diffArrays(passage, q.words);
  // Source words before the first and after the last shared word are outside the excerpt.
  const first = changes.findIndex((c) => !c.added && !c.removed);
  if (first < 0) return null;
  let last = changes.length - 1;
  while (last >= 0 && (changes[last].added || changes[last].removed)) last--;
  let srcPos = a;
  let startTok = -1, endTok = -1;
  let same = 0, added = 0, dropped = 0;
  const ops: DiffPart[] = [];
  changes.forEach((c, i) => {
    if (c.removed) {
      if (i > first && i < last) {
        dropped += c.count ?? c.value.length;
        ops.push({ op: "delete", text: c.value.join(" ") });
      }
      srcPos += c.value.length;
      return;
    }
    if (c.added) {
      added += c.value.length;
      ops.push({ op: "insert", text: c.value.join(" ") });
      return;
    }
    if (startTok < 0) startTok = srcPos;
    srcPos += c.value.length;
    endTok = srcPos - 1;
    same += c.value.length;
    ops.push({ op: "equal", text: c.value.join(" ") });
  });
  const coverage = same / q.words.length;
  if (coverage < MIN_COVERAGE || same < MIN_SAME) return null;
  const status: FidelityStatus = added === 0 && dropped === 0 ? "trimmed" : "altered";
  return {
    status, sourceId: src.id, sourceStart: src.toks[startTok].start, sourceEnd: src.toks[endTok].end,
    sentence: src.toks[startTok].sentence, coverage: Math.round(coverage * 1000) / 1000,
    insertions: q.insertions, ops: status === "altered" ? ops : [],
  };
}

/** Spelling-tolerant location for short quotes whose words do not match the source's exactly. */
function approxLocate(src: PreparedSource, q: PreparedQuote): FidelityResult | null {
  const pattern = q.words.join(" ");
  if (pattern.length < 12 || pattern.length > 200) return null;
  const hay = src.toks.map((t) => t.word).join(" ");
  const matches = search(hay, pattern, Math.floor(pattern.length * 0.2));
  if (!matches.length) return null;
  const m = matches.reduce((x, y) => (y.errors < x.errors ? y : x));
  // Map character offsets in the joined words back to tokens.
  let pos = 0, a = -1, b = -1;
  src.toks.forEach((t, i) => {
    const s = pos, e = pos + t.word.length;
    if (a < 0 && e > m.start) a = i;
    if (s < m.end) b = i;
    pos = e + 1;
  });
  if (a < 0 || b < a) return null;
  return compareWindow(src, q, a, b);
}
