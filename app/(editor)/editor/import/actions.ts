"use server";

import { revalidateTag } from "next/cache";
import { action, ActionError } from "@/lib/action";
import { cacheTags } from "@/lib/cache-tags";
import { prisma } from "@/lib/db";
import { importArticle, ImportInputError } from "@/lib/import-article";
import { purgePublicPages } from "@/lib/page-cache";
import { importArticleSchema } from "@/lib/validation/import";

export const importArticleAction = action(importArticleSchema, async (input, user) => {
  try {
    const outcome = await importArticle(prisma, input, user.id);
    revalidateTag(cacheTags.articles, { expire: 0 });
    revalidateTag(cacheTags.outlets, { expire: 0 });
    revalidateTag(cacheTags.search, { expire: 0 });
    await purgePublicPages();
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
