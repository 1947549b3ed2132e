// The NLP libraries behind attribution, behind one small interface:
//  - wink-nlp with wink-eng-lite-web-model: part-of-speech tags (Universal Dependencies tag
//    set) and lemmas, run only on the words around quotations (a sentence's "frame": its words
//    with every quotation collapsed to one placeholder), never on whole articles;
//  - compromise's lexicon (its model data, never its slow parser): first names with their usual
//    gender, role nouns ("teacher", "chairwoman"), words that head the names of organisations
//    ("ministry", "council") and of places, and calendar words. They are read from word lists
//    extracted from it (data/lexicon.ts, written by scripts/build-lexicon.ts and checked against
//    the installed package by lexicon.test.ts), so no process loads compromise itself (≈0.65 s
//    of CPU per process or thread).
// wink loads lazily, once per process (≈0.3 s of CPU), so importing this module is cheap.
// Figures behind the choice are in the README's design notes.

import winkModel from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";
import { LEXICON } from "./data/lexicon";

/** Universal Dependencies part-of-speech tags, as wink-nlp gives them. */
export type Pos =
  | "ADJ" | "ADP" | "ADV" | "AUX" | "CCONJ" | "DET" | "INTJ" | "NOUN" | "NUM" | "PART" | "PRON" | "PROPN"
  | "PUNCT" | "SCONJ" | "SYM" | "VERB" | "X" | "SPACE";

export interface Tag {
  pos: Pos;
  /** Lower-case lemma ("grumbled" → "grumble"); the lower-cased word when wink has none. */
  lemma: string;
}

type Wink = ReturnType<typeof winkNLP>;
let wink: Wink | null = null;

function winkOnce(): Wink {
  // Only the POS step: wink's own sentence splitter (which does not know quotations) doubles
  // the cost, and its lite model's entities are dates and numbers we find without it.
  if (!wink) wink = winkNLP(winkModel, ["pos"]);
  return wink;
}

/** Frames tagged lately (a reprinted article, a sentence tagged by two rules), with their tags. */
const tagged = new Map<string, readonly Readonly<Tag>[]>();
/** Frames remembered at most; the memory is dropped whole when full (≈2 MB). */
const TAGGED_MAX = 10_000;

/**
 * Tags a sequence of pieces (words, punctuation, placeholders) read as one sentence in that
 * order. Returns one tag per piece: the tag of the first wink token inside it (wink splits
 * "won't" and "Kellerby's" in two). Pieces must not contain white space. The same pieces give
 * the same (shared, frozen) tags: the last TAGGED_MAX frames are remembered.
 */
export function tagPieces(pieces: readonly string[]): readonly Readonly<Tag>[] {
  if (!pieces.length) return [];
  const frame = pieces.join(" ");
  let tags = tagged.get(frame);
  if (!tags) {
    if (tagged.size >= TAGGED_MAX) tagged.clear();
    tags = Object.freeze(tagFrame(frame, pieces).map((t) => Object.freeze(t)));
    tagged.set(frame, tags);
  }
  return tags;
}

function tagFrame(frame: string, pieces: readonly string[]): Tag[] {
  const nlp = winkOnce();
  const tokens = nlp.readDoc(frame).tokens();
  const values = tokens.out() as string[];
  const tags = tokens.out(nlp.its.pos) as Pos[];
  const out: Tag[] = new Array(pieces.length);
  let piece = 0;
  let pieceEnd = pieces[0].length;
  let cursor = 0;
  for (let k = 0; k < values.length && piece < pieces.length; k++) {
    const at = frame.indexOf(values[k], cursor);
    if (at < 0) continue; // a token wink rewrote: its neighbours still align
    cursor = at + values[k].length;
    while (piece < pieces.length && at >= pieceEnd) {
      piece++;
      pieceEnd += 1 + (pieces[piece]?.length ?? 0);
    }
    if (piece >= pieces.length || out[piece]) continue;
    const pos = tags[k];
    // Lemmas only where rules read them (verbs), since wink computes them one token at a time.
    const lemma = pos === "VERB" || pos === "ADJ" ? String(tokens.itemAt(k).out(nlp.its.lemma as never)).toLowerCase() : values[k].toLowerCase();
    out[piece] = { pos, lemma };
  }
  for (let i = 0; i < out.length; i++) if (!out[i]) out[i] = { pos: "X", lemma: pieces[i].toLowerCase() };
  return out;
}

// ---------------------------------------------------------------------------
// compromise's lexicon, as word lists extracted from it (data/lexicon.ts)

export type Gender = "male" | "female";

interface Lexicon {
  words: Set<string>;
  female: Set<string>;
  male: Set<string>;
  first: Set<string>;
  actor: Set<string>;
  place: Set<string>;
  calendar: Set<string>;
  orgWords: Set<string>;
  placeWords: Set<string>;
}

let lexicon: Lexicon | null = null;

function lexiconOnce(): Lexicon {
  if (lexicon) return lexicon;
  const set = (words: string) => new Set(words.split(" "));
  lexicon = {
    words: set(LEXICON.words),
    female: set(LEXICON.female),
    male: set(LEXICON.male),
    first: set(LEXICON.first),
    actor: set(LEXICON.actor),
    place: set(LEXICON.place),
    calendar: set(LEXICON.calendar),
    orgWords: set(LEXICON.orgWords),
    placeWords: set(LEXICON.placeWords),
  };
  return lexicon;
}

/** The usual gender of a first name ("Helena" → female), or null when the word is no known first name. */
export function firstNameGender(word: string): Gender | null {
  const lx = lexiconOnce();
  const w = word.toLowerCase();
  if (lx.female.has(w)) return "female";
  if (lx.male.has(w)) return "male";
  return null;
}

/** A known first name of either gender ("Tobias", "Kim"). */
export function isFirstName(word: string): boolean {
  const lx = lexiconOnce();
  const w = word.toLowerCase();
  return lx.female.has(w) || lx.male.has(w) || lx.first.has(w);
}

/** A noun for a person by role or occupation ("teacher", "chairwoman", "minister"). */
export function isRoleNoun(word: string): boolean {
  return lexiconOnce().actor.has(word.toLowerCase());
}

/** A word that heads an organisation's name ("ministry", "council", "institute", "bank"). */
export function isOrganizationWord(word: string): boolean {
  return lexiconOnce().orgWords.has(word.toLowerCase());
}

/** A country, city, region or place noun ("Kenya", "Geneva", "island"). */
export function isPlaceWord(word: string): boolean {
  const lx = lexiconOnce();
  const w = word.toLowerCase();
  return lx.place.has(w) || lx.placeWords.has(w);
}

/** A calendar word: weekday, month, "today", a duration ("Wednesday", "June", "week"). */
export function isCalendarWord(word: string): boolean {
  return lexiconOnce().calendar.has(word.toLowerCase());
}

/** The word (any case) is in compromise's English lexicon: tells English text from another language's. */
export function isEnglishWord(word: string): boolean {
  return lexiconOnce().words.has(word.toLowerCase());
}
