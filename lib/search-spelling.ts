/**
 * Spelling correction for search, the pure half (lib/search.ts asks the
 * database for candidates): which words of a query to look up, how far a
 * candidate may be from what was typed, which candidate wins, and the query
 * with its words replaced. No database here; table-driven tests beside it.
 */

/** Words shorter than this are left as typed: too many real words lie one edit away. */
export const MIN_WORD_LENGTH = 3;
/** Longer "words" are not words a reader misspelt (pasted ids, base64): left as typed. */
export const MAX_WORD_LENGTH = 40;
/** At most this many words of one query are looked up (queries are at most 200 characters). */
export const MAX_WORDS = 8;

export interface QueryWord {
  /** The word lower-cased, as the database's word list stores it. */
  word: string;
  /** Where it is in the query, in UTF-16 units. */
  start: number;
  end: number;
}

/**
 * A query's words: runs of letters (and combining marks), lower-cased, with
 * their positions, so that a correction replaces them in place and keeps the
 * query's quotes, `or` and `-` for websearch_to_tsquery. Digits, punctuation and
 * words outside MIN_WORD_LENGTH…MAX_WORD_LENGTH are not words to correct.
 */
export function queryWords(q: string): QueryWord[] {
  const out: QueryWord[] = [];
  for (const m of q.matchAll(/[\p{L}\p{M}]+/gu)) {
    const length = [...m[0]].length;
    if (length < MIN_WORD_LENGTH || length > MAX_WORD_LENGTH) continue;
    out.push({ word: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** The distinct words of `words`, at most MAX_WORDS of them, in query order. */
export function wordsToLookUp(words: QueryWord[]): string[] {
  return [...new Set(words.map((w) => w.word))].slice(0, MAX_WORDS);
}

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and
 * swaps of two neighbouring letters each cost 1 (the four slips readers make;
 * "havn", "haaven", "hvaen", "havan" are all 1 from "haven"). By code point.
 */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  const rows: number[][] = Array.from({ length: s.length + 1 }, (_, i) => [i, ...Array<number>(t.length).fill(0)]);
  for (let j = 1; j <= t.length; j++) rows[0][j] = j;
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i][j] = d;
    }
  }
  return rows[s.length][t.length];
}

/** How many slips a word of this length may carry: one up to five letters, two beyond. */
export function maxEdits(word: string): number {
  return [...word].length <= 5 ? 1 : 2;
}

export interface Candidate {
  word: string;
  /** pg_trgm similarity to the typed word, 0…1. */
  similarity: number;
}

/**
 * The candidates worth offering for `typed`, best first: within maxEdits of it,
 * fewest edits first, then the most similar by trigrams, then alphabetical (so
 * the choice never depends on the database's row order). The typed word itself
 * is never its own correction.
 */
export function rankCandidates(typed: string, candidates: Candidate[]): string[] {
  const limit = maxEdits(typed);
  const scored = new Map<string, { distance: number; similarity: number }>();
  for (const c of candidates) {
    if (c.word === typed || scored.has(c.word)) continue;
    const distance = editDistance(typed, c.word);
    if (distance <= limit) scored.set(c.word, { distance, similarity: c.similarity });
  }
  return [...scored.entries()]
    .sort(([wa, a], [wb, b]) => a.distance - b.distance || b.similarity - a.similarity || (wa < wb ? -1 : wa > wb ? 1 : 0))
    .map(([word]) => word);
}

/**
 * `q` with each word found in `corrections` (keyed by the lower-cased word)
 * replaced, everything between the words kept as typed.
 */
export function applyCorrections(q: string, words: QueryWord[], corrections: ReadonlyMap<string, string>): string {
  let out = "";
  let at = 0;
  for (const w of words) {
    const replacement = corrections.get(w.word);
    if (replacement === undefined) continue;
    out += q.slice(at, w.start) + replacement;
    at = w.end;
  }
  return out + q.slice(at);
}
