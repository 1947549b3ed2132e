// An index of claims (one entry per claim, not per quote) that answers "which
// claims could this quote carry?" in bounded work, whatever the corpus size.
//
// Each claim is indexed under its representative's and other full wordings'
// content stems and stem bigrams, its exact member wordings, its primary-source
// sentences and, when its wording is a phrase, the phrase's first words (so a
// longer quote finds the phrases it contains). Posting lists are capped: a key
// shared by more than POSTING_CAP claims says nothing and is skipped, so a query
// costs a bounded number of look-ups plus at most VERIFY full judgements.

import { type ClaimLinkVia, type ClaimState, type Evidence, type PreparedQuote, joinClaim, judge, newClaimState } from "./claim-evidence";
import { speakerFit, speakerWordsOf } from "./claim-speaker-fit";
import { type ClaimQuote, prepareQuote } from "./claim-quote";
import { type Wording, PHRASE_WORDS, stemWord } from "./claim-text";
import { STOPWORDS } from "./data/stopwords";


export interface ClaimCandidate {
  claimKey: string;
  /** 0–1; links at or above LINK_THRESHOLD are made. */
  score: number;
  via: ClaimLinkVia;
  /** The claim's representative quote (the wording the quote was judged against). */
  quoteId: string;
}

const POSTING_CAP = 128;
/** Stems of function words: no phrase is found by one of these alone. */
const FUNCTION_STEMS = new Set([...STOPWORDS].map(stemWord));
const RARE_TERMS = 6;
/** Candidates judged per quote: those found by their wording's structure, then the best found by shared words only. */
const VERIFY = 24;
const VERIFY_BY_WORDS = 8;

function push(map: Map<number | string, number[]>, key: number | string, claim: number) {
  const list = map.get(key);
  if (!list) map.set(key, [claim]);
  else if (list.length < POSTING_CAP && list[list.length - 1] !== claim) list.push(claim);
}

export class ClaimIndex {
  private states: ClaimState[] = [];
  private keys: string[] = [];
  /** Merged claims point at the claim that absorbed them (union-find). */
  private parent: number[] = [];
  private byKey = new Map<string, number>();
  private vocab = new Map<string, number>();
  private exact = new Map<string, number[]>();
  private anchors = new Map<string, number[]>();
  private terms = new Map<number, number[]>();
  private bigrams = new Map<number, number[]>();
  private phraseHeads = new Map<number, number[]>();
  // Per-query scratch, reused: which claims a query touched and their rank (no allocation per query).
  private stamp = 0;
  private mark = new Int32Array(1024);
  private rank = new Float64Array(1024);
  private seenAt = new Int32Array(1024);
  private touched: number[] = [];
  /**
   * Per claim, the number of its one known speaker (an index into `speakerViews`), -1 with none,
   * -2 with several: the candidate step drops another speaker's claims from this array and a
   * small memo, without reading each claim's state (a cache miss per claim, some 40% of its time).
   */
  private soleSpeaker = new Int32Array(1024);
  private speakerIds = new Map<string, number>();
  /** Per speaker number, what speakerFit reads of a claim whose one speaker it is. */
  private speakerViews: Pick<ClaimState, "speakers" | "speakerWords">[] = [];
  /** Per speaker number, its name's words as numbers (none for a registry id): see differentSpeaker. */
  private speakerWordIds: number[][] = [];
  /** The speaker numbers of each claim with several known speakers (soleSpeaker -2). */
  private manySpeakers = new Map<number, number[]>();

  /** Number of claims. */
  get size(): number {
    return this.states.length;
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

  private pair(a: string, b: string, create: boolean): number {
    const x = this.id(a, create);
    const y = this.id(b, create);
    return x < 0 || y < 0 ? -1 : x * 4194304 + y;
  }

  /** The live claim a (possibly merged) claim number stands for. */
  find(c: number): number {
    while (this.parent[c] !== c) {
      this.parent[c] = this.parent[this.parent[c]];
      c = this.parent[c];
    }
    return c;
  }

  /** The number of the claim added under `key`, if any (it may since have merged: see find). */
  numberOf(key: string): number | undefined {
    return this.byKey.get(key);
  }

  keyOf(c: number): string {
    return this.keys[this.find(c)];
  }

  state(c: number): ClaimState {
    return this.states[this.find(c)];
  }

  /** Adds a stored quote under a known claim (the app: quotes of existing claims). */
  add(q: ClaimQuote, claimKey: string): void {
    const p = prepareQuote(q);
    const c = this.byKey.get(claimKey);
    if (c === undefined) this.found(p, claimKey, !!q.confirmed);
    else this.link(c, p, judge(p, this.state(c)) ?? { score: 1, via: q.confirmed ? "editor" : "context", supersedes: false }, !!q.confirmed);
  }

  /** Candidate claims for a quote, best first, one per claim, each with a link score ≥ threshold. */
  query(q: ClaimQuote, limit = 5): ClaimCandidate[] {
    return this.judgeAll(prepareQuote(q))
      .slice(0, limit)
      .map((m) => ({ claimKey: this.keyOf(m.claim), score: m.evidence.score, via: m.evidence.via, quoteId: this.state(m.claim).repId }));
  }

  /** A new claim founded by `p`; returns its number. */
  found(p: PreparedQuote, key: string, confirmed = false): number {
    const c = this.states.length;
    if (c >= this.mark.length) {
      const mark = new Int32Array(this.mark.length * 2);
      mark.set(this.mark);
      this.mark = mark;
      const rank = new Float64Array(this.rank.length * 2);
      rank.set(this.rank);
      this.rank = rank;
      this.seenAt = new Int32Array(this.rank.length);
      const sole = new Int32Array(this.rank.length);
      sole.set(this.soleSpeaker);
      this.soleSpeaker = sole;
    }
    const st = newClaimState(p, confirmed);
    this.states.push(st);
    this.keys.push(key);
    this.parent.push(c);
    this.byKey.set(key, c);
    joinClaim(st, p, null, confirmed);
    this.indexWording(c, p.wording, true);
    this.indexMember(c, p);
    this.noteSpeakers(c);
    return c;
  }

  /** `p` joins claim `c` on evidence `e`. */
  link(c: number, p: PreparedQuote, e: Evidence, confirmed = false): void {
    c = this.find(c);
    const st = this.states[c];
    const alts = st.alts.length;
    const becameRep = joinClaim(st, p, e, confirmed);
    if (becameRep || st.alts.length > alts) this.indexWording(c, p.wording, becameRep);
    this.indexMember(c, p);
    this.noteSpeakers(c);
  }

  /**
   * Claim `from` is absorbed by claim `into` (a fuller quote showed that a
   * phrase's claim is its claim). `into` keeps its wording.
   */
  merge(into: number, from: number): void {
    into = this.find(into);
    from = this.find(from);
    if (into === from) return;
    const a = this.states[into];
    const b = this.states[from];
    a.size += b.size;
    for (const s of b.speakers) a.speakers.add(s);
    for (const w of b.speakerWords) a.speakerWords.add(w);
    for (const d of b.documents) a.documents.add(d);
    for (const x of b.anchors) a.anchors.add(x);
    for (const [w, id] of b.wordings) if (a.wordings.size < 16 && !a.wordings.has(w)) a.wordings.set(w, id);
    this.parent[from] = into;
    this.noteSpeakers(into);
    // The absorbed claim's postings now lead to `into` through find().
  }

  private speakerId(key: string): number {
    let id = this.speakerIds.get(key);
    if (id === undefined) {
      id = this.speakerViews.length;
      this.speakerIds.set(key, id);
      const words = speakerWordsOf(key);
      this.speakerViews.push({ speakers: new Set([key]), speakerWords: new Set(words) });
      this.speakerWordIds.push(words.map((w) => this.id(w, true)));
    }
    return id;
  }

  private noteSpeakers(c: number) {
    const speakers = this.states[c].speakers;
    if (speakers.size > 1) this.manySpeakers.set(c, Array.from(speakers, (k) => this.speakerId(k)));
    this.soleSpeaker[c] = speakers.size === 0 ? -1 : speakers.size > 1 ? -2 : this.speakerId(speakers.values().next().value!);
  }

  /**
   * speakerFit(p, claim c) === "different", where `qs` is the number of p's (known) speaker.
   * speakerFit finds a claim whose speakers are all other than the quote's different when no
   * word of their names is a word of the quote's speaker's; that test is made here on numbers,
   * and speakerFit runs only when a word is shared.
   */
  private differentSpeaker(p: PreparedQuote, qs: number, c: number): boolean {
    const s = this.soleSpeaker[c];
    if (s === -1 || s === qs) return false; // a claim with no known speaker, or the quote's own
    const many = s === -2 ? this.manySpeakers.get(c)! : null;
    if (many?.includes(qs)) return false;
    const a = this.speakerWordIds[qs];
    for (const k of many ?? [s]) {
      const b = this.speakerWordIds[k];
      for (let i = 0; i < a.length; i++) {
        for (let j = 0; j < b.length; j++) if (a[i] === b[j]) return speakerFit(p, many ? this.states[c] : this.speakerViews[s]) === "different";
      }
    }
    return true;
  }

  private indexMember(c: number, p: PreparedQuote) {
    push(this.exact, p.wording.whole, c);
    if (p.anchor) push(this.anchors, p.anchor, c);
  }

  private indexWording(c: number, w: Wording, asRep: boolean) {
    for (const t of w.content) push(this.terms, this.id(t, true), c);
    const toks = w.tokens;
    let prev = -1;
    for (let i = 0; i + 1 < toks.length; i++) {
      const bg = this.pair(toks[i], toks[i + 1], true);
      if (bg !== prev) push(this.bigrams, bg, c);
      prev = bg;
    }
    if (asRep && toks.length <= PHRASE_WORDS && w.segments.length === 1) {
      push(this.phraseHeads, toks.length === 1 ? -1 - this.id(toks[0], true) : this.pair(toks[0], toks[1], true), c);
    }
  }

  /**
   * Live claims that could carry `p`, without judging them: at most VERIFY,
   * ranked by how they were found (same words, same source sentence, the quote
   * inside their wording or theirs inside the quote, shared rare words).
   */
  candidates(p: PreparedQuote): number[] {
    const w = p.wording;
    const stamp = ++this.stamp;
    const touched = this.touched;
    touched.length = 0;
    const mark = this.mark;
    const rank = this.rank;
    const add = (list: number[] | undefined, weight: number) => {
      if (!list) return;
      for (let k = 0; k < list.length; k++) {
        const c = list[k];
        if (mark[c] !== stamp) {
          mark[c] = stamp;
          rank[c] = weight;
          touched.push(c);
        } else rank[c] += weight;
      }
    };
    add(this.exact.get(w.whole), 1000);
    if (p.anchor) add(this.anchors.get(p.anchor), 500);
    // The quote inside a longer wording: claims sharing its rarest bigram.
    if (w.tokens.length > 1 && w.tokens.length <= PHRASE_WORDS * 2) {
      let rarest: number[] | undefined;
      for (const seg of w.segments) {
        for (let i = 0; i + 1 < seg.length; i++) {
          const key = this.pair(seg[i], seg[i + 1], false);
          const list = key < 0 ? undefined : this.bigrams.get(key);
          if (!list) {
            rarest = [];
            break;
          }
          if (!rarest || list.length < rarest.length) rarest = list;
        }
        if (rarest && !rarest.length) break;
      }
      if (rarest && rarest.length < POSTING_CAP) add(rarest, 100);
    }
    // Phrases inside the quote, found by their first words.
    const toks = w.tokens;
    if (this.phraseHeads.size) {
      let prev = -1;
      for (let i = 0; i < toks.length; i++) {
        const one = this.vocab.get(toks[i]);
        if (one === undefined) {
          prev = -1;
          continue;
        }
        if (!FUNCTION_STEMS.has(toks[i])) {
          const single = this.phraseHeads.get(-1 - one);
          if (single && single.length < POSTING_CAP) add(single, 20);
        }
        if (prev >= 0) {
          const list = this.phraseHeads.get(prev * 4194304 + one);
          if (list && list.length < POSTING_CAP) add(list, 50);
        }
        prev = one;
      }
    }
    // Reworded (or a phrase with a word inserted): claims sharing the quote's rarest content words.
    if (w.content.size) {
      const lists: number[][] = [];
      for (const t of w.content) {
        const list = this.terms.get(this.id(t, false));
        if (list && list.length < POSTING_CAP) lists.push(list);
      }
      lists.sort((a, b) => a.length - b.length);
      // A claim found through one rare word only counts when the quote has one content word.
      const single = w.content.size === 1 ? 2 : 1;
      for (let k = 0; k < Math.min(RARE_TERMS, lists.length); k++) add(lists[k], single);
    }
    // Merged claims count once, as the claim that absorbed them; one rare word alone is no candidate.
    const out: number[] = [];
    const outRank: number[] = [];
    const seen = ++this.stamp;
    const seenAt = this.seenAt;
    const known = p.speakerKey !== null;
    const qs = known ? this.speakerId(p.speakerKey!) : -1;
    for (const c of touched) {
      const r = rank[c];
      if (r < 2) continue;
      const f = this.parent[c] === c ? c : this.find(c);
      // Claims of another known speaker are never linked: not worth judging.
      if (known && mark[f] !== seen && this.differentSpeaker(p, qs, f)) {
        mark[f] = seen;
        seenAt[f] = -1;
        continue;
      }
      if (mark[f] === seen) {
        const k = seenAt[f];
        if (k >= 0 && r > outRank[k]) outRank[k] = r;
        continue;
      }
      mark[f] = seen;
      seenAt[f] = out.length;
      out.push(f);
      outRank.push(r);
    }
    if (out.length <= VERIFY_BY_WORDS) return out;
    // The VERIFY best ranks: one numeric sort of rank·2²¹ + position, no comparator.
    const keys = new Float64Array(out.length);
    for (let k = 0; k < out.length; k++) keys[k] = outRank[k] * 2097152 + k;
    keys.sort();
    const best: number[] = [];
    for (let k = keys.length - 1; k >= 0 && best.length < VERIFY; k--) {
      // Found through structure (weight ≥ 20) or among the first few found through shared words only.
      if (keys[k] < 20 * 2097152 && best.length >= VERIFY_BY_WORDS && keys.length - 1 - k >= VERIFY_BY_WORDS) break;
      best.push(out[keys[k] % 2097152]);
    }
    return best;
  }

  /** Every candidate claim with evidence enough to link, best first. */
  judgeAll(p: PreparedQuote): { claim: number; evidence: Evidence }[] {
    const out: { claim: number; evidence: Evidence }[] = [];
    for (const c of this.candidates(p)) {
      const e = judge(p, this.states[c]);
      if (e) out.push({ claim: c, evidence: e });
    }
    return out.sort((a, b) => b.evidence.score - a.evidence.score);
  }
}
