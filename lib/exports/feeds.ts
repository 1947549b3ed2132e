import "server-only";
import { textAnchorOf, type TextAnchor } from "../anchoring/selectors";
import { allPublicQuotes, listPublicAnnotations, type QuoteFilter } from "../api/read";
import { bodiesWithAstralCharacters } from "../articles";
import { buildClaimReview, type ClaimReviewJson } from "../claim-review-jsonld";
import { prisma } from "../db";
import { publicQuoteCountsByClaim } from "../quote-counts";
import { siteUrl } from "../site-url";
import { publicClaimWhere, publicQuoteWhere } from "../visibility";
import { toCsv, toCsvRows } from "./csv";
import { annotationCollectionChunks, noteAnnotation, quoteAnnotation } from "./web-annotation";

const FEED_BATCH = 500;

/**
 * Every rated published claim as schema.org ClaimReview, in batches of
 * FEED_BATCH claims, oldest id first: the same statements for each batch (the
 * claims with their rating, speaker and source, then the articles their visible
 * quotes appear in), never one per claim; memory stays that of one batch. `batch`
 * (claims per batch) is for tests that cross a batch's end.
 */
export async function* claimReviews(baseUrl?: string, batch = FEED_BATCH): AsyncGenerator<ClaimReviewJson> {
  const base = baseUrl ?? (await siteUrl());
  let cursor: string | undefined;
  for (;;) {
    const claims = await prisma.claim.findMany({
      where: { ...publicClaimWhere, rating: { isNot: null } },
      orderBy: { id: "asc" },
      take: batch,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      select: {
        id: true,
        slug: true,
        canonical: true,
        publishedAt: true,
        speaker: { select: { name: true, kind: true, title: true } },
        sourceDocument: { select: { title: true, url: true, publishedAt: true } },
        rating: { select: { publishedAt: true, verdictLabel: { select: { name: true, ratingValue: true } } } },
        corrections: { orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true, note: true } },
      },
    });
    if (claims.length === 0) return;
    cursor = claims[claims.length - 1].id;
    const quotes = await prisma.quote.findMany({
      where: { ...publicQuoteWhere, claimId: { in: claims.map((c) => c.id) } },
      select: {
        claimId: true,
        start: true,
        articleId: true,
        article: { select: { slug: true, title: true, url: true, publishedAt: true, createdAt: true, outlet: { select: { name: true } } } },
      },
    });
    const byClaim = new Map<string, typeof quotes>();
    for (const q of quotes) byClaim.set(q.claimId!, [...(byClaim.get(q.claimId!) ?? []), q]);
    for (const c of claims) {
      // Oldest article first, as on the claim page.
      const when = (q: (typeof quotes)[number]) => (q.article.publishedAt ?? q.article.createdAt).getTime();
      const rows = (byClaim.get(c.id) ?? [])
        .sort((x, y) => when(x) - when(y) || x.articleId.localeCompare(y.articleId) || x.start - y.start)
        .map((q) => ({
          article: { slug: q.article.slug, title: q.article.title, url: q.article.url, publishedAt: q.article.publishedAt?.toISOString() ?? null },
          outlet: { name: q.article.outlet.name },
        }));
      const review = buildClaimReview(
        {
          slug: c.slug,
          canonical: c.canonical,
          publishedAt: c.publishedAt?.toISOString() ?? null,
          speaker: c.speaker,
          source: c.sourceDocument ? { ...c.sourceDocument, publishedAt: c.sourceDocument.publishedAt?.toISOString() ?? null } : null,
          rating: c.rating && { verdict: c.rating.verdictLabel, publishedAt: c.rating.publishedAt?.toISOString() ?? null },
          rows,
          corrections: c.corrections.map((k) => ({ date: k.createdAt.toISOString(), note: k.note })),
        },
        base,
      );
      if (review) yield review;
    }
  }
}

/** The ClaimReview DataFeed as JSON text, streamed item by item (constant memory at any size). */
export async function* claimReviewFeedJson(baseUrl?: string): AsyncGenerator<string> {
  const base = baseUrl ?? (await siteUrl());
  const head = { "@context": "https://schema.org", "@type": "DataFeed", name: "Claimscope claim reviews", url: `${base}/api/export/claim-review`, dateModified: new Date().toISOString() };
  yield `${JSON.stringify(head).slice(0, -1)},"dataFeedElement":[`;
  let first = true;
  for await (const review of claimReviews(base)) {
    const item = Object.fromEntries(Object.entries(review).filter(([key]) => key !== "@context"));
    yield `${first ? "" : ","}${JSON.stringify(item)}`;
    first = false;
  }
  yield "]}";
}

/** What a quote's and an annotation's W3C item both say of the span: its id, its anchor and its article (`bodies`: from bodiesWithAstralCharacters). */
function annotatedSpan(row: TextAnchor & { id: string; article: { slug: string } }, bodies: Map<string, string>) {
  return { id: row.id, ...textAnchorOf(row), articleBody: bodies.get(row.article.slug) ?? null, articleSlug: row.article.slug };
}

/**
 * Published quotes (and, unless filtered by outlet or article, public editor
 * annotations) as one W3C AnnotationCollection, as JSON text in chunks
 * (annotationCollectionChunks): quotes in batches as allPublicQuotes reads
 * them, so memory stays that of one batch at any size.
 */
export async function* webAnnotationExportChunks(filter: QuoteFilter = {}, baseUrl?: string): AsyncGenerator<string> {
  const base = baseUrl ?? (await siteUrl());
  yield* annotationCollectionChunks(annotationBatches(filter, base), base, `${base}/api/export/annotations`);
}

/** The W3C export's JSON, as webAnnotationExport returns it parsed. */
export interface AnnotationCollectionJson {
  "@context": string;
  id: string;
  type: "AnnotationCollection";
  label: string;
  generated: string;
  generator: object;
  first: { id: string; type: "AnnotationPage"; startIndex: number; items: Record<string, unknown>[] };
  total: number;
}

/** The whole collection as an object (tests and small exports): webAnnotationExportChunks, parsed. */
export async function webAnnotationExport(filter: QuoteFilter = {}, baseUrl?: string): Promise<AnnotationCollectionJson> {
  let text = "";
  for await (const chunk of webAnnotationExportChunks(filter, baseUrl)) text += chunk;
  return JSON.parse(text) as AnnotationCollectionJson;
}

async function* annotationBatches(filter: QuoteFilter, base: string): AsyncGenerator<object[]> {
  for await (const batch of allPublicQuotes(filter, base)) {
    const bodies = await bodiesWithAstralCharacters([...new Set(batch.map((q) => q.article.slug))]);
    yield batch.map((q) =>
      quoteAnnotation(
        {
          ...annotatedSpan(q, bodies),
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
  if (filter.outlet || filter.article) return;
  const notes = (await listPublicAnnotations()).filter((n) => !filter.claim || n.claim?.slug === filter.claim);
  const bodies = await bodiesWithAstralCharacters([...new Set(notes.map((n) => n.article.slug))]);
  yield notes.map((n) =>
    noteAnnotation(
      {
        ...annotatedSpan(n, bodies),
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

const CLAIMS_CSV_HEADER = ["slug", "claim", "speaker", "source", "source_url", "verdict", "fidelity_rating", "framing_rating", "tags", "quotes", "published_at", "url"];

/** Published claims as CSV text, newest first, in batches (constant memory at any size). */
export async function* claimsCsvChunks(baseUrl?: string, batch = 1000): AsyncGenerator<string> {
  const base = baseUrl ?? (await siteUrl());
  yield toCsv(CLAIMS_CSV_HEADER, []);
  let cursor: string | undefined;
  for (;;) {
    const claims = await prisma.claim.findMany({
      where: publicClaimWhere,
      orderBy: [{ publishedAt: "desc" }, { slug: "asc" }],
      take: batch,
      ...(cursor ? { skip: 1, cursor: { slug: cursor } } : {}),
      select: {
        slug: true,
        canonical: true,
        publishedAt: true,
        speaker: { select: { name: true } },
        sourceDocument: { select: { title: true, url: true } },
        rating: { select: { fidelityRating: true, framingRating: true, verdictLabel: { select: { name: true } } } },
        id: true,
        tags: { select: { tag: { select: { name: true } } } },
      },
    });
    if (claims.length === 0) return;
    const quoteCounts = await publicQuoteCountsByClaim(claims.map((c) => c.id));
    cursor = claims[claims.length - 1].slug;
    yield toCsvRows(
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
        quoteCounts.get(c.id) ?? 0,
        c.publishedAt?.toISOString(),
        `${base}/claims/${c.slug}`,
      ]),
    );
  }
}

const QUOTES_CSV_HEADER = ["id", "claim", "outlet", "article", "article_url", "article_published_at", "exact", "speaker", "cue", "verb", "fidelity", "in_headline", "paragraph", "hedges", "tags", "start", "end"];

/** Visible quotes as CSV text, in batches of allPublicQuotes (constant memory at any size). */
export async function* quotesCsvChunks(filter: QuoteFilter = {}, baseUrl?: string): AsyncGenerator<string> {
  const base = baseUrl ?? (await siteUrl());
  yield toCsv(QUOTES_CSV_HEADER, []);
  for await (const batch of allPublicQuotes(filter, base)) {
    yield toCsvRows(
      batch.map((q) => [
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
      ]),
    );
  }
}

async function joined(chunks: AsyncIterable<string>): Promise<string> {
  let text = "";
  for await (const chunk of chunks) text += chunk;
  return text;
}

/** The whole claims CSV as one string (tests; the route streams claimsCsvChunks). */
export const claimsCsv = (base?: string) => joined(claimsCsvChunks(base));

/** The whole quotes CSV as one string (tests; the route streams quotesCsvChunks). */
export const quotesCsv = (filter: QuoteFilter = {}) => joined(quotesCsvChunks(filter));
