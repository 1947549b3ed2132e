// People: where a person's name is inside a noun phrase (titles and roles kept apart from the
// name: "Minister for Water Infrastructure David Oyelaran" → David Oyelaran), the gender a
// first name, honorific or gendered role gives, and the people an article has named so far
// (by every part of their name, for "Kurtz said" and for "he" / "she").

import { firstNameGender, type Gender, isFirstName, isOrganizationWord, isRoleNoun } from "../nlp";
import { foldTypography, normalizeName } from "../text";
import type { Tok } from "../tokens";
import type { Context, Cue, ResolvedSpeaker } from "./context";
import { DOCS, NP_JOINERS, ORGS, PERSON_HEADS, REPORTS, TIME_WORDS, TITLES } from "./words";

const MALE_WORDS = new Set(["mr", "mr.", "sir", "lord", "king", "prince", "chairman", "spokesman", "businessman", "congressman", "father", "son", "brother", "uncle", "husband", "he", "his", "him"]);
const FEMALE_WORDS = new Set([
  "mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady", "queen", "princess", "chairwoman", "spokeswoman", "businesswoman",
  "congresswoman", "mother", "daughter", "sister", "aunt", "wife", "actress", "she", "her", "hers",
]);
const HONORIFICS = new Set(["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof.", "sir", "dame"]);
const NAME_PARTICLES = new Set(["de", "da", "del", "van", "von", "der", "den", "al", "el", "bin", "ibn", "le", "la", "du", "dos"]);

/** A word that names a role or title rather than a person: "Commissioner", "Director-General", "CEO", "coach". */
export function isTitleWord(lower: string): boolean {
  const w = lower.replace(/\.$/, "");
  if (TITLES.has(lower) || TITLES.has(w) || PERSON_HEADS.has(w) || isRoleNoun(w)) return true;
  return w.includes("-") && w.split("-").every((p) => TITLES.has(p) || isRoleNoun(p) || p === "in" || p === "at");
}

function isAcronym(t: Tok): boolean {
  return t.text.length > 1 && /^[\p{Lu}\d&.]+$/u.test(t.text);
}

/** A capitalised word that can be part of a person's name. */
function isNameWord(t: Tok): boolean {
  if (t.kind !== "word" || !t.cap || /^\d/.test(t.lower) || isAcronym(t)) return false;
  const w = t.lower;
  return !(ORGS.has(w) || DOCS.has(w) || REPORTS.has(w) || TIME_WORDS.has(w) || isTitleWord(w) || isOrganizationWord(w));
}

/**
 * The person's name that ends a noun phrase [s, b], with the title or role before it:
 * "WHO Director-General Tedros Adhanom Ghebreyesus" → name [3 words], role "WHO Director-General";
 * "board chair Miriam Takeda" → Miriam Takeda. A known first name marks where the name starts
 * ("Minister for Water Infrastructure David Oyelaran"). Null when the phrase does not end in a name
 * of one to four words, or when nothing but the name is there (then the caller has a bare name).
 */
export function nameAfterRole(toks: Tok[], s: number, b: number): { name: [number, number]; role: [number, number] } | null {
  let k = b;
  while (k >= s && toks[k].kind === "word" && (toks[k].cap || (NAME_PARTICLES.has(toks[k].lower) && k < b && k > s)) && !(toks[k].poss && k < b)) k--;
  const runStart = k + 1;
  if (runStart > b) return null;
  let first = -1;
  for (let j = runStart; j <= b; j++) if (isFirstName(toks[j].text) && b - j <= 3 && allNameWords(toks, j, b)) {
    first = j;
    break;
  }
  if (first < 0) {
    first = runStart;
    while (first <= b && !isNameWord(toks[first])) first++;
    if (first > b || b - first > 3 || !allNameWords(toks, first, b)) return null;
  }
  if (first === s) return null;
  const before = toks[first - 1];
  // "the bank's Lund", "chief executive Lukas Brandt", "Commissioner Rafael Quiroga",
  // "Minister for Water Infrastructure David Oyelaran" (a title anywhere in the role).
  let titled = false;
  for (let j = s; j < first && !titled; j++) titled = isTitleWord(toks[j].lower);
  const roleLike = titled || before.poss || isAcronym(before) || (!before.cap && before.kind === "word" && !NP_JOINERS.has(before.lower));
  if (!roleLike || (first === b && !titled)) return null;
  return { name: [first, b], role: [s, first - 1] };
}

function allNameWords(toks: Tok[], a: number, b: number): boolean {
  for (let j = a; j <= b; j++) if (!isNameWord(toks[j]) && !(NAME_PARTICLES.has(toks[j].lower) && j > a && j < b)) return false;
  return true;
}

/** Two to four name words, at least one a known first name or none a body's word: "Rosalind Okafor". */
export function looksLikePersonName(toks: Tok[], a: number, b: number): boolean {
  if (b - a < 1 || b - a > 3 || !allNameWords(toks, a, b)) return false;
  return true;
}

/** Gender from the first name, an honorific or a gendered role word in the phrase, else null. */
export function genderOf(toks: Tok[], a: number, b: number): Gender | null {
  for (let j = a; j <= b; j++) {
    const w = toks[j].lower;
    if (MALE_WORDS.has(w)) return "male";
    if (FEMALE_WORDS.has(w)) return "female";
    const g = toks[j].cap ? firstNameGender(toks[j].text) : null;
    if (g) return g;
  }
  return null;
}

/** Remembers a person under every part of their name, so "Kurtz" and "Tedros" find them again. */
export function rememberPerson(ctx: Context, person: ResolvedSpeaker) {
  const parts = person.name.toLowerCase().split(/\s+/).filter((p) => p.length > 1 && !NAME_PARTICLES.has(p));
  for (let i = 0; i < parts.length; i++) {
    // A first name alone ("Helena said") is ambiguous in a story with two Helenas; the rest is not.
    if (i === 0 && parts.length > 1 && isFirstName(parts[i])) continue;
    ctx.people.set(parts[i], person);
  }
}

/** The pronoun's antecedent: the person named last whose gender agrees (or is unknown). */
export function personForPronoun(ctx: Context, gender: Gender): ResolvedSpeaker | null {
  for (let k = ctx.persons.length - 1; k >= 0 && k >= ctx.persons.length - 6; k--) {
    const p = ctx.persons[k];
    if (!p.gender || p.gender === gender) return p.speaker;
  }
  return null;
}

export function cleanName(s: string): string {
  return foldTypography(s)
    .replace(/^(the|a|an|its|their|his|her)\s+/i, "")
    .replace(/'s$|'$/, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** A person the registry does not know, remembered under each part of the name. */
export function personSpeaker(phrase: string, gender: Gender | null, ctx: Context): ResolvedSpeaker {
  const name = cleanName(phrase);
  const known = ctx.people.get(name.toLowerCase());
  if (known) return known;
  const person: ResolvedSpeaker = { id: null, name, kind: "person", generic: false, gender };
  rememberPerson(ctx, person);
  return person;
}

/**
 * Registers the people a sentence names, whether or not it quotes them ("The harbour board's
 * chair, Rosalind Okafor, defended …"), so a later "she said" or "Okafor said" finds them:
 * a run of capitalised words holding a known first name, or following a title or role.
 */
export function notePeople(text: string, toks: Tok[], ctx: Context, cues: readonly Cue[] = []) {
  for (let k = 0; k < toks.length; k++) {
    if (toks[k].kind !== "word" || !toks[k].cap) continue;
    // A name inside a cue was resolved with the cue (a spokesperson stands for the body).
    if (cues.some((c) => c.start <= toks[k].start && toks[k].start < c.end)) continue;
    let e = k;
    while (e + 1 < toks.length && toks[e + 1].kind === "word" && (toks[e + 1].cap || NAME_PARTICLES.has(toks[e + 1].lower)) && !toks[e].poss) e++;
    const range = personIn(toks, k, e);
    if (range) {
      const person = personSpeaker(text.slice(toks[range[0]].start, toks[range[1]].end), genderOf(toks, Math.max(0, range[0] - 1), range[1]), ctx);
      const last = ctx.persons[ctx.persons.length - 1];
      if (last?.speaker !== person) ctx.persons.push({ speaker: person, gender: person.gender ?? null });
      // "Harbour Board chairman Sven Adler met staff": the role before the name is this person's.
      let r = range[0];
      // A lower-case word joins the role as a title or a title's noun ("chief executive").
      const inRole = (t: Tok, left: Tok | undefined) => t.cap || isTitleWord(t.lower) || (!!left && left.kind === "word" && isTitleWord(left.lower));
      while (r > 0 && toks[r - 1].kind === "word" && inRole(toks[r - 1], toks[r - 2]) && !ARTICLE_WORDS.has(toks[r - 1].lower)) r--;
      if (r < range[0]) rememberRole(text, toks, [r, range[0] - 1], person, ctx);
    }
    k = e;
  }
}

const ARTICLE_WORDS = new Set(["the", "a", "an"]);

/**
 * Remembers a person's role, so that "the minister" or "the Harbour Board chairman" finds them
 * again: each title word of `role` alone, and the whole role when it has several words and one
 * of them is a title (a title alone could be another body's). A role with no title word is no role.
 */
export function rememberRole(text: string, toks: Tok[], role: [number, number], person: ResolvedSpeaker, ctx: Context) {
  let titled = false;
  for (let k = role[0]; k <= role[1]; k++) {
    if (!isTitleWord(toks[k].lower)) continue;
    ctx.roles.set(toks[k].lower, person);
    titled = true;
  }
  if (titled && role[1] > role[0]) ctx.roles.set(normalizeName(text.slice(toks[role[0]].start, toks[role[1]].end)), person);
}

/** The person's name inside a run of capitalised words [a, b], or null. */
export function personIn(toks: Tok[], a: number, b: number): [number, number] | null {
  for (let j = a; j <= b; j++) {
    if (!isFirstName(toks[j].text)) continue;
    let e = j;
    while (e < b && e - j < 3 && (isNameWord(toks[e + 1]) || NAME_PARTICLES.has(toks[e + 1].lower))) e++;
    return e > j ? [j, e] : null;
  }
  // "Ms Oduya", "Dr. Lind": an honorific, then one to three name words (an all-capital "DR" before a
  // place is no honorific).
  if (HONORIFICS.has(toks[a].lower) && /^\p{Lu}\p{Ll}/u.test(toks[a].text) && a < b && b - a <= 3 && allNameWords(toks, a + 1, b)) return [a + 1, b];
  const before = toks[a - 1];
  if (before && before.kind === "word" && !before.cap && isTitleWord(before.lower) && b - a <= 3 && allNameWords(toks, a, b)) return [a, b];
  const named = nameAfterRole(toks, a, b);
  return named && named.name[1] > named.name[0] ? named.name : null;
}
