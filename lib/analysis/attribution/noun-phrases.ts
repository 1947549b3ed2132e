// Noun-phrase boundaries over a sentence's tokens: the subject left of a verb, the phrase
// right of one, and whether a phrase is a person's name (after a title or a lower-case role).

import { CLAUSE_WORDS } from "../data/stopwords";
import type { Tok } from "../tokens";
import { ARTICLES, DEMONSTRATIVES, PARTICIPLES, DOCS, NOUNISH, NP_JOINERS, ORGS, PERSON_HEADS, POSSESSIVE_DETS, PRONOUNS, RELATIVES, REPORTS, SPEECH, TIME_LEADS, TIME_WORDS, TITLES } from "./words";

export function collectBack(toks: Tok[], j: number): [number, number] | null {
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
    } else if (CLAUSE_WORDS.has(lw) && !isAcronymWord(t) && !(t.cap && k !== 0 && !CLAUSE_WORDS.has(lw))) {
      break;
    } else if (!t.cap && !/^\d/.test(lw)) {
      // Lower-case words belong to the phrase only as its head or near it: "the Pakistani foreign office".
      const modifier = k === end - 1 && /ing$/.test(lw) && !!toks[k - 1] && (ARTICLES.has(toks[k - 1].lower) || POSSESSIVE_DETS.has(toks[k - 1].lower));
      // A document noun heading the phrase is a noun, -ing or not: "the ruling", "the briefing".
      const docHead = k === end && DOCS.has(lw);
      if ((SPEECH.has(lw) && !(k === end && NOUNISH.has(lw))) || end - k > 4 || (/ing$|ed$/.test(lw) && !modifier && !docHead)) break;
    }
    start = k;
    k--;
  }
  if (start < 0) return null;
  // Trim leading clause words picked up at a sentence start ("After").
  while (start <= end && CLAUSE_WORDS.has(toks[start].lower) && !ARTICLES.has(toks[start].lower) && !isAcronymWord(toks[start])) start++;
  if (start > end) return null;
  if (!hasContent(toks, start, end)) return null;
  return [start, end];
}

/** Noun phrase right of a verb or "according to": "a June 25 statement by the Pakistani Foreign Affairs Ministry". */
export function collectForward(toks: Tok[], j: number): [number, number] | null {
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
      // "said Okafor on Monday": a date after the name is no part of it.
      if (!(nn && nn.cap) || (sawNoun && TIME_WORDS.has(nn.lower))) break;
      continue;
    }
    // "the report running into more" (but "chief operating officer Dana Whitfield" goes on).
    if (!t.cap && /ing$/.test(lw) && sawNoun) {
      const n = toks[k + 1];
      if (!n || n.kind !== "word" || n.cap || CLAUSE_WORDS.has(n.lower) || ARTICLES.has(n.lower) || POSSESSIVE_DETS.has(n.lower) || /ing$/.test(n.lower)) break;
    }
    if (CLAUSE_WORDS.has(lw) && !t.cap) break;
    // "said Mayor Colm Farrelly calmly", "said Okafor on Monday": an adverb ends the name.
    if (sawNoun && !t.cap && (t.pos === "ADV" || (/ly$/.test(lw) && lw.length > 4) || TIME_WORDS.has(lw))) break;
    end = k;
    sawNoun = true;
    if (t.poss) continue;
  }
  if (end < 0) return null;
  return hasContent(toks, start, end) ? [start, end] : null;
}

// "It said" is a pronoun, "IT said" (an acronym) is not; "WHO said" is the World Health Organization.
export function isPronoun(t: Tok): boolean {
  return PRONOUNS.has(t.lower) && (t.text === t.lower || t.text.slice(1) === t.lower.slice(1));
}

/** "WHO", "IT": a word in capitals is an acronym, never the function word it spells. */
function isAcronymWord(t: Tok): boolean {
  return t.text.length > 1 && t.text === t.text.toUpperCase() && t.text !== t.lower;
}

export function isRelative(t: Tok): boolean {
  return RELATIVES.has(t.lower) && t.text === t.lower;
}

/** Words that only say when: "Tuesday", "on Friday", "a few days back", "last year". */
const WHEN = new Set([...TIME_WORDS, ...TIME_LEADS, "a", "few", "several", "days", "weeks", "months", "years", "hours", "ago", "back", "later", "before", "after", "recently"]);

/** A phrase that says when, not who ("Wednesday", "on Friday", "a few days back"): never a speaker. */
export function isTimePhrase(toks: Tok[], a: number, b: number): boolean {
  for (let k = a; k <= b; k++) {
    const t = toks[k];
    if (t.kind !== "word") continue;
    if (!WHEN.has(t.lower) && !/^\d+(?:st|nd|rd|th)?$/.test(t.lower)) return false;
  }
  return true;
}

export function hasContent(toks: Tok[], a: number, b: number): boolean {
  for (let k = a; k <= b; k++) {
    const lw = toks[k].lower;
    if (!ARTICLES.has(lw) && !POSSESSIVE_DETS.has(lw) && !CLAUSE_WORDS.has(lw)) return true;
    if (PRONOUNS.has(lw) || RELATIVES.has(lw)) return true;
  }
  return false;
}

export function isNameLike(toks: Tok[], np: [number, number]): boolean {
  for (let k = np[0]; k <= np[1]; k++) {
    const t = toks[k];
    if (t.cap && !CLAUSE_WORDS.has(t.lower) && !ARTICLES.has(t.lower) && !POSSESSIVE_DETS.has(t.lower)) return true;
  }
  return false;
}


export function isPersonName(toks: Tok[], a: number, b: number, one = true): boolean {
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
export function personTail(toks: Tok[], s: number, b: number): [number, number] | null {
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
export function isProperName(name: string): boolean {
  return name.split(/\s+/).every((w) => /^[\p{Lu}\p{N}]/u.test(w) || SMALL.has(w));
}
export const SMALL = new Set(["of", "for", "on", "and", "the", "de", "&"]);



/** "Zalmay Khalilzad, the U.S. envoy, who praised …" → Zalmay Khalilzad. */
export function antecedent(toks: Tok[], rel: number): [number, number] | null {
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
