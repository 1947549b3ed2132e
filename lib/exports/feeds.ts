import "server-only";
import { allPublicQuotes, listPublicAnnotations, type QuoteFilter } from "../api/read";
import { bodiesWithAstralCharacters } from "../articles";
import { buildClaimReview, siteUrl } from "../claim-review";
import { listPublishedClaimSlugs, loadPublishedClaim } from "../claims";
import { prisma } from "../db";
import { toCsv } from "./csv";
import { annotationCollection, noteAnnotation, quoteAnnotation } from "./web-annotation";

/** Every rated published claim as schema.org ClaimReview, in a schema.org DataFeed. */
export async function claimReviewFeed(base = siteUrl()) {
  const items = [];
  for (const slug of await listPublishedClaimSlugs()) {
    const claim = await loadPublishedClaim(slug);
    const review = claim && buildClaimReview(claim, base);
    if (review) {
      items.push(Object.fromEntries(Object.entries(review).filter(([key]) => key !== "@context")));
    }
  }
  return { "@context": "https://schema.org", "@type": "DataFeed", name: "Claimscope claim reviews", url: `${base}/api/export/claim-review`, dateModified: new Date().toISOString(), dataFeedElement: items };
}

/** Quotes (and annotations about published claims) as a W3C AnnotationCollection. */
export async function webAnnotationExport(filter: QuoteFilter = {}, base = siteUrl()) {
  const items: object[] = [];
  for await (const batch of allPublicQuotes(filter)) {
    const bodies = await bodiesWithAstralCharacters([...new Set(batch.map((q) => q.article.slug))]);
    for (const q of batch) {
      items.push(
        quoteAnnotation(
          {
            id: q.id,
            exact: q.exact,
            prefix: q.prefix,
            suffix: q.suffix,
            start: q.start,
            end: q.end,
            articleBody: bodies.get(q.article.slug) ?? null,
            articleSlug: q.article.slug,
            speaker: q.speaker?.name ?? null,
            verb: q.verb,
            fidelity: q.fidelity,
            claimSlug: q.claim?.slug ?? null,
            createdAt: q.createdAt,
            updatedAt: q.updatedAt,
          },
          base,
        ),
      );
    }
  }
  if (!filter.outlet && !filter.article) {
    const notes = await listPublicAnnotations();
    const bodies = await bodiesWithAstralCharacters([...new Set(notes.map((n) => n.article.slug))]);
    for (const n of notes) {
      if (filter.claim && n.claim?.slug !== filter.claim) continue;
      items.push(
        noteAnnotation(
          {
            id: n.id,
            exact: n.exact,
            prefix: n.prefix,
            suffix: n.suffix,
            start: n.start,
            end: n.end,
            articleBody: bodies.get(n.article.slug) ?? null,
            articleSlug: n.article.slug,
            body: n.body,
            motivation: n.motivation,
            claimSlug: n.claim?.slug ?? null,
            createdAt: n.createdAt.toISOString(),
            updatedAt: n.updatedAt.toISOString(),
          },
          base,
        ),
      );
    }
  }
  return annotationCollection(items, base, `${base}/api/export/annotations`);
}

export async function claimsCsv(base = siteUrl()): Promise<string> {
  const claims = await prisma.claim.findMany({
    where: { status: "published" },
    orderBy: [{ publishedAt: "desc" }, { slug: "asc" }],
    select: {
      slug: true,
      canonical: true,
      publishedAt: true,
      speaker: { select: { name: true } },
      sourceDocument: { select: { title: true, url: true } },
      rating: { select: { fidelityRating: true, framingRating: true, verdictLabel: { select: { name: true } } } },
      tags: { select: { tag: { select: { name: true } } } },
      _count: { select: { quotes: { where: { reviewStatus: { not: "rejected" } } } } },
    },
  });
  return toCsv(
    ["slug", "claim", "speaker", "source", "source_url", "verdict", "fidelity_rating", "framing_rating", "tags", "quotes", "published_at", "url"],
    claims.map((c) => [
      c.slug,
      c.canonical,
      c.speaker?.name,
      c.sourceDocument?.title,
      c.sourceDocument?.url,
      c.rating?.verdictLabel.name,
      c.rating?.fidelityRating,
      c.rating?.framingRating,
      c.tags.map((t) => t.tag.name),
      c._count.quotes,
      c.publishedAt?.toISOString(),
      `${base}/claims/${c.slug}`,
    ]),
  );
}

export async function quotesCsv(filter: QuoteFilter = {}): Promise<string> {
  const rows: unknown[][] = [];
  for await (const batch of allPublicQuotes(filter)) {
    for (const q of batch) {
      rows.push([
        q.id,
        q.claim?.slug,
        q.outlet.name,
        q.article.title,
        q.article.url ?? q.article.page,
        q.article.publishedAt,
        q.exact,
        q.speaker?.name,
        q.cue,
        q.verb,
        q.fidelity,
        q.inHeadline ? "yes" : "no",
        q.paragraphIndex,
        q.hedges,
        q.tags.map((t) => t.name),
        q.start,
        q.end,
      ]);
    }
  }
  return toCsv(
    ["id", "claim", "outlet", "article", "article_url", "article_published_at", "exact", "speaker", "cue", "verb", "fidelity", "in_headline", "paragraph", "hedges", "tags", "start", "end"],
    rows,
  );
}
