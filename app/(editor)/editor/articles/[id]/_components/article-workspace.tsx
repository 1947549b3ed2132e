"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { createAnnotationAction, deleteAnnotationAction, setAnnotationPublicAction } from "@/app/(editor)/editor/_actions/articles";
import { createQuoteAction } from "@/app/(editor)/editor/_actions/quotes";
import { segmentBody } from "@/lib/anchoring/segments";
import { describeSpan, type TextAnchor } from "@/lib/anchoring/selectors";
import { createAnnotationSchema, motivationValues } from "@/lib/validation/annotation";
import { createQuoteSchema } from "@/lib/validation/quote";
import { applyActionErrors, useActionRunner } from "@/app/(editor)/editor/_components/action-result";
import { selectionOffsets } from "@/app/(editor)/editor/_components/dom-selection";
import { AnchorBadge, ClaimStatusBadge, ReviewBadge, claimHue } from "@/app/(editor)/editor/_components/status-badge";
import { SelectField } from "@/app/(editor)/editor/_components/select-field";

export interface WorkspaceQuote {
  id: string;
  exact: string;
  start: number;
  end: number;
  origin: string;
  reviewStatus: string;
  anchorStatus: string;
  version: number;
  speaker: { id: string; name: string } | null;
  claim: { id: string; canonical: string; status: string } | null;
}

export interface WorkspaceAnnotation {
  id: string;
  exact: string;
  start: number;
  end: number;
  body: string;
  motivation: string;
  isPublic: boolean;
  anchorStatus: string;
  anchorScore: number | null;
  version: number;
  authorName: string | null;
  claim: { id: string; canonical: string } | null;
}

type Span = { kind: "quote"; quote: WorkspaceQuote } | { kind: "annotation"; annotation: WorkspaceAnnotation } | { kind: "pending" };

const placed = (s: { start: number; anchorStatus: string }) => s.anchorStatus !== "orphaned" && s.start >= 0;

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
  claims: { id: string; canonical: string }[];
}) {
  const textRef = useRef<HTMLDivElement>(null);
  const [pending, setPending] = useState<TextAnchor | null>(null);
  const [activeQuote, setActiveQuote] = useState<string | null>(null);
  const [tab, setTab] = useState<"quote" | "annotation">("quote");
  const [flash, setFlash] = useState<string | null>(null);

  const paragraphs = useMemo(() => {
    const spans: { start: number; end: number; data: Span }[] = [
      ...quotes.filter(placed).map((q) => ({ start: q.start, end: q.end, data: { kind: "quote", quote: q } as Span })),
      ...annotations.filter(placed).map((a) => ({ start: a.start, end: a.end, data: { kind: "annotation", annotation: a } as Span })),
      ...(pending ? [{ start: pending.start, end: pending.end, data: { kind: "pending" } as Span }] : []),
    ];
    return segmentBody(article.body, spans);
  }, [article.body, quotes, annotations, pending]);

  // A finished selection inside the text (mouse released, or a key released
  // after a keyboard selection) becomes the pending span. Not on every
  // selectionchange: re-rendering the highlighted runs mid-drag would replace
  // the very text nodes the browser is selecting. A collapsed selection (a
  // click, or focus moving to the form) leaves the pending span in place.
  useEffect(() => {
    function capture() {
      const root = textRef.current;
      if (!root) return;
      const selection = document.getSelection();
      const offsets = selectionOffsets(root, selection);
      if (!offsets) return;
      const anchor = describeSpan(article.body, offsets.start, offsets.end);
      if (anchor) {
        setPending(anchor);
        setFlash(null);
        // The pending highlight shows the span from now on.
        selection?.removeAllRanges();
      }
    }
    document.addEventListener("mouseup", capture);
    document.addEventListener("keyup", capture);
    return () => {
      document.removeEventListener("mouseup", capture);
      document.removeEventListener("keyup", capture);
    };
  }, [article.body]);

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
    const step = (i: number, forward: boolean) => {
      const ws = (k: number) => /\s/.test(body[k] ?? " ");
      if (forward) {
        while (i < body.length && ws(i)) i++;
        while (i < body.length && !ws(i)) i++;
      } else {
        while (i > 0 && ws(i - 1)) i--;
        while (i > 0 && !ws(i - 1)) i--;
      }
      return i;
    };
    const next = e.altKey
      ? describeSpan(body, step(pending.start, dir > 0), pending.end)
      : describeSpan(body, pending.start, step(pending.end, dir > 0));
    if (next) setPending(next);
  }

  const orphans = [...quotes.filter((q) => !placed(q)), ...annotations.filter((a) => !placed(a))];

  return (
    <div className="workspace">
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
          onKeyDown={onTextKeyDown}
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
                      onClick={() => setActiveQuote(q.id)}
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

      <aside className="workspace__side" aria-label="Quotes and annotations">
        {flash && (
          <p className="notice notice--ok" role="status">
            {flash}
          </p>
        )}
        {pending ? (
          <section className="card selection-card" aria-label="Selected text">
            <h2 className="side-title">Selected text</h2>
            <blockquote>{pending.exact}</blockquote>
            <p className="small muted">
              Characters {pending.start}–{pending.end}. Adjust with <kbd>Shift</kbd>+<kbd>←</kbd>/<kbd>→</kbd> (end) or <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>←</kbd>/<kbd>→</kbd> (start) in the text.
            </p>
            <div className="tabs" role="group" aria-label="Make the selection">
              <button type="button" aria-pressed={tab === "quote"} onClick={() => setTab("quote")}>
                Quote
              </button>
              <button type="button" aria-pressed={tab === "annotation"} onClick={() => setTab("annotation")}>
                Annotation
              </button>
            </div>
            {tab === "quote" ? (
              <NewQuoteForm
                key={`q-${pending.start}-${pending.end}`}
                article={article}
                anchor={pending}
                speakers={speakers}
                claims={claims}
                onDone={(message) => {
                  setPending(null);
                  setFlash(message);
                }}
                onCancel={() => setPending(null)}
              />
            ) : (
              <NewAnnotationForm
                key={`a-${pending.start}-${pending.end}`}
                article={article}
                anchor={pending}
                claims={claims}
                onDone={(message) => {
                  setPending(null);
                  setFlash(message);
                }}
                onCancel={() => setPending(null)}
              />
            )}
          </section>
        ) : (
          <section className="card">
            <h2 className="side-title">Mark a passage</h2>
            <p className="small muted" style={{ marginBottom: "0.6rem" }}>
              Select text in the article with the mouse to make it a quote or annotate it — or find it by typing:
            </p>
            <FindText body={article.body} onFound={setPending} />
          </section>
        )}

        <section className="card side-card">
          <h2>
            Quotes <span className="badge">{quotes.length}</span>
          </h2>
          {quotes.length === 0 ? (
            <p className="small muted">No quotes in this article yet.</p>
          ) : (
            <ul className="side-list" aria-label="Quotes in this article">
              {quotes.map((q) => (
                <li key={q.id} id={`side-quote-${q.id}`} aria-current={activeQuote === q.id ? "true" : undefined} className={activeQuote === q.id ? "is-active" : undefined}>
                  {placed(q) ? (
                    <button type="button" className="linklike" onClick={() => focusQuote(q.id)}>
                      “{q.exact.length > 140 ? `${q.exact.slice(0, 140)}…` : q.exact}”
                    </button>
                  ) : (
                    <span className="orphan-text">“{q.exact.length > 140 ? `${q.exact.slice(0, 140)}…` : q.exact}”</span>
                  )}
                  <div className="meta">
                    <ReviewBadge status={q.reviewStatus} />
                    <AnchorBadge status={q.anchorStatus} />
                    <span>{q.speaker?.name ?? "no speaker"}</span>
                    {q.claim ? (
                      <Link href={`/editor/claims/${q.claim.id}`} title={q.claim.canonical}>
                        <span className="claim-dot" style={{ background: `hsl(${claimHue(q.claim.id)} 70% 55%)` }} aria-hidden="true" />
                        {q.claim.canonical.length > 40 ? `${q.claim.canonical.slice(0, 40)}…` : q.claim.canonical}
                      </Link>
                    ) : (
                      <span>no claim</span>
                    )}
                    {q.claim && <ClaimStatusBadge status={q.claim.status} />}
                    <Link href={`/editor/quotes/${q.id}`}>Open</Link>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section className="card side-card">
          <h2>
            Annotations <span className="badge">{annotations.length}</span>
          </h2>
          {annotations.length === 0 ? (
            <p className="small muted">No annotations yet.</p>
          ) : (
            <ul className="side-list" aria-label="Annotations">
              {annotations.map((a) => (
                <AnnotationItem key={a.id} annotation={a} />
              ))}
            </ul>
          )}
        </section>
      </aside>
    </div>
  );
}

function FindText({ body, onFound }: { body: string; onFound: (anchor: TextAnchor) => void }) {
  const [text, setText] = useState("");
  const [missing, setMissing] = useState(false);
  return (
    <form
      className="row"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        const needle = text.trim();
        if (!needle) return;
        const start = body.indexOf(needle);
        const anchor = start >= 0 ? describeSpan(body, start, start + needle.length) : null;
        setMissing(!anchor);
        if (anchor) onFound(anchor);
      }}
    >
      <input
        aria-label="Find text to select"
        className="select-small"
        style={{ flex: 1, minWidth: "10rem" }}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setMissing(false);
        }}
        placeholder="Exact words from the article"
      />
      <button type="submit" className="button button--secondary button--small">
        Select
      </button>
      {missing && (
        <span className="field__error" role="alert" style={{ width: "100%" }}>
          Those exact words are not in the article.
        </span>
      )}
    </form>
  );
}

type QuoteValues = z.input<typeof createQuoteSchema>;

function NewQuoteForm({
  article,
  anchor,
  speakers,
  claims,
  onDone,
  onCancel,
}: {
  article: { id: string; version: number };
  anchor: TextAnchor;
  speakers: { id: string; name: string }[];
  claims: { id: string; canonical: string }[];
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<QuoteValues, unknown, z.output<typeof createQuoteSchema>>({
    resolver: zodResolver(createQuoteSchema),
    defaultValues: { articleId: article.id, articleVersion: article.version, start: anchor.start, end: anchor.end, exact: anchor.exact, speakerId: "", claimId: "" },
  });
  return (
    <form
      className="form"
      noValidate
      onSubmit={handleSubmit(async (values) => {
        setProblem(null);
        const result = await createQuoteAction(values);
        if (!result.ok) {
          setProblem(applyActionErrors(result, setError, ["speakerId", "claimId"]).message);
          return;
        }
        router.refresh();
        onDone("Quote created and confirmed.");
      })}
    >
      {problem && (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      )}
      <SelectField id="nq-speaker" label="Speaker" empty="No speaker" options={speakers.map((s) => ({ value: s.id, label: s.name }))} {...register("speakerId")} />
      <div className="field">
        <label htmlFor="nq-claim">Claim</label>
        <select id="nq-claim" {...register("claimId")}>
          <option value="">No claim yet</option>
          {claims.map((c) => (
            <option key={c.id} value={c.id}>
              {c.canonical.length > 70 ? `${c.canonical.slice(0, 70)}…` : c.canonical}
            </option>
          ))}
        </select>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--small" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Saving…" : "Create quote"}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

type AnnotationValues = z.input<typeof createAnnotationSchema>;

function NewAnnotationForm({
  article,
  anchor,
  claims,
  onDone,
  onCancel,
}: {
  article: { id: string; version: number };
  anchor: TextAnchor;
  claims: { id: string; canonical: string }[];
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<AnnotationValues, unknown, z.output<typeof createAnnotationSchema>>({
    resolver: zodResolver(createAnnotationSchema),
    defaultValues: { articleId: article.id, articleVersion: article.version, start: anchor.start, end: anchor.end, exact: anchor.exact, body: "", motivation: "commenting", claimId: "" },
  });
  return (
    <form
      className="form"
      noValidate
      onSubmit={handleSubmit(async (values) => {
        setProblem(null);
        const result = await createAnnotationAction(values);
        if (!result.ok) {
          setProblem(applyActionErrors(result, setError, ["body", "motivation", "claimId"]).message);
          return;
        }
        router.refresh();
        onDone("Annotation added.");
      })}
    >
      {problem && (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      )}
      <div className="field">
        <label htmlFor="na-body">Note</label>
        <textarea id="na-body" className="short" aria-invalid={Boolean(formState.errors.body)} {...register("body")} />
        {formState.errors.body && <span className="field__error">{formState.errors.body.message}</span>}
      </div>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="na-motivation">Kind</label>
          <select id="na-motivation" {...register("motivation")}>
            {motivationValues.map((m) => (
              <option key={m} value={m}>
                {m[0].toUpperCase() + m.slice(1)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="na-claim">About claim</label>
          <select id="na-claim" {...register("claimId")}>
            <option value="">None</option>
            {claims.map((c) => (
              <option key={c.id} value={c.id}>
                {c.canonical.length > 60 ? `${c.canonical.slice(0, 60)}…` : c.canonical}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--small" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Saving…" : "Add annotation"}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function AnnotationItem({ annotation: a }: { annotation: WorkspaceAnnotation }) {
  const { run, busy, problem } = useActionRunner();
  const [confirming, setConfirming] = useState(false);
  return (
    <li>
      <div className="annotation-quote">“{a.exact.length > 100 ? `${a.exact.slice(0, 100)}…` : a.exact}”</div>
      <p className="annotation-body">{a.body}</p>
      <div className="meta">
        <span className="badge">{a.motivation}</span>
        <span className={`badge ${a.isPublic ? "badge--accent" : ""}`} title={a.isPublic ? "In the public annotation export while its claim is published" : "Only editors see it"}>
          {a.isPublic ? "public" : "private"}
        </span>
        <AnchorBadge status={a.anchorStatus} score={a.anchorScore} />
        <span>{a.authorName ?? "unknown"}</span>
        {a.claim && <Link href={`/editor/claims/${a.claim.id}`}>on a claim</Link>}
        <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => run(() => setAnnotationPublicAction({ id: a.id, version: a.version, isPublic: !a.isPublic }))}>
          {a.isPublic ? "Make private" : "Make public"}
        </button>
        {confirming ? (
          <>
            <button type="button" className="button button--danger button--small" disabled={busy} onClick={() => run(() => deleteAnnotationAction({ id: a.id, version: a.version }))}>
              Delete
            </button>
            <button type="button" className="button button--secondary button--small" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </>
        ) : (
          <button type="button" className="button button--secondary button--small" onClick={() => setConfirming(true)}>
            Delete…
          </button>
        )}
      </div>
      {problem && (
        <p className="field__error" role="alert">
          {problem.message}
        </p>
      )}
    </li>
  );
}
