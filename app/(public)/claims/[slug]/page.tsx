import { cache } from "react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ClaimTimeline } from "@/app/(public)/claims/[slug]/_components/claim-timeline";
import { CoverageChart } from "@/app/(public)/claims/[slug]/_components/coverage-chart";
import { FramingMatrix } from "@/app/(public)/claims/[slug]/_components/framing-matrix";
import { formatDate, plural } from "@/components/format";
import { Pagination } from "@/components/pagination";
import { RatingScale } from "@/app/(public)/claims/[slug]/_components/rating-scale";
import { ClaimTrendFigure } from "@/components/claim-trend";
import { TagChip } from "@/components/tag-chip";
import { DiffLegend } from "@/app/(public)/claims/[slug]/_components/word-diff-view";
import { buildClaimReview, jsonLdScript } from "@/lib/claim-review-jsonld";
import { claimUrl, SITE_NAME } from "@/lib/site-url";
import { getPublishedClaim } from "@/lib/claim-page";
import { getClaimTrend } from "@/lib/claim-trends";
import { siteUrl } from "@/lib/site-url";

// One database read per request for the metadata and the page.
const getClaim = cache(getPublishedClaim);

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The quotes page asked for (`?page=N`); anything else is the first. */
const pageOf = (raw: string | string[] | undefined) => Number.parseInt(String(Array.isArray(raw) ? raw[0] : (raw ?? "1")), 10) || 1;

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const claim = await getClaim((await params).slug, pageOf((await searchParams).page));
  if (!claim) return { title: "Claim not found" };
  const base = await siteUrl();
  const outlets = claim.coverage.length;
  const verdict = claim.rating ? `${claim.rating.verdict.name}. ` : "";
  // The editor's wording is a summary, never put in quotation marks; only the source's own words are.
  const description = `${verdict}How ${plural(outlets, "outlet")} quoted and framed ${claim.speaker ? `a claim by ${claim.speaker.name}` : "this claim"}: ${claim.canonical}`;
  return {
    title: claim.canonical.length > 80 ? `${claim.canonical.slice(0, 77)}…` : claim.canonical,
    description,
    alternates: { canonical: claimUrl(claim.slug, base) },
    openGraph: {
      type: "article",
      siteName: SITE_NAME,
      url: claimUrl(claim.slug, base),
      title: `Claim review: ${claim.canonical}`,
      description,
      publishedTime: claim.publishedAt ?? undefined,
      modifiedTime: claim.updatedAt,
      tags: claim.tags.map((t) => t.name),
    },
    twitter: { card: "summary", title: `Claim review: ${claim.canonical}`, description },
  };
}

// Rendered per request (Next caches nothing): the public cache in front of Next
// (lib/public-cache/) keeps the response until a write purges its keys.
export default async function ClaimPage({ params, searchParams }: Props) {
  await connection();
  const claim = await getClaim((await params).slug, pageOf((await searchParams).page));
  if (!claim) notFound();
  const review = buildClaimReview(claim, await siteUrl());
  // Confirmed quotes only, as everywhere readers look (lib/visibility.ts).
  const trend = await getClaimTrend(claim.id, "public", { publishedAt: claim.publishedAt, ratingPublishedAt: claim.rating?.publishedAt ?? null });
  const outletCount = claim.coverage.length;
  const hasCounterClaim = claim.rows.some((r) => r.counter !== null);
  const passage = claim.source?.passage;

  return (
    <article className="claim-page">
      {review && <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdScript(review) }} />}
      <header className="claim-head">
        <p className="eyebrow">Claim review</p>
        <h1 className="claim-head__text" data-testid="claim-summary">
          {claim.canonical}
        </h1>
        {claim.quotedWords && (
          <figure className="claim-head__words" data-testid="claim-words">
            <blockquote>“{claim.quotedWords.text}”</blockquote>
            <figcaption className="muted small">
              {claim.quotedWords.from === "source" ? "The source's words" : `Quoted word for word by ${claim.quotedWords.by}`}
            </figcaption>
          </figure>
        )}
        <p className="claim-head__meta">
          {claim.speaker ? (
            <>
              <Link href={`/speakers/${claim.speaker.slug}`}>{claim.speaker.name}</Link>
              {claim.speaker.title && <span className="speaker-title">, {claim.speaker.title}</span>}
            </>
          ) : (
            <span>Unattributed</span>
          )}
          {claim.source && (
            <>
              {" in "}
              <cite>{claim.source.title}</cite>
              {claim.source.publishedAt && <>, {formatDate(claim.source.publishedAt)}</>}
            </>
          )}
          {" · "}
          {plural(claim.quoteCount, "quote")} in {plural(outletCount, "outlet")}
        </p>
        {claim.tags.length > 0 && (
          <ul className="inline-list" aria-label="Tags">
            {claim.tags.map((t) => (
              <li key={t.slug}>
                <TagChip tag={t} href={`/claims?tag=${encodeURIComponent(t.slug)}`} />
              </li>
            ))}
          </ul>
        )}
        {claim.summary && <p className="lede">{claim.summary}</p>}
        {claim.corrections.length > 0 && (
          <ul className="corrections" aria-label="Corrections">
            {claim.corrections.map((c) => (
              <li key={c.date} className="notice small">
                <strong>
                  Updated on <time dateTime={c.date}>{formatDate(c.date)}</time>:
                </strong>{" "}
                {c.note}
              </li>
            ))}
          </ul>
        )}
      </header>

      <div className="claim-grid">
        <section className="card verdict" aria-labelledby="verdict-heading">
          <h2 id="verdict-heading" className="eyebrow">
            Verdict
          </h2>
          {claim.rating ? (
            <>
              <p className={`verdict__label verdict__label--${claim.rating.verdict.ratingValue ?? "off-scale"}`}>{claim.rating.verdict.name}</p>
              {claim.rating.verdictExplanation && <p>{claim.rating.verdictExplanation}</p>}
              <RatingScale
                label="Fidelity"
                value={claim.rating.fidelityRating}
                low="distorted"
                high="faithful"
                explanation={claim.rating.fidelityExplanation}
              />
              <RatingScale
                label="Framing"
                value={claim.rating.framingRating}
                low="loaded"
                high="neutral"
                explanation={claim.rating.framingExplanation}
              />
              <p className="muted small">
                Reviewed{claim.rating.reviewer ? ` by ${claim.rating.reviewer}` : ""}
                {claim.rating.publishedAt ? `, ${formatDate(claim.rating.publishedAt)}` : ""}.
              </p>
            </>
          ) : (
            <p className="muted">Not rated yet.</p>
          )}
        </section>

        <section className="card source" aria-labelledby="source-heading">
          <h2 id="source-heading" className="eyebrow">
            The source
          </h2>
          {claim.source ? (
            <>
              <p className="source__title">
                {claim.source.url ? (
                  <a href={claim.source.url} rel="noopener noreferrer nofollow">
                    {claim.source.title}
                  </a>
                ) : (
                  claim.source.title
                )}
              </p>
              {passage ? (
                <blockquote className="source__passage">
                  {passage.before && <span className="muted">…{passage.before}</span>}
                  <mark>{passage.text}</mark>
                  {passage.after && <span className="muted">{passage.after}…</span>}
                </blockquote>
              ) : (
                <p className="muted small">The passage has not been located in the source yet; quotes are compared with the whole document.</p>
              )}
            </>
          ) : (
            <p className="muted small">No source document is on file, so no quote has been checked against the source: fidelity is unchecked.</p>
          )}
          {claim.rebuts && (
            <p className="small">
              This claim answers <Link href={`/claims/${claim.rebuts.slug}`}>{claim.rebuts.canonical}</Link>.
            </p>
          )}
          {claim.rebuttals.length > 0 && (
            <div className="small">
              <p className="source__rebuttals">Answered by:</p>
              <ul>
                {claim.rebuttals.map((r) => (
                  <li key={r.slug}>
                    <Link href={`/claims/${r.slug}`}>{r.canonical}</Link>
                    {r.speaker && <span className="muted"> ({r.speaker})</span>}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </section>
      </div>

      <section className="section" aria-labelledby="matrix-heading">
        <div className="section__head">
          <h2 id="matrix-heading">How each outlet framed it</h2>
        </div>
        {claim.rows.length === 0 ? (
          <p className="empty">No outlet quotes of this claim have been reviewed yet.</p>
        ) : (
          <>
            <DiffLegend />
            <FramingMatrix rows={claim.rows} hasCounterClaim={hasCounterClaim || claim.counterClaims.length > 0} />
            <Pagination page={claim.page} pageCount={claim.pageCount} href={(page) => `/claims/${claim.slug}${page > 1 ? `?page=${page}` : ""}`} />
          </>
        )}
      </section>

      {claim.timeline.length > 0 && (
        <div className="claim-columns section">
          <section aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">How the wording travelled</h2>
            <ClaimTimeline steps={claim.timeline} />
          </section>
          <section aria-labelledby="coverage-heading">
            <h2 id="coverage-heading">Coverage by outlet</h2>
            <figure className="card coverage">
              <CoverageChart data={claim.coverage} label="Quotes per outlet by fidelity" />
              <div className="table-wrap">
                <table className="table table--compact">
                  <caption className="small muted">Reviewed quotes per outlet, by fidelity against the source</caption>
                  <thead>
                    <tr>
                      <th scope="col">Outlet</th>
                      <th scope="col">Quotes</th>
                      <th scope="col">Verbatim</th>
                      <th scope="col">Trimmed</th>
                      <th scope="col">Altered</th>
                    </tr>
                  </thead>
                  <tbody>
                    {claim.coverage.map((c) => (
                      <tr key={c.slug}>
                        <th scope="row">
                          <Link href={`/outlets/${c.slug}`}>{c.outlet}</Link>
                        </th>
                        <td>{c.quotes}</td>
                        <td>{c.verbatim}</td>
                        <td>{c.trimmed}</td>
                        <td>{c.altered}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </figure>
          </section>
        </div>
      )}
      {trend && trend.total > 0 && (
        <section className="section" aria-labelledby="trend-heading">
          <h2 id="trend-heading">Repeats over time</h2>
          <ClaimTrendFigure trend={trend} articleHref={(a) => `/articles/${a.slug}`} />
        </section>
      )}
      <p className="muted small section">
        Data: <a href={`/api/claims/${claim.slug}`}>JSON</a> · <a href="/api/export/claim-review">ClaimReview feed</a> ·{" "}
        <a href={`/api/export/quotes.csv?claim=${encodeURIComponent(claim.slug)}`}>quotes as CSV</a>
      </p>
    </article>
  );
}
