"use server";

import { action } from "@/lib/action";
import { claimSlugsOfArticle } from "@/lib/articles";
import { importTextForEditor, importUrlForEditor } from "@/lib/editor-import";
import { ActionError } from "@/lib/errors";
import { ImportInputError } from "@/lib/import-article";
import { purgeAfterWrite } from "@/lib/public-cache/purge";
import { importArticleSchema, importUrlSchema } from "@/lib/validation/import";

async function imported<T extends { articleId: string; slug: string }>(result: T): Promise<T> {
  await purgeAfterWrite({ articles: [result.slug], claims: await claimSlugsOfArticle(result.articleId) });
  return result;
}

function refused(error: unknown): never {
  if (error instanceof ImportInputError) throw new ActionError(error.message, "invalid");
  throw error;
}

export const importArticleAction = action(importArticleSchema, async (input, user) => {
  try {
    return await imported(await importTextForEditor(input, user.id));
  } catch (error) {
    refused(error);
  }
});

export const importUrlAction = action(importUrlSchema, async (input, user) => {
  try {
    return await imported(await importUrlForEditor(input, user.id));
  } catch (error) {
    refused(error);
  }
});
