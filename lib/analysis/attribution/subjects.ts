// Who a sentence is about: the noun phrase that opens it, the subject left of a speech verb
// (past insertions, time phrases, party tags and document adverbials), a role's name in
// apposition, and a report's issuer ("published … by X"). Token ranges, [first, last].

import { CLAUSE_WORDS } from "../data/stopwords";
import { type Tok, tagTokens } from "../tokens";
import { collectBack, collectForward, isNameLike, isPronoun, personTail } from "./noun-phrases";
import { isTitleWord, looksLikePersonName } from "./persons";
import { ADVERB_SKIP, ARTICLES, BE, DOCS, ISSUING, NP_JOINERS, ORGS, PERSON_HEADS, POSSESSIVE_DETS, RELATIVES, REPORTS, SPEECH, TIME_LEADS, TIME_WORDS, TITLES } from "./words";

/**
 * The noun phrase a sentence opens with, up to its first comma, verb or colon
 * ("Opposition leader Victor Sande, whose …", "Governor Marta Kellner was …"), when it names
 * someone: a capitalised name, or a role or body noun ("The housing minister has …").
 */
export function leadingSubject(toks: Tok[], limit: number): [number, number] | null {
  let from = 0;
  // "In addition, he …", "On Monday, the mayor …": an opening adverbial up to its comma is no subject.
  if (CLAUSE_WORDS.has(toks[0]?.lower ?? "") && !ARTICLES.has(toks[0].lower)) {
    from = toks.findIndex((t, k) => k < 8 && t.text === ",") + 1;
    if (from <= 0) return null; // "In Saint-Aubin the mayor …"
  }
  if (toks[from] && isPronoun(toks[from]) && from < limit) return [from, from];
  let e = from;
  while (e < limit && e - from < 14) {
    const t = toks[e];
    if (t.kind !== "word" || BE.has(t.lower) || (!t.cap && (SPEECH.has(t.lower) || ADVERB_SKIP.has(t.lower) || RELATIVES.has(t.lower)))) break;
    e++;
  }
  if (e === from) return null;
  const np = collectBack(toks, e - 1);
  if (!np || np[0] !== from) return null;
  const named = appositionName(toks, np, e);
  if (named) return named;
  const head = toks[np[1]].lower;
  return isNameLike(toks, np) || ORGS.has(head) || PERSON_HEADS.has(head) || TITLES.has(head) ? np : null;
}

/**
 * "George Kurtz apologised to customers and said that …": the subject of the clause's first verb
 * (as the tagger reads it) before token `limit`, when leadingSubject finds none because that
 * verb is no verb of saying. Null when no verb comes first or what precedes it names no one.
 */
export function firstVerbSubject(toks: Tok[], limit: number): [number, number] | null {
  tagTokens(toks);
  for (let k = 1; k < limit; k++) {
    const t = toks[k];
    if (t.kind === "quote") return null;
    if (t.kind !== "word" || t.cap || !(t.pos === "VERB" || t.pos === "AUX")) continue;
    // "The company initially declined": adverbs before the verb are no part of the subject.
    let e = k;
    while (e > 1 && toks[e - 1].pos === "ADV" && !toks[e - 1].cap) e--;
    return leadingSubject(toks, e);
  }
  return null;
}

/** "a report published on Wednesday by the Halden Institute": the issuer's token range, or null. */
export function issuedBy(toks: Tok[], k: number): [number, number] | null {
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
export function sentenceSubject(toks: Tok[]): [number, number] | null {
  let e = 0;
  while (e < toks.length && toks[e].kind === "word" && (toks[e].cap || ARTICLES.has(toks[e].lower) || (e > 0 && NP_JOINERS.has(toks[e].lower)))) e++;
  return e > 0 && isNameLike(toks, [0, e - 1]) ? [0, e - 1] : null;
}

/** Token range [first, last] of the subject noun phrase left of a verb, or null. */
export function collectSubject(toks: Tok[], v: number): [number, number] | null {
  let j = v - 1;
  for (;;) {
    while (j >= 0 && toks[j].kind === "word" && !toks[j].cap && (ADVERB_SKIP.has(toks[j].lower) || (toks[j].lower.endsWith("ly") && toks[j].lower.length > 4))) j--;
    // "The Interior Ministry (IM) said": an acronym in brackets is no part of the subject.
    if (j >= 2 && toks[j].text === ")" && toks[j - 2].text === "(" && isAcronymTok(toks[j - 1])) {
      j -= 3;
      continue;
    }
    // "Sen. Lena Fox (D-Md.) said": a party and state in brackets after a name.
    const open = j >= 3 && toks[j].text === ")" ? partyTagOpen(toks, j) : -1;
    if (open > 0) {
      j = open - 1;
      continue;
    }
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
    // A quoted title inside the insertion is part of it: "X, in its “Border Review” published on Tuesday, said".
    let c = j - 1;
    while (c >= 0 && j - c < 16 && (toks[c].kind === "word" || (toks[c].kind === "quote" && c < j - 1))) c--;
    if (c > 0 && toks[c].text === ",") {
      const np0 = collectBack(toks, c - 1);
      // ", released on Wednesday," / ", however," modify the subject before them; ", the mayor," names it again.
      const insertion = toks[c + 1];
      const modifier = insertion && insertion.kind === "word" && !insertion.cap && !ARTICLES.has(insertion.lower);
      // "Kellerby's coach, Ade Moroney, called": a role, then the person's name in apposition.
      const named = np0 && appositionName(toks, np0, c);
      if (named) return named;
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
  // "X in its weekly bulletin on influenza said", "X in a statement said": the document is where X said it.
  const inDoc = documentAdverbial(toks, j);
  if (inDoc >= 0) {
    const np = collectSubject(toks, inDoc);
    if (np) return np;
  }
  return collectBack(toks, j);
}

/**
 * "in its weekly bulletin (on influenza)" / "in a statement" ending at token `j`: the index of its
 * "in" when it names a document, else -1 (a subject precedes it directly).
 */
function documentAdverbial(toks: Tok[], j: number): number {
  for (let k = j - 1; k >= 1 && j - k <= 8; k--) {
    const t = toks[k];
    if (t.kind !== "word") return -1;
    if (t.lower !== "in" || t.cap) continue;
    const det = toks[k + 1];
    if (!det || !(POSSESSIVE_DETS.has(det.lower) || ARTICLES.has(det.lower))) return -1;
    let doc = false;
    for (let m = k + 2; m <= j; m++) if (REPORTS.has(toks[m].lower) && !toks[m].cap) doc = true;
    return doc && toks[k - 1].kind === "word" ? k : -1;
  }
  return -1;
}

/**
 * "(D-Md.)", "(R-Texas)", "(I)": a party letter, perhaps with a state, in brackets ending at `close`
 * right after a capitalised name. Returns the index of the opening bracket, or -1.
 */
function partyTagOpen(toks: Tok[], close: number): number {
  let k = close - 1;
  if (toks[k]?.text === ".") k--;
  const tag = toks[k];
  if (!tag || tag.kind !== "word" || !/^\p{Lu}(?:-\p{Lu}\p{L}*)?$/u.test(tag.text)) return -1;
  const open = k - 1;
  if (toks[open]?.text !== "(" || !toks[open - 1]?.cap) return -1;
  return open;
}

function isAcronymTok(t: Tok): boolean {
  return t.kind === "word" && t.text.length > 1 && /^\p{Lu}[\p{Lu}\d&.]*$/u.test(t.text);
}

/**
 * A noun phrase headed by a role, a title or another common noun for a person ("Kellerby's
 * coach", "The cybersecurity company's CEO", "her finance director"), not by a body or document.
 */
export function isRoleHead(toks: Tok[], np: [number, number]): boolean {
  const head = toks[np[1]];
  if (isTitleWord(head.lower)) return !looksLikePersonName(toks, np[0], np[1]);
  return !head.cap && !ORGS.has(head.lower) && !DOCS.has(head.lower) && !REPORTS.has(head.lower) && !TIME_WORDS.has(head.lower);
}

/** "NP, NAME," after a role-headed NP ending just before the comma at `comma`: the name's range. */
export function appositionName(toks: Tok[], np: [number, number], comma: number): [number, number] | null {
  if (toks[comma]?.text !== "," || !isRoleHead(toks, np)) return null;
  let e = comma + 1;
  while (e < toks.length && toks[e].kind === "word" && e - comma <= 4) e++;
  if (toks[e]?.text !== "," || e - 1 < comma + 1) return null;
  return looksLikePersonName(toks, comma + 1, e - 1) ? [comma + 1, e - 1] : null;
}

export function openingNameBeforeInsertions(toks: Tok[], j: number): [number, number] | null {
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
