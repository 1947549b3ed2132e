/**
 * Splits an article body into paragraphs (one per non-blank line) and each
 * paragraph into plain and highlighted runs, keeping every run's offsets into
 * the body. Overlapping spans are cut at their boundaries so that each run
 * knows every span covering it. Pure: used by reader and editor pages alike.
 */
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

export function paragraphRanges(body: string): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  let lineStart = 0;
  for (let i = 0; i <= body.length; i++) {
    if (i === body.length || body[i] === "\n") {
      const line = body.slice(lineStart, i);
      if (line.trim() !== "") ranges.push({ start: lineStart, end: i });
      lineStart = i + 1;
    }
  }
  return ranges;
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
