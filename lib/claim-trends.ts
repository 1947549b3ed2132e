import "server-only";
import { prisma } from "./db";
import { weeklyTrend, type Appearance, type ClaimTrend } from "./claim-trend-series";
import { liveQuoteSql, publicQuoteSql } from "./visibility";

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
function appearedAt(article: { publishedAt: Date | null; createdAt: Date; fedAt: Date | null }): Date {
  const fed = article.fedAt;
  const day = (d: Date) => d.toISOString().slice(0, 10);
  if (fed && (!article.publishedAt || day(fed) === day(article.publishedAt))) return fed;
  return article.publishedAt ?? article.createdAt;
}

/** One article that carries the claim (however many of its quotes do), with what dates it. */
interface AppearanceRow {
  id: string;
  slug: string;
  title: string;
  outlet: string;
  publishedAt: Date | null;
  createdAt: Date;
  /** Its earliest feed item's time, when it came from a feed. */
  fedAt: Date | null;
}

/** The claim's and its rating's publication dates (Date or ISO string), when the caller has them. */
export interface TrendDates {
  publishedAt: Date | string | null;
  ratingPublishedAt: Date | string | null;
}

const toDate = (d: Date | string | null) => (d === null ? null : new Date(d));

/**
 * The claim's trend for `audience`: "public" counts confirmed quotes only,
 * "editor" also unreviewed suggestions. Null when the claim does not exist.
 * Two queries whatever the claim's size (one when the caller passes the claim's `dates`, as the
 * claim page does, which has just read them): one row per article that carries it
 * (the quotes themselves never leave the database; a claim quoted 30,000 times
 * used to load every quote, its article and its feed items through four queries).
 */
export async function getClaimTrend(claimId: string, audience: "public" | "editor", dates?: TrendDates): Promise<ClaimTrend | null> {
  const claim = dates
    ? { publishedAt: toDate(dates.publishedAt), rating: { publishedAt: toDate(dates.ratingPublishedAt) } }
    : await prisma.claim.findUnique({ where: { id: claimId }, select: { publishedAt: true, rating: { select: { publishedAt: true } } } });
  if (!claim) return null;
  const rows = await prisma.$queryRaw<AppearanceRow[]>`
    SELECT a.id, a.slug, a.title, o.name AS outlet, a."publishedAt", a."createdAt",
           (SELECT min(f."publishedAt") FROM "FeedItem" f WHERE f."articleId" = a.id) AS "fedAt"
    FROM "Article" a JOIN "Outlet" o ON o.id = a."outletId"
    WHERE a.id IN (SELECT q."articleId" FROM "Quote" q WHERE q."claimId" = ${claimId} AND ${audience === "public" ? publicQuoteSql("q") : liveQuoteSql("q")})
    ORDER BY a.id`;
  const appearances: Appearance[] = rows.map((a) => ({ outlet: a.outlet, at: appearedAt(a), article: { id: a.id, slug: a.slug, title: a.title } }));
  return weeklyTrend(appearances, claim.rating?.publishedAt ?? claim.publishedAt);
}
