/**
 * Splits an article body into paragraphs (one per non-blank line) and each
 * paragraph into plain and highlighted runs, keeping every run's offsets into
 * the body. Overlapping spans are cut at their boundaries so that each run
 * knows every span covering it. Pure: used by reader and editor pages alike.
 */
import { splitParagraphs } from "../analysis/text";

export interface Span<T = unknown> {
  start: number;
  end: number;
  data: T;
}

export interface Run<T> {
  start: number;
  end: number;
  text: string;
  spans: Span<T>[];
}

export interface Paragraph<T> {
  index: number;
  start: number;
  end: number;
  runs: Run<T>[];
}

/**
 * The article's paragraphs as [start, end) ranges: one non-empty line each, white
 * space trimmed at both ends. The analysis's own splitter, so a paragraph number
 * means the same paragraph to the analysis, the anchors and the reader pages.
 */
export function paragraphRanges(body: string): { start: number; end: number }[] {
  return splitParagraphs(body);
}

/** The index of the paragraph holding `offset` (a UTF-16 index), or null between paragraphs. */
export function paragraphIndexAt(ranges: readonly { start: number; end: number }[], offset: number): number | null {
  const index = ranges.findIndex((p) => offset >= p.start && offset < p.end);
  return index < 0 ? null : index;
}

export function segmentBody<T>(body: string, spans: Span<T>[]): Paragraph<T>[] {
  const valid = spans.filter((s) => s.start >= 0 && s.end <= body.length && s.start < s.end);
  return paragraphRanges(body).map((range, index) => {
    const inside = valid.filter((s) => s.start < range.end && s.end > range.start);
    const cuts = new Set<number>([range.start, range.end]);
    for (const s of inside) {
      cuts.add(Math.max(s.start, range.start));
      cuts.add(Math.min(s.end, range.end));
    }
    const points = [...cuts].sort((a, b) => a - b);
    const runs: Run<T>[] = [];
    for (let i = 0; i < points.length - 1; i++) {
      const start = points[i];
      const end = points[i + 1];
      runs.push({ start, end, text: body.slice(start, end), spans: inside.filter((s) => s.start <= start && s.end >= end) });
    }
    return { index, start: range.start, end: range.end, runs };
  });
}
