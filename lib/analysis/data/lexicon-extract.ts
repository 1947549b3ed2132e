// What the analysis reads of compromise's lexicon (its model data: word → tags), as word lists.
// scripts/build-lexicon.ts writes them to ./lexicon.ts so that the analysis never loads
// compromise itself (importing `compromise/two` costs about 0.65 s of CPU in every process and
// thread); lib/analysis/lexicon.test.ts checks the written lists against the installed package.

/** The part of `nlp.model()` (compromise/two) the lists come from. */
export interface CompromiseModel {
  one: { lexicon: Record<string, string | string[]> };
  two: { orgWords: Record<string, boolean>; placeWords: Record<string, boolean> };
}

/** Word lists, each sorted; every word is lower case and one word (lookups are lower-cased). */
export interface LexiconLists {
  /** Every word of the lexicon, whatever its tags (English words: see nlp.ts isEnglishWord). */
  words: string[];
  /** Tagged FemaleName. */
  female: string[];
  /** Tagged MaleName. */
  male: string[];
  /** Tagged FirstName (either gender). */
  first: string[];
  /** Tagged Actor: role and occupation nouns. */
  actor: string[];
  /** Tagged Country, City, Region or Place. */
  place: string[];
  /** Tagged WeekDay, Month, Date or Duration. */
  calendar: string[];
  /** compromise's words that head organisation names ("ministry", "council"). */
  orgWords: string[];
  /** compromise's place nouns ("island", "county"). */
  placeWords: string[];
}

const TAGGED: Record<Exclude<keyof LexiconLists, "words" | "orgWords" | "placeWords">, readonly string[]> = {
  female: ["FemaleName"],
  male: ["MaleName"],
  first: ["FirstName"],
  actor: ["Actor"],
  place: ["Country", "City", "Region", "Place"],
  calendar: ["WeekDay", "Month", "Date", "Duration"],
};

/**
 * The lists from compromise's model. Entries of several words, and entries with capitals (which a
 * lower-cased lookup never meets: ":P"), are left out.
 */
export function extractLexicon(model: CompromiseModel): LexiconLists {
  const out: LexiconLists = { words: [], female: [], male: [], first: [], actor: [], place: [], calendar: [], orgWords: [], placeWords: [] };
  const usable = (w: string) => !/\s/.test(w) && w === w.toLowerCase();
  for (const [w, raw] of Object.entries(model.one.lexicon)) {
    if (!usable(w)) continue;
    out.words.push(w);
    const tags = Array.isArray(raw) ? raw : [raw];
    for (const [list, wanted] of Object.entries(TAGGED)) {
      if (tags.some((t) => wanted.includes(t))) out[list as keyof typeof TAGGED].push(w);
    }
  }
  out.orgWords = Object.keys(model.two.orgWords).filter(usable);
  out.placeWords = Object.keys(model.two.placeWords).filter(usable);
  for (const list of Object.values(out)) list.sort();
  return out;
}
