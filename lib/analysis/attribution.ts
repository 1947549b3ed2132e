// Who said each quote. Rules follow wire-copy conventions:
//  - a cue in the quote's own sentence: "X said", "said X", "according to X",
//    "X, the Y of Z, said", "X told reporters", "X notes that …";
//  - a quote with no cue of its own continues the speaker of the quotes and
//    cues before it in the paragraph (split quotes, "“…,” it noted. “…”"),
//    then of the previous paragraph, then the article's main source;
//  - pronouns ("it", "he") and "the report" resolve to the last speaker /
//    document named, and a document resolves to its issuer.

import {
  DATA_NOUNS, DOCUMENT_NOUNS, LABEL_VERBS, ORGANIZATION_NOUNS, PERSON_TITLES, SPEECH_VERBS, WEAK_SPEECH_VERBS,
} from "./data/attribution-verbs";
import { CLAUSE_WORDS, DETERMINERS } from "./data/stopwords";
import { hedgesIn } from "./hedges";
import type { QuoteSpan } from "./quotes";
import type { Sentence } from "./sentences";
import type { SpeakerEntry, SpeakerKind, SpeakerRegistry } from "./speakers";
import { foldTypography, normalizeName, type Paragraph } from "./text";
import { type QuoteRange, type Tok, tokenize } from "./tokens";

/** A speaker as resolved for one article. */
export interface ResolvedSpeaker {
  /** Registry id, or null for a name the registry does not know (kept as written). */
  id: string | null;
  name: string;
  kind: SpeakerKind | "unknown";
  /** A bare common noun ("officials", "the Department"): too vague to keep two claims apart. */
  generic: boolean;
}

export type AttributionSource = "direct" | "carried" | "headline" | "fallback" | "none";

export interface Attribution {
  speaker: ResolvedSpeaker | null;
  /** Cue text as written ("the report said", "according to State"), or null. */
  cue: string | null;
  /** Attribution verb as written ("notes", "blasts", "according to"), or null. */
  verb: string | null;
  /** Where the speaker came from: the quote's sentence, a neighbour, the headline, or the article's main source. */
  source: AttributionSource;
  /** A quoted term the speaker applies to something (“affiliated”, after "refers to X as"). */
  label: boolean;
  /** Key of the document the words come from (registry id + year), when known. */
  documentKey: string | null;
  /** Index of the sentence holding the quote. */
  sentenceIndex: number;
  /** Offsets of the cue when it is in the quote's own sentence (-1 otherwise). */
  cueStart: number;
  cueEnd: number;
  /** Hedging words within a dozen words of the quote in its sentence. */
  hedges: string[];
}

interface Cue {
  verbStart: number;
  verbEnd: number;
  start: number;
  end: number;
  /** Token index of the verb (for distances). */
  at: number;
  speaker: ResolvedSpeaker | null;
  documentKey: string | null;
}

const SPEECH = new Set(SPEECH_VERBS);
const WEAK = new Set(WEAK_SPEECH_VERBS);
const LABEL = new Set(LABEL_VERBS);
const DATA = new Set(DATA_NOUNS);
const DOCS = new Set(DOCUMENT_NOUNS);
const ORGS = new Set(ORGANIZATION_NOUNS);
const TITLES = new Set(PERSON_TITLES);
const TIME_WORDS = new Set(
  ("monday tuesday wednesday thursday friday saturday sunday today yesterday tonight week weekend month year " +
    "morning afternoon evening night day january february march april may june july august september october " +
    "november december jan feb mar apr jun jul aug sep sept oct nov dec").split(" "),
);
const TIME_LEADS = new Set(["on", "in", "at", "last", "this", "next", "earlier", "late", "early", "the", "of", "during", "same", "previous"]);
// Documents that "say" things; plans and strategies are named more than quoted,
// so "Pakistan’s National Action Plan" must not become what "the report" means.
const REPORTS = new Set([
  "report", "reports", "assessment", "study", "review", "survey", "analysis", "audit", "document", "paper",
  "statement", "memo", "memorandum", "letter", "testimony", "cable", "briefing", "section", "chapter",
  "overview", "summary", "update", "bulletin", "release", "communique", "communiqué", "readout",
]);
const PERSON_HEADS = new Set([
  "spokesman", "spokeswoman", "spokesperson", "official", "officials", "minister", "envoy", "ambassador",
  "secretary", "president", "chief", "director", "head", "leader", "commander", "representative", "adviser",
  "advisor", "analyst", "analysts", "expert", "experts", "source", "sources", "diplomat", "diplomats",
]);
// Words that are nouns at least as often as verbs: "the Pakistani state", "reports of".
const NOUNISH = new Set([
  "report", "reports", "state", "states", "note", "notes", "claim", "claims", "call", "calls", "comment", "comments",
  "quote", "quotes", "point", "points", "question", "questions", "charge", "charges", "estimate", "estimates", "post",
  "posts", "counter", "find", "finds", "tweet", "tweets", "remark", "remarks", "read", "reads", "term", "terms",
  "label", "labels", "brand", "brands", "demand", "demands", "promise", "promises", "pledge", "pledges", "vow", "vows",
  "praise", "blast", "blasts", "slam", "record", "records", "highlight", "highlights", "review", "release", "welcome",
]);
const ADVERB_SKIP = new Set([
  "also", "still", "has", "have", "had", "previously", "further", "then", "later", "again", "repeatedly",
  "recently", "reportedly", "already", "once", "often", "would", "will", "did", "does", "do", "last", "today",
  "yesterday", "earlier", "separately", "however", "too", "even", "both", "now", "not", "never",
]);
const BE = new Set(["is", "are", "was", "were", "be", "been", "being", "am", "'s"]);
const PRONOUNS = new Set(["it", "he", "she", "they", "we", "i", "you"]);
const RELATIVES = new Set(["who", "which", "that"]);
const ARTICLES = new Set(["the", "a", "an"]);
const POSSESSIVE_DETS = new Set(["its", "their", "his", "her", "our", "my", "your"]);
const NP_JOINERS = new Set(["of", "for", "on", "and", "by", "de", "al", "bin", "von", "van", "der", "du", "la", "le", "&"]);
const YEAR = /^(1[89]|20)\d\d[.,]?$/;

interface Context {
  registry: SpeakerRegistry;
  lastDocument: ResolvedSpeaker | null;
  lastDocumentKey: string | null;
  lastOrg: ResolvedSpeaker | null;
  lastPerson: ResolvedSpeaker | null;
  lastSpeaker: ResolvedSpeaker | null;
  /** Family names of people named in full so far ("Khalilzad" → Zalmay Khalilzad). */
  people: Map<string, ResolvedSpeaker>;
  /** Speakers in order of mention, for "the ministry" / "the group". */
  recent: ResolvedSpeaker[];
  /** Role → the person last named with it ("spokesperson" → Aisha Farooqui), for "the spokesperson said". */
  roles: Map<string, ResolvedSpeaker>;
  /** Demonyms/countries the article is about (dateline first), computed on first need. */
  countries: string[] | null;
  text: string;
  documentKeys: Map<string, { key: string; issuer: string | null; count: number }>;
}

export interface AttributionInput {
  text: string;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  quotes: QuoteSpan[];
  registry: SpeakerRegistry;
  /** Treat the first line as a headline ("Pakistan a ‘safe haven’: U.S. State Department"). Default true. */
  headline?: boolean;
}

export function attributeQuotes(input: AttributionInput): Attribution[] {
  const { text, sentences, quotes, registry } = input;
  const ctx: Context = {
    registry, lastDocument: null, lastDocumentKey: null, lastOrg: null, lastPerson: null, lastSpeaker: null,
    people: new Map(), documentKeys: new Map(), recent: [], roles: new Map(), countries: null, text,
  };
  const ranges: QuoteRange[] = quotes.map((q, i) => ({ from: q.openMark ?? q.start, to: (q.closeMark ?? q.end - 1) + 1, quote: i }));
  const out: Attribution[] = quotes.map(() => ({
    speaker: null, cue: null, verb: null, source: "none", label: false, documentKey: null, sentenceIndex: -1,
    cueStart: -1, cueEnd: -1, hedges: [],
  }));
  // Per sentence: the speaker most recently established there (cue or quote), for carrying.
  const sentenceSpeaker: (ResolvedSpeaker | null)[] = [];
  const sentenceCue: (Cue | null)[] = [];
  const headlineOn = input.headline !== false;

  const trigger = triggerFor(registry);
  let nextRange = 0;
  for (const sent of sentences) {
    // Sentences with no quote and no cue word cannot change anything: skip tokenising them.
    while (nextRange < ranges.length && ranges[nextRange].to <= sent.start) nextRange++;
    const hasQuote = nextRange < ranges.length && ranges[nextRange].from < sent.end;
    if (!hasQuote && !(headlineOn && sent.paragraphIndex === 0)) {
      if (!trigger.test(text.slice(sent.start, sent.end))) {
        sentenceSpeaker[sent.index] = null;
        sentenceCue[sent.index] = null;
        continue;
      }
    }
    const toks = tokenize(text, sent.start, sent.end, ranges);
    const cues = findCues(text, toks, ctx);
    noteDocuments(text, toks, cues, ctx);
    let last: ResolvedSpeaker | null = null;
    let lastCue: Cue | null = null;
    for (const c of cues) if (c.speaker) {
      last = c.speaker;
      lastCue = c;
    }
    for (let k = 0; k < toks.length; k++) {
      const t = toks[k];
      if (t.kind !== "quote") continue;
      const a = out[t.quote!];
      a.sentenceIndex = sent.index;
      a.label = isLabelled(toks, k);
      a.hedges = hedgesIn(wordsAround(toks, k, HEDGE_WINDOW));
      const cue = commitmentCue(text, toks, k, ctx) ?? nearestCue(cues, k, toks);
      if (cue && cue.speaker) {
        a.speaker = cue.speaker;
        a.cue = text.slice(cue.start, cue.end);
        a.verb = text.slice(cue.verbStart, cue.verbEnd);
        a.source = "direct";
        a.documentKey = cue.documentKey;
        a.cueStart = cue.start;
        a.cueEnd = cue.end;
      }
    }
    if (headlineOn && sent.paragraphIndex === 0 && quotesIn(toks).some((k) => !out[toks[k].quote!].speaker)) {
      const h = headlineCue(text, toks, ctx);
      if (h) for (const k of quotesIn(toks)) {
        const a = out[toks[k].quote!];
        if (a.speaker) continue;
        a.speaker = h.speaker;
        a.cue = h.cue;
        a.verb = null;
        a.source = "headline";
      }
    }
    sentenceSpeaker[sent.index] = last;
    sentenceCue[sent.index] = lastCue;
  }

  carrySpeakers(input, out, sentenceSpeaker, sentenceCue);
  assignDocuments(out, ctx);
  return out;
}

const HEDGE_WINDOW = 12;

// Words without which a sentence holds no cue and names no document (per registry, built once).
const TRIGGERS = new WeakMap<SpeakerRegistry, RegExp>();
function triggerFor(registry: SpeakerRegistry): RegExp {
  let re = TRIGGERS.get(registry);
  if (!re) {
    const words = new Set<string>([...SPEECH, "according", ...REPORTS]);
    for (const e of registry.entries()) {
      if (e.kind !== "document") continue;
      for (const a of [e.name, ...e.aliases]) {
        const w = a.split(/\s+/)[0];
        if (w) words.add(w.toLowerCase());
      }
    }
    const alt = [...words].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).sort((a, b) => b.length - a.length).join("|");
    re = new RegExp(`\\b(?:${alt})\\b`, "i");
    TRIGGERS.set(registry, re);
  }
  return re;
}

function wordsAround(toks: Tok[], k: number, n: number): string[] {
  const out: string[] = [];
  for (let j = Math.max(0, k - n); j <= Math.min(toks.length - 1, k + n); j++) if (toks[j].kind === "word") out.push(toks[j].lower);
  return out;
}

function quotesIn(toks: Tok[]): number[] {
  const r: number[] = [];
  toks.forEach((t, k) => t.kind === "quote" && r.push(k));
  return r;
}

// ---------------------------------------------------------------------------
// Cue detection

function findCues(text: string, toks: Tok[], ctx: Context): Cue[] {
  const cues: Cue[] = [];
  for (let v = 0; v < toks.length; v++) {
    const t = toks[v];
    if (t.kind !== "word") continue;
    // "according to X" (and the typo "according the X")
    if (t.lower === "according") {
      let j = v + 1;
      if (toks[j]?.lower === "to") j++;
      const np = collectForward(toks, j);
      if (np) {
        const speaker = interpret(text, toks, np, ctx, cues);
        cues.push(makeCue(t.start, toks[v + 1]?.lower === "to" ? toks[v + 1].end : t.end, toks[np[0]].start, toks[np[1]].end, v, speaker, ctx));
      }
      continue;
    }
    if (!isVerb(toks, v)) continue;
    const prev = toks[v - 1];
    // Inverted order right after a quotation: "“…,” said the report".
    const afterQuote = prev && (prev.kind === "quote" || (prev.text === "," && toks[v - 2]?.kind === "quote"));
    // "The Foreign Office rejected the report, saying it was “…”": the participle's subject is the clause's.
    if (t.lower.endsWith("ing") && prev?.text === ",") {
      const earlier = [...cues].reverse().find((c) => c.speaker);
      if (earlier) {
        cues.push({ ...earlier, verbStart: t.start, verbEnd: t.end, start: t.start, end: t.end, at: v });
        continue;
      }
      const np = sentenceSubject(toks);
      if (np) {
        const speaker = interpret(text, toks, np, ctx, cues);
        cues.push(makeCue(t.start, t.end, toks[np[0]].start, t.end, v, speaker, ctx));
      }
      continue;
    }
    const left = afterQuote ? null : collectSubject(toks, v);
    if (left) {
      const speaker = interpret(text, toks, left, ctx, cues);
      cues.push(makeCue(t.start, t.end, toks[left[0]].start, t.end, v, speaker, ctx));
      continue;
    }
    if (afterQuote || v === 0) {
      const np = collectForward(toks, v + 1);
      if (np) {
        const speaker = interpret(text, toks, np, ctx, cues);
        cues.push(makeCue(t.start, t.end, t.start, toks[np[1]].end, v, speaker, ctx));
      }
    }
  }
  return cues;
}

/** The capitalised noun phrase a sentence opens with ("The Foreign Office on Thursday …"). */
function sentenceSubject(toks: Tok[]): [number, number] | null {
  let e = 0;
  while (e < toks.length && toks[e].kind === "word" && (toks[e].cap || ARTICLES.has(toks[e].lower) || (e > 0 && NP_JOINERS.has(toks[e].lower)))) e++;
  return e > 0 && isNameLike(toks, [0, e - 1]) ? [0, e - 1] : null;
}

function makeCue(verbStart: number, verbEnd: number, a: number, b: number, at: number, speaker: Interp | null, ctx: Context): Cue {
  const s = speaker?.speaker ?? null;
  if (s) remember(ctx, s);
  return {
    verbStart, verbEnd, start: Math.min(a, verbStart), end: Math.max(b, verbEnd), at, speaker: s,
    documentKey: speaker?.documentKey ?? null,
  };
}

function isVerb(toks: Tok[], v: number): boolean {
  const t = toks[v];
  if (!SPEECH.has(t.lower) || t.poss) return false;
  if (t.cap && v > 0) return false; // "Country Reports", "United States"
  const prev = toks[v - 1];
  const next = toks[v + 1];
  if (prev && prev.kind === "word" && (BE.has(prev.lower))) return false; // passive: "is believed", "was called"
  if (prev && prev.kind === "word" && DETERMINERS.has(prev.lower)) return false; // "the report", "its statement"
  if (prev && prev.kind === "word" && prev.lower === "to") return false; // "wrong to call", "to say"
  if (WEAK.has(t.lower)) {
    const n = next?.lower === "out" ? toks[v + 2] : next;
    if (!n || !(n.lower === "that" || n.text === ":")) return false;
  }
  if (NOUNISH.has(t.lower)) {
    if (next && next.kind === "word" && ["of", "have", "has", "had", "were", "are", "was", "is", "by", "from", "and"].includes(next.lower)) return false;
    // Base forms ("state", "report") need a plural or pronoun subject: "officials state".
    if (!/(s|ed)$/.test(t.lower) && !(prev && (PRONOUNS.has(prev.lower) || /s$/.test(prev.lower)))) return false;
  }
  // Gerunds only attribute right after a quotation: "“…,” adding that".
  if (t.lower.endsWith("ing") && !(prev && (prev.kind === "quote" || prev.text === ","))) return false;
  return true;
}

/** Token range [first, last] of the subject noun phrase left of a verb, or null. */
function collectSubject(toks: Tok[], v: number): [number, number] | null {
  let j = v - 1;
  for (;;) {
    while (j >= 0 && toks[j].kind === "word" && !toks[j].cap && (ADVERB_SKIP.has(toks[j].lower) || (toks[j].lower.endsWith("ly") && toks[j].lower.length > 4))) j--;
    // "Amnesty International on Monday said": a time phrase is not part of the subject.
    if (j >= 0 && toks[j].kind === "word" && (TIME_WORDS.has(toks[j].lower) || /^\d+$/.test(toks[j].lower)) && j > 0) {
      let k = j - 1;
      while (k >= 0 && toks[k].kind === "word" && (TIME_LEADS.has(toks[k].lower) || TIME_WORDS.has(toks[k].lower) || /^\d+$/.test(toks[k].lower))) k--;
      if (k < j - 1 || TIME_WORDS.has(toks[j].lower) && !toks[j].cap) {
        j = k;
        continue;
      }
    }
    break;
  }
  if (j < 0) return null;
  const t = toks[j];
  if (t.kind === "punct" && t.text === ",") {
    // "X, the Y of Z, said", "Islamabad, however, rejected", "The Taliban, in a statement, said":
    // prefer the name before the comma-delimited insertion.
    let c = j - 1;
    while (c >= 0 && j - c < 16 && toks[c].kind === "word") c--;
    if (c > 0 && toks[c].text === ",") {
      const np0 = collectBack(toks, c - 1);
      // ", released on Wednesday," / ", however," modify the subject before them; ", the mayor," names it again.
      const insertion = toks[c + 1];
      const modifier = insertion && insertion.kind === "word" && !insertion.cap && !ARTICLES.has(insertion.lower);
      if (np0 && (isNameLike(toks, np0) || modifier)) return np0;
    }
    const np1 = collectBack(toks, j - 1);
    return np1 && isNameLike(toks, np1) ? np1 : null;
  }
  if (t.kind !== "word") return null;
  return collectBack(toks, j);
}

function collectBack(toks: Tok[], j: number): [number, number] | null {
  if (j < 0 || toks[j].kind !== "word") return null;
  const end = j;
  const first = toks[j];
  if (isPronoun(first) || isRelative(first)) return [j, j];
  let start = -1;
  let k = j;
  while (k >= 0 && end - k < 12) {
    const t = toks[k];
    if (t.kind !== "word") break;
    const lw = t.lower;
    if (ARTICLES.has(lw) || POSSESSIVE_DETS.has(lw)) {
      start = k;
      // "the the State Department’s": a doubled article is a typo, keep going.
      if (toks[k - 1]?.lower === lw) k--;
      break;
    }
    if (NP_JOINERS.has(lw)) {
      const left = toks[k - 1];
      const right = toks[k + 1];
      // "Ministry of Foreign Affairs", "the … section on Afghanistan"
      if (!(left && left.kind === "word" && (left.cap || DOCS.has(left.lower)) && right && right.cap)) break;
    } else if (CLAUSE_WORDS.has(lw) && !(t.cap && k !== 0 && !CLAUSE_WORDS.has(lw))) {
      break;
    } else if (!t.cap && !/^\d/.test(lw)) {
      // Lower-case words belong to the phrase only as its head or near it: "the Pakistani foreign office".
      if ((SPEECH.has(lw) && !(k === end && NOUNISH.has(lw))) || end - k > 4 || /ing$|ed$/.test(lw)) break;
    }
    start = k;
    k--;
  }
  if (start < 0) return null;
  // Trim leading clause words picked up at a sentence start ("After").
  while (start <= end && CLAUSE_WORDS.has(toks[start].lower) && !ARTICLES.has(toks[start].lower)) start++;
  if (start > end) return null;
  if (!hasContent(toks, start, end)) return null;
  return [start, end];
}

/** Noun phrase right of a verb or "according to": "a June 25 statement by the Pakistani Foreign Affairs Ministry". */
function collectForward(toks: Tok[], j: number): [number, number] | null {
  let k = j;
  while (toks[k]?.kind === "word" && ARTICLES.has(toks[k].lower)) k++; // "the the"
  const start = j;
  let end = -1;
  let sawNoun = false;
  for (; k < toks.length && k - start < 16; k++) {
    const t = toks[k];
    if (t.kind !== "word") break;
    const lw = t.lower;
    if (isPronoun(t) && k === start) return [k, k];
    if (isRelative(t) || SPEECH.has(lw) && !t.cap && sawNoun) break;
    if (ARTICLES.has(lw) || POSSESSIVE_DETS.has(lw)) {
      if (sawNoun && !NP_JOINERS.has(toks[k - 1]?.lower ?? "")) break;
      continue;
    }
    if (NP_JOINERS.has(lw) || lw === "from") {
      const n = toks[k + 1];
      const nn = n && ARTICLES.has(n.lower) ? toks[k + 2] : n;
      if (!(nn && nn.cap)) break;
      continue;
    }
    if (!t.cap && /ing$/.test(lw) && sawNoun) break; // "the report running into more"
    if (CLAUSE_WORDS.has(lw) && !t.cap) break;
    end = k;
    sawNoun = true;
    if (t.poss) continue;
  }
  if (end < 0) return null;
  return hasContent(toks, start, end) ? [start, end] : null;
}

// "It said" is a pronoun, "IT said" (an acronym) is not; "WHO said" is the World Health Organization.
function isPronoun(t: Tok): boolean {
  return PRONOUNS.has(t.lower) && (t.text === t.lower || t.text.slice(1) === t.lower.slice(1));
}

function isRelative(t: Tok): boolean {
  return RELATIVES.has(t.lower) && t.text === t.lower;
}

function hasContent(toks: Tok[], a: number, b: number): boolean {
  for (let k = a; k <= b; k++) {
    const lw = toks[k].lower;
    if (!ARTICLES.has(lw) && !POSSESSIVE_DETS.has(lw) && !CLAUSE_WORDS.has(lw)) return true;
    if (PRONOUNS.has(lw) || RELATIVES.has(lw)) return true;
  }
  return false;
}

function isNameLike(toks: Tok[], np: [number, number]): boolean {
  for (let k = np[0]; k <= np[1]; k++) {
    const t = toks[k];
    if (t.cap && !CLAUSE_WORDS.has(t.lower) && !ARTICLES.has(t.lower) && !POSSESSIVE_DETS.has(t.lower)) return true;
  }
  return false;
}

/** The cue a quote belongs to: the nearest one in its sentence, ties going to the cue after it. */
function nearestCue(cues: Cue[], k: number, toks: Tok[]): Cue | null {
  let best: Cue | null = null;
  let bestD = Infinity;
  for (const c of cues) {
    if (!c.speaker) continue;
    let d = Math.abs(c.at - k);
    // Across a semicolon or dash the cue usually belongs to another clause.
    const [a, b] = c.at < k ? [c.at, k] : [k, c.at];
    for (let j = a + 1; j < b; j++) if (toks[j].text === ";") d += 20;
    if (c.at > k) d -= 0.5;
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best;
}

const COMMIT_GERUNDS = new Set(["committing", "pledging", "vowing", "promising", "agreeing", "undertaking", "resolving"]);
const FINITE = new Set(["has", "have", "had", "is", "are", "was", "were", "will", "would", "did", "does", "can", "could", "must", "should", "continues", "remains"]);

/**
 * "Despite committing to “…”, Islamabad has done little": a commitment in a
 * participle has the main clause's subject as its author, not the sentence's
 * reporting cue. Returns that subject as a cue, or null.
 */
function commitmentCue(text: string, toks: Tok[], k: number, ctx: Context): Cue | null {
  if (toks[k - 1]?.lower !== "to" || !COMMIT_GERUNDS.has(toks[k - 2]?.lower ?? "")) return null;
  for (let j = k + 1; j < toks.length - 1; j++) {
    if (toks[j].kind !== "word" || !toks[j].cap || toks[j - 1]?.text !== ",") continue;
    let e = j;
    while (e + 1 < toks.length && toks[e + 1].kind === "word" && toks[e + 1].cap) e++;
    if (!FINITE.has(toks[e + 1]?.lower ?? "")) continue;
    const r = interpret(text, toks, [j, e], ctx, []);
    if (!r?.speaker) return null;
    return { verbStart: toks[k - 2].start, verbEnd: toks[k - 2].end, start: toks[j].start, end: toks[e].end, at: j, speaker: r.speaker, documentKey: null };
  }
  return null;
}

/** “affiliated” after "refers to X as", “India-focused” after "classifies X as", "calls X “…”". */
function isLabelled(toks: Tok[], k: number): boolean {
  for (let j = k - 1; j >= 0 && k - j <= 8; j--) {
    const t = toks[j];
    if (t.kind !== "word") {
      if (t.kind === "quote" && toks[j + 1]?.lower === "and") continue;
      if (t.text === "," || t.text === ";" || t.text === ":") return false;
      continue;
    }
    if (LABEL.has(t.lower)) {
      if (/^call/.test(t.lower) && ["to", "for", "on", "out", "upon"].includes(toks[j + 1]?.lower ?? "")) return false;
      // "call" labels directly; the others need "as" between: "describes Pakistan as".
      if (/^call/.test(t.lower) || /^(dub|term|brand|label)/.test(t.lower)) return true;
      for (let m = j + 1; m < k; m++) if (toks[m].lower === "as") return true;
      return false;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------
// Mentions

interface Interp {
  speaker: ResolvedSpeaker | null;
  documentKey: string | null;
}

function fromEntry(registry: SpeakerRegistry, e: SpeakerEntry): ResolvedSpeaker {
  const s = registry.speakerOf(e);
  return { id: s.id, name: s.name, kind: s.kind, generic: false };
}

function docKeyOf(e: SpeakerEntry, year: string | undefined): string {
  const y = year && YEAR.test(year) ? year.slice(0, 4) : "";
  return y ? `${e.id}:${y}` : e.id;
}

function interpret(text: string, toks: Tok[], np: [number, number], ctx: Context, prior: Cue[]): Interp | null {
  const [a, b] = np;
  const first = toks[a];
  if (a === b && PRONOUNS.has(first.lower)) return { speaker: pronoun(first.lower, ctx, prior), documentKey: null };
  if (a === b && RELATIVES.has(first.lower)) {
    const ante = antecedent(toks, a);
    return ante ? interpret(text, toks, ante, ctx, prior) : null;
  }
  let s = a;
  while (s <= b && (ARTICLES.has(toks[s].lower) || toks[s].lower === toks[s - 1]?.lower && ARTICLES.has(toks[s].lower))) s++;
  if (s > b) return null;
  if (DATA.has(toks[b].lower)) return null; // "according to the ANDSF’s own statistics"

  const phrase = text.slice(toks[s].start, toks[b].end).replace(/['’]s$|’$/, "");
  const whole = ctx.registry.resolve(phrase);
  if (whole) return fromRegistry(ctx, whole, undefined);

  // "Prime Minister Narendra Modi", "Pentagon spokesman John Kirby": the named person speaks,
  // except that a spokesperson speaks for the body named before the title.
  const named = personAfterTitle(toks, s, b);
  if (named) {
    const titleAt = named[0] - 1;
    if (/^spokes/.test(toks[titleAt].lower) && titleAt > s) {
      const body = interpret(text, toks, [s, titleAt - 1], ctx, prior);
      if (body?.speaker?.id) {
        ctx.roles.set(toks[titleAt].lower, body.speaker);
        ctx.lastPerson = body.speaker; // "she said" later means the spokesperson, i.e. the body
        return body;
      }
    }
    const name = text.slice(toks[named[0]].start, toks[named[1]].end);
    const known = ctx.registry.resolve(name);
    const person = known ? fromRegistry(ctx, known, undefined) : { speaker: newSpeaker(name, toks, named[0], named[1], ctx), documentKey: null };
    for (let k = s; k < named[0]; k++) if (TITLES.has(toks[k].lower) && person.speaker) ctx.roles.set(toks[k].lower, person.speaker);
    return person;
  }

  // "the Foreign Office", "FO", "the foreign ministry spokesperson": whose? The article's country.
  if (GENERIC_MINISTRY.test(phrase)) {
    const p = phrase.replace(/^the\s+/i, "").replace(/^FO$/i, "Foreign Office").replace(/^MOFA$/i, "Ministry of Foreign Affairs");
    for (const c of articleCountries(ctx)) {
      const hit = ctx.registry.resolve(`${c} ${p}`) ?? ctx.registry.resolve(`${p} of ${c}`);
      if (hit) return fromRegistry(ctx, hit, undefined);
    }
  }

  // "the U.S. State Department’s Annual Country Report …", "Foggy Bottom’s report": the owner speaks.
  for (let k = s; k < b; k++) {
    if (!toks[k].poss) continue;
    const owner = interpret(text, toks, [s, k], ctx, prior);
    if (owner?.speaker) {
      const rest = text.slice(toks[k + 1].start, toks[b].end);
      const doc = ctx.registry.findAll(rest).find((m) => m.entry.kind === "document");
      const restIsDoc = !!doc || toks.slice(k + 1, b + 1).some((t) => REPORTS.has(t.lower));
      let documentKey = owner.documentKey;
      if (doc) documentKey = noteDocument(ctx, doc.entry, doc.after ?? doc.before);
      if (restIsDoc) setDocument(ctx, owner.speaker, documentKey);
      return { speaker: owner.speaker, documentKey };
    }
    break;
  }

  // A known name inside a longer mention: accept it when it is the mention's
  // head ("the Pakistani Foreign Affairs Ministry"), or when the head is a
  // document or a spokesperson ("the Country Reports on Terrorism 2019 section").
  let coreEnd = b;
  for (let k = s + 1; k <= b; k++) {
    // "the … section on Afghanistan" (a common noun), not "Reports on Terrorism" (a title).
    if (["on", "in", "about", "regarding", "into"].includes(toks[k].lower) && DOCS.has(toks[k - 1].lower) && !toks[k - 1].cap) {
      coreEnd = k - 1;
      break;
    }
  }
  while (coreEnd > s && YEAR.test(toks[coreEnd].lower)) coreEnd--;
  const core = text.slice(toks[s].start, toks[coreEnd].end);
  const head = toks[coreEnd].lower;
  const m = ctx.registry.findIn(core);
  if (m && (m.atEnd || DOCS.has(head) || PERSON_HEADS.has(head) || m.entry.kind === "document")) {
    return fromRegistry(ctx, m.entry, m.after ?? m.before);
  }

  // "the spokesperson", "the minister": the person last named with that title.
  if (toks[a].lower === "the" && coreEnd === s && !toks[s].cap && ctx.roles.has(head)) {
    return { speaker: ctx.roles.get(head)!, documentKey: null };
  }
  // "the ministry", "the group": the speaker named before whose name has that word.
  if (toks[a].lower === "the" && coreEnd === s && !toks[s].cap && ORGS.has(head)) {
    for (let k = ctx.recent.length - 1; k >= 0; k--) {
      if (new RegExp(`\\b${head}\\b`, "i").test(ctx.recent[k].name)) return { speaker: ctx.recent[k], documentKey: null };
    }
  }
  // "the report", "the statement": the document (or organisation) named last.
  if (DOCS.has(head)) {
    const onlyCommon = toks.slice(s, coreEnd).every((t) => !t.cap);
    if (onlyCommon || toks[a].lower !== "a") {
      const sp = ctx.lastDocument ?? ctx.lastOrg;
      if (sp) return { speaker: sp, documentKey: ctx.lastDocumentKey };
    }
    return { speaker: { id: null, name: cleanName(phrase), kind: "document", generic: true }, documentKey: null };
  }
  return { speaker: newSpeaker(phrase, toks, s, b, ctx), documentKey: null };
}

/** Token range of a person's name after a title ("Sen. Chuck Schumer" → Chuck Schumer), or null. */
function personAfterTitle(toks: Tok[], s: number, b: number): [number, number] | null {
  let k = b;
  while (k >= s && toks[k].kind === "word" && toks[k].cap && !toks[k].poss && !TITLES.has(toks[k].lower) && !ORGS.has(toks[k].lower) && !/^\d/.test(toks[k].lower)) k--;
  const first = k + 1;
  if (first > b || k < s) return null;
  if (!TITLES.has(toks[k].lower) || toks[k].poss) return null;
  if (b - first + 1 < 2 && !toks[k].cap) return null; // "the spokesman Kirby" is fine, "a spokesman Smith" rare
  return [first, b];
}

const GENERIC_MINISTRY = /^(?:(?:the\s+)?(?:foreign|external affairs|defen[cs]e|interior)\s+(?:office|ministry|affairs ministry)(?:\s+spokes(?:person|man|woman))?|ministry of (?:foreign|external) affairs|FO|MOFA)$/i;
const DATELINE = /^\s*([A-Z][A-Za-z .'-]{2,30}?)\s*(?:,\s*[A-Za-z .]+)?\s*(?:\(\w+\)\s*)?[:\-–—]\s/m;

/** Demonyms and country names the article is about: its dateline first, then the most mentioned. */
function articleCountries(ctx: Context): string[] {
  if (ctx.countries) return ctx.countries;
  const counts = new Map<string, number>();
  const names = new Map<string, string[]>(); // government entry id → [demonym-ish name, country]
  for (const e of ctx.registry.entries()) {
    if (!e.id.endsWith("-govt") || e.kind !== "government") continue;
    const country = e.name.replace(/^Government of /, "");
    const demonym = e.aliases.find((a) => / government$/.test(a) && !a.startsWith(country))?.replace(/ government$/, "") ?? country;
    names.set(e.id, [demonym, country]);
  }
  const body = ctx.text.slice(0, 20000);
  const para = body.split("\n").find((l, i) => i > 0 && l.trim()) ?? "";
  const dl = DATELINE.exec(para);
  for (const m of ctx.registry.findAll(body)) {
    if (!names.has(m.entry.id)) continue;
    counts.set(m.entry.id, (counts.get(m.entry.id) ?? 0) + 1);
  }
  if (dl) {
    const hit = ctx.registry.resolve(dl[1].trim().toLowerCase().replace(/\b\w/g, (c) => c.toUpperCase()));
    if (hit && names.has(hit.id)) counts.set(hit.id, (counts.get(hit.id) ?? 0) + 1000);
  }
  ctx.countries = [...counts.entries()].sort((a, b) => b[1] - a[1]).flatMap(([id]) => names.get(id)!);
  return ctx.countries;
}

function fromRegistry(ctx: Context, e: SpeakerEntry, near: string | undefined): Interp {
  const speaker = fromEntry(ctx.registry, e);
  if (e.kind === "document") {
    const key = noteDocument(ctx, e, near);
    setDocument(ctx, speaker, key);
    return { speaker, documentKey: key };
  }
  return { speaker, documentKey: null };
}

function noteDocument(ctx: Context, e: SpeakerEntry, near: string | undefined): string {
  const key = docKeyOf(e, near);
  const issuer = ctx.registry.speakerOf(e);
  const rec = ctx.documentKeys.get(key) ?? { key, issuer: issuer.id === e.id ? null : issuer.id, count: 0 };
  rec.count++;
  ctx.documentKeys.set(key, rec);
  return key;
}

function setDocument(ctx: Context, issuer: ResolvedSpeaker, key: string | null) {
  ctx.lastDocument = issuer;
  ctx.lastDocumentKey = key;
}

function pronoun(p: string, ctx: Context, prior: Cue[]): ResolvedSpeaker | null {
  if (p === "he" || p === "she") return ctx.lastPerson;
  for (let k = prior.length - 1; k >= 0; k--) {
    const sp = prior[k].speaker;
    if (sp && sp.kind !== "person") return sp;
  }
  if (ctx.lastSpeaker && ctx.lastSpeaker.kind !== "person") return ctx.lastSpeaker;
  return ctx.lastOrg ?? ctx.lastDocument ?? ctx.lastSpeaker;
}

/** "Zalmay Khalilzad, the U.S. envoy, who praised …" → Zalmay Khalilzad. */
function antecedent(toks: Tok[], rel: number): [number, number] | null {
  const j = rel - 1;
  if (toks[j]?.text !== ",") return collectBack(toks, j);
  const np1 = collectBack(toks, j - 1);
  if (!np1) return null;
  if (toks[np1[0] - 1]?.text === ",") {
    const np0 = collectBack(toks, np1[0] - 2);
    if (np0 && isNameLike(toks, np0)) return np0;
  }
  return np1;
}

function cleanName(s: string): string {
  return foldTypography(s)
    .replace(/^(the|a|an|its|their|his|her)\s+/i, "")
    .replace(/'s$|'$/, "")
    .replace(/\s+/g, " ")
    .trim();
}

function newSpeaker(phrase: string, toks: Tok[], s: number, b: number, ctx: Context): ResolvedSpeaker {
  const name = cleanName(phrase);
  const words = toks.slice(s, b + 1).filter((t) => t.kind === "word");
  const caps = words.filter((t) => t.cap);
  const orgish = words.some((t) => ORGS.has(t.lower));
  if (!caps.length) return { id: null, name, kind: orgish ? "organization" : "unknown", generic: true };
  if (words.length === 1) {
    const known = ctx.people.get(words[0].lower);
    if (known) return known;
    return { id: null, name, kind: orgish ? "organization" : "unknown", generic: orgish };
  }
  if (!orgish && caps.length === words.length && words.length <= 4) {
    const person: ResolvedSpeaker = { id: null, name, kind: "person", generic: false };
    ctx.people.set(words[words.length - 1].lower, person);
    return person;
  }
  return { id: null, name, kind: orgish ? "organization" : "unknown", generic: false };
}

function remember(ctx: Context, s: ResolvedSpeaker) {
  ctx.lastSpeaker = s;
  if (!s.generic) ctx.recent.push(s);
  if (s.kind === "person") ctx.lastPerson = s;
  else ctx.lastOrg = s;
}

// ---------------------------------------------------------------------------
// Documents named outside cues ("The State Department’s newly released
// Country Reports on Terrorism 2016 points to …"), and "in its latest report".

function noteDocuments(text: string, toks: Tok[], cues: Cue[], ctx: Context) {
  const words: string[] = [];
  for (const t of toks) if (t.kind === "word") words.push(t.lower);
  for (const m of ctx.registry.findDocuments(words)) {
    const key = noteDocument(ctx, m.entry, m.after && YEAR.test(m.after) ? m.after : m.before);
    setDocument(ctx, fromEntry(ctx.registry, m.entry), key);
  }
  let speaker = cues.find((c) => c.speaker && c.speaker.kind !== "person")?.speaker;
  if (!speaker) {
    // "The State Department released its annual report", "The ministry issued a statement":
    // the sentence's subject issues it.
    if (!toks.some((t, k) => (POSSESSIVE_DETS.has(t.lower) || ARTICLES.has(t.lower)) && k > 0 && toks.slice(k + 1, k + 4).some((u) => REPORTS.has(u.lower) && !u.cap))) return;
    let e = 0;
    while (e < toks.length && toks[e].kind === "word" && (toks[e].cap || ARTICLES.has(toks[e].lower) || NP_JOINERS.has(toks[e].lower))) e++;
    if (e === 0 || !isNameLike(toks, [0, e - 1])) return;
    const r = interpret(text, toks, [0, e - 1], ctx, []);
    if (!r?.speaker?.id || r.speaker.kind === "person") return; // only known bodies: "In January" is no issuer
    speaker = r.speaker;
    remember(ctx, speaker);
  }
  for (let k = 0; k < toks.length; k++) {
    if (!POSSESSIVE_DETS.has(toks[k].lower)) continue;
    for (let j = k + 1; j <= k + 3 && j < toks.length; j++) {
      if (toks[j].kind !== "word") break;
      if (REPORTS.has(toks[j].lower) && !toks[j].cap) {
        if (ctx.lastDocument?.name !== speaker.name) setDocument(ctx, speaker, null);
        return;
      }
    }
  }
}

// ---------------------------------------------------------------------------
// Headlines: "Pakistan a ‘safe haven’ for ‘terror groups’: U.S. State Department"

function headlineCue(text: string, toks: Tok[], ctx: Context): { speaker: ResolvedSpeaker; cue: string } | null {
  const colons = toks.map((t, k) => (t.text === ":" ? k : -1)).filter((k) => k >= 0);
  if (!colons.length) return null;
  const tryRange = (a: number, b: number, strict: boolean) => {
    if (b < a || b - a > 6) return null;
    for (let k = a; k <= b; k++) if (toks[k].kind !== "word") return null;
    if (!isNameLike(toks, [a, b])) return null;
    const r = interpret(text, toks, [a, b], ctx, []);
    if (!r?.speaker || (strict && !r.speaker.id)) return null;
    return { speaker: r.speaker, cue: text.slice(toks[a].start, toks[b].end) };
  };
  const last = colons[colons.length - 1];
  return tryRange(last + 1, toks.length - 1, false) ?? tryRange(0, colons[0] - 1, true);
}

// ---------------------------------------------------------------------------
// Quotes without a cue of their own

function carrySpeakers(
  input: AttributionInput,
  out: Attribution[],
  sentenceSpeaker: (ResolvedSpeaker | null)[],
  sentenceCue: (Cue | null)[],
) {
  const { sentences, quotes, text } = input;
  const byQuoteSentence = new Map<number, number[]>();
  out.forEach((a, i) => {
    const list = byQuoteSentence.get(a.sentenceIndex) ?? [];
    list.push(i);
    byQuoteSentence.set(a.sentenceIndex, list);
  });
  const paraLast = new Map<number, { speaker: ResolvedSpeaker; from: number | null; cue: Cue | null }>();
  let running: { speaker: ResolvedSpeaker; from: number | null; cue: Cue | null } | null = null;
  let para = -1;
  const pending: number[] = [];
  for (const sent of sentences) {
    if (sent.paragraphIndex !== para) {
      if (running) paraLast.set(para, running);
      para = sent.paragraphIndex;
      running = null;
    }
    for (const qi of byQuoteSentence.get(sent.index) ?? []) {
      const a = out[qi];
      if (a.speaker) {
        running = { speaker: a.speaker, from: qi, cue: null };
        continue;
      }
      if (quotes[qi].continuesPrev && qi > 0 && out[qi - 1].speaker) {
        copy(out[qi - 1], a, "carried");
        running = { speaker: a.speaker!, from: qi, cue: null };
        continue;
      }
      if (running) {
        if (running.from !== null) copy(out[running.from], a, "carried");
        else setFromCue(a, running.speaker, running.cue, text, "carried");
        continue;
      }
      pending.push(qi);
    }
    const sp = sentenceSpeaker[sent.index];
    if (sp) running = { speaker: sp, from: null, cue: sentenceCue[sent.index] };
  }
  if (running) paraLast.set(para, running);

  // Forward within the paragraph, then the previous paragraph, then the article's main source.
  const main = mainSpeaker(out);
  for (const qi of pending) {
    const a = out[qi];
    const p = quotes[qi].paragraphIndex;
    const nextSame = out.findIndex((b, j) => j > qi && quotes[j].paragraphIndex === p && b.source === "direct");
    if (nextSame >= 0) {
      copy(out[nextSame], a, "carried");
      continue;
    }
    const prev = paraLast.get(p - 1);
    if (prev && p > 1) {
      if (prev.from !== null) copy(out[prev.from], a, "carried");
      else setFromCue(a, prev.speaker, prev.cue, text, "carried");
      continue;
    }
    if (main) {
      copy(main, a, "fallback");
    }
  }
}

function copy(from: Attribution, to: Attribution, source: AttributionSource) {
  to.speaker = from.speaker;
  to.cue = from.cue;
  to.verb = from.verb;
  to.documentKey = from.documentKey;
  to.source = source;
}

function setFromCue(a: Attribution, speaker: ResolvedSpeaker, cue: Cue | null, text: string, source: AttributionSource) {
  a.speaker = speaker;
  a.cue = cue ? text.slice(cue.start, cue.end) : null;
  a.verb = cue ? text.slice(cue.verbStart, cue.verbEnd) : null;
  a.documentKey = cue?.documentKey ?? null;
  a.source = source;
}

/** The article's main source: the speaker most quotes are directly attributed to. */
function mainSpeaker(out: Attribution[]): Attribution | null {
  const counts = new Map<string, { n: number; a: Attribution }>();
  for (const a of out) {
    if (a.source !== "direct" || !a.speaker || a.speaker.generic) continue;
    const k = a.speaker.id ?? normalizeName(a.speaker.name);
    const c = counts.get(k) ?? { n: 0, a };
    c.n++;
    counts.set(k, c);
  }
  let best: { n: number; a: Attribution } | null = null;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  return best?.a ?? null;
}

function assignDocuments(out: Attribution[], ctx: Context) {
  for (const a of out) {
    if (a.documentKey || !a.speaker?.id) continue;
    let best: { key: string; count: number } | null = null;
    for (const d of ctx.documentKeys.values()) {
      if (d.issuer !== a.speaker.id) continue;
      if (!best || d.count > best.count) best = d;
    }
    if (best) a.documentKey = best.key;
  }
}
