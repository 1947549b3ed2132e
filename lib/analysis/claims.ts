// Claim grouping: quotes from different articles that carry the same assertion
// by the same speaker share a claim, whether an outlet quoted it verbatim,
// trimmed it to a phrase (“safe haven”) or reworded it.
//
// Grouping is online and does not chain. Articles arrive one at a time; each
// quote is judged against every candidate claim AS A WHOLE (claim-evidence.ts)
// and joins the best one, or founds a new claim. A claim's wording changes only
// when a quote contains it (the phrase “safe haven” gives way to the sentence it
// came from) or an editor confirms one, so two quotes that merely share a pair
// of words never pull two claims together. A fuller quote that contains the
// phrases of several phrase-only claims merges them into its claim.
//
// Memory is one entry per claim (ClaimIndex), not per quote or article text, so
// `npm run analyze` can stream a folder of any size.

import { type ClaimLinkVia, type Evidence, type PreparedQuote, judge } from "./claim-evidence";
import { sameSpeakerKey } from "./claim-speaker-fit";
import { PHRASE_WORDS } from "./claim-text";
import { ClaimIndex } from "./claim-index";
import { type ClaimQuote, prepareQuote } from "./claim-quote";
import { fnv1a, slugify, wordTokens } from "./text";

export interface ClaimHint {
  /** Two quote ids the caller knows belong together (a split quote, a continued quotation, the same words twice). */
  a: string;
  b: string;
}

export interface ClaimAssignment {
  claimKey: string;
  /** Score of the link that attached the quote (1 for the quote a claim was founded on). */
  score: number;
  via: ClaimLinkVia | null;
  /** The quote it was linked to (the claim's wording at the time), for editors reviewing the link. */
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

/** An assignment made while streaming: the claim number resolves to its final key at the end (claims merge). */
export interface StreamAssignment {
  claim: number;
  score: number;
  via: ClaimLinkVia | null;
  linkedTo: string | null;
}

/** A stable key for a new claim: speaker, the first words, and a hash of the wording (and source document). */
export function newClaimKey(q: Pick<ClaimQuote, "text" | "speakerKey" | "documentKey">): string {
  const words = wordTokens(q.text);
  const speaker = q.speakerKey ? slugify(q.speakerKey.replace(/^name:/, ""), 4) : "unattributed";
  const doc = q.documentKey ? `|${q.documentKey}` : "";
  const slug = words
    .slice(0, 6)
    .map((w) => (/^[a-z0-9]+$/.test(w) ? w : w.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^\p{L}\p{N}]+/gu, "-")))
    .join("-");
  return `${speaker}/${slug || "quote"}-${fnv1a(words.join(" ") + doc).slice(0, 6)}`;
}

/**
 * How quote `b` relates to a claim founded by quote `a` (score and reason), or
 * null when it would not be linked: for tests and for explaining a link.
 */
export function compareQuotes(a: ClaimQuote, b: ClaimQuote): { score: number; via: ClaimLinkVia } | null {
  const index = new ClaimIndex();
  index.add(a, "a");
  const e = judge(prepareQuote(b), index.state(0));
  return e ? { score: e.score, via: e.via } : null;
}

/** Two candidates this close are a toss-up: the quote is left to found its own claim rather than guess. */
const AMBIGUOUS = 0.03;

/**
 * Groups a stream of articles' quotes into claims. Memory: one entry per claim.
 * `addArticle` returns each quote's claim number; `keyOf` gives its key, which
 * can change only when claims merge, so resolve keys after the last article.
 */
export class ClaimGrouper {
  readonly index = new ClaimIndex();
  private usedKeys = new Set<string>();

  keyOf(claim: number): string {
    return this.index.keyOf(claim);
  }

  /** The live claim number a claim number resolves to (after merges). */
  find(claim: number): number {
    return this.index.find(claim);
  }

  get claimCount(): number {
    return this.index.size;
  }

  /**
   * Adds a quote of an existing claim (the app's stored claims), under the
   * claim's own key (its id); an editor's confirmed quote becomes the claim's
   * wording. Returns the claim's number.
   */
  seed(q: ClaimQuote, key: string): number {
    this.usedKeys.add(key);
    this.index.add(q, key);
    return this.index.numberOf(key)!;
  }

  /** Groups one article's quotes (any order); hints join quotes of this article. */
  addArticle(items: ClaimQuote[], hints: ClaimHint[] = []): StreamAssignment[] {
    const prepared = items.map(prepareQuote);
    const pos = new Map(items.map((q, i) => [q.id, i]));
    const parent = items.map((_, i) => i);
    const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
    for (const h of hints) {
      const a = pos.get(h.a);
      const b = pos.get(h.b);
      if (a !== undefined && b !== undefined) parent[root(a)] = root(b);
    }
    const units = new Map<number, number[]>();
    items.forEach((_, i) => {
      const r = root(i);
      const u = units.get(r);
      if (u) u.push(i);
      else units.set(r, [i]);
    });
    // Fuller quotes first, so a headline's phrase can link to its own article's sentence.
    const longest = (u: number[]) => Math.max(...u.map((i) => prepared[i].wording.tokens.length));
    const ordered = [...units.values()].sort((a, b) => longest(b) - longest(a) || a[0] - b[0]);
    const out: StreamAssignment[] = new Array(items.length);
    const founded = new Set<number>();
    for (const unit of ordered) if (this.placeUnit(unit, items, prepared, out)) founded.add(unit[0]);
    this.joinSiblings([...units.values()].filter((u) => founded.has(u[0])), items, prepared, out);
    return out;
  }

  /**
   * A phrase that found no claim of its own, quoted in the same sentence as a
   * phrase that did (“a ‘safe haven’ for ‘terror groups’”), joins that claim
   * when at least half of its content words are in the claim's wording. Two
   * phrases of one sentence that invoke two assertions each find their own.
   */
  private joinSiblings(lonely: number[][], items: ClaimQuote[], prepared: PreparedQuote[], out: StreamAssignment[]) {
    for (const unit of lonely) {
      const lead = unit[0];
      const w = prepared[lead].wording;
      const sentence = items[lead].sentence;
      if (sentence == null || w.tokens.length > PHRASE_WORDS || !w.content.size || unit.length > 1) continue;
      const own = this.index.find(out[lead].claim);
      for (let j = 0; j < items.length; j++) {
        if (j === lead || items[j].sentence !== sentence || !out[j]) continue;
        const target = this.index.find(out[j].claim);
        if (target === own) continue;
        const st = this.index.state(target);
        const sp = items[lead].speakerKey;
        if (sp && st.speakers.size && ![...st.speakers].some((s) => sameSpeakerKey(s, sp))) continue;
        let shared = 0;
        for (const t of w.content) if (st.rep.content.has(t)) shared++;
        if (shared * 2 < w.content.size) continue;
        this.index.merge(target, own);
        out[lead] = { claim: target, score: round(0.6 + 0.1 * (shared / w.content.size)), via: "context", linkedTo: items[j].id };
        break;
      }
    }
  }

  /** Places one unit (quotes joined by hints); returns true when it founded a new claim. */
  private placeUnit(unit: number[], items: ClaimQuote[], prepared: PreparedQuote[], out: StreamAssignment[]): boolean {
    // Best evidence per candidate claim, over the unit's quotes.
    const byClaim = new Map<number, { e: Evidence; member: number }>();
    for (const i of unit) {
      for (const m of this.index.judgeAll(prepared[i])) {
        const prev = byClaim.get(m.claim);
        if (!prev || m.evidence.score > prev.e.score) byClaim.set(m.claim, { e: m.evidence, member: i });
      }
    }
    const ranked = [...byClaim.entries()].sort((a, b) => b[1].e.score - a[1].e.score);
    let target: number | null = null;
    if (ranked.length) {
      const [best, second] = ranked;
      const decisive = best[1].e.via === "verbatim" || best[1].e.via === "source sentence" || best[1].e.score >= 0.95;
      if (!second || decisive || best[1].e.score - second[1].e.score > AMBIGUOUS) target = best[0];
    }
    if (target === null) {
      const lead = unit.reduce((a, b) => (prepared[b].wording.tokens.length > prepared[a].wording.tokens.length ? b : a));
      const claim = this.foundClaim(items[lead], prepared[lead]);
      for (const i of unit) {
        if (i !== lead) this.index.link(claim, prepared[i], { score: 1, via: "context", supersedes: false });
        out[i] = { claim, score: 1, via: i === lead ? null : "context", linkedTo: i === lead ? null : items[lead].id };
      }
      return true;
    }
    const { e, member } = byClaim.get(target)!;
    const linkedTo = this.index.state(target).repId;
    this.index.link(target, prepared[member], e);
    out[member] = { claim: target, score: round(e.score), via: e.via, linkedTo };
    for (const i of unit) {
      if (i === member) continue;
      this.index.link(target, prepared[i], { score: 1, via: "context", supersedes: false });
      out[i] = { claim: target, score: 1, via: "context", linkedTo: items[member].id };
    }
    // A fuller quote that contains other claims' phrases (with support) shows they are its claim.
    if (prepared[member].wording.tokens.length > PHRASE_WORDS) {
      for (const [c, { e: other, member: m }] of ranked) {
        if (c === target || m !== member || !other.supersedes) continue;
        if (this.index.state(c).rep.tokens.length > PHRASE_WORDS) continue;
        this.index.merge(target, c);
      }
    }
    return false;
  }

  private foundClaim(q: ClaimQuote, p: PreparedQuote): number {
    let key = newClaimKey({ text: q.text, speakerKey: q.speakerKey ?? q.speakerLabel ?? null, documentKey: q.documentKey });
    // Two claims worded alike (same speaker and document unknown) still need distinct keys.
    for (let n = 2; this.usedKeys.has(key); n++) key = `${key.replace(/~\d+$/, "")}~${n}`;
    this.usedKeys.add(key);
    return this.index.found(p, key);
  }

  /** The claim's best-known speaker key: a registry id over a name as written; null when unknown. */
  speakerOf(claim: number): string | null {
    const st = this.index.state(claim);
    return st.speakers.size ? [...st.speakers].sort((a, b) => Number(a.startsWith("name:")) - Number(b.startsWith("name:")))[0] : null;
  }
}

/**
 * Groups a corpus of quotes into claims, article by article in the order the
 * articles first appear (see ClaimGrouper). Hints join quotes the caller knows
 * belong together (positions in one article).
 */
export function groupClaims(items: ClaimQuote[], opts: { hints?: ClaimHint[] } = {}): GroupResult {
  const byArticle = new Map<string, ClaimQuote[]>();
  for (const q of items) {
    const a = q.articleId ?? q.id;
    const list = byArticle.get(a);
    if (list) list.push(q);
    else byArticle.set(a, [q]);
  }
  const hintsOf = new Map<string, ClaimHint[]>();
  const articleOf = new Map(items.map((q) => [q.id, q.articleId ?? q.id]));
  for (const h of opts.hints ?? []) {
    const a = articleOf.get(h.a);
    if (a === undefined || a !== articleOf.get(h.b)) continue;
    const list = hintsOf.get(a);
    if (list) list.push(h);
    else hintsOf.set(a, [h]);
  }
  const grouper = new ClaimGrouper();
  const raw = new Map<string, StreamAssignment>();
  for (const [a, quotes] of byArticle) {
    const res = grouper.addArticle(quotes, hintsOf.get(a) ?? []);
    quotes.forEach((q, i) => raw.set(q.id, res[i]));
  }
  const byQuote = new Map<string, ClaimAssignment>();
  const claims = new Map<number, ClaimGroup>();
  for (const q of items) {
    const s = raw.get(q.id)!;
    const c = grouper.find(s.claim);
    let g = claims.get(c);
    if (!g) claims.set(c, (g = { key: grouper.keyOf(c), speakerKey: grouper.speakerOf(c), quoteIds: [] }));
    g.quoteIds.push(q.id);
    byQuote.set(q.id, { claimKey: g.key, score: s.score, via: s.via, linkedTo: s.linkedTo });
  }
  return { byQuote, claims: [...claims.values()] };
}

function round(x: number): number {
  return Math.round(Math.min(1, x) * 1000) / 1000;
}
