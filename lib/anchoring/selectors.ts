/**
 * W3C Web Annotation selectors for a span of an article body. Pure: the editor's
 * DOM code maps a browser selection to body offsets, this module describes it.
 */
export const CONTEXT_LENGTH = 32;

/** A stored anchor: TextQuoteSelector (exact, prefix, suffix) + TextPositionSelector (start, end). */
export interface TextAnchor {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

/** The columns a quote or an annotation stores its TextAnchor in, as a select. */
export const textAnchorSelect = { exact: true, prefix: true, suffix: true, start: true, end: true } as const satisfies Record<keyof TextAnchor, true>;

/** The TextAnchor of a stored quote or annotation (or of a row that has more), in the order the W3C exports write it. */
export function textAnchorOf(record: TextAnchor): TextAnchor {
  return { exact: record.exact, prefix: record.prefix, suffix: record.suffix, start: record.start, end: record.end };
}

export interface TextQuoteSelector {
  type: "TextQuoteSelector";
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: "TextPositionSelector";
  start: number;
  end: number;
}

/**
 * The anchor of body[start, end), trimmed of surrounding white space (a mouse
 * selection often takes a trailing space or line break). Null when the span is
 * empty, out of range, or only white space.
 */
export function describeSpan(body: string, start: number, end: number, context = CONTEXT_LENGTH): TextAnchor | null {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > body.length || start >= end) return null;
  while (start < end && /\s/.test(body[start])) start++;
  while (end > start && /\s/.test(body[end - 1])) end--;
  if (start >= end) return null;
  return {
    exact: body.slice(start, end),
    prefix: body.slice(Math.max(0, start - context), start),
    suffix: body.slice(end, end + context),
    start,
    end,
  };
}

/** Moves a span edge by one whole word, so that spans start and end on word boundaries. */
export function nudgeEdge(body: string, offset: number, direction: -1 | 1, edge: "start" | "end"): number {
  const ws = (i: number) => /\s/.test(body[i] ?? " ");
  let i = offset;
  if (direction > 0) {
    // start → past this word and its trailing space; end → past the next space and word.
    const first = edge === "start" ? false : true;
    while (i < body.length && ws(i) === first) i++;
    while (i < body.length && ws(i) !== first) i++;
    return i;
  }
  // start ← to the start of the previous word; end ← to the end of the previous word.
  if (edge === "start") {
    while (i > 0 && ws(i - 1)) i--;
    while (i > 0 && !ws(i - 1)) i--;
  } else {
    while (i > 0 && !ws(i - 1)) i--;
    while (i > 0 && ws(i - 1)) i--;
  }
  return i;
}

/**
 * The W3C selectors of a stored anchor in `text` (the article body it was
 * anchored in). The W3C Web Annotation model counts a TextPositionSelector in
 * characters — Unicode code points — while stored offsets are JavaScript
 * string indices (UTF-16 code units), so positions after an emoji or other
 * astral character are converted (apache/incubator-annotator#75).
 */
export function toSelectors(anchor: TextAnchor, text: string): [TextQuoteSelector, TextPositionSelector] {
  return [
    { type: "TextQuoteSelector", exact: anchor.exact, prefix: anchor.prefix, suffix: anchor.suffix },
    { type: "TextPositionSelector", start: toCodePointOffset(text, anchor.start), end: toCodePointOffset(text, anchor.end) },
  ];
}

/** The code-point offset of a UTF-16 offset into `text` (a surrogate pair counts once). */
export function toCodePointOffset(text: string, offset: number): number {
  let points = offset;
  const stop = Math.min(offset, text.length);
  for (let i = 0; i < stop - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        points--;
        i++;
      }
    }
  }
  return points;
}

/** The UTF-16 offset of a code-point offset into `text` (the inverse of toCodePointOffset). */
export function fromCodePointOffset(text: string, points: number): number {
  let i = 0;
  for (let n = 0; n < points && i < text.length; n++) i += (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
  return i;
}

/** True when `text` has characters outside the Basic Multilingual Plane (where code points and UTF-16 offsets differ). */
export function hasAstralCharacters(text: string): boolean {
  return /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text);
}
