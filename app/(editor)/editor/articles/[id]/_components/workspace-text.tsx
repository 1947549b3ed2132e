"use client";

import { useMemo, type KeyboardEventHandler, type RefObject } from "react";
import { segmentBody } from "@/lib/anchoring/segments";
import type { TextAnchor } from "@/lib/anchoring/selectors";
import { claimHue } from "@/app/(editor)/editor/_components/status-badge";
import { placed, type WorkspaceAnnotation, type WorkspaceQuote } from "./workspace-types";

type Span = { kind: "quote"; quote: WorkspaceQuote } | { kind: "annotation"; annotation: WorkspaceAnnotation } | { kind: "pending" };

/**
 * The article's text with its quotes (coloured by claim), annotations and the
 * pending selection marked. Every run is one element holding only its text,
 * with `data-start`/`data-end` = its offsets in the body, which is what
 * `selectionOffsets` reads a browser selection back from.
 */
export function WorkspaceText({
  body,
  quotes,
  annotations,
  pending,
  activeQuote,
  onQuoteClick,
  onKeyDown,
  textRef,
}: {
  body: string;
  quotes: WorkspaceQuote[];
  annotations: WorkspaceAnnotation[];
  pending: TextAnchor | null;
  activeQuote: string | null;
  onQuoteClick: (id: string) => void;
  onKeyDown: KeyboardEventHandler;
  textRef: RefObject<HTMLDivElement | null>;
}) {
  const paragraphs = useMemo(() => {
    const spans: { start: number; end: number; data: Span }[] = [
      ...quotes.filter(placed).map((q) => ({ start: q.start, end: q.end, data: { kind: "quote", quote: q } as Span })),
      ...annotations.filter(placed).map((a) => ({ start: a.start, end: a.end, data: { kind: "annotation", annotation: a } as Span })),
      ...(pending ? [{ start: pending.start, end: pending.end, data: { kind: "pending" } as Span }] : []),
    ];
    return segmentBody(body, spans);
  }, [body, quotes, annotations, pending]);

  const orphans = [...quotes.filter((q) => !placed(q)), ...annotations.filter((a) => !placed(a))];

  return (
    <div>
      <div className="legend" aria-hidden="true">
        <span><span className="legend__swatch" style={{ background: "hsl(45 95% 86%)", boxShadow: "inset 0 -2px 0 hsl(45 70% 55%)" }} />confirmed quote</span>
        <span><span className="legend__swatch" style={{ background: "repeating-linear-gradient(135deg, hsl(45 95% 90%) 0 6px, hsl(45 95% 84%) 6px 12px)" }} />suggested</span>
        <span><span style={{ textDecoration: "line-through", textDecorationColor: "var(--danger)" }}>rejected</span></span>
        <span><span style={{ borderBottom: "2px dotted var(--accent)" }}>annotated</span></span>
        <span>colour = claim</span>
      </div>
      {orphans.length > 0 && (
        <p className="notice notice--info small">
          {orphans.length === 1 ? "One anchor" : `${orphans.length} anchors`} lost {orphans.length === 1 ? "its" : "their"} place when the text was corrected; see the side panel.
        </p>
      )}
      <div
        ref={textRef}
        className="article-body workspace-text"
        tabIndex={0}
        role="region"
        aria-label="Article text: select a passage to quote or annotate"
        onKeyDown={onKeyDown}
      >
        {paragraphs.map((p) => (
          <p key={p.start} data-paragraph={p.index} className={p.index === 0 ? "workspace-headline" : undefined}>
            {p.runs.map((run) => {
              const quote = run.spans.find((s) => s.data.kind === "quote")?.data as Extract<Span, { kind: "quote" }> | undefined;
              const annotated = run.spans.some((s) => s.data.kind === "annotation");
              const isPending = run.spans.some((s) => s.data.kind === "pending");
              const className = [annotated && "annotated", isPending && "pending"].filter(Boolean).join(" ") || undefined;
              if (quote) {
                const q = quote.quote;
                const hue = claimHue(q.claim?.id) ?? 45;
                return (
                  <mark
                    key={run.start}
                    // The quote's first run is the target of /editor/articles/…#quote-<id> links.
                    id={run.start === Math.max(q.start, p.start) ? `quote-${q.id}` : undefined}
                    data-start={run.start}
                    data-end={run.end}
                    data-quote={q.id}
                    className={[`is-${q.reviewStatus}`, q.anchorStatus === "fuzzy" && "is-fuzzy", activeQuote === q.id && "is-active", className].filter(Boolean).join(" ")}
                    style={{ "--hue": hue } as React.CSSProperties}
                    title={`${q.reviewStatus} quote${q.speaker ? ` · ${q.speaker.name}` : ""}${q.claim ? ` · ${q.claim.canonical}` : ""}`}
                    onClick={() => onQuoteClick(q.id)}
                  >
                    {run.text}
                  </mark>
                );
              }
              return (
                <span key={run.start} data-start={run.start} data-end={run.end} className={className}>
                  {run.text}
                </span>
              );
            })}
          </p>
        ))}
      </div>
    </div>
  );
}
