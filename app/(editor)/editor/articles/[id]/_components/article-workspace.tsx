"use client";

import { useCallback, useRef, useState } from "react";
import { useFinishedSelection } from "@/app/(editor)/editor/_components/dom-selection";
import { describeSpan, nudgeEdge, type TextAnchor } from "@/lib/anchoring/selectors";
import { AnnotationList, QuoteList } from "./side-lists";
import { MarkPassageCard, SelectionCard, type SelectionTab } from "./selection-panel";
import { WorkspaceText } from "./workspace-text";
import type { ClaimOption, WorkspaceAnnotation, WorkspaceQuote } from "./workspace-types";

export type { WorkspaceAnnotation, WorkspaceQuote } from "./workspace-types";

/**
 * The editor's article page: the text with its quotes and annotations marked,
 * where a selection (mouse, keyboard or "find") becomes a pending span that the
 * side panel turns into a quote or an annotation, and the lists of both.
 */
export function ArticleWorkspace({
  article,
  quotes,
  annotations,
  speakers,
  claims,
}: {
  article: { id: string; version: number; body: string };
  quotes: WorkspaceQuote[];
  annotations: WorkspaceAnnotation[];
  speakers: { id: string; name: string }[];
  claims: ClaimOption[];
}) {
  const textRef = useRef<HTMLDivElement>(null);
  const [pending, setPending] = useState<TextAnchor | null>(null);
  const [activeQuote, setActiveQuote] = useState<string | null>(null);
  const [tab, setTab] = useState<SelectionTab>("quote");
  const [flash, setFlash] = useState<string | null>(null);

  // The pending highlight shows the span from now on (the browser's selection is cleared).
  useFinishedSelection(textRef, (start, end) => {
    const anchor = describeSpan(article.body, start, end);
    if (!anchor) return false;
    setPending(anchor);
    setFlash(null);
    return true;
  });

  const focusQuote = useCallback((id: string) => {
    setActiveQuote(id);
    const el = textRef.current?.querySelector<HTMLElement>(`[data-quote="${id}"]`);
    el?.scrollIntoView({ block: "center", behavior: "smooth" });
  }, []);

  /** Keyboard selection: with a span chosen, Shift+←/→ moves its end by a word, Alt+Shift+←/→ its start. */
  function onTextKeyDown(e: React.KeyboardEvent) {
    if (!pending || !e.shiftKey || (e.key !== "ArrowLeft" && e.key !== "ArrowRight")) return;
    e.preventDefault();
    const dir = e.key === "ArrowRight" ? 1 : -1;
    const body = article.body;
    const next = e.altKey
      ? describeSpan(body, nudgeEdge(body, pending.start, dir, "start"), pending.end)
      : describeSpan(body, pending.start, nudgeEdge(body, pending.end, dir, "end"));
    if (next) setPending(next);
  }

  const done = (message: string) => {
    setPending(null);
    setFlash(message);
  };

  return (
    <div className="workspace">
      <WorkspaceText
        body={article.body}
        quotes={quotes}
        annotations={annotations}
        pending={pending}
        activeQuote={activeQuote}
        onQuoteClick={setActiveQuote}
        onKeyDown={onTextKeyDown}
        textRef={textRef}
      />
      <aside className="workspace__side" aria-label="Quotes and annotations">
        {flash && (
          <p className="notice notice--ok" role="status">
            {flash}
          </p>
        )}
        {pending ? (
          <SelectionCard article={article} anchor={pending} speakers={speakers} claims={claims} tab={tab} setTab={setTab} onDone={done} onCancel={() => setPending(null)} />
        ) : (
          <MarkPassageCard body={article.body} onFound={setPending} />
        )}
        <QuoteList quotes={quotes} activeQuote={activeQuote} onFocus={focusQuote} />
        <AnnotationList annotations={annotations} />
      </aside>
    </div>
  );
}
