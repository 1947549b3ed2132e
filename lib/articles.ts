import "server-only";
import { prisma } from "./db";
import { articleKey, listKeys, recordClaims, recordKeys } from "./public-cache/keys";
import { publicQuoteCountsByArticle } from "./quote-counts";
import { isPlausibleSlug } from "./validation/text";
import { isPublicClaim, publicQuoteWhere } from "./visibility";

/**
 * The bodies of those articles (by slug) that have characters outside the Basic
 * Multilingual Plane — the only ones whose W3C positions (code points) differ
 * from stored offsets (UTF-16) — so that exports load no other article text.
 */
export async function bodiesWithAstralCharacters(slugs: string[]): Promise<Map<string, string>> {
  if (slugs.length === 0) return new Map();
  const rows = await prisma.$queryRaw<{ slug: string; body: string }[]>`
    SELECT slug, body FROM "Article" WHERE slug = ANY(${slugs}) AND body ~ '[\U00010000-\U0010FFFF]'`;
  return new Map(rows.map((r) => [r.slug, r.body]));
}

/** The newest articles; records `articles` (and `quotes`: the list shows their counts). */
export async function listArticles({ take = 50 }: { take?: number } = {}) {
  recordKeys(listKeys.articles, listKeys.quotes);
  const rows = await prisma.article.findMany({
    orderBy: [{ publishedAt: "desc" }, { createdAt: "desc" }],
    take,
    select: {
      id: true,
      slug: true,
      title: true,
      byline: true,
      publishedAt: true,
      outlet: { select: { name: true, slug: true } },
    },
  });
  const counts = await publicQuoteCountsByArticle(rows.map((a) => a.id));
  return rows.map((a) => ({ ...a, _count: { quotes: counts.get(a.id) ?? 0 } }));
}

/**
 * An article's public page: its text and public quotes, each naming its claim
 * only when the claim is public; records its key and the keys of every claim
 * its quotes belong to (publishing one changes the page).
 */
export async function getArticleBySlug(slug: string) {
  if (!isPlausibleSlug(slug)) return null;
  recordKeys(articleKey(slug));
  const article = await prisma.article.findUnique({
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
        where: publicQuoteWhere,
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
  if (!article) return null;
  recordClaims(article.quotes.flatMap((q) => (q.claim ? [q.claim.slug] : [])));
  return {
    ...article,
    quotes: article.quotes.map(({ claim, ...quote }) => ({ ...quote, claim: claim && isPublicClaim(claim) ? { slug: claim.slug, canonical: claim.canonical } : null })),
  };
}

/** The slugs of the claims an article's quotes belong to (what an import or a correction of it touches). */
export async function claimSlugsOfArticle(articleId: string): Promise<string[]> {
  const rows = await prisma.claim.findMany({ where: { quotes: { some: { articleId } } }, select: { slug: true } });
  return rows.map((r) => r.slug);
}
