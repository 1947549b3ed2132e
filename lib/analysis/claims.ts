// Claim matching: quotes from different articles that carry the same
// assertion by the same speaker share a claim, whether an outlet quoted it
// verbatim, trimmed it to a phrase (“safe haven”) or reworded it (“a safe
// harbor for other regionally focused …” / “a safe haven for certain
// regionally focused …”).
//
// Candidate search never compares all pairs: every quote is indexed under its
// exact text, its word bigrams, its rarer content words and (when a primary
// source was aligned) its source sentence. Posting lists are capped, so one
// query costs a bounded amount of work and indexing N quotes is O(N).

import { STOPWORDS } from "./data/stopwords";
import { looksLikeVerb } from "./kinds";
import { fnv1a, slugify, wordTokens } from "./text";

export interface ClaimQuote {
  /** Unique quote id (the app's quote id; the pipeline uses "<articleId>#<n>"). */
  id: string;
  /** The quoted words. */
  text: string;
  articleId?: string;
  /** Registry id or normalised name of the speaker; null when unknown or generic. */
  speakerKey: string | null;
  /** Only for naming a new claim key when speakerKey is null (e.g. an umbrella body's id). */
  speakerLabel?: string | null;
  /** Source document (registry id + year) when known: the same words in another year's report are another claim. */
  documentKey?: string | null;
  /** A quoted characterisation (“affiliated” after "refers to X as"): a claim of its own. */
  label?: boolean;
  /** Sentence of a primary source the quote was aligned to ("sourceId#sentence"), if any. */
  anchor?: string | null;
}

/** How a quote was linked to a claim; editors see it next to the score. */
export type ClaimLinkVia = "verbatim" | "trimmed" | "reworded" | "source" | "context";

export interface ClaimCandidate {
  claimKey: string;
  /** 0–1; links at or above LINK_THRESHOLD are applied automatically. */
  score: number;
  via: ClaimLinkVia;
  /** The indexed quote that matched best. */
  quoteId: string;
}

export const LINK_THRESHOLD = 0.55;

const POSTING_CAP = 128;
const SHORT = 8; // quotes up to this many words are indexed as phrases
const RARE_TERMS = 6; // content words per query used to find reworded candidates
const VERIFY = 24; // candidates verified per query

/** @internal A quote as indexed. */
export interface Entry {
  id: string;
  claimKey: string;
  tokens: string[];
  norm: string;
  /** " " + norm + " ": contiguous containment of words is then a substring test. */
  padded: string;
  /** The same with words as written (no stemming): a phrase found only after stemming ranks lower. */
  surface: string;
  content: Set<string>;
  segments: string[][];
  speakerKey: string | null;
  documentKey: string | null;
  label: boolean;
  articleId: string | null;
  anchor: string | null;
}

export interface EntryMatch {
  entry: number;
  score: number;
  via: ClaimLinkVia;
}

/**
 * Light stemming for comparing wordings: plural and third-person -s dropped
 * ("safe havens" = "safe haven", "courts" = "court"), decades unified ("’90s" = "1990s").
 * Deliberately shallow: no -ed/-ing, so "allowed" and "allowing" stay apart.
 */
export function stem(w: string): string {
  const n = w.length;
  if (n === 3 && /^\d0s$/.test(w)) return "19" + w; // ’90s (apostrophe already gone) → 1990s
  if (n <= 3) return w;
  const c = w.charCodeAt(n - 1);
  if (c !== 115) return w; // "s"
  if (/\d/.test(w)) return w;
  if (w.endsWith("ies") && n > 4) return w.slice(0, -3) + "y";
  if (w.endsWith("sses") || /(?:x|z|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (/(?:ss|us|is|ous|ics|news|ws)$/.test(w)) return w;
  return w.slice(0, -1);
}

function stems(words: string[]): string[] {
  for (let i = 0; i < words.length; i++) words[i] = stem(words[i]);
  return words;
}

function prepare(q: ClaimQuote, claimKey: string): Entry {
  const raw = wordTokens(q.text);
  const segments = /…|\.\s*\.\s*\./.test(q.text)
    ? q.text.split(/\.\s*\.\s*\.|…/).map((s) => stems(wordTokens(s))).filter((s) => s.length)
    : [stems(wordTokens(q.text))].filter((s) => s.length);
  const tokens = segments.length === 1 ? segments[0] : segments.flat();
  return {
    id: q.id,
    claimKey,
    tokens,
    norm: tokens.join(" "),
    padded: " " + tokens.join(" ") + " ",
    surface: " " + raw.join(" ") + " ",
    content: new Set(tokens.filter((t) => !STOPWORDS.has(t) && t.length > 1)),
    segments,
    speakerKey: q.speakerKey ?? null,
    documentKey: q.documentKey ?? null,
    label: !!q.label,
    articleId: q.articleId ?? null,
    anchor: q.anchor ?? null,
  };
}

function push<K>(map: Map<K, number[]>, key: K, idx: number) {
  const list = map.get(key);
  if (!list) map.set(key, [idx]);
  else if (list.length < POSTING_CAP) list.push(idx);
}

/** Does `needle` occur as a contiguous run of words in `hay`? */
function containsRun(hay: string[], needle: string[], from = 0): number {
  if (!needle.length || needle.length > hay.length) return -1;
  outer: for (let i = from; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Every segment of an excerpt (split at ellipses) found in order in the longer quote. */
function containsIn(long: Entry, short: Entry): boolean {
  if (short.segments.length === 1) return long.padded.includes(short.padded);
  return containsExcerpt(long.tokens, short.segments);
}

function containsExcerpt(hay: string[], segments: string[][]): boolean {
  let at = 0;
  for (const seg of segments) {
    const i = containsRun(hay, seg, at);
    if (i < 0) return false;
    at = i + seg.length;
  }
  return segments.length > 0;
}

/** Similarity of two quotes' wording, with how they relate. */
export function compareQuotes(a: ClaimQuote, b: ClaimQuote): { score: number; via: ClaimLinkVia } | null {
  return similarity(prepare(a, ""), prepare(b, ""));
}

function similarity(q: Entry, e: Entry): { score: number; via: ClaimLinkVia } | null {
  if (!q.tokens.length || !e.tokens.length) return null;
  if (q.norm === e.norm) return { score: 1, via: "verbatim" };
  const [short, long] = q.tokens.length <= e.tokens.length ? [q, e] : [e, q];
  // A phrase or excerpt lifted from the longer quote (“modest steps” ⊂ “modest steps in 2019 to …”).
  if (short.tokens.length >= 2 && short.content.size >= 1 && containsIn(long, short)) {
    return trimmedScore(short, long);
  }
  let inter = 0;
  for (const t of short.content) if (long.content.has(t)) inter++;
  if (inter < 3) {
    return q.anchor && q.anchor === e.anchor ? { score: 0.75, via: "source" } : null;
  }
  const min = Math.min(q.content.size, e.content.size);
  const union = q.content.size + e.content.size - inter;
  const overlap = inter / min;
  const jaccard = inter / union;
  let score = 0.5 * overlap + 0.5 * jaccard;
  // Shared word order (bigrams) separates a reworded sentence from one that merely shares vocabulary.
  score += 0.15 * bigramOverlap(short.tokens, long.tokens) - 0.05;
  if (q.anchor && q.anchor === e.anchor) score = Math.max(score, 0.75);
  const via: ClaimLinkVia = q.anchor && q.anchor === e.anchor && score === 0.75 ? "source" : "reworded";
  return { score: Math.min(score, 0.95), via };
}

function trimmedScore(short: Entry, long: Entry): { score: number; via: ClaimLinkVia } {
  const cover = short.tokens.length / long.tokens.length;
  // “safe haven” inside “… a safe haven for …” beats “safe haven” inside “… safe havens …”.
  const inflected = short.segments.length === 1 && !long.surface.includes(short.surface) ? 0.04 : 0;
  return { score: Math.min(0.97, 0.85 + 0.12 * cover) - inflected, via: "trimmed" };
}

function bigramOverlap(a: string[], b: string[]): number {
  if (a.length < 2 || b.length < 2) return 0;
  const set = new Set<string>();
  for (let i = 0; i + 1 < b.length; i++) set.add(b[i] + " " + b[i + 1]);
  let hit = 0;
  for (let i = 0; i + 1 < a.length; i++) if (set.has(a[i] + " " + a[i + 1])) hit++;
  return hit / (a.length - 1);
}

/**
 * Whether two quotes may be one claim at all: same speaker (unless the words
 * are long and identical: attribution is noisier than wording), same source
 * document, and labels only with labels.
 */
/** Same document, where a key without a year ("doc-x") fits any year of it ("doc-x:2019"). */
export function sameDocument(a: string, b: string): boolean {
  if (a === b) return true;
  const [da, ya] = a.split(":");
  const [db, yb] = b.split(":");
  return da === db && (!ya || !yb);
}

/**
 * Same speaker key, where a family name as written ("name:kellner") fits the full
 * name ("name:marta kellner"): outlets introduce a person once and then use the surname.
 */
export function sameSpeakerKey(a: string, b: string): boolean {
  if (a === b) return true;
  if (!a.startsWith("name:") || !b.startsWith("name:")) return false;
  const [short, long] = a.length <= b.length ? [a.slice(5), b.slice(5)] : [b.slice(5), a.slice(5)];
  return !short.includes(" ") && short.length > 2 && long.endsWith(" " + short);
}

/**
 * A quoted characterisation (“a historic day for privacy”, after "called the ruling") and a
 * quote that says little else (“… was a historic day for privacy in this country”) are one
 * claim; a label lifted from a longer, different assertion (“India-focused” in “… to restrain
 * some India-focused militant groups”) is not. The label must cover half the other's content.
 */
export function labelBridge(a: Entry, b: Entry): boolean {
  if (a.label === b.label) return true;
  const [lab, other] = a.label ? [a, b] : [b, a];
  let shared = 0;
  for (const t of lab.content) if (other.content.has(t)) shared++;
  if (shared < 3 || shared / other.content.size < 0.5) return false;
  // “… to restrain some India-focused militant groups” asserts something else about the label's words.
  for (const t of other.content) if (!lab.content.has(t) && looksLikeVerb(t)) return false;
  return true;
}

function compatible(q: Entry, e: Entry, score: number): boolean {
  if (q.documentKey && e.documentKey && !sameDocument(q.documentKey, e.documentKey)) return false;
  if (q.label !== e.label && !labelBridge(q, e)) return false;
  if (q.label && e.label && score < 1) return false;
  if (q.speakerKey && e.speakerKey && !sameSpeakerKey(q.speakerKey, e.speakerKey)) {
    return score >= 0.95 && Math.min(q.tokens.length, e.tokens.length) >= 8;
  }
  return true;
}

/**
 * Incremental index of quotes already assigned to claims. The app adds the
 * quotes of existing claims, then queries each new quote for candidate
 * claims; `groupClaims` uses the same index for a whole corpus.
 */
export class ClaimIndex {
  private entries: Entry[] = [];
  private exact = new Map<string, number[]>();
  /** Word → small integer, so bigram and term postings are keyed by numbers, not new strings. */
  private vocab = new Map<string, number>();
  private bigrams = new Map<number, number[]>();
  private phrases = new Map<string, number[]>();
  /** First bigram of each indexed phrase → its longest length, so queries build few n-grams. */
  private phraseStarts = new Map<string, number>();
  private terms = new Map<number, number[]>();
  private anchors = new Map<string, number[]>();

  get size(): number {
    return this.entries.length;
  }

  private id(word: string, create: boolean): number {
    let id = this.vocab.get(word);
    if (id === undefined) {
      if (!create) return -1;
      id = this.vocab.size;
      this.vocab.set(word, id);
    }
    return id;
  }

  private bigramKey(a: string, b: string, create: boolean): number {
    const x = this.id(a, create);
    const y = this.id(b, create);
    return x < 0 || y < 0 ? -1 : x * 4194304 + y;
  }

  /** Index a quote under the claim it belongs to. */
  add(q: ClaimQuote, claimKey: string): void {
    this.addPrepared(prepare(q, claimKey));
  }

  /** @internal groupClaims prepares each quote once for both query and add. */
  addPrepared(e: Entry): void {
    const idx = this.entries.length;
    this.entries.push(e);
    if (!e.tokens.length) return;
    push(this.exact, e.norm, idx);
    let prevKey = -1;
    for (let i = 0; i + 1 < e.tokens.length; i++) {
      const bg = this.bigramKey(e.tokens[i], e.tokens[i + 1], true);
      if (bg !== prevKey) push(this.bigrams, bg, idx);
      prevKey = bg;
    }
    if (e.tokens.length <= SHORT && e.tokens.length >= 2 && e.segments.length === 1) {
      push(this.phrases, e.norm, idx);
      const first = e.tokens[0] + " " + e.tokens[1];
      this.phraseStarts.set(first, Math.max(this.phraseStarts.get(first) ?? 0, e.tokens.length));
    }
    for (const t of e.content) push(this.terms, this.id(t, true), idx);
    if (e.anchor) push(this.anchors, e.anchor, idx);
  }

  /** Candidate claims for a quote, best first, one per claim. */
  query(q: ClaimQuote, limit = 5): ClaimCandidate[] {
    const best = new Map<string, ClaimCandidate>();
    for (const m of this.matchEntries(q)) {
      const e = this.entries[m.entry];
      const prev = best.get(e.claimKey);
      if (!prev || m.score > prev.score) best.set(e.claimKey, { claimKey: e.claimKey, score: m.score, via: m.via, quoteId: e.id });
    }
    return [...best.values()].sort((a, b) => b.score - a.score).slice(0, limit);
  }

  /** The claim key of an indexed quote. */
  claimOf(entry: number): string {
    return this.entries[entry].claimKey;
  }

  entryId(entry: number): string {
    return this.entries[entry].id;
  }

  entryLength(entry: number): number {
    return this.entries[entry].tokens.length;
  }

  entryArticle(entry: number): string | null {
    return this.entries[entry].articleId;
  }

  /** Indexed quotes that could share a claim with `q`, each with a compatible link score ≥ threshold. */
  matchEntries(q: ClaimQuote, threshold = LINK_THRESHOLD): EntryMatch[] {
    return this.matchPrepared(prepare(q, ""), threshold);
  }

  /** @internal */
  matchPrepared(e: Entry, threshold = LINK_THRESHOLD): EntryMatch[] {
    if (!e.tokens.length) return [];
    const scored = new Map<number, { score: number; via: ClaimLinkVia }>();
    const consider = (i: number, sim: { score: number; via: ClaimLinkVia } | null) => {
      if (!sim || sim.score < threshold) return;
      const prev = scored.get(i);
      if (!prev || sim.score > prev.score) scored.set(i, sim);
    };
    for (const i of this.exact.get(e.norm) ?? []) consider(i, { score: 1, via: "verbatim" });
    // The query inside a longer quote: candidates share its rarest bigram; only containment is checked.
    if (e.tokens.length >= 2 && e.content.size >= 1) {
      let rarest: number[] | undefined;
      for (const seg of e.segments) {
        for (let i = 0; i + 1 < seg.length; i++) {
          const key = this.bigramKey(seg[i], seg[i + 1], false);
          const list = key < 0 ? undefined : this.bigrams.get(key);
          if (!list) {
            rarest = [];
            break;
          }
          if (!rarest || list.length < rarest.length) rarest = list;
        }
        if (rarest && !rarest.length) break;
      }
      if (rarest && rarest.length < POSTING_CAP) {
        for (const i of rarest) {
          const other = this.entries[i];
          if (other.tokens.length > e.tokens.length && containsIn(other, e)) consider(i, trimmedScore(e, other));
        }
      }
    }
    // Shorter indexed phrases inside the query (found by their first bigram, then exact text).
    if (e.tokens.length > 2 && this.phraseStarts.size) {
      for (let i = 0; i + 1 < e.tokens.length; i++) {
        const maxN = Math.min(this.phraseStarts.get(e.tokens[i] + " " + e.tokens[i + 1]) ?? 0, e.tokens.length - 1, e.tokens.length - i);
        for (let n = 2; n <= maxN; n++) {
          const list = this.phrases.get(e.tokens.slice(i, i + n).join(" "));
          if (!list) continue;
          for (const j of list) {
            const other = this.entries[j];
            if (other.content.size >= 1) consider(j, trimmedScore(other, e));
          }
        }
      }
    }
    // Reworded: indexed quotes sharing the query's rarest content words, verified in full.
    const verify = new Set<number>();
    const terms = [...e.content]
      .map((t) => this.terms.get(this.id(t, false)))
      .filter((list): list is number[] => !!list && list.length < POSTING_CAP)
      .sort((a, b) => a.length - b.length)
      .slice(0, RARE_TERMS);
    if (terms.length) {
      const hits = new Map<number, number>();
      for (const list of terms) for (const i of list) hits.set(i, (hits.get(i) ?? 0) + 1);
      const need = Math.min(2, terms.length);
      const ranked = [...hits.entries()].filter(([, h]) => h >= need).sort((a, b) => b[1] - a[1]).slice(0, VERIFY);
      for (const [i] of ranked) verify.add(i);
    }
    if (e.anchor) for (const i of (this.anchors.get(e.anchor) ?? []).slice(0, VERIFY)) verify.add(i);
    for (const i of verify) if (!scored.has(i)) consider(i, similarity(e, this.entries[i]));

    const out: EntryMatch[] = [];
    for (const [i, sim] of scored) {
      if (!compatible(e, this.entries[i], sim.score)) continue;
      out.push({ entry: i, score: sim.score, via: sim.via });
    }
    return out.sort((a, b) => b.score - a.score);
  }
}

/** A stable key for a new claim: speaker, the first words, and a hash of the wording (and source document). */
export function newClaimKey(q: Pick<ClaimQuote, "text" | "speakerKey" | "documentKey">): string {
  const words = wordTokens(q.text);
  const speaker = q.speakerKey ? slugify(q.speakerKey.replace(/^name:/, ""), 4) : "unattributed";
  const doc = q.documentKey ? `|${q.documentKey}` : "";
  return `${speaker}/${slugify(q.text, 6) || "quote"}-${fnv1a(words.join(" ") + doc).slice(0, 6)}`;
}

// ---------------------------------------------------------------------------
// Batch grouping

export interface ClaimHint {
  /** Two quote ids the caller knows belong together (a split quote, parts of one sentence). */
  a: string;
  b: string;
}

export interface ClaimAssignment {
  claimKey: string;
  /** Score of the link that attached the quote (1 for the quote a claim was founded on). */
  score: number;
  via: ClaimLinkVia | null;
  /** The quote it was linked to, for editors reviewing the link. */
  linkedTo: string | null;
}

export interface ClaimGroup {
  key: string;
  speakerKey: string | null;
  quoteIds: string[];
}

export interface GroupResult {
  byQuote: Map<string, ClaimAssignment>;
  claims: ClaimGroup[];
}

/**
 * Groups a corpus of quotes into claims. Links are found through a ClaimIndex
 * (each quote queries the quotes before it), then applied strongest first;
 * a link is skipped when it would put two speakers, two source documents, or
 * a label and a statement into one claim.
 */
export function groupClaims(items: ClaimQuote[], opts: { hints?: ClaimHint[]; threshold?: number } = {}): GroupResult {
  const n = items.length;
  const index = new ClaimIndex();
  const idOf = new Map<string, number>();
  items.forEach((q, i) => idOf.set(q.id, i));
  const edges: { a: number; b: number; score: number; via: ClaimLinkVia }[] = [];
  const preparedAll: Entry[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const q = items[i];
    const prepared = prepare(q, String(i));
    preparedAll[i] = prepared;
    const matches = index.matchPrepared(prepared, opts.threshold ?? LINK_THRESHOLD);
    for (const m of matches.slice(0, 8)) {
      // Prefer linking a phrase to a quote in its own article (the sentence it invokes).
      const same = q.articleId && index.entryArticle(m.entry) === q.articleId ? 0.01 : 0;
      edges.push({ a: i, b: m.entry, score: m.score + same, via: m.via });
    }
    index.addPrepared(prepared);
  }
  for (const h of opts.hints ?? []) {
    const a = idOf.get(h.a);
    const b = idOf.get(h.b);
    if (a !== undefined && b !== undefined) edges.push({ a, b, score: 1.5, via: "context" });
  }
  edges.sort((x, y) => y.score - x.score);

  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  const speakers: (Set<string> | null)[] = items.map((q) => (q.speakerKey ? new Set([q.speakerKey]) : null));
  const docs: (Set<string> | null)[] = items.map((q) => (q.documentKey ? new Set([q.documentKey]) : null));
  const labels = items.map((q) => !!q.label);
  const lengths = items.map((q) => wordTokens(q.text).length);
  // A phrase attaches to one longer quote only, so it never bridges two claims.
  const phraseAttached = new Uint8Array(n);
  const attach: ({ score: number; via: ClaimLinkVia; to: number } | null)[] = new Array(n).fill(null);

  for (const e of edges) {
    const ra = find(e.a);
    const rb = find(e.b);
    if (ra === rb) {
      // The phrase already sits with a longer quote that contains it: it is attached.
      if (e.via === "trimmed") {
        const shortSide = lengths[e.a] <= lengths[e.b] ? e.a : e.b;
        if (lengths[shortSide] <= SHORT) phraseAttached[shortSide] = 1;
      }
      continue;
    }
    if (e.via !== "context") {
      if (labels[ra] !== labels[rb] && !labelBridge(preparedAll[e.a], preparedAll[e.b])) continue;
      const da = docs[ra], db = docs[rb];
      if (da && db && [...db].some((d) => [...da].some((x) => !sameDocument(x, d)))) continue; // another document (or year)
      const sa = speakers[ra], sb = speakers[rb];
      const verbatim = e.score >= 0.95 && Math.min(lengths[e.a], lengths[e.b]) >= 8;
      if (sa && sb && ![...sa].some((s) => [...sb].some((t) => sameSpeakerKey(s, t))) && !verbatim) continue;
      if (e.via === "trimmed") {
        const shortSide = lengths[e.a] <= lengths[e.b] ? e.a : e.b;
        if (lengths[shortSide] <= SHORT) {
          if (phraseAttached[shortSide]) continue;
          phraseAttached[shortSide] = 1;
        }
      }
    }
    // Union: the larger cluster's root stays.
    parent[rb] = ra;
    speakers[ra] = merge(speakers[ra], speakers[rb]);
    docs[ra] = merge(docs[ra], docs[rb]);
    labels[ra] = labels[ra] || labels[rb];
    const later = Math.max(e.a, e.b);
    const earlier = Math.min(e.a, e.b);
    if (!attach[later]) attach[later] = { score: Math.min(1, e.score), via: e.via, to: earlier };
  }

  // Keys: each claim is named after its longest quote (then the earliest).
  const members = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    const list = members.get(r);
    if (list) list.push(i);
    else members.set(r, [i]);
  }
  const byQuote = new Map<string, ClaimAssignment>();
  const claims: ClaimGroup[] = [];
  const usedKeys = new Set<string>();
  for (const list of members.values()) {
    let rep = list[0];
    for (const i of list) if (lengths[i] > lengths[rep]) rep = i;
    // Name the claim after its best-known speaker: a registry id over a name as written.
    const sp = [...(speakers[find(rep)] ?? [])].sort((a, b) => Number(a.startsWith("name:")) - Number(b.startsWith("name:")))[0] ??
      list.map((i) => items[i].speakerLabel).find(Boolean) ?? null;
    const doc = [...(docs[find(rep)] ?? [])][0] ?? null;
    let key = newClaimKey({ text: items[rep].text, speakerKey: sp, documentKey: doc });
    // Two claims worded alike (same speaker and document unknown) still need distinct keys.
    for (let n = 2; usedKeys.has(key); n++) key = `${key.replace(/~\d+$/, "")}~${n}`;
    usedKeys.add(key);
    claims.push({ key, speakerKey: speakers[find(rep)] ? sp : null, quoteIds: list.map((i) => items[i].id) });
    for (const i of list) {
      const a = attach[i];
      byQuote.set(items[i].id, {
        claimKey: key,
        score: a && list.length > 1 ? round(a.score) : 1,
        via: a && list.length > 1 ? a.via : null,
        linkedTo: a && list.length > 1 ? items[a.to].id : null,
      });
    }
  }
  return { byQuote, claims };
}

function merge(a: Set<string> | null, b: Set<string> | null): Set<string> | null {
  if (!a) return b;
  if (!b) return a;
  for (const x of b) a.add(x);
  return a;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
