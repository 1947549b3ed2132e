import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { ClaimEditForm } from "@/app/(editor)/editor/claims/_components/claim-edit-form";
import { ClaimQuotes } from "@/app/(editor)/editor/claims/_components/claim-quotes";
import { MergeClaimForm } from "@/app/(editor)/editor/claims/_components/merge-claim-form";
import { RatingForm } from "@/app/(editor)/editor/claims/_components/rating-form";
import { WorkflowControls } from "@/app/(editor)/editor/claims/_components/workflow-controls";
import { HistoryList } from "@/app/(editor)/editor/_components/history-list";
import { Card, RecordPage } from "@/app/(editor)/editor/_components/record-page";
import { ClaimStatusBadge } from "@/app/(editor)/editor/_components/status-badge";
import { TagPicker } from "@/app/(editor)/editor/_components/tag-picker";
import { ClaimTrendFigure } from "@/components/claim-trend";
import { requireEditor } from "@/lib/auth";
import { getClaimTrend } from "@/lib/claim-trends";
import { getClaimForEditor, listClaimsForEditor, listSourceDocumentOptions } from "@/lib/claim-edits";
import { findMergeSurvivor, getClaimHistory } from "@/lib/audit";
import { listSpeakerOptions } from "@/lib/quotes";
import { listVerdictLabels } from "@/lib/ratings";
import { listTags } from "@/lib/tags";
import { isPublicClaim } from "@/lib/visibility";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const claim = await getClaimForEditor((await params).id);
  return { title: claim ? `Claim: ${claim.canonical.slice(0, 60)}` : "Claim" };
}

export default async function ClaimPage({ params }: Props) {
  const { id } = await params;
  await requireEditor(`/editor/claims/${id}`);
  const claim = await getClaimForEditor(id);
  if (!claim) {
    const survivor = await findMergeSurvivor(id);
    if (survivor) redirect(`/editor/claims/${survivor}?merged=${id}`);
    notFound();
  }
  const [speakers, documents, allClaims, labels, tags, history, trend] = await Promise.all([
    listSpeakerOptions(),
    listSourceDocumentOptions(),
    listClaimsForEditor(),
    listVerdictLabels(),
    listTags(),
    getClaimHistory(id),
    getClaimTrend(id, "editor"),
  ]);
  const others = allClaims.filter((c) => c.id !== claim.id).map((c) => ({ id: c.id, canonical: c.canonical, status: c.status, quotes: c._count.quotes }));
  const confirmed = claim.quotes.filter((q) => q.reviewStatus === "confirmed").length;
  // Readers see confirmed quotes only (lib/visibility.ts): new suggestions on a published claim wait for an editor.
  const awaiting = claim.quotes.filter((q) => q.reviewStatus === "suggested").length;
  return (
    <RecordPage
      trail={
        <>
          <Link href="/editor/claims">Claims</Link>
          {claim.speaker ? ` · ${claim.speaker.name}` : ""}
        </>
      }
      head={
        <div style={{ maxWidth: "70ch" }}>
          <h1 className="quote-title">{claim.canonical}</h1>
          <div className="row">
            <ClaimStatusBadge status={claim.status} />
            <span className="muted small">
              {claim.quotes.length} {claim.quotes.length === 1 ? "quote" : "quotes"} ({confirmed} confirmed) · version {claim.version}
            </span>
            {isPublicClaim(claim) && <Link href={`/claims/${claim.slug}`} className="small">Public page</Link>}
          </div>
        </div>
      }
      banner={
        <>
          {claim.status === "published" && awaiting > 0 && (
            <p className="notice" role="status" data-testid="awaiting-review">
              <strong>
                {awaiting} new {awaiting === 1 ? "quote" : "quotes"} awaiting review
              </strong>{" "}
              — readers see only confirmed quotes. <Link href={`/editor/review?claim=${claim.id}`}>Review them</Link>
            </p>
          )}
          <section className="card" aria-label="Workflow" style={{ marginBottom: "1.25rem" }}>
            <WorkflowControls claim={{ id: claim.id, version: claim.version, status: claim.status }} />
            {claim.status !== "published" && (!claim.rating || confirmed === 0) && (
              <p className="small muted" style={{ margin: "0.5rem 0 0" }}>
                To publish: {[!claim.rating && "rate the claim", confirmed === 0 && "confirm at least one quote"].filter(Boolean).join(" and ")}.
              </p>
            )}
          </section>
        </>
      }
      history={<HistoryList events={history} subjectLabel={(e) => (e.entityType === "rating" ? "rating" : e.entityId !== claim.id ? "a claim merged into this one" : null)} />}
      aside={
        <>
          <Card title="Rating">
            <RatingForm
              claimId={claim.id}
              published={claim.status === "published"}
              labels={labels}
              rating={
                claim.rating
                  ? {
                      version: claim.rating.version,
                      verdictLabelId: claim.rating.verdictLabelId,
                      verdictExplanation: claim.rating.verdictExplanation,
                      fidelityRating: claim.rating.fidelityRating,
                      fidelityExplanation: claim.rating.fidelityExplanation,
                      framingRating: claim.rating.framingRating,
                      framingExplanation: claim.rating.framingExplanation,
                    }
                  : null
              }
            />
            {claim.rating?.reviewer && <p className="small muted" style={{ marginTop: "0.5rem" }}>Last rated by {claim.rating.reviewer.name}.</p>}
          </Card>
          <Card title="Tags">
            <TagPicker target="claim" targetId={claim.id} attached={claim.tags.map((t) => t.tag)} all={tags} />
          </Card>
          <Card title="Merge">
            <p className="small muted">Fold a duplicate claim into this one.</p>
            <MergeClaimForm claim={{ id: claim.id, version: claim.version }} others={others} />
          </Card>
        </>
      }
    >
      <Card title="Claim">
        <ClaimEditForm
          claim={{
            id: claim.id,
            version: claim.version,
            slug: claim.slug,
            canonical: claim.canonical,
            summary: claim.summary,
            speakerId: claim.speakerId,
            sourceDocumentId: claim.sourceDocumentId,
            rebutsId: claim.rebutsId,
          }}
          speakers={speakers}
          documents={documents}
          claims={others}
        />
        {claim.rebuttals.length > 0 && (
          <p className="small muted" style={{ marginTop: "0.75rem" }}>
            Answered by:{" "}
            {claim.rebuttals.map((r, i) => (
              <span key={r.id}>
                {i > 0 && "; "}
                <Link href={`/editor/claims/${r.id}`}>{r.canonical}</Link>
              </span>
            ))}
          </p>
        )}
      </Card>
      <Card title="Quotes">
        <ClaimQuotes claim={{ id: claim.id, version: claim.version, canonical: claim.canonical }} quotes={claim.quotes} />
      </Card>
      {trend && trend.total > 0 && (
        <section className="card" aria-labelledby="trend-heading">
          <h2 id="trend-heading">Repeats over time</h2>
          <ClaimTrendFigure trend={trend} articleHref={(a) => `/editor/articles/${a.id}`} note="suggestions not yet reviewed included; readers see confirmed quotes only" />
        </section>
      )}
    </RecordPage>
  );
}
