// The wording of a quote as claim matching compares it: word stems with
// British and American spellings folded, the quote's first sentence (a
// multi-sentence quote carries the claim of its first sentence), pieces
// joined by an ellipsis, and the outlet's words on either side of the quote
// (what a short phrase is said about).

import { stemmer } from "stemmer";
import { STOPWORDS } from "./data/stopwords";
import { isAbbreviation, wordTokens } from "./text";

/** Quotes of up to this many words are phrases: they need support beyond containment. */
export const PHRASE_WORDS = 6;

/** A wording prepared for comparison. */
export interface Wording {
  /** Stems of the first sentence, in order (all segments joined). */
  tokens: string[];
  /** " " + tokens.join(" ") + " ": word-run containment is then a substring test. */
  padded: string;
  /** Pieces of an excerpt split at ellipses (one piece when there is none). */
  segments: string[][];
  /** Content stems (stop words and one-letter words dropped). */
  content: Set<string>;
  /** Stems of every sentence, when the quote has more than one (for verbatim checks only). */
  whole: string;
  /** Indices into `tokens` of words that look like verbs (a longer wording that adds one asserts more). */
  verbAt: number[];
  /** The words hold a finite verb ("is", "we're", "took"): a clause, not a noun phrase. */
  finite: boolean;
  /** The first letter is lower case: the words continue a clause the outlet began ("said the ministry “made no …”"). */
  opensLower: boolean;
}

/** The outlet's words around a quote, within its sentence, as stems. */
export interface QuoteContext {
  /** Stems before the opening mark, nearest last. */
  before: string[];
  /** Stems after the closing mark, nearest first. */
  after: string[];
  /** Content stems of the sentence outside the quote. */
  content: Set<string>;
}

const stemCache = new Map<string, string>();

/**
 * One word as compared: British spellings folded to American ones by the
 * regular patterns (harbour/harbor, organise/organize, centre/center,
 * travelled/traveled, defence/defense, analyse/analyze), then Porter-stemmed
 * (`stemmer`), so "allowed", "allowing" and "allows" meet.
 */
export function stemWord(w: string): string {
  let s = stemCache.get(w);
  if (s === undefined) {
    s = /^\d/.test(w) ? foldNumber(w) : stemmer(foldSpelling(w));
    if (stemCache.size > 200_000) stemCache.clear(); // vocabulary of a huge corpus: stay bounded
    stemCache.set(w, s);
  }
  return s;
}

/** British → American spelling by the regular patterns; both sides of a comparison are folded alike. */
export function foldSpelling(w: string): string {
  if (w.length < 5) return w;
  return w
    .replace(/([^aeo])our(s|ed|ing|ite|ites|able|less|er|ers)?$/, "$1or$2") // harbour, behaviour, favourite
    .replace(/([a-z]{3})is(e|es|ed|ing|ation|ations|er|ers)$/, "$1iz$2") // organise, realisation
    .replace(/([a-z]{2})ys(e|es|ed|ing)$/, "$1yz$2") // analyse, paralyse
    .replace(/([^aeiou])tre(s)?$/, "$1ter$2") // centre, theatre, metre
    .replace(/([aeiou])ll(ed|ing|er|ers)$/, "$1l$2") // travelled, cancelling, modeller
    .replace(/([a-z]{2})ence$/, "$1ense") // defence, licence, offence (both sides fold alike)
    .replace(/([a-z]{3})ogue(s)?$/, "$1og$2"); // catalogue, dialogue
}

/** "’90s" (apostrophe gone: "90s") and "1990s" are one decade. */
function foldNumber(w: string): string {
  return /^\d0s$/.test(w) ? "19" + w : w;
}

export function stems(words: string[]): string[] {
  const out = new Array<string>(words.length);
  for (let i = 0; i < words.length; i++) out[i] = stemWord(words[i]);
  return out;
}

/** A word that carries content: not a stop word, not a single letter (tested on the word as written). */
export function isContent(word: string): boolean {
  return word.length > 1 && !STOPWORDS.has(word);
}

function addContent(words: string[], into: Set<string>) {
  for (const w of words) if (isContent(w)) into.add(stemWord(w));
}

const LEAD_IN_WORDS = 5;
const ELLIPSIS = /…|\.\s*\.\s*\./;

/**
 * The first sentence of a quotation: the claim a multi-sentence quote carries
 * (GOLD.md). A boundary is a full stop, question or exclamation mark followed by
 * a space and a capital or an opening mark, not after an abbreviation or initial.
 */
export function firstSentence(text: string): string {
  const re = /[.!?]["”’)]*\s+(?=["“‘(]?\p{Lu})/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 12), m.index + 1);
    const word = before.slice(before.lastIndexOf(" ") + 1);
    if (text[m.index] === "." && isAbbreviation(word)) continue;
    const rest = text.slice(m.index + m[0].length);
    if (wordTokens(rest).length < 2) break; // "… end. It" — a dangling word is not a sentence
    // “This is not a blip. It is …”: a lead-in of a few words is not the assertion; the next sentence is.
    if (wordTokens(text.slice(0, m.index)).length <= LEAD_IN_WORDS) return firstSentence(rest);
    return text.slice(0, m.index + 1);
  }
  return text;
}

export function prepareWording(text: string): Wording {
  const first = firstSentence(text);
  const pieces = ELLIPSIS.test(first) ? first.split(/\.\s*\.\s*\.|…/) : [first];
  const words = pieces.map((p) => wordTokens(stripBrackets(p))).filter((s) => s.length);
  const segments = words.map(stems);
  const tokens = segments.length === 1 ? segments[0] : segments.flat();
  const content = new Set<string>();
  for (const w of words) addContent(w, content);
  const whole = first === text ? tokens.join(" ") : stems(wordTokens(stripBrackets(text))).join(" ");
  const flat = words.length === 1 ? words[0] : words.flat();
  const verbAt: number[] = [];
  for (let i = 0; i < flat.length; i++) if (looksLikeVerb(flat[i], i ? flat[i - 1] : "")) verbAt.push(i);
  const finite = flat.some((w) => VERBISH.has(w) || /'(?:re|ve|ll|m|d)$/.test(w));
  const opensLower = /^\P{L}*\p{Ll}/u.test(text);
  return { tokens, padded: " " + tokens.join(" ") + " ", segments, content, whole, verbAt, finite, opensLower };
}

// Auxiliaries and the common irregular past forms of English: a word list of the language, not of any text.
const VERBISH = new Set(
  (
    "is are was were be been being am has have had do does did will would shall should can could may might must " +
    "isn't aren't wasn't weren't hasn't haven't hadn't don't doesn't didn't won't wouldn't can't couldn't shouldn't " +
    "began begun spread took taken made gave given went gone came said told knew known saw seen held kept left brought " +
    "became ran won lost paid met stood thought found got put set cut hit let shut sent spent built felt fell grew " +
    "drew rose wrote broke chose spoke drove fought taught caught bought sought led fed meant dealt struck hid " +
    "remain remains continue continues serve serves allow allows act acts"
  ).split(" "),
);

// Words after which an -ed form is an adjective ("despite isolated irregularities", "the revised figures").
const BEFORE_ADJECTIVE = new Set("a an the this that these those its their his her our my your some any no every each of in on at for with by from despite without among".split(" "));

/**
 * A word that looks like a verb: an auxiliary, an irregular past form, an -ed
 * form that does not follow a determiner or preposition, or the word after "to".
 */
export function looksLikeVerb(w: string, prev: string): boolean {
  if (VERBISH.has(w)) return true;
  if (/'(?:re|ve|ll|m|d)$/.test(w)) return true; // we're, they've, it'll
  if (w.length > 4 && w.endsWith("ed")) return !BEFORE_ADJECTIVE.has(prev);
  return prev === "to" && w.length > 2 && !STOPWORDS.has(w);
}

/** A finite verb among the words (an auxiliary, irregular past or contraction; -ed forms may be adjectives). */
export function hasFiniteVerb(w: Wording): boolean {
  return w.finite;
}

/** "[Pakistan] did" and "Pakistan did": an editor's bracketed insertion reads as the words it stands for. */
function stripBrackets(s: string): string {
  return s.replace(/[[\]]/g, " ");
}

/** The outlet's words around a quote; `before`/`after` are the sentence's text outside the marks. */
export function prepareContext(before: string, after: string): QuoteContext {
  const bw = wordTokens(before);
  const aw = wordTokens(after);
  const content = new Set<string>();
  addContent(bw, content);
  addContent(aw, content);
  return { before: stems(bw), after: stems(aw), content };
}

/** Index of `needle` as a contiguous run of words in `hay` (from `from`), or -1. */
export function findRun(hay: string[], needle: string[], from = 0): number {
  if (!needle.length || needle.length > hay.length) return -1;
  outer: for (let i = from; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/**
 * Where the pieces of `short` occur, in order, in `long`: [first word, end) of
 * the whole excerpt, or null when they do not. With `gap`, one word of `long`
 * may stand between two words of a one-piece `short` (“the biggest squeeze” in
 * “the single biggest squeeze”).
 */
export function locate(long: Wording, short: Wording, gap = false): [number, number] | null {
  if (short.segments.length === 1) {
    if (gap) return locateWithGap(long.tokens, short.tokens);
    if (!long.padded.includes(short.padded)) return null;
    const i = findRun(long.tokens, short.tokens);
    return i < 0 ? null : [i, i + short.tokens.length];
  }
  let at = 0;
  let first = -1;
  for (const seg of short.segments) {
    const i = findRun(long.tokens, seg, at);
    if (i < 0) return null;
    if (first < 0) first = i;
    at = i + seg.length;
  }
  return first < 0 ? null : [first, at];
}

function locateWithGap(hay: string[], needle: string[]): [number, number] | null {
  if (needle.length < 3 || needle.length + 1 > hay.length) return null;
  for (let i = 0; i + needle.length < hay.length; i++) {
    if (hay[i] !== needle[0]) continue;
    let skipped = false;
    let k = i + 1;
    let j = 1;
    for (; j < needle.length && k < hay.length; j++, k++) {
      if (hay[k] === needle[j]) continue;
      if (skipped || hay[k + 1] !== needle[j]) break;
      skipped = true;
      k++;
    }
    if (j === needle.length && skipped) return [i, k];
  }
  return null;
}
