// Tokens of one sentence as the attribution rules see it: words,
// punctuation, and each quotation collapsed to a single token, so that
// "“…,” the report said" reads as QUOTE the report said.

import { type Pos, tagPieces } from "./nlp";
import { isAbbreviation as isAbbr, isSpaceCode as spaceCode, isWordCode as wordCode } from "./text";

// Module-local bindings: hot loops call these per character, and some
// transpilers turn every call to an imported binding into a getter call.
const isWordCode = wordCode;
const isSpaceCode = spaceCode;
const isAbbreviation = isAbbr;

export type TokKind = "word" | "punct" | "quote";

export interface Tok {
  kind: TokKind;
  /** As written (for a quote token: empty). */
  text: string;
  /** Lower case, possessive stripped, curly apostrophes folded. */
  lower: string;
  start: number;
  end: number;
  /** Starts with a capital letter. */
  cap: boolean;
  /** Ends with ’s / 's / s’. */
  poss: boolean;
  /** Index of the quote in the article's quote list, for quote tokens. */
  quote?: number;
  /** Part of speech and lemma, once tagTokens has run on the sentence. */
  pos?: Pos;
  lemma?: string;
}

/**
 * Tags a sentence's tokens in place with the NLP library (lib/analysis/nlp.ts). Each quotation
 * is read as one quoted placeholder, so only the words around quotations are tagged.
 */
export function tagTokens(toks: Tok[]): void {
  if (!toks.length || toks[0].pos) return; // tagged already
  const tags = tagPieces(toks.map((t) => (t.kind === "quote" ? "“Q”" : t.text.replace(/\s+/g, ""))));
  for (let i = 0; i < toks.length; i++) {
    toks[i].pos = tags[i].pos;
    toks[i].lemma = tags[i].lemma;
  }
}

// Joiners allowed inside a word when a word character follows: U.S., e-Tayyiba, Pakistan’s, AT&T.
const isJoiner = (c: number) => c === 0x2019 || c === 39 || c === 46 || c === 45 || c === 38;

/** End of the word starting at i (exclusive), or i when no word starts there. */
function wordEnd(text: string, i: number, end: number): number {
  let j = i;
  while (j < end) {
    const c = text.charCodeAt(j);
    if (isWordCode(c)) j++;
    else if (j > i && isJoiner(c) && j + 1 < end && isWordCode(text.charCodeAt(j + 1))) j += 2;
    else break;
  }
  return j;
}
const PUNCT = new Set([",", ";", ":", "(", ")", "[", "]", "—", "–", ".", "!", "?", "…", "/", "•"]);

/** Mark ranges of quotes, [from, to), in text order. */
export interface QuoteRange {
  from: number;
  to: number;
  quote: number;
}

export function tokenize(text: string, start: number, end: number, quotes: QuoteRange[]): Tok[] {
  const out: Tok[] = [];
  let q = 0;
  while (q < quotes.length && quotes[q].to <= start) q++;
  let i = start;
  while (i < end) {
    if (q < quotes.length && i >= quotes[q].from) {
      const r = quotes[q];
      out.push({ kind: "quote", text: "", lower: "", start: r.from, end: r.to, cap: false, poss: false, quote: r.quote });
      i = Math.max(i + 1, r.to);
      q++;
      continue;
    }
    const c = text.charCodeAt(i);
    if (isSpaceCode(c)) {
      i++;
      continue;
    }
    const we = wordEnd(text, i, end);
    if (we > i) {
      let w = text.slice(i, we);
      let e = we;
      if (text[e] === "." && (w.includes(".") || isAbbreviation(w)) && !(e + 1 >= end)) {
        w += ".";
        e++;
      }
      let poss = false;
      let lower = w.toLowerCase();
      if (lower.indexOf("’") >= 0) lower = lower.replace(/’/g, "'");
      if (lower.endsWith("'s")) {
        poss = true;
        lower = lower.slice(0, -2);
      } else if ((text.charCodeAt(e) === 0x2019 || text.charCodeAt(e) === 39) && (lower.endsWith("s")) && !isWordAt(text, e + 1)) {
        poss = true; // groups’
        e++;
      }
      const f = w.charAt(0);
      out.push({ kind: "word", text: text.slice(i, e), lower, start: i, end: e, cap: f !== f.toLowerCase(), poss });
      i = e;
      continue;
    }
    const ch = text[i];
    if (PUNCT.has(ch)) out.push({ kind: "punct", text: ch, lower: ch, start: i, end: i + 1, cap: false, poss: false });
    i++;
  }
  return out;
}

function isWordAt(text: string, i: number): boolean {
  return i < text.length && isWordCode(text.charCodeAt(i));
}
