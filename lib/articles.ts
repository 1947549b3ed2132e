import "server-only";
import { prisma, type Tx } from "./db";
import { uniqueSlug } from "./slug";
import { isPlausibleSlug } from "./validation/text";

export interface NewArticle {
  outletId: string;
  slug?: string | null;
  title: string;
  byline: string | null;
  url: string | null;
  publishedAt: Date | null;
  language?: string;
  body: string;
  rawText: string | null;
  contentHash: string;
}

export async function createArticle(tx: Tx, input: NewArticle) {
  const slug = await uniqueSlug(input.slug || input.title, async (s) =>
    Boolean(await tx.article.findUnique({ where: { slug: s }, select: { id: true } })),
  );
  return tx.article.create({
    data: {
      outletId: input.outletId,
      slug,
      title: input.title,
      byline: input.byline,
      url: input.url,
      publishedAt: input.publishedAt,
      language: input.language ?? "en",
      body: input.body,
      rawText: input.rawText,
      contentHash: input.contentHash,
    },
    select: { id: true, slug: true },
  });
}

export function listArticles({ take = 50 }: { take?: number } = {}) {
  return prisma.article.findMany({
    orderBy: [{ publishedAt: "desc" }, { createdAt: "desc" }],
    take,
    select: {
      id: true,
      slug: true,
      title: true,
      byline: true,
      publishedAt: true,
      outlet: { select: { name: true, slug: true } },
      _count: { select: { quotes: { where: { reviewStatus: { not: "rejected" } } } } },
    },
  });
}

export async function getArticleBySlug(slug: string) {
  if (!isPlausibleSlug(slug)) return null;
  return prisma.article.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      byline: true,
      url: true,
      publishedAt: true,
      language: true,
      body: true,
      createdAt: true,
      outlet: { select: { name: true, slug: true, domain: true, country: true } },
      quotes: {
        where: { reviewStatus: { not: "rejected" } },
        orderBy: { start: "asc" },
        select: {
          id: true,
          start: true,
          end: true,
          kind: true,
          anchorStatus: true,
          speaker: { select: { name: true, slug: true } },
          claim: { select: { slug: true, canonical: true, status: true } },
        },
      },
    },
  });
}
