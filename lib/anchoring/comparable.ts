/**
 * The form in which anchors are compared with text, and the way back to the
 * text as stored. Pure.
 *
 * Two texts that differ only in representation say the same words: Unicode
 * normalisation (NFC vs NFD, W3C web-annotation#222), invisible soft hyphens
 * and zero-width characters, and white space (a no-break space, a doubled
 * space, a re-wrapped line). Anchors are compared in a form that folds those
 * differences away — NFC, those invisible characters dropped, every run of
 * white space one space — but the stored text is never rewritten: every offset
 * found in the comparison form is mapped back to an offset into the text as
 * stored (JavaScript string indices, UTF-16 code units).
 */

/** Invisible characters that do not change the words: soft hyphen, zero-width space, word joiner, BOM. */
const IGNORABLE = /[\u00AD\u200B\u2060\uFEFF]/;
const SPACE = /\s/;
/** Combining marks, and Hangul medial vowels and final consonants (NFC composes them with the syllable before). */
const COMBINING = /[\p{M}\u1160-\u11FF\uD7B0-\uD7FF]/u;

export interface ComparableText {
  /** The original, as stored. */
  original: string;
  /** The comparison form. */
  text: string;
  /** The stored offset where the comparison-form span starting at `i` starts. */
  toOriginalStart(i: number): number;
  /** The stored offset where the comparison-form span ending at `i` ends. */
  toOriginalEnd(i: number): number;
  /** The comparison-form offset of a stored offset (rounded down to the start of its character cluster). */
  fromOriginal(offset: number): number;
}

/** Only the comparison form of `s` (for patterns: a quote, its prefix or suffix). */
export function comparisonForm(s: string): string {
  return comparable(s).text;
}

/**
 * Builds the comparison form of `original` cluster by cluster: a base character
 * with its combining marks is normalised on its own (normalisation never
 * crosses such a boundary), so each comparison-form character knows the stored
 * cluster it came from.
 */
export function comparable(original: string): ComparableText {
  const out: string[] = [];
  // For comparison-form character j: the stored [clusterStart[j], clusterEnd[j]) it came from.
  const clusterStart: number[] = [];
  const clusterEnd: number[] = [];
  const fromOrig = new Int32Array(original.length + 1);
  let i = 0;
  let length = 0;
  const emit = (piece: string, start: number, end: number) => {
    for (let k = start; k < end; k++) fromOrig[k] = length;
    for (let k = 0; k < piece.length; k++) {
      clusterStart.push(start);
      clusterEnd.push(end);
    }
    out.push(piece);
    length += piece.length;
  };
  while (i < original.length) {
    const ch = original[i];
    if (IGNORABLE.test(ch)) {
      emit("", i, i + 1);
      i++;
    } else if (SPACE.test(ch)) {
      let j = i + 1;
      while (j < original.length && (SPACE.test(original[j]) || IGNORABLE.test(original[j]))) j++;
      emit(" ", i, j);
      i = j;
    } else {
      const cp = original.codePointAt(i)!;
      let j = i + (cp > 0xffff ? 2 : 1);
      while (j < original.length) {
        const next = original.codePointAt(j)!;
        if (!COMBINING.test(String.fromCodePoint(next))) break;
        j += next > 0xffff ? 2 : 1;
      }
      const cluster = original.slice(i, j);
      emit(j - i === 1 && ch < "\u0300" ? cluster : cluster.normalize("NFC"), i, j);
      i = j;
    }
  }
  fromOrig[original.length] = length;
  const text = out.join("");
  return {
    original,
    text,
    toOriginalStart: (k) => (k >= text.length ? original.length : clusterStart[Math.max(0, k)]),
    toOriginalEnd: (k) => (k <= 0 ? (text.length ? clusterStart[0] : 0) : clusterEnd[Math.min(k, text.length) - 1]),
    fromOriginal: (offset) => fromOrig[Math.max(0, Math.min(offset, original.length))],
  };
}
