"use server";

import { action, ActionError } from "@/lib/action";
import { claimSlugsOfArticle } from "@/lib/articles";
import { prisma } from "@/lib/db";
import { importArticle, ImportInputError } from "@/lib/import-article";
import { invalidate } from "@/lib/editor-cache";
import { importArticleSchema } from "@/lib/validation/import";

export const importArticleAction = action(importArticleSchema, async (input, user) => {
  try {
    const outcome = await importArticle(prisma, input, user.id);
    await invalidate({ articles: [outcome.slug], claims: await claimSlugsOfArticle(outcome.articleId) });
    return {
      articleId: outcome.articleId,
      slug: outcome.slug,
      created: outcome.created,
      quotes: await prisma.quote.count({ where: { articleId: outcome.articleId } }),
    };
  } catch (error) {
    if (error instanceof ImportInputError) throw new ActionError(error.message, "invalid");
    throw error;
  }
});
