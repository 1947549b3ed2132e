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

export function toSelectors(anchor: TextAnchor): [TextQuoteSelector, TextPositionSelector] {
  return [
    { type: "TextQuoteSelector", exact: anchor.exact, prefix: anchor.prefix, suffix: anchor.suffix },
    { type: "TextPositionSelector", start: anchor.start, end: anchor.end },
  ];
}

/** A stored annotation as a W3C Web Annotation (JSON-LD) for export and APIs. */
export function toWebAnnotation(input: {
  id: string;
  source: string;
  anchor: TextAnchor;
  body: string;
  motivation: string;
  creator?: string | null;
  created: Date;
  modified: Date;
}) {
  return {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    id: input.id,
    type: "Annotation",
    motivation: input.motivation,
    created: input.created.toISOString(),
    modified: input.modified.toISOString(),
    ...(input.creator ? { creator: input.creator } : {}),
    body: { type: "TextualBody", value: input.body, format: "text/plain" },
    target: { source: input.source, selector: toSelectors(input.anchor) },
  };
}
