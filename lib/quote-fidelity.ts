import { checkFidelity, indexSources, type FidelityStatus, type SourceIndex } from "./analysis/fidelity";
import { wordDiff, type DiffPart } from "./analysis/word-diff";

/**
 * How faithfully a quote reproduces its claim's source document: the one
 * measure behind the stored `Quote.fidelity` (statistics, API, exports) and
 * the badge and diff a reader sees, so that the two always agree. Pure.
 *
 * - With no source text on file the quote is *unchecked* (`fidelity: null`):
 *   it is never called altered or not-in-source, and no diff is drawn against
 *   the editor's own wording.
 * - Otherwise the quote is aligned with the source (lib/analysis/fidelity.ts)
 *   and its diff is drawn against the passage it aligned to, on the outlet's
 *   text as printed (lib/analysis/word-diff.ts).
 */

export interface QuoteMeasure {
  /** null = unchecked: no source on file (or a title, which is not checked). */
  fidelity: FidelityStatus | null;
  /** Offsets into the source text of the passage the quote aligned to; null when none. */
  passage: { start: number; end: number } | null;
  /** Source passage → outlet wording; a single "equal" run (the quote as printed) when nothing is compared. */
  diff: DiffPart[];
}

export interface SourceText {
  text: string;
  index: SourceIndex;
}

/** The source prepared once for measuring many quotes; null when there is no text. */
export function prepareSourceText(text: string | null | undefined): SourceText | null {
  if (!text || !text.trim()) return null;
  return { text, index: indexSources([{ id: "source", text }]) };
}

export function measureQuote(exact: string, source: SourceText | null, kind: string = "statement"): QuoteMeasure {
  const plain: DiffPart[] = [{ op: "equal", text: exact }];
  if (!source || kind === "title") return { fidelity: null, passage: null, diff: plain };
  const result = checkFidelity(exact, source.index);
  if (result.status === "not_found" || result.sourceStart < 0) return { fidelity: "not_found", passage: null, diff: plain };
  const passage = { start: result.sourceStart, end: result.sourceEnd };
  return { fidelity: result.status, passage, diff: wordDiff(source.text.slice(passage.start, passage.end), exact) };
}
