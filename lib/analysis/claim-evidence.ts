// Evidence that a quote carries a claim, judged against the claim AS A WHOLE:
// its representative wording (the fullest wording seen, or the one an editor
// confirmed), a few other full wordings admitted on strong evidence, and the
// primary-source sentences it was aligned to. Never against whichever member
// happens to share a pair of words, so links do not chain.
//
// Reasons, strongest first: "editor" (confirmed by an editor), "verbatim",
// "source sentence" (aligned to the same sentence of a primary source),
// "trimmed" (an excerpt or phrase lifted from the wording), "characterisation"
// (a quoted label after "described X as", "called it"), "reworded".

import { SPEECH_VERBS } from "./data/attribution-verbs";
import { documentFit, sameDocumentOnly, speakerFit } from "./claim-speaker-fit";
import { type QuoteContext, type Wording, PHRASE_WORDS, hasFiniteVerb, locate, stemWord } from "./claim-text";

export type ClaimLinkVia = "editor" | "verbatim" | "source sentence" | "trimmed" | "characterisation" | "reworded" | "context";

/** A quote prepared for matching. */
export interface PreparedQuote {
  id: string;
  wording: Wording;
  context: QuoteContext | null;
  speakerKey: string | null;
  /** Words of a "name:" speaker key (for the quick test that two names can be one person). */
  speakerWords: string[];
  documentKey: string | null;
  label: boolean;
  anchor: string | null;
  articleId: string | null;
}

/** What the index keeps of one claim: enough to judge a new quote against the whole claim. */
export interface ClaimState {
  rep: Wording;
  repId: string;
  /** The outlet's words around the representative (what a phrase is said about). */
  repContext: QuoteContext | null;
  /** An editor confirmed the representative: it is the claim's wording. */
  repConfirmed: boolean;
  /** Other full wordings admitted on strong evidence (a reworded outlet, the summary vs the chapter). */
  alts: Wording[];
  /** Exact wordings of members → a member quote id, for verbatim links. */
  wordings: Map<string, string>;
  anchors: Set<string>;
  /** Known speaker keys of members; empty when no member's speaker is known. */
  speakers: Set<string>;
  /** Every word of the members' "name:" speaker keys. */
  speakerWords: Set<string>;
  documents: Set<string>;
  size: number;
}

export interface Evidence {
  score: number;
  via: ClaimLinkVia;
  /** The quote's wording contains the representative: it becomes the claim's fuller wording. */
  supersedes: boolean;
}

/** Links at or above this score are made. */
export const LINK_THRESHOLD = 0.6;
/** A link where one side's speaker is unknown needs evidence this strong. */
export const STRONG = 0.75;
const MAX_ALTS = 3;
/**
 * Below this, two wordings that share content words are more often two assertions
 * (one speaker's statements of two days on one subject) than one reworded.
 */
const REWORDED_MIN = 0.7;
/** Two wordings of one document by its issuer (its summary and its chapter) need less: the same speaker and text. */
const REWORDED_SAME_DOCUMENT = 0.6;

const PREPOSITIONS = new Set(
  "at in on from into onto through across between among during within without under over near around behind beyond toward towards via along amid by for of with against about".split(" "),
);
// A phrase after one of these (skipping determiners) is the predicate the sentence asserts:
// “is a reckless gamble”, “remained a weak link”, “serve as a safe haven”.
const LINKING = new Set(
  "is are was were be been being am remain remains remained become becomes became seem seems seemed".split(" ").map(stemWord),
);
const LINKING_AS = new Set("serve serves served act acts acted".split(" ").map(stemWord));
const DETERMINERS = new Set("a an the some any this that these those its their his her our my your many more most several no every each".split(" "));

/** How many of the outlet's words either side of a phrase count as what it is said about. */
const WINDOW = 8;

/**
 * How well a short phrase found inside a longer wording is supported as that
 * wording's assertion; null when it is not. Not: the phrase sits in a
 * prepositional phrase of the longer wording (“… began at weak links in the
 * grid …” is about something else than “the grid has weak links”). Support:
 * - the longer wording adds no verb to the phrase (“a historic day for privacy in
 *   this country” says no more than “a historic day for privacy”);
 * - the word next to the phrase agrees, in the wording or in the outlet's
 *   sentence around it (“dismayed” by the audit / “We are dismayed by the audit”);
 * - the outlet's words near the phrase share content words with the rest of the wording.
 * Returns 0–1.
 */
export function phraseSupport(
  long: Wording, longCtx: QuoteContext | null, at: [number, number], phrase: Wording, phraseCtx: QuoteContext | null,
): number | null {
  const toks = long.tokens;
  let support = 0;
  if (at[0] > 0) {
    let k = at[0] - 1;
    while (k > 0 && DETERMINERS.has(toks[k])) k--;
    if (PREPOSITIONS.has(toks[k])) return null;
    if (LINKING.has(toks[k]) || (toks[k] === "as" && k > 0 && LINKING_AS.has(toks[k - 1]))) support += 0.5;
  }
  // A longer wording that only extends the phrase (no verb of its own) asserts nothing else;
  // a clause of its own (“We're deeply sorry”) cut from a longer one is that one's assertion.
  if (at[1] - at[0] < toks.length && !long.verbAt.some((i) => i < at[0] || i >= at[1])) support += 0.4;
  else if (phrase.content.size >= 2 && hasFiniteVerb(phrase)) support += 0.4;
  if (!phraseCtx) return support > 0 ? Math.min(1, support) : null; // nothing known of the outlet's sentence
  const longBefore = at[0] > 0 ? toks[at[0] - 1] : longCtx?.before[longCtx.before.length - 1];
  const longAfter = at[1] < toks.length ? toks[at[1]] : longCtx?.after[0];
  const before = phraseCtx.before[phraseCtx.before.length - 1];
  const after = phraseCtx.after[0];
  if (before && before === longBefore) support += 0.5;
  if (after && after === longAfter) support += 0.5;
  // Content words near the phrase that the longer wording (or, for two equal phrases, its sentence) also has.
  const other = at[1] - at[0] < toks.length || !longCtx ? long.content : nearContent(longCtx);
  let shared = 0;
  for (const t of nearContent(phraseCtx)) if (other.has(t) && !phrase.content.has(t)) shared++;
  support += Math.min(0.5, 0.25 * shared);
  return support === 0 ? null : Math.min(1, support);
}

function nearContent(ctx: QuoteContext): Set<string> {
  const near = new Set<string>();
  for (const t of ctx.before.slice(-WINDOW)) if (ctx.content.has(t)) near.add(t);
  for (const t of ctx.after.slice(0, WINDOW)) if (ctx.content.has(t)) near.add(t);
  return near;
}

/** Score of a phrase link: what the phrase says (content words) and how well it is supported. */
function phraseScore(phrase: Wording, support: number): number {
  return 0.6 + 0.25 * Math.min(1, support) + 0.1 * Math.min(1, phrase.content.size / 3);
}

/** Content-word similarity with word-order agreement: reworded wordings of one sentence. */
export function rewordedScore(a: Wording, b: Wording): number {
  let inter = 0;
  const [small, big] = a.content.size <= b.content.size ? [a.content, b.content] : [b.content, a.content];
  for (const t of small) if (big.has(t)) inter++;
  if (inter < 3) return 0;
  const overlap = inter / small.size;
  const jaccard = inter / (a.content.size + b.content.size - inter);
  return 0.5 * overlap + 0.5 * jaccard + 0.15 * bigramOverlap(a, b) - 0.05;
}

function bigramOverlap(a: Wording, b: Wording): number {
  if (a.tokens.length < 2 || b.tokens.length < 2) return 0;
  const [s, l] = a.tokens.length <= b.tokens.length ? [a.tokens, b] : [b.tokens, a];
  const set = bigramsOf(l);
  let hit = 0;
  for (let i = 0; i + 1 < s.length; i++) if (set.has(s[i] + " " + s[i + 1])) hit++;
  return hit / (s.length - 1);
}

const bigramCache = new WeakMap<Wording, Set<string>>();
function bigramsOf(w: Wording): Set<string> {
  let set = bigramCache.get(w);
  if (!set) {
    set = new Set<string>();
    for (let i = 0; i + 1 < w.tokens.length; i++) set.add(w.tokens[i] + " " + w.tokens[i + 1]);
    bigramCache.set(w, set);
  }
  return set;
}

function isPhrase(w: Wording): boolean {
  return w.tokens.length <= PHRASE_WORDS;
}

/** Containment either way between the quote and one wording of the claim. */
function contained(q: PreparedQuote, w: Wording, wContext: QuoteContext | null, isRep: boolean): Evidence | null {
  const qc = q.context;
  const qw = q.wording;
  if (!qw.content.size || !w.content.size) return null;
  if (qw.tokens.length <= w.tokens.length) {
    const exact = locate(w, qw);
    const at = exact ?? locate(w, qw, true);
    if (!at) return null;
    const gapped = exact ? 0 : 0.05;
    const cover = qw.tokens.length / w.tokens.length;
    if (isPhrase(qw)) {
      const s = phraseSupport(w, wContext, at, qw, qc);
      if (s === null) return null;
      const via = q.label ? "characterisation" : qw.tokens.length === w.tokens.length ? "verbatim" : "trimmed";
      return { score: phraseScore(qw, s) - gapped, via, supersedes: false };
    }
    return { score: Math.min(0.97, 0.85 + 0.12 * cover) - gapped, via: "trimmed", supersedes: false };
  }
  // The claim's wording inside the quote: the quote says it more fully.
  const exact = locate(qw, w);
  const at = exact ?? locate(qw, w, true);
  if (!at) return null;
  const gapped = exact ? 0 : 0.05;
  if (isPhrase(w)) {
    const s = phraseSupport(qw, qc, at, w, wContext);
    if (s === null) return null;
    return { score: phraseScore(w, s) - gapped, via: "trimmed", supersedes: isRep };
  }
  return { score: Math.min(0.97, 0.85 + 0.12 * (w.tokens.length / qw.tokens.length)) - gapped, via: "trimmed", supersedes: isRep };
}

/**
 * The evidence that quote `q` carries claim `c`, or null. Never across two known
 * speakers or two years of a document; with a speaker unknown on either side only
 * strong evidence counts.
 */
export function judge(q: PreparedQuote, c: ClaimState): Evidence | null {
  if (!q.wording.tokens.length) return null;
  const fit = speakerFit(q, c);
  if (fit === "different" || !documentFit(q, c)) return null;
  let best: Evidence | null = null;
  const consider = (e: Evidence | null) => {
    if (e && (!best || e.score > best.score)) best = e;
  };
  // The same words again. A phrase said again is only as good as what it is said about (judged below, against the wording).
  if (c.wordings.has(q.wording.whole) && (!isPhrase(q.wording) || fit === "same")) consider({ score: isPhrase(q.wording) ? 0.8 : 1, via: "verbatim", supersedes: false });
  if (q.anchor && c.anchors.has(q.anchor)) consider({ score: 0.9, via: "source sentence", supersedes: false });
  consider(contained(q, c.rep, c.repContext, true));
  for (const alt of c.alts) {
    const e = contained(q, alt, null, false);
    if (e) consider({ ...e, score: e.score - 0.05, supersedes: false });
  }
  if (!isPhrase(q.wording)) {
    const min = fit === "same" && sameDocumentOnly(q, c) ? REWORDED_SAME_DOCUMENT : REWORDED_MIN;
    consider(reworded(q.wording, c.rep, 0, min));
    for (const alt of c.alts) consider(reworded(q.wording, alt, 0.05, min));
    consider(sameFrame(q, c));
  }
  const found = best as Evidence | null;
  if (!found) return null;
  if (c.repConfirmed && found.supersedes) found.supersedes = false; // an editor's wording stays the claim's wording
  const need = fit === "same" ? LINK_THRESHOLD : STRONG;
  return found.score >= need ? found : null;
}

/** Words before the opening mark that must agree for two quotes to continue the same outlet clause. */
const FRAME_WORDS = 3;
/** Content words two reworded continuations of one clause must share. */
const FRAME_SHARED = 4;
/** Reworded score they need, well below REWORDED_MIN: the agreeing frame is the rest of the evidence. */
const FRAME_REWORDED = 0.35;

/**
 * Two rewordings of one assertion about one subject (a report's summary and its chapter, quoted by
 * two outlets): both quotes open in lower case, continuing a clause the outlet began with the same
 * words ("… report said the ministry “made no effort to pursue the former director …”" / "… said the
 * ministry “did not act against the former director …”"); the last of those words is a content
 * word, the subject the quoted predicate is said of (not a verb of saying or "that"); and the two
 * wordings share at least FRAME_SHARED content words. Judged against the representative only.
 */
function sameFrame(q: PreparedQuote, c: ClaimState): Evidence | null {
  const a = q.context;
  const b = c.repContext;
  if (!a || !b || !q.wording.opensLower || !c.rep.opensLower || isPhrase(c.rep)) return null;
  if (a.before.length < FRAME_WORDS || b.before.length < FRAME_WORDS) return null;
  for (let k = 1; k <= FRAME_WORDS; k++) if (a.before[a.before.length - k] !== b.before[b.before.length - k]) return null;
  const subject = a.before[a.before.length - 1];
  if (!a.content.has(subject) || SAYING.has(subject)) return null;
  let shared = 0;
  for (const t of q.wording.content) if (c.rep.content.has(t)) shared++;
  if (shared < FRAME_SHARED) return null;
  const s = rewordedScore(q.wording, c.rep);
  return s >= FRAME_REWORDED ? { score: Math.min(0.85, s + 0.4), via: "reworded", supersedes: false } : null;
}

/** Stems of verbs of saying: a frame ending in one ("… the ministry said “…”") names no subject of the quoted words. */
const SAYING = new Set(SPEECH_VERBS.map(stemWord));

function reworded(a: Wording, b: Wording, penalty: number, min: number): Evidence | null {
  if (isPhrase(b)) return null;
  const s = Math.min(0.95, rewordedScore(a, b)) - penalty;
  return s >= min ? { score: s, via: "reworded", supersedes: false } : null;
}

/** A new claim founded by one quote. */
export function newClaimState(q: PreparedQuote, confirmed = false): ClaimState {
  const c: ClaimState = {
    rep: q.wording,
    repId: q.id,
    repContext: q.context,
    repConfirmed: confirmed,
    alts: [],
    wordings: new Map(),
    anchors: new Set(),
    speakers: new Set(),
    speakerWords: new Set(),
    documents: new Set(),
    size: 0,
  };
  return c;
}

/** Records that `q` joined the claim with `e` (null for the founding quote); returns true if its wording became the representative. */
export function joinClaim(c: ClaimState, q: PreparedQuote, e: Evidence | null, confirmed = false): boolean {
  c.size++;
  if (q.speakerKey && !c.speakers.has(q.speakerKey)) {
    c.speakers.add(q.speakerKey);
    for (const w of q.speakerWords) c.speakerWords.add(w);
  }
  if (q.documentKey) c.documents.add(q.documentKey);
  if (q.anchor) c.anchors.add(q.anchor);
  if (c.wordings.size < 16 && !c.wordings.has(q.wording.whole)) c.wordings.set(q.wording.whole, q.id);
  let becameRep = false;
  if (e && ((confirmed && !c.repConfirmed) || (e.supersedes && !c.repConfirmed))) {
    if (!isPhrase(c.rep) && c.alts.length < MAX_ALTS) c.alts.push(c.rep);
    c.rep = q.wording;
    c.repId = q.id;
    c.repContext = q.context;
    c.repConfirmed = confirmed;
    becameRep = true;
  } else if (e && c.alts.length < MAX_ALTS) {
    // Another wording of the whole claim: an editor confirmed it, or it is a full rewording on strong evidence.
    const rewording = !isPhrase(q.wording) && (e.via === "reworded" || e.via === "source sentence") && e.score >= 0.75;
    if (confirmed || rewording) c.alts.push(q.wording);
  }
  return becameRep;
}
