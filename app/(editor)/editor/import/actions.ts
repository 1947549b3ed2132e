"use server";

import { action, ActionError } from "@/lib/action";
import { claimSlugsOfArticle } from "@/lib/articles";
import { prisma } from "@/lib/db";
import { importArticle, ImportInputError, type ImportOutcome } from "@/lib/import-article";
import { importFromUrl } from "@/lib/import-url";
import { purgeAfterWrite } from "@/lib/public-cache/purge";
import { importArticleSchema, importUrlSchema } from "@/lib/validation/import";

async function imported(outcome: ImportOutcome) {
  await purgeAfterWrite({ articles: [outcome.slug], claims: await claimSlugsOfArticle(outcome.articleId) });
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
    quotes: await prisma.quote.count({ where: { articleId: outcome.articleId } }),
    found: quotes.map((q) => ({ exact: q.exact, speaker: q.speaker?.name ?? null })),
    // The URL was imported before and its text changed: offered to the editor as a text correction.
    correction: outcome.correction,
  };
}

function refused(error: unknown): never {
  if (error instanceof ImportInputError) throw new ActionError(error.message, "invalid");
  throw error;
}

export const importArticleAction = action(importArticleSchema, async (input, user) => {
  try {
    return await imported(await importArticle(prisma, input, user.id));
  } catch (error) {
    refused(error);
  }
});

export const importUrlAction = action(importUrlSchema, async (input, user) => {
  try {
    return await imported(await importFromUrl(prisma, input, user.id));
  } catch (error) {
    refused(error);
  }
});
