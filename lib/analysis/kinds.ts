// statement / phrase / title, as defined in shared/eval/GOLD.md:
//  - statement: reported speech with a verb, clause or sentence;
//  - phrase: a short verbless term invoking a source's wording (“safe haven”);
//  - title: the name of a document, work, programme or nickname, or a term in
//    scare quotes that invokes nobody's wording. Titles carry no claim.

import { DOCUMENT_NOUNS, ORGANIZATION_NOUNS } from "./data/attribution-verbs";
import { tagPieces } from "./nlp";

export type QuoteKind = "statement" | "phrase" | "title";

const AUX = new Set(
  (
    "is are was were be been being am has have had do does did will would shall should can could may might must " +
    "isn't aren't wasn't weren't hasn't haven't hadn't don't doesn't didn't won't wouldn't can't couldn't shouldn't " +
    "we i you he she they it there"
  ).split(" "),
);

// Frequent news verbs with no -ed/-s form to give them away.
const COMMON_VERBS = new Set(
  (
    "allow allowed allows take took taken make made makes give gave given remain remains remained continue continues " +
    "continued serve serves need needs want wants know knew known see saw seen seek seeks sought hold holds held " +
    "reject rejects support supports oppose opposes deny denies face faces fight fights leave left keep kept bring " +
    "brought become became come came go went run ran win won lose lost pay paid meet met stand stood tell told " +
    "think thought say said believe believes reside resides act acts retain retains undermine draws draw drew " +
    "restrain counter attack attacks operate operates train organize fundraise raise recruit reduce stop help"
  ).split(" "),
);

const NOT_VERBS = new Set(["need", "seed", "speed", "breed", "creed", "united", "based", "hundred", "kindred", "sacred", "naked", "wicked"]);

const TITLE_CUES = /\b(?:so-called|dubbed|nicknamed|known as|titled|entitled|the book|the film|the novel|the documentary|the song|the album|the programme|the program|operation|campaign)\s*$/i;
const SMALL_WORDS = new Set(["of", "on", "and", "the", "for", "in", "a", "an", "to", "at", "by", "with", "or", "de", "&"]);

export interface KindContext {
  /** Text before the opening mark, within its sentence (a few words are enough; a sentence's subject needs more). */
  before: string;
  /** The quote is in the headline. */
  inHeadline: boolean;
  /** The headline itself is in Title Case (then a capitalised quote is no title). */
  headlineTitleCase: boolean;
  /** A cue in the quote's own clause attributes it (or it is a label: "calls X “…”"). */
  attributed: boolean;
  /** The same words are quoted elsewhere in the article with an attribution. */
  quotedElsewhere: boolean;
}

export function classifyKind(quote: string, ctx: KindContext): QuoteKind {
  // Scripts written without spaces (Chinese, Japanese) count a character as a word.
  const words = quote.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}][\p{L}\p{N}'’\-.]*/gu) ?? [];
  if (!words.length) return "phrase";
  if (TITLE_CUES.test(ctx.before) && !hasVerb(words)) return "title";
  const list = /,\s*(?:and|or|&)\s/i.test(quote); // "Farah, Helmand, Kunduz, and Uruzgan." names places, not a work
  if (isTitleCase(words) && !list && !(ctx.inHeadline && ctx.headlineTitleCase) && words.length >= 2 && !hasVerb(words)) return "title";
  if (words.length >= 2 && (hasVerb(words) || sentenceWithVerb(quote, words))) return "statement";
  if (words.length >= 12) return "statement";
  if (words.length <= 3 && !ctx.attributed && !ctx.inHeadline && !ctx.quotedElsewhere && !sourceSubject(ctx.before)) return "title";
  return "phrase";
}

// "The audit report also faults …", "the ministry accused …": a document or a body as the
// subject of a finite verb (-s or -ed, an adverb allowed between).
export const SOURCE_SUBJECT = new RegExp(
  `\\b(?:${[...DOCUMENT_NOUNS, ...ORGANIZATION_NOUNS].filter((n) => !n.includes(" ")).join("|")})\\s+(?:\\p{Ll}+ly\\s+|also\\s+|has\\s+|had\\s+)?\\p{Ll}{3,}(?:s|ed)\\b`,
  "u",
);

// "The judge ruled that the firm broke the law in the markets for “…”": a phrase inside
// a that-clause of a verb of saying or judging is its subject's wording.
const REPORTED_CLAUSE = /\b\p{Ll}{3,}(?:ed|s)\s+that\b/u;

/**
 * A short lower-case phrase in a sentence whose subject is a document or a body that
 * does something to its object ("The audit report faults the province for acting as a
 * “safe corridor”"), or in a that-clause after such a verb ("ruled that …"), invokes that
 * source's wording, though no speech verb introduces it.
 */
function sourceSubject(before: string): boolean {
  return SOURCE_SUBJECT.test(before) || REPORTED_CLAUSE.test(before);
}

/**
 * A quotation written as a whole sentence ("Cases rose for a fourth straight week.") whose verb
 * the word lists do not know (an irregular past): the part-of-speech tagger finds it. Only
 * sentence-shaped quotations are tagged, so a verbless term is never read as a clause.
 */
function sentenceWithVerb(quote: string, words: string[]): boolean {
  if (words.length < 3 || !/^\P{L}*\p{Lu}/u.test(quote) || !endsLikeSentence(quote)) return false;
  return tagPieces(words.map((w) => w.replace(/\.$/, ""))).some((t) => t.pos === "VERB");
}

/** The quotation's last mark (before a closing quote mark) ends a sentence. */
function endsLikeSentence(quote: string): boolean {
  const t = quote.trimEnd();
  const last = /["'”’»]/.test(t.at(-1) ?? "") ? t.at(-2) : t.at(-1);
  return last === "." || last === "!" || last === "?";
}

/** A lower-case word that is (or is likely) a verb form: an auxiliary, a frequent news verb, or an -ed form. */
export function looksLikeVerb(w: string): boolean {
  return AUX.has(w) || COMMON_VERBS.has(w) || (w.length > 4 && w.endsWith("ed") && !NOT_VERBS.has(w));
}

function hasVerb(words: string[]): boolean {
  const lw = words.map((w) => {
    const l = w.toLowerCase();
    return l.endsWith(".") ? l.slice(0, -1) : l;
  });
  if (lw[0] === "to" && lw.length > 1) return true; // infinitive: “to take decisive actions …”
  for (let i = 0; i < lw.length; i++) {
    const w = lw[i];
    if (AUX.has(w) || COMMON_VERBS.has(w)) return true;
    if (w.length > 4 && w.endsWith("ed") && !NOT_VERBS.has(w) && !isAdjectivalAfterDeterminer(lw, i)) return true;
    if (i === 0 && w.length > 5 && w.endsWith("ing")) return true; // “implementing an ongoing ban …”
  }
  return false;
}

// "the affiliated front", "a so-called": an -ed word after a determiner is an adjective.
function isAdjectivalAfterDeterminer(lw: string[], i: number): boolean {
  const prev = lw[i - 1];
  return prev === "the" || prev === "a" || prev === "an" || prev === "its" || prev === "their" || i === lw.length - 1 && lw.length === 1;
}

export function isTitleCase(words: string[]): boolean {
  const content = words.filter((w) => !SMALL_WORDS.has(w.toLowerCase()));
  if (!content.length) return false;
  const caps = content.filter((w) => /^[\p{Lu}\p{N}]/u.test(w)).length;
  return /^[\p{Lu}\p{N}]/u.test(words[0]) && caps === content.length;
}
