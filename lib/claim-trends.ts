import "server-only";
import { prisma } from "./db";
import { weeklyTrend, type Appearance, type ClaimTrend } from "./claim-trend-series";
import { liveQuoteWhere, publicQuoteWhere } from "./visibility";

/**
 * A claim's repeats over time: appearances per week by outlet, and the first
 * appearance after its review was published (what fact-checkers act on). An
 * appearance is one article of an outlet that carries the claim (however many
 * of its quotes do), dated by its publication (appearedAt). Readers count confirmed quotes only (lib/visibility.ts); editors
 * also see suggestions nobody has reviewed yet (rejected ones never count).
 */

/**
 * When an article appeared: an article's date is a day (midnight UTC), so the
 * time its feed gave, when it came from a feed and falls on that day, says
 * whether it came before or after a review published the same day; else the
 * day; else when it was stored.
 */
function appearedAt(article: { publishedAt: Date | null; createdAt: Date; feedItems: { publishedAt: Date | null }[] }): Date {
  const fed = article.feedItems[0]?.publishedAt ?? null;
  const day = (d: Date) => d.toISOString().slice(0, 10);
  if (fed && (!article.publishedAt || day(fed) === day(article.publishedAt))) return fed;
  return article.publishedAt ?? article.createdAt;
}

/**
 * The claim's trend for `audience`: "public" counts confirmed quotes only,
 * "editor" also unreviewed suggestions. Null when the claim does not exist.
 */
export async function getClaimTrend(claimId: string, audience: "public" | "editor"): Promise<ClaimTrend | null> {
  const claim = await prisma.claim.findUnique({
    where: { id: claimId },
    select: {
      publishedAt: true,
      rating: { select: { publishedAt: true } },
      quotes: {
        where: audience === "public" ? publicQuoteWhere : liveQuoteWhere,
        select: {
          article: {
            select: {
              id: true,
              slug: true,
              title: true,
              publishedAt: true,
              createdAt: true,
              outlet: { select: { name: true } },
              feedItems: { where: { publishedAt: { not: null } }, orderBy: { publishedAt: "asc" }, take: 1, select: { publishedAt: true } },
            },
          },
        },
      },
    },
  });
  if (!claim) return null;
  const byArticle = new Map<string, Appearance>();
  for (const { article } of claim.quotes) {
    if (byArticle.has(article.id)) continue;
    byArticle.set(article.id, { outlet: article.outlet?.name ?? "Unknown outlet", at: appearedAt(article), article: { id: article.id, slug: article.slug, title: article.title } });
  }
  return weeklyTrend([...byArticle.values()], claim.rating?.publishedAt ?? claim.publishedAt);
}
