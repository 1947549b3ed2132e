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
  "long", "first", "always", "ever", "just", "since",
]);
// Verbs that take an object and so never invert after a quotation: "“Priced Out,” blames a decade …"
// is the report blaming, not a decade speaking ("“…,” said the report" inverts).
const NO_INVERSION = new Set([
  "blame", "blames", "blamed", "accuse", "accuses", "accused", "praise", "praises", "praised", "criticize",
  "criticizes", "criticized", "criticise", "criticises", "criticised", "reject", "rejects", "rejected", "deny",
  "denies", "denied", "condemn", "condemns", "condemned", "hail", "hails", "hailed", "welcome", "welcomes",
  "welcomed", "urge", "urges", "urged", "slam", "slams", "slammed", "blast", "blasts", "blasted", "highlight",
  "highlights", "highlighted", "decry", "decries", "decried", "lament", "laments", "lamented", "demand", "demands",
  "demanded", "question", "questions", "questioned", "charge", "charges", "charged", "find", "finds", "found",
  "show", "shows", "showed", "indicate", "indicates", "indicated", "estimate", "estimates", "estimated", "promise",
  "promises", "promised", "pledge", "pledges", "pledged", "vow", "vows", "vowed", "dismiss", "dismisses",
  "dismissed", "call", "calls", "called", "describe", "describes", "described", "refer", "refers", "referred",
  "classify", "classifies", "classified", "label", "labels", "labeled", "labelled", "brand", "brands", "branded",
  "dub", "dubs", "dubbed", "term", "terms", "termed", "recommend", "recommends", "recommended", "mention",
  "mentions", "mentioned", "assess", "assesses", "assessed",
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
    if (!cues.length) noteSubject(text, toks, ctx);
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
        const by = issuedBy(toks, np[1] + 1);
        const speaker = interpret(text, toks, by ?? np, ctx, cues);
        if (by && speaker?.speaker && speaker.speaker.kind !== "person") setDocument(ctx, speaker.speaker, speaker.documentKey);
        cues.push(makeCue(t.start, toks[v + 1]?.lower === "to" ? toks[v + 1].end : t.end, toks[np[0]].start, toks[(by ?? np)[1]].end, v, speaker, ctx));
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
    // "Victor Sande, whose party trails, repeated his claim … but said he would …": a verb
    // coordinated by "and"/"but" shares the clause's subject (an earlier cue, or the sentence's opening name).
    if (prev && prev.kind === "word" && (prev.lower === "and" || prev.lower === "but") && !afterQuote) {
      const earlier = [...cues].reverse().find((c) => c.speaker);
      if (earlier) {
        cues.push({ ...earlier, verbStart: t.start, verbEnd: t.end, start: t.start, end: t.end, at: v });
        continue;
      }
      const np = leadingSubject(toks, v - 1);
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
    if ((afterQuote && !NO_INVERSION.has(t.lower)) || v === 0) {
      const np = collectForward(toks, v + 1);
      if (np) {
        const speaker = interpret(text, toks, np, ctx, cues);
        cues.push(makeCue(t.start, t.end, t.start, toks[np[1]].end, v, speaker, ctx));
      }
    }
  }
  colonCues(text, toks, cues, ctx);
  return cues;
}

/**
 * "Jonas Brekke, chief economist at Nordhavn Bank: “…”", "Governor Marta Kellner was blunt: “…”":
 * a quotation right after a colon, with no verb of saying before it, belongs to the name the
 * sentence opens with.
 */
function colonCues(text: string, toks: Tok[], cues: Cue[], ctx: Context) {
  for (let k = 2; k < toks.length; k++) {
    if (toks[k].kind !== "quote" || toks[k - 1].text !== ":") continue;
    if (k - 1 > 24 || cues.some((c) => c.at < k)) continue;
    const np = leadingSubject(toks, k - 1);
    if (!np) continue;
    const speaker = interpret(text, toks, np, ctx, cues);
    if (!speaker?.speaker) continue;
    cues.push(makeCue(toks[k - 1].start, toks[k - 1].end, toks[np[0]].start, toks[k - 1].end, k - 1, speaker, ctx));
  }
}

/**
 * The noun phrase a sentence opens with, up to its first comma, verb or colon
 * ("Opposition leader Victor Sande, whose …", "Governor Marta Kellner was …"), when it names
 * someone: a capitalised name, or a role or body noun ("The housing minister has …").
 */
function leadingSubject(toks: Tok[], limit: number): [number, number] | null {
  let e = 0;
  while (e < limit && e < 14) {
    const t = toks[e];
    if (t.kind !== "word" || BE.has(t.lower) || (!t.cap && (SPEECH.has(t.lower) || ADVERB_SKIP.has(t.lower) || RELATIVES.has(t.lower)))) break;
    e++;
  }
  if (e === 0) return null;
  const np = collectBack(toks, e - 1);
  if (!np || np[0] !== 0) return null;
  if (CLAUSE_WORDS.has(toks[0].lower) && !ARTICLES.has(toks[0].lower)) return null; // "In Saint-Aubin, …"
  const head = toks[np[1]].lower;
  return isNameLike(toks, np) || ORGS.has(head) || PERSON_HEADS.has(head) || TITLES.has(head) ? np : null;
}

const PARTICIPLES = new Set([
  "seen", "written", "given", "taken", "shown", "made", "known", "drawn", "sent", "done", "obtained", "published",
  "released", "issued", "produced", "prepared", "compiled", "authored", "leaked", "circulated", "presented",
]);
const DEMONSTRATIVES = new Set(["this", "these", "last", "next"]);
const ISSUING = new Set(["published", "released", "issued", "produced", "prepared", "written", "compiled", "authored", "presented"]);

/** "a report published on Wednesday by the Halden Institute": the issuer's token range, or null. */
function issuedBy(toks: Tok[], k: number): [number, number] | null {
  if (!toks[k] || !ISSUING.has(toks[k].lower)) return null;
  for (let j = k + 1; j < toks.length && j <= k + 7; j++) {
    if (toks[j].kind !== "word") return null;
    if (toks[j].lower === "by") {
      const np = collectForward(toks, j + 1);
      return np && isNameLike(toks, np) ? np : null;
    }
  }
  return null;
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
    // "Mikel Sora, director of Open Line, the group that brought the case, had long described":
    // after two or more insertions the subject is the name the sentence opens with.
    const chain = openingNameBeforeInsertions(toks, j);
    if (chain) return chain;
    // "X, the Y of Z, said", "Islamabad, however, rejected", "The Taliban, in a statement, said":
    // prefer the name before the comma-delimited insertion.
    let c = j - 1;
    while (c >= 0 && j - c < 16 && toks[c].kind === "word") c--;
    if (c > 0 && toks[c].text === ",") {
      const np0 = collectBack(toks, c - 1);
      // ", released on Wednesday," / ", however," modify the subject before them; ", the mayor," names it again.
      const insertion = toks[c + 1];
      const modifier = insertion && insertion.kind === "word" && !insertion.cap && !ARTICLES.has(insertion.lower);
      if (np0 && isNameLike(toks, np0)) return np0;
      // "Its author, senior economist Clara Voss, said": a role noun, then the person's name.
      if (np0 && modifier) {
        const named = collectBack(toks, j - 1);
        if (named && named[0] > c && personTail(toks, named[0], named[1])) return named;
        return np0;
      }
    }
    const np1 = collectBack(toks, j - 1);
    return np1 && isNameLike(toks, np1) ? np1 : null;
  }
  if (t.kind !== "word") return null;
  return collectBack(toks, j);
}

function openingNameBeforeInsertions(toks: Tok[], j: number): [number, number] | null {
  const commas: number[] = [];
  for (let k = 0; k <= j; k++) {
    const t = toks[k];
    if (t.kind === "quote" || (t.kind === "punct" && t.text !== ",") || (t.kind === "word" && SPEECH.has(t.lower) && !t.cap)) return null;
    if (t.text === ",") commas.push(k);
  }
  if (commas.length < 3 || j - commas[0] > 24) return null;
  if (CLAUSE_WORDS.has(toks[0].lower) && !ARTICLES.has(toks[0].lower)) return null;
  const np = collectBack(toks, commas[0] - 1);
  return np && np[0] === 0 && isNameLike(toks, np) ? np : null;
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
      // "Sofie Lund of the Norland Institute": "of the" between two names joins them.
      const j2 = toks[k - 1];
      if (lw === "the" && j2 && (j2.lower === "of" || j2.lower === "at") && toks[k - 2]?.cap && toks[k + 1]?.cap && end - k < 10) {
        start = k;
        k--;
        continue;
      }
      start = k;
      // "the the State Department’s": a doubled article is a typo, keep going.
      if (toks[k - 1]?.lower === lw) k--;
      break;
    }
    if (NP_JOINERS.has(lw) || (lw === "at" && toks[k + 1]?.lower === "the")) {
      const left = toks[k - 1];
      const right = toks[k + 1] && ARTICLES.has(toks[k + 1].lower) ? toks[k + 2] : toks[k + 1];
      // "Ministry of Foreign Affairs", "the … section on Afghanistan"
      if (!(left && left.kind === "word" && (left.cap || DOCS.has(left.lower)) && right && right.cap)) break;
    } else if (CLAUSE_WORDS.has(lw) && !(t.cap && k !== 0 && !CLAUSE_WORDS.has(lw))) {
      break;
    } else if (!t.cap && !/^\d/.test(lw)) {
      // Lower-case words belong to the phrase only as its head or near it: "the Pakistani foreign office".
      const modifier = k === end - 1 && /ing$/.test(lw) && !!toks[k - 1] && (ARTICLES.has(toks[k - 1].lower) || POSSESSIVE_DETS.has(toks[k - 1].lower));
      if ((SPEECH.has(lw) && !(k === end && NOUNISH.has(lw))) || end - k > 4 || (/ing$|ed$/.test(lw) && !modifier)) break;
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
    // "its annual report", "the ministry statement": a document noun, not the verb "report".
    if (isRelative(t) || SPEECH.has(lw) && !t.cap && sawNoun && !DOCS.has(lw)) break;
    // "a statement published on Monday", "a document seen by GearWire": the modifier is no part of the name.
    if (sawNoun && !t.cap && (PARTICIPLES.has(lw) || (/ed$/.test(lw) && lw.length > 4))) break;
    if (ARTICLES.has(lw) || POSSESSIVE_DETS.has(lw) || (DEMONSTRATIVES.has(lw) && !sawNoun)) {
      if (sawNoun && !NP_JOINERS.has(toks[k - 1]?.lower ?? "")) break;
      continue;
    }
    if (NP_JOINERS.has(lw) || lw === "from") {
      const n = toks[k + 1];
      const nn = n && ARTICLES.has(n.lower) ? toks[k + 2] : n;
      if (!(nn && nn.cap)) break;
      continue;
    }
    // "the report running into more" (but "chief operating officer Dana Whitfield" goes on).
    if (!t.cap && /ing$/.test(lw) && sawNoun) {
      const n = toks[k + 1];
      if (!n || n.kind !== "word" || n.cap || CLAUSE_WORDS.has(n.lower) || ARTICLES.has(n.lower) || POSSESSIVE_DETS.has(n.lower) || /ing$/.test(n.lower)) break;
    }
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
    for (let j = a + 1; j < b; j++) {
      if (toks[j].text === ";") d += 20;
      // "“…” — a finding the government dismissed": a cue after a dash is an aside's.
      else if ((toks[j].text === "—" || toks[j].text === "–") && c.at > k) d = Infinity;
    }
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

  // "Sofie Lund of the Norland Institute", "Radu Kiss at the union": the person, not the body.
  for (let k = s + 2; k < b; k++) {
    const w = toks[k].lower;
    if (w !== "of" && w !== "at" && w !== "from") continue;
    if (isPersonName(toks, s, k - 1) && !ctx.registry.resolve(text.slice(toks[s].start, toks[k - 1].end))) {
      return interpret(text, toks, [s, k - 1], ctx, prior);
    }
    break;
  }

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
  // "chief executive Lukas Brandt", "senior economist Clara Voss": a role in lower case, then the name.
  const tail = personTail(toks, s, b);
  if (tail) {
    const person = interpret(text, toks, tail, ctx, prior);
    if (person?.speaker) ctx.roles.set(toks[tail[0] - 1].lower, person.speaker);
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
    if (TIME_WORDS.has(toks[k].lower)) break; // "this year's report"
    // "Norland’s Kellner", "Pakistan’s Imran Khan": a place's person is that person.
    if (b - k <= 3 && isPersonName(toks, k + 1, b) && !ctx.registry.findIn(text.slice(toks[k + 1].start, toks[b].end))) {
      return { speaker: newSpeaker(text.slice(toks[k + 1].start, toks[b].end), toks, k + 1, b, ctx), documentKey: null };
    }
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
      const r = ctx.recent[k];
      if (!new RegExp(`\\b${head}\\b`, "i").test(r.name)) continue;
      // "UN agency" (a description, as in a headline) … "the World Food Programme said" … "the agency":
      // the body named since the description is the one meant.
      if (new RegExp(`\\b${head}\\b`).test(r.name)) {
        const named = ctx.recent.slice(k + 1).reverse().find((x) => x.kind === "organization" && !x.generic && isProperName(x.name));
        if (named) return { speaker: named, documentKey: null };
      }
      return { speaker: r, documentKey: null };
    }
  }
  // "the report", "the statement": the document (or organisation) named last.
  if (DOCS.has(head)) {
    // "a new Halden Institute report": the capitalised name before the document noun issued it.
    let n0 = coreEnd;
    while (n0 > s && toks[n0 - 1].cap && !toks[n0 - 1].poss && !TIME_WORDS.has(toks[n0 - 1].lower) && !/^\d/.test(toks[n0 - 1].lower)) n0--;
    if (n0 < coreEnd && (coreEnd - n0 >= 2 || ORGS.has(toks[coreEnd - 1].lower))) {
      const issuer: ResolvedSpeaker = { id: null, name: cleanName(text.slice(toks[n0].start, toks[coreEnd - 1].end)), kind: "organization", generic: false };
      setDocument(ctx, issuer, null);
      return { speaker: issuer, documentKey: null };
    }
    const onlyCommon = toks.slice(s, coreEnd).every((t) => !t.cap);
    if (onlyCommon || toks[a].lower !== "a") {
      // A generic body ("privacy campaigners", "the company") is no document's known issuer.
      const sp = ctx.lastDocument ?? (ctx.lastOrg && !ctx.lastOrg.generic ? ctx.lastOrg : null);
      if (sp) return { speaker: sp, documentKey: ctx.lastDocumentKey };
    }
    return { speaker: { id: null, name: cleanName(phrase), kind: "document", generic: true }, documentKey: null };
  }
  return { speaker: newSpeaker(phrase, toks, s, b, ctx), documentKey: null };
}

/** Two to four capitalised words that are no body, document or title: "Clara Voss", "Kellner" (one word allowed when `one`). */
function isPersonName(toks: Tok[], a: number, b: number, one = true): boolean {
  if (b < a || b - a > 3 || (!one && b === a)) return false;
  for (let k = a; k <= b; k++) {
    const t = toks[k];
    if (t.kind !== "word" || !t.cap || (t.poss && k < b) || /^\d/.test(t.lower) || /\.$/.test(t.text) && t.text.length > 3) return false;
    if (ORGS.has(t.lower) || DOCS.has(t.lower) || REPORTS.has(t.lower) || TITLES.has(t.lower) || PERSON_HEADS.has(t.lower)) return false;
    if (CLAUSE_WORDS.has(t.lower) || TIME_WORDS.has(t.lower) || NP_JOINERS.has(t.lower)) return false;
    if (t.text.length > 1 && t.text === t.text.toUpperCase()) return false; // "WFP", "UN"
  }
  return true;
}

/** "chief executive Lukas Brandt": the name after a lower-case role, as a token range, or null. */
function personTail(toks: Tok[], s: number, b: number): [number, number] | null {
  let k = b;
  while (k >= s && toks[k].kind === "word" && toks[k].cap) k--;
  const first = k + 1;
  if (k < s || b - first < 1 || !isPersonName(toks, first, b, false)) return null;
  const role = toks[k];
  if (role.kind !== "word" || role.cap || NP_JOINERS.has(role.lower) || ARTICLES.has(role.lower) || POSSESSIVE_DETS.has(role.lower)) return null;
  if (CLAUSE_WORDS.has(role.lower) || /^\d/.test(role.lower) || SPEECH.has(role.lower)) return null;
  return [first, b];
}

/** A name whose every word is capitalised ("World Food Programme"), not a description ("UN agency"). */
function isProperName(name: string): boolean {
  return name.split(/\s+/).every((w) => /^[\p{Lu}\p{N}]/u.test(w) || SMALL.has(w));
}
const SMALL = new Set(["of", "for", "on", "and", "the", "de", "&"]);

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

/**
 * "In its statement, the bank was a little more hopeful. “…,” it said.": a body that is a
 * sentence's subject is what a later "it" means, even when that sentence quotes nobody.
 */
function noteSubject(text: string, toks: Tok[], ctx: Context) {
  let from = 0;
  // Skip an opening prepositional phrase up to its comma ("In its statement,").
  if (toks[0]?.kind === "word" && CLAUSE_WORDS.has(toks[0].lower) && !ARTICLES.has(toks[0].lower)) {
    from = toks.findIndex((t, k) => k < 10 && t.text === ",") + 1;
    if (from <= 0) return;
  }
  let e = from;
  while (e < toks.length && e - from < 8 && toks[e].kind === "word" && !BE.has(toks[e].lower) && !ADVERB_SKIP.has(toks[e].lower)) e++;
  if (e === from || e >= toks.length || toks[e].kind !== "word" || !(BE.has(toks[e].lower) || ADVERB_SKIP.has(toks[e].lower))) return;
  const np = collectBack(toks, e - 1);
  if (!np || np[0] !== from || toks[np[0]].lower !== "the" || !ORGS.has(toks[np[1]].lower)) return;
  const r = interpret(text, toks, np, ctx, []);
  if (r?.speaker && r.speaker.kind !== "person") {
    ctx.lastOrg = r.speaker;
    ctx.lastSpeaker = r.speaker;
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
