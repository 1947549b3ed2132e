/**
 * Page citations for a source document's or a PDF article's text: `pageStarts` is the offset
 * where each page begins (SourceDocument.pageStarts or Article.pageStarts, page 1 first; empty when
 * the source has no pages). Pure.
 */

/** The 1-based page holding `offset`, or null when the source has no pages. */
export function pageNumberAt(pageStarts: readonly number[], offset: number): number | null {
  if (!pageStarts.length) return null;
  let lo = 0;
  let hi = pageStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pageStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** "p. 12" or "pp. 12–13" for a passage, or null when the source has no pages. */
export function pageCitation(pageStarts: readonly number[], start: number, end: number): string | null {
  const first = pageNumberAt(pageStarts, start);
  const last = pageNumberAt(pageStarts, Math.max(start, end - 1));
  if (first === null || last === null) return null;
  return first === last ? `p. ${first}` : `pp. ${first}–${last}`;
}
