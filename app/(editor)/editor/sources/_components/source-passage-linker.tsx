"use client";

import Link from "next/link";
import { useMemo, useRef, useState } from "react";
import { useActionRunner } from "@/app/(editor)/editor/_components/action-result";
import { useFinishedSelection } from "@/app/(editor)/editor/_components/dom-selection";
import { ClaimPicker, type ClaimPickerOption } from "@/app/(editor)/editor/_components/claim-picker";
import { segmentBody } from "@/lib/anchoring/segments";
import { pageCitation, pageNumberAt } from "@/lib/source-pages";
import { linkClaimSourceAction } from "@/app/(editor)/editor/_actions/sources";

interface LinkedClaim {
  id: string;
  canonical: string;
  status: string;
  sourceStart: number | null;
  sourceEnd: number | null;
}

/** Widens a selection to whole words: a drag that starts or ends mid-word takes the word. */
function wholeWords(text: string, start: number, end: number): { start: number; end: number } {
  const word = (i: number) => /[\p{L}\p{N}]/u.test(text[i] ?? "");
  while (start > 0 && word(start - 1) && word(start)) start--;
  while (end < text.length && word(end) && word(end - 1)) end++;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

/**
 * The source's text, with the passages claims are linked to marked and the page
 * each paragraph is on. Selecting a sentence offers to link a claim to it: the
 * claim's passage, and the text its quotes' fidelity is measured against.
 */
export function SourcePassageLinker({
  source,
  claims,
  linked,
}: {
  source: { id: string; version: number; text: string; pageStarts: number[] };
  claims: ClaimPickerOption[];
  linked: LinkedClaim[];
}) {
  const textRef = useRef<HTMLDivElement>(null);
  const [pending, setPending] = useState<{ start: number; end: number } | null>(null);
  const [claimId, setClaimId] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const { run, busy, problem } = useActionRunner();

  const spans = useMemo(
    () =>
      linked
        .filter((c) => c.sourceStart !== null && c.sourceEnd !== null)
        .map((c) => ({ start: c.sourceStart!, end: c.sourceEnd!, data: { claim: c } as { claim?: LinkedClaim } }))
        .concat(pending ? [{ start: pending.start, end: pending.end, data: {} }] : []),
    [linked, pending],
  );
  const paragraphs = useMemo(() => segmentBody(source.text, spans), [source.text, spans]);

  useFinishedSelection(textRef, (start, end) => {
    const span = wholeWords(source.text, start, end);
    if (span.end <= span.start) return false;
    setPending(span);
    setDone(null);
    return true;
  });

  // A page marker before the first paragraph of each page.
  const markers = paragraphs.map((p, i) => {
    const page = pageNumberAt(source.pageStarts, p.start);
    return page !== null && (i === 0 || pageNumberAt(source.pageStarts, paragraphs[i - 1].start) !== page) ? page : null;
  });
  const exact = pending ? source.text.slice(pending.start, pending.end) : "";
  return (
    <div className="claim-grid">
      <section className="card" aria-label="Source text">
        <h2>Text</h2>
        <p className="small muted">Select the sentence that states a claim to link the claim to it.</p>
        <div ref={textRef} className="article-body source-text" data-testid="source-text">
          {paragraphs.map((p, i) => {
            const marker = markers[i];
            return (
              <p key={p.start}>
                {marker !== null && (
                  <span className="badge source-text__page" aria-label={`Page ${marker}`}>
                    p. {marker}
                  </span>
                )}
                {p.runs.map((r) => {
                  const claim = r.spans.find((s) => s.data.claim)?.data.claim;
                  const isPending = pending !== null && r.start >= pending.start && r.end <= pending.end;
                  return (
                    <span
                      key={r.start}
                      data-start={r.start}
                      data-end={r.end}
                      className={isPending ? "hl--pending" : claim ? "hl--quote" : undefined}
                      title={claim ? `Passage of: ${claim.canonical}` : undefined}
                    >
                      {r.text}
                    </span>
                  );
                })}
              </p>
            );
          })}
        </div>
      </section>
      <aside className="stack">
        <section className="card" aria-label="Link a claim">
          <h2>Link a claim</h2>
          {pending ? (
            <form
              className="form"
              aria-label="Link a claim to the selected passage"
              onSubmit={async (e) => {
                e.preventDefault();
                const result = await run(() =>
                  linkClaimSourceAction({ claimId, sourceDocumentId: source.id, sourceVersion: source.version, start: pending.start, end: pending.end, exact }),
                );
                if (result) {
                  setDone(`Linked. The claim's quotes were measured against this passage's source.`);
                  setPending(null);
                }
              }}
            >
              <blockquote className="small" data-testid="pending-passage">
                {exact}
                {pageCitation(source.pageStarts, pending.start, pending.end) && <span className="muted"> ({pageCitation(source.pageStarts, pending.start, pending.end)})</span>}
              </blockquote>
              <ClaimPicker id="link-claim" label="Claim" options={claims} value={claimId} onChange={setClaimId} />
              {problem && (
                <p className="notice notice--error" role="alert">
                  {problem.message}
                </p>
              )}
              <div className="row">
                <button type="submit" className="button" disabled={busy || !claimId}>
                  Link claim to this passage
                </button>
                <button type="button" className="button button--ghost" onClick={() => setPending(null)}>
                  Cancel
                </button>
              </div>
            </form>
          ) : (
            <p className="small muted">No passage selected.</p>
          )}
          {done && (
            <p className="notice notice--ok" role="status">
              {done}
            </p>
          )}
        </section>
        <section className="card" aria-label="Linked claims">
          <h2>Claims from this source</h2>
          {linked.length === 0 ? (
            <p className="small muted">None yet.</p>
          ) : (
            <ul className="small">
              {linked.map((c) => (
                <li key={c.id}>
                  <Link href={`/editor/claims/${c.id}`}>{c.canonical}</Link>{" "}
                  <span className="muted">
                    {c.sourceStart !== null && c.sourceEnd !== null
                      ? (pageCitation(source.pageStarts, c.sourceStart, c.sourceEnd) ?? "passage linked")
                      : "no passage: select it in the text"}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </aside>
    </div>
  );
}
