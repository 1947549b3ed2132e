// Whether a sentence is one the English cue rules can read.

import { STOPWORDS } from "../data/stopwords";
import { isEnglishWord } from "../nlp";
import type { Tok } from "../tokens";

/**
 * True when a sentence reads as English: fewer than four words of letters outside its quotations,
 * one in six of them an English function word, or more than half of them English words (compromise's
 * lexicon: "Tenants face new rules next year" has no function word). A sentence of another language
 * has few of either ("Die Landesregierung will den Plan erst im Herbst als … beschließen": none), even
 * where some of its words are spelt like English ones ("Die Regierung hat den Plan …").
 */
export function readsAsEnglish(toks: Tok[]): boolean {
  let words = 0;
  let fn = 0;
  let known = 0;
  for (const t of toks) {
    if (t.kind !== "word" || !/\p{L}/u.test(t.text)) continue;
    words++;
    if (STOPWORDS.has(t.lower)) fn++;
    else if (isEnglishWord(t.lower)) known++;
  }
  return words < 4 || fn * 6 >= words || (fn + known) * 2 > words;
}
