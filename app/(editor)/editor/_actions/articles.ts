"use server";

import { action } from "@/lib/action";
import { createAnnotation, deleteAnnotation, setAnnotationPublic, updateAnnotation } from "@/lib/annotations";
import { correctArticle } from "@/lib/article-corrections";
import { purgeAfterWrite } from "@/lib/public-cache/purge";
import { createAnnotationSchema, deleteAnnotationSchema, setAnnotationPublicSchema, updateAnnotationSchema } from "@/lib/validation/annotation";
import { correctArticleSchema } from "@/lib/validation/article";

export const createAnnotationAction = action(createAnnotationSchema, async (input, user) => {
  const { id, ...touched } = await createAnnotation(user.id, input);
  await purgeAfterWrite(touched);
  return { id };
});

export const updateAnnotationAction = action(updateAnnotationSchema, async (input, user) => updateAnnotation(user.id, input));

export const deleteAnnotationAction = action(deleteAnnotationSchema, async (input, user) => deleteAnnotation(user.id, input));

export const setAnnotationPublicAction = action(setAnnotationPublicSchema, async (input, user) => {
  const { version, ...touched } = await setAnnotationPublic(user.id, input);
  await purgeAfterWrite(touched);
  return { version };
});

export const correctArticleAction = action(correctArticleSchema, async (input, user) => {
  const { version, summary, ...touched } = await correctArticle(user.id, input);
  await purgeAfterWrite(touched);
  return { version, summary };
});
