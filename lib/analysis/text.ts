// Shared text helpers. Everything works on JavaScript string indices (UTF-16
// code units) because that is what the gold labels, the W3C selectors and the
// reader pages use.

/** A paragraph is one non-empty line: outlets use both single and double line breaks. */
export interface Paragraph {
  index: number;
  start: number;
  /** Exclusive, trailing white space trimmed. */
  end: number;
}

export function splitParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let lineStart = 0;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    if (i === n || text.charCodeAt(i) === 10) {
      let s = lineStart;
      let e = i;
      while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
      while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
      if (e > s) out.push({ index: out.length, start: s, end: e });
      lineStart = i + 1;
    }
  }
  return out;
}

export function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0 || c === 0x2009 || c === 0x202f ||
    c === 0x200b || c === 0xfeff || (c >= 0x2000 && c <= 0x200a) || c === 0x3000 || c === 12 || c === 11;
}

const WORD_RE = /[\p{L}\p{N}\p{M}]/u;

/** Letter, digit or combining mark: the characters a word is made of, in any script. */
export function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  if (c === 0xa0 || (c >= 0x2000 && c <= 0x206f)) return false;
  return WORD_RE.test(String.fromCharCode(c));
}

export function isUpperStart(word: string): boolean {
  const ch = word.charAt(0);
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Folds the typographic variants outlets mix freely (curly vs straight
 * apostrophes, dashes, non-breaking spaces) so comparisons see the words.
 */
export function foldTypography(s: string): string {
  return s
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u02bc]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u05f4]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\u2026/g, "...")
    .replace(/\s+/g, " ");
}

/**
 * Lower-case word tokens for comparing quotes: hyphenated compounds split
 * ("India-focused" → india, focused) and possessive 's dropped, so spelling
 * variants ("Tehrik-e Taliban" / "Tehrik-e-Taliban", "Pakistan’s") agree.
 */
export function wordTokens(s: string): string[] {
  return wordTokensWithOffsets(s).map((t) => t.word);
}

/** Word tokens with their offsets in `s`, for mapping comparisons back to text. */
export function wordTokensWithOffsets(s: string): { word: string; start: number; end: number }[] {
  const out: { word: string; start: number; end: number }[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    if (!isWordCode(s.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    let apos = -1;
    while (j < n) {
      const c = s.charCodeAt(j);
      if (isWordCode(c)) j++;
      else if ((c === 39 || c === 0x2019) && j + 1 < n && isWordCode(s.charCodeAt(j + 1))) {
        apos = j;
        j += 2;
      } else break;
    }
    let w = s.slice(i, j).toLowerCase();
    // Possessive 's is dropped ("Pakistan’s" = "pakistan"); don't/isn't keep their apostrophe, folded.
    if (apos === j - 2 && (w.endsWith("'s") || w.endsWith("’s"))) w = w.slice(0, -2);
    else if (apos >= 0) w = w.replace(/’/g, "'");
    if (w) out.push({ word: w, start: i, end: j });
    i = j;
  }
  return out;
}

/** 32-bit FNV-1a, printed base-36: short stable keys without a crypto dependency. */
export function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

export function slugify(s: string, maxWords = 6): string {
  return foldTypography(s)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/'s\b/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter(Boolean)
    .slice(0, maxWords)
    .join("-");
}

/** Name normalisation used for registry look-ups and for comparing speaker names. */
export function normalizeName(s: string): string {
  return foldTypography(s)
    .toLowerCase()
    .replace(/\.(?=\s|$)/g, "")
    .replace(/\./g, "")
    .replace(/^\s*the\s+/, "")
    .replace(/\s+/g, " ")
    .trim();
}

const ABBREVIATIONS = new Set(
  (
    "mr mrs ms dr gen lt col sen rep gov sgt capt maj adm prof st jr sr inc corp co ltd no vs etc approx " +
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri sat sun moh mt ft fig est dept " +
    "govt univ assn bros pp vol cf ie eg al"
  ).split(" "),
);

/** True when the "." ending `word` abbreviates rather than ends a sentence. */
export function isAbbreviation(word: string): boolean {
  const w = word.toLowerCase().replace(/\.$/, "");
  if (ABBREVIATIONS.has(w)) return true;
  if (/^\p{L}$/u.test(w)) return true; // initials: "J. Smith"
  return /^(?:\p{L}\.)+\p{L}$/u.test(w); // U.S, U.N, D.C
}

/**
 * Two names that are the same words but one, that one spelt within two edits of the other
 * (both of five letters or more, same first letter): "Justise Department" / "Justice Department".
 * Words are compared as given (lower-case them first). One-word names never match.
 */
export function misspeltWords(x: readonly string[], y: readonly string[]): boolean {
  if (x.length !== y.length || x.length < 2) return false;
  let diff = -1;
  for (let i = 0; i < x.length; i++) {
    if (x[i] === y[i]) continue;
    if (diff >= 0) return false;
    diff = i;
  }
  if (diff < 0) return false;
  const [u, v] = [x[diff], y[diff]];
  return u.length >= 5 && v.length >= 5 && u[0] === v[0] && editDistance(u, v) <= 2;
}

/** Levenshtein distance (small words only). */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}
