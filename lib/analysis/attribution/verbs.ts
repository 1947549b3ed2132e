// Which word of a sentence is a verb of saying. A verb from the list in
// data/attribution-verbs.ts counts wherever it heads a clause; any other verb (as the
// part-of-speech tagger reads it) counts only where news syntax makes it one:
//  - right after a closing quotation, before the speaker: “…,” grumbled Halvard Steen;
//  - between a speaker that follows the quotation and the sentence's end or an adverbial:
//    “…,” Smith quipped. / “…,” the CEO clarified on X.
//  - before "that", a colon or a comma that opens a quotation: "Judge Mehta ruled that …",
//    "The mayor was blunt: “…”".

import { ADDRESS_VERBS } from "../data/attribution-verbs";
import { DETERMINERS, STOPWORDS } from "../data/stopwords";
import { type Tok, tagTokens } from "../tokens";
import { ARTICLES, BE, NO_INVERSION, NOUNISH, ORGS, PERSON_HEADS, POSSESSIVE_DETS, PRONOUNS, REPORTS, SPEECH, TIME_WORDS, TITLES, WEAK } from "./words";

/** A verb of saying at token v: a listed one in a verb's place, or any verb in a reporting slot. */
export function isVerb(toks: Tok[], v: number): boolean {
  const t = toks[v];
  if (t.kind !== "word" || t.poss) return false;
  if (t.cap && v > 0) return false; // "Country Reports", "United States"
  const prev = toks[v - 1];
  if (prev && prev.kind === "word" && BE.has(prev.lower)) return false; // passive: "is believed", "was called"
  // "the report", "its statement" (but "a statement on social media saying" is a participle).
  if (prev && prev.kind === "word" && DETERMINERS.has(prev.lower) && !(t.lower.endsWith("ing") && afterDocument(toks, v))) return false;
  if (prev && prev.kind === "word" && prev.lower === "to" && !wentOnTo(toks, v - 1)) return false; // "wrong to call", "to say"
  // An unlisted gerund of a listed verb counts as a participle after a comma: ", stating “…”".
  const gerund = !SPEECH.has(t.lower) && speechGerund(t.lower) && (prev?.text === "," || afterDocument(toks, v));
  if (!SPEECH.has(t.lower) && !gerund) return reportingSlot(toks, v);
  return listedVerbFits(toks, v);
}

/** "went on to say", "goes on to warn": the verb after "to" (token `to`) carries the clause's subject. */
export function wentOnTo(toks: Tok[], to: number): boolean {
  return toks[to - 1]?.lower === "on" && GO.has(toks[to - 2]?.lower ?? "");
}

const GO = new Set(["go", "goes", "went", "going", "gone"]);

/**
 * The gerund of a listed verb of saying that the list does not give itself ("stating",
 * "insisting", "admitting"), found by English spelling: the stem, the stem with its "e"
 * back ("stat" → "state"), or the stem with a doubled final consonant undone ("admitt" → "admit").
 */
export function speechGerund(word: string): boolean {
  if (!word.endsWith("ing") || word.length < 6) return false;
  const stem = word.slice(0, -3);
  if (SPEECH.has(stem) || SPEECH.has(stem + "e")) return true;
  const n = stem.length;
  return n > 2 && stem[n - 1] === stem[n - 2] && SPEECH.has(stem.slice(0, -1));
}

function listedVerbFits(toks: Tok[], v: number): boolean {
  const t = toks[v];
  const prev = toks[v - 1];
  const next = toks[v + 1];
  if (WEAK.has(t.lower)) {
    const n = next?.lower === "out" ? toks[v + 2] : next;
    if (!n || !(n.lower === "that" || n.text === ":")) return false;
  }
  if (NOUNISH.has(t.lower)) {
    if (next && next.kind === "word" && ["of", "have", "has", "had", "were", "are", "was", "is", "by", "from", "and"].includes(next.lower)) return false;
    // Base forms ("state", "report") need a plural or pronoun subject: "officials state".
    // A gerund is no noun's form here: the gerund rule below places it.
    if (!/(?:s|ed|ing)$/.test(t.lower) && !(prev && (PRONOUNS.has(prev.lower) || /s$/.test(prev.lower)))) return false;
  }
  // Gerunds only attribute right after a quotation: "“…,” adding that".
  // …or after a document its subject issued: "X issued a statement on social media saying that".
  if (t.lower.endsWith("ing") && !(prev && (prev.kind === "quote" || prev.text === ",")) && !afterDocument(toks, v)) return false;
  // A base form after a word that is no subject ("The brief mention of …", "a formal complaint")
  // is as likely a noun: the tagger decides.
  if (BASE_FORM_CHECK.test(t.lower) && prev?.kind === "word" && !PRONOUNS.has(prev.lower) && !/s$/.test(prev.lower) && !(prev.cap && !ARTICLES.has(prev.lower))) {
    tagTokens(toks);
    return t.pos === "VERB";
  }
  return true;
}

/** Not a past tense, participle, third person or gerund. */
const BASE_FORM_CHECK = /^(?!.*(?:ed|s|ing)$)[a-z]+$/;

/** "a statement (on social media) saying": a document noun among the four words before token v. */
export function afterDocument(toks: Tok[], v: number): boolean {
  for (let j = v - 1; j >= 0 && v - j <= 4; j--) {
    const t = toks[j];
    if (t.kind !== "word") return false;
    if (REPORTS.has(t.lower) && !t.cap && j > 0 && toks[j - 1].kind === "word" && (ARTICLES.has(toks[j - 1].lower) || POSSESSIVE_DETS.has(toks[j - 1].lower))) return true;
  }
  return false;
}

/** True when token v follows a closing quotation directly or after a comma. */
export function afterQuote(toks: Tok[], v: number): boolean {
  const prev = toks[v - 1];
  return !!prev && (prev.kind === "quote" || (prev.text === "," && toks[v - 2]?.kind === "quote"));
}

/**
 * A verb the word lists do not know, in a place only a verb of saying takes (see the file's
 * head). The places are found from the words alone; the tagger runs only on a sentence that
 * has one, to confirm the word is a verb.
 */
function reportingSlot(toks: Tok[], v: number): boolean {
  const t = toks[v];
  if (t.cap || t.lower.length < 3 || t.lower.endsWith("ing") || NO_INVERSION.has(t.lower)) return false;
  const slot = slotAt(toks, v);
  if (!slot) return false;
  tagTokens(toks);
  if (NO_INVERSION.has(t.lemma ?? "")) return false;
  // The tagger reads some inverted verbs as adjectives ("“…,” fumed the mayor").
  if (t.pos !== "VERB" && !(slot === "inverted" && t.pos === "ADJ" && /ed$/.test(t.lower)) && !(slot === "inverted" && beforeName(toks, v))) return false;
  const next = toks[v + 1];
  if (slot === "inverted") return startsNounPhrase(next);
  if (slot === "after-speaker") return !next || next.kind === "punct" || next.pos === "ADP" || next.pos === "ADV" || TIME_WORDS.has(next.lower);
  if (slot === "object-then-that") return addresseeBeforeThat(toks, v);
  return true;
}

/**
 * "reassured the public and affected businesses that “…”", "reminded them that “…”": the words
 * between the verb at `v` and "that" are one noun phrase (as the tagger reads them) naming whom
 * the speaker addressed: it ends in a pronoun or a plural noun, after a verb of addressing
 * (data/attribution-verbs.ts ADDRESS_VERBS). "cited fears that", "signed the bills that" are no
 * verb of saying.
 */
function addresseeBeforeThat(toks: Tok[], v: number): boolean {
  let k = v + 1;
  while (toks[k] && toks[k].lower !== "that") {
    const p = toks[k].pos;
    if (!(p === "DET" || p === "ADJ" || p === "NOUN" || p === "PROPN" || p === "PRON" || p === "CCONJ" || p === "VERB")) return false;
    k++;
  }
  const head = toks[k - 1];
  if (!head || head.kind !== "word" || k - 1 === v || !ADDRESS.has(toks[v].lemma ?? "")) return false;
  if (head.pos === "PRON") return PRONOUNS.has(head.lower) || /^(?:him|her|them|us|me)$/.test(head.lower);
  return head.pos === "NOUN" && /[^su]s$/.test(head.lower);
}

const ADDRESS = new Set(ADDRESS_VERBS);

/**
 * “…,” sagte Henrike Albers / »…,« siger direktør Mette Kjærgaard: right after a quotation, one
 * lower-case word the tagger does not know as a verb (a language it was not trained on), then
 * a capitalised name, perhaps after one lower-case title, and no listed verb of saying later in
 * the sentence: the word is the verb of an inverted cue.
 */
function beforeName(toks: Tok[], v: number): boolean {
  const t = toks[v];
  if (STOPWORDS.has(t.lower) || TITLES.has(t.lower) || PERSON_HEADS.has(t.lower) || ORGS.has(t.lower)) return false;
  const n = toks[v + 1];
  const nameAt = n && n.kind === "word" && !n.cap && !STOPWORDS.has(n.lower) ? v + 2 : v + 1;
  const first = toks[nameAt];
  const second = toks[nameAt + 1];
  if (!first || first.kind !== "word" || !first.cap) return false;
  // One capitalised word must end the sentence ("– dodała Kowalska."); otherwise a two-word name.
  if (!(second?.kind === "word" && second.cap) && !(!second || second.kind === "punct")) return false;
  for (let k = v + 1; k < toks.length; k++) if (toks[k].kind === "word" && SPEECH.has(toks[k].lower)) return false;
  return true;
}

type Slot = "inverted" | "after-speaker" | "before-quote" | "object-then-that";

function slotAt(toks: Tok[], v: number): Slot | null {
  const next = toks[v + 1];
  if (afterQuote(toks, v)) return next && next.kind === "word" ? "inverted" : null;
  if (speakerBetweenQuoteAndVerb(toks, v)) return "after-speaker";
  if (!next) return null;
  const opensQuote = (k: number) => toks[k]?.kind === "quote" || (toks[k]?.text === "," && toks[k + 1]?.kind === "quote");
  if (next.lower === "that" && toks.slice(v + 2).some((x) => x.kind === "quote")) return "before-quote";
  // "reassured the public that “…”": up to five lower-case words, then "that" and a quotation.
  for (let k = v + 2; k <= v + 6 && toks[k]; k++) {
    const w = toks[k - 1];
    if (w.kind !== "word" || w.cap) break;
    if (toks[k].lower === "that") return toks.slice(k + 1).some((x) => x.kind === "quote") ? "object-then-that" : null;
  }
  // Not before the quotation itself: in "rents climbed “almost twice as fast”" the quotation is the verb's complement.
  return next.text === ":" || (next.text === "," && opensQuote(v + 1)) ? "before-quote" : null;
}

function startsNounPhrase(t: Tok | undefined): boolean {
  if (!t || t.kind !== "word") return false;
  return t.cap || t.pos === "DET" || t.pos === "PROPN" || t.pos === "NOUN" || t.pos === "PRON" || t.pos === "ADJ";
}

/** “…,” Smith quipped: between the closing quotation and token v stand only capitalised words or a pronoun. */
function speakerBetweenQuoteAndVerb(toks: Tok[], v: number): boolean {
  let k = v - 1;
  let words = 0;
  while (k >= 0 && toks[k].kind === "word" && (toks[k].cap || ARTICLES.has(toks[k].lower) || PRONOUNS.has(toks[k].lower)) && words < 6) {
    k--;
    words++;
  }
  if (!words) return false;
  if (toks[k]?.text === ",") k--;
  return toks[k]?.kind === "quote";
}
