import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { prisma } from "./db";
import { publicQuoteWhere } from "./visibility";

/*
 * Public quote counts for the rows of one list page. Prisma's relation `_count`
 * (`select: { _count: { select: { quotes: … } } }`) counts the whole Quote table
 * grouped by claim and joins the page to that (prisma/orm#23669): 0.2 s at 100k
 * quotes, seconds at 1M, on every list page. These count only the listed ids,
 * through the Quote (claimId, reviewStatus) and (articleId, start, end) indexes.
 */

/** Quotes matching `where` of each claim in `claimIds`: claim id → count (0 when none). */
export async function quoteCountsByClaim(claimIds: string[], where: Prisma.QuoteWhereInput): Promise<Map<string, number>> {
  const counts = new Map(claimIds.map((id) => [id, 0]));
  if (claimIds.length === 0) return counts;
  const rows = await prisma.quote.groupBy({ by: ["claimId"], where: { ...where, claimId: { in: claimIds } }, _count: { _all: true } });
  for (const r of rows) if (r.claimId) counts.set(r.claimId, r._count._all);
  return counts;
}

/** Public quotes (lib/visibility.ts) of each claim in `claimIds`, narrowed by `where`: claim id → count (0 when none). */
export function publicQuoteCountsByClaim(claimIds: string[], where: Prisma.QuoteWhereInput = {}): Promise<Map<string, number>> {
  return quoteCountsByClaim(claimIds, { ...where, ...publicQuoteWhere });
}

/** Quotes matching `where` (every quote by default) of each article in `articleIds`: article id → count (0 when none). */
export async function quoteCountsByArticle(articleIds: string[], where: Prisma.QuoteWhereInput = {}): Promise<Map<string, number>> {
  const counts = new Map(articleIds.map((id) => [id, 0]));
  if (articleIds.length === 0) return counts;
  const rows = await prisma.quote.groupBy({ by: ["articleId"], where: { ...where, articleId: { in: articleIds } }, _count: { _all: true } });
  for (const r of rows) counts.set(r.articleId, r._count._all);
  return counts;
}

/** Public quotes (lib/visibility.ts) of each article in `articleIds`: article id → count (0 when none). */
export function publicQuoteCountsByArticle(articleIds: string[]): Promise<Map<string, number>> {
  return quoteCountsByArticle(articleIds, publicQuoteWhere);
}
