import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { textAnchorOf, textAnchorSelect } from "../anchoring/selectors";
import type { ClaimDetail } from "../claim-page";
import { articleUrl, claimUrl } from "../site-url";
import { prisma } from "../db";
import { listKeys, recordKeys } from "../public-cache/keys";
import { publicQuoteCountsByArticle } from "../quote-counts";
import { isPublicClaim, publicAnnotationWhere, publicClaimWhere, publicQuoteWhere } from "../visibility";

/**
 * Reads for the public API and exports: only what lib/visibility.ts makes
 * public; a quote's claim is named only when the claim is public.
 */


/** The public JSON form of a claim page: drops the names of unpublished counter-claims. */
export function publicClaim(claim: ClaimDetail, base: string) {
  const { counterClaims, rows, ...rest } = claim;
  return {
    ...rest,
    url: claimUrl(claim.slug, base),
    counterClaims: counterClaims.filter((c) => c.published).map((c) => ({ slug: c.slug, canonical: c.canonical, url: claimUrl(c.slug, base) })),
    quotes: rows.map((row) => {
      const { articleId, ...rest } = row;
      void articleId;
      return { ...rest, article: { ...row.article, page: articleUrl(row.article.slug, base) } };
    }),
  };
}

export interface QuoteFilter {
  claim?: string;
  outlet?: string;
  article?: string;
}

function quoteWhere(filter: QuoteFilter): Prisma.QuoteWhereInput {
  return {
    ...publicQuoteWhere,
    ...(filter.claim ? { claim: { slug: filter.claim, ...publicClaimWhere } } : {}),
    ...(filter.outlet || filter.article
      ? { article: { ...(filter.outlet ? { outlet: { slug: filter.outlet } } : {}), ...(filter.article ? { slug: filter.article } : {}) } }
      : {}),
  };
}

export const publicQuoteSelect = {
  id: true,
  ...textAnchorSelect,
  kind: true,
  anchorStatus: true,
  cue: true,
  verb: true,
  fidelity: true,
  inHeadline: true,
  paragraphIndex: true,
  hedges: true,
  reviewStatus: true,
  createdAt: true,
  updatedAt: true,
  speaker: { select: { name: true, slug: true } },
  claim: { select: { slug: true, status: true } },
  article: { select: { slug: true, title: true, url: true, publishedAt: true, outlet: { select: { name: true, slug: true } } } },
  tags: { select: { tag: { select: { name: true, slug: true, kind: true } } } },
} satisfies Prisma.QuoteSelect;

type PublicQuoteRow = Prisma.QuoteGetPayload<{ select: typeof publicQuoteSelect }>;

export function publicQuote(q: PublicQuoteRow, base: string) {
  const claim = q.claim && isPublicClaim(q.claim) ? { slug: q.claim.slug, url: claimUrl(q.claim.slug, base) } : null;
  return {
    id: q.id,
    ...textAnchorOf(q),
    kind: q.kind,
    anchorStatus: q.anchorStatus,
    cue: q.cue,
    verb: q.verb,
    fidelity: q.fidelity,
    inHeadline: q.inHeadline,
    paragraphIndex: q.paragraphIndex,
    hedges: q.hedges,
    reviewStatus: q.reviewStatus,
    speaker: q.speaker,
    claim,
    article: { slug: q.article.slug, title: q.article.title, url: q.article.url, page: articleUrl(q.article.slug, base), publishedAt: q.article.publishedAt?.toISOString() ?? null },
    outlet: q.article.outlet,
    tags: q.tags.map((t) => t.tag),
    createdAt: q.createdAt.toISOString(),
    updatedAt: q.updatedAt.toISOString(),
  };
}

export async function listPublicQuotes(filter: QuoteFilter, page: number, perPage: number, base: string) {
  recordKeys(listKeys.quotes, listKeys.claims, listKeys.articles);
  const where = quoteWhere(filter);
  const [total, rows] = await Promise.all([
    prisma.quote.count({ where }),
    prisma.quote.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }], skip: (page - 1) * perPage, take: perPage, select: publicQuoteSelect }),
  ]);
  return { total, data: rows.map((q) => publicQuote(q, base)) };
}

/** Every visible quote in batches (exports), in a stable order. */
export async function* allPublicQuotes(filter: QuoteFilter, base: string, batch = 2000) {
  const where = quoteWhere(filter);
  let cursor: string | undefined;
  for (;;) {
    const rows = await prisma.quote.findMany({
      where,
      orderBy: { id: "asc" },
      take: batch,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      select: publicQuoteSelect,
    });
    if (rows.length === 0) return;
    yield rows.map((q) => publicQuote(q, base));
    cursor = rows[rows.length - 1].id;
  }
}

export async function listPublicArticles(filter: { outlet?: string }, page: number, perPage: number, base: string) {
  recordKeys(listKeys.articles, listKeys.quotes);
  const where: Prisma.ArticleWhereInput = filter.outlet ? { outlet: { slug: filter.outlet } } : {};
  const [total, rows] = await Promise.all([
    prisma.article.count({ where }),
    prisma.article.findMany({
      where,
      orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * perPage,
      take: perPage,
      select: {
        slug: true,
        title: true,
        byline: true,
        url: true,
        language: true,
        publishedAt: true,
        id: true,
        outlet: { select: { name: true, slug: true } },
      },
    }),
  ]);
  const counts = await publicQuoteCountsByArticle(rows.map((a) => a.id));
  return {
    total,
    data: rows.map((a) => ({
      slug: a.slug,
      title: a.title,
      byline: a.byline,
      url: a.url,
      page: articleUrl(a.slug, base),
      language: a.language,
      publishedAt: a.publishedAt?.toISOString() ?? null,
      outlet: a.outlet,
      quoteCount: counts.get(a.id) ?? 0,
    })),
  };
}

export async function listPublicOutlets(page: number, perPage: number) {
  recordKeys(listKeys.outlets, listKeys.articles);
  const [total, rows] = await Promise.all([
    prisma.outlet.count(),
    prisma.outlet.findMany({
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (page - 1) * perPage,
      take: perPage,
      select: { slug: true, name: true, domain: true, country: true, description: true, _count: { select: { articles: true } } },
    }),
  ]);
  return { total, data: rows.map(({ _count, ...o }) => ({ ...o, articleCount: _count.articles })) };
}

/** Annotations are editors' notes; lib/visibility.ts says which are public. */
export function listPublicAnnotations() {
  return prisma.annotation.findMany({
    where: publicAnnotationWhere,
    orderBy: { id: "asc" },
    select: {
      id: true,
      ...textAnchorSelect,
      body: true,
      motivation: true,
      createdAt: true,
      updatedAt: true,
      article: { select: { slug: true } },
      claim: { select: { slug: true } },
    },
  });
}
