import "server-only";
import { prisma } from "./db";
import { quoteCountsByArticle } from "./quote-counts";
import { cleanSearchTerm } from "./validation/text";

/** Editor reads for articles: every quote, whatever its review status. */
export async function listArticlesForEditor({ q, outlet }: { q?: string; outlet?: string } = {}) {
  const articles = await prisma.article.findMany({
    where: {
      ...(q ? { title: { contains: cleanSearchTerm(q), mode: "insensitive" as const } } : {}),
      ...(outlet ? { outlet: { slug: cleanSearchTerm(outlet) } } : {}),
    },
    orderBy: [{ publishedAt: "desc" }, { createdAt: "desc" }],
    take: 200,
    select: {
      id: true,
      title: true,
      publishedAt: true,
      outlet: { select: { id: true, name: true } },
      quotes: { where: { reviewStatus: "suggested" }, select: { id: true } },
    },
  });
  // Counted for the listed articles only: a relation `_count` counts every article's (lib/quote-counts.ts).
  const ids = articles.map((a) => a.id);
  const [quotes, annotations] = await Promise.all([
    quoteCountsByArticle(ids),
    ids.length ? prisma.annotation.groupBy({ by: ["articleId"], where: { articleId: { in: ids } }, _count: { _all: true } }) : [],
  ]);
  const annotationCounts = new Map(annotations.map((g) => [g.articleId, g._count._all]));
  return articles.map((a) => ({ ...a, _count: { quotes: quotes.get(a.id) ?? 0, annotations: annotationCounts.get(a.id) ?? 0 } }));
}

/** What the workspace marks in the article's text for a quote or an annotation, listed in text order. */
const markedSpanSelect = { id: true, exact: true, start: true, end: true, anchorStatus: true, version: true } as const;
const inTextOrder = { start: "asc" } as const;

export function getArticleWorkspace(id: string) {
  return prisma.article.findUnique({
    where: { id },
    select: {
      id: true,
      slug: true,
      title: true,
      byline: true,
      url: true,
      publishedAt: true,
      body: true,
      version: true,
      updatedAt: true,
      outlet: { select: { id: true, name: true } },
      rawText: true,
      pageStarts: true,
      captures: {
        orderBy: { fetchedAt: "desc" },
        select: { id: true, requestedUrl: true, finalUrl: true, redirects: true, httpStatus: true, mediaType: true, encoding: true, byteLength: true, sha256: true, fetchedAt: true },
      },
      quotes: {
        orderBy: inTextOrder,
        select: {
          ...markedSpanSelect,
          kind: true,
          origin: true,
          reviewStatus: true,
          speaker: { select: { id: true, name: true } },
          claim: { select: { id: true, canonical: true, status: true } },
        },
      },
      annotations: {
        orderBy: inTextOrder,
        select: {
          ...markedSpanSelect,
          body: true,
          motivation: true,
          isPublic: true,
          anchorScore: true,
          createdAt: true,
          author: { select: { name: true } },
          claim: { select: { id: true, canonical: true } },
        },
      },
    },
  });
}

/** A stored capture's bytes and type, for an editor to see the page as the server fetched it. */
export function getArticleCapture(articleId: string, captureId: string) {
  return prisma.articleCapture.findFirst({
    where: { id: captureId, articleId },
    select: { bytes: true, mediaType: true, encoding: true, finalUrl: true, fetchedAt: true },
  });
}
