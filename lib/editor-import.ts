import "server-only";
import { prisma } from "./db";
import { importArticle, type ImportOutcome } from "./import-article";
import { importFromUrl } from "./import-url";
import type { ImportArticleData, ImportUrlData } from "./validation/import";

/**
 * The import page's imports, on the app's database, and what the page shows of
 * each: the article, its quote count and the first quotes found (titles left
 * out). Purging the public cache is the action's, after this returns.
 * @throws ImportInputError for input the editor must change.
 */
export async function importTextForEditor(input: ImportArticleData, actorId: string) {
  return describeImport(await importArticle(prisma, input, actorId));
}

export async function importUrlForEditor(input: ImportUrlData, actorId: string) {
  return describeImport(await importFromUrl(prisma, input, actorId));
}

async function describeImport(outcome: ImportOutcome) {
  const quotes = await prisma.quote.findMany({
    where: { articleId: outcome.articleId, kind: { not: "title" } },
    orderBy: { start: "asc" },
    take: 50,
    select: { exact: true, speaker: { select: { name: true } } },
  });
  return {
    articleId: outcome.articleId,
    slug: outcome.slug,
    title: outcome.title,
    created: outcome.created,
    // Counted as listed: a quote in the headline is not one of the article's quotes to review here.
    quotes: await prisma.quote.count({ where: { articleId: outcome.articleId, kind: { not: "title" } } }),
    found: quotes.map((q) => ({ exact: q.exact, speaker: q.speaker?.name ?? null })),
    // The URL was imported before and its text changed: offered to the editor as a text correction.
    correction: outcome.correction,
  };
}
