"use client";

import Link from "next/link";
import { useState } from "react";
import { deleteAnnotationAction, setAnnotationPublicAction } from "@/app/(editor)/editor/_actions/articles";
import { useActionRunner } from "@/app/(editor)/editor/_components/action-result";
import { AnchorBadge, ClaimStatusBadge, ReviewBadge, claimHue } from "@/app/(editor)/editor/_components/status-badge";
import { placed, type WorkspaceAnnotation, type WorkspaceQuote } from "./workspace-types";

/** The article's quotes beside its text: a placed quote's words scroll the text to it, an orphan's cannot. */
export function QuoteList({ quotes, activeQuote, onFocus }: { quotes: WorkspaceQuote[]; activeQuote: string | null; onFocus: (id: string) => void }) {
  return (
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
                <button type="button" className="linklike" onClick={() => onFocus(q.id)}>
                  “{q.exact.length > 140 ? `${q.exact.slice(0, 140)}…` : q.exact}”
                </button>
              ) : (
                <span className="orphan-text">“{q.exact.length > 140 ? `${q.exact.slice(0, 140)}…` : q.exact}”</span>
              )}
              <div className="meta">
                <ReviewBadge status={q.reviewStatus} />
                <AnchorBadge status={q.anchorStatus} />
                <span>{q.speaker?.name ?? "no speaker"}</span>
                {q.page && <span>{q.page}</span>}
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
  );
}

/** The article's annotations, each with make public/private and delete. */
export function AnnotationList({ annotations }: { annotations: WorkspaceAnnotation[] }) {
  return (
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
