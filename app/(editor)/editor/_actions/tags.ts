"use server";

import { action } from "@/lib/action";
import { purgeAfterWrite } from "@/lib/public-cache/purge";
import { createTag, deleteTag, mergeTags, setTag, editTag } from "@/lib/tags";
import { createTagSchema, deleteTagSchema, mergeTagsSchema, setTagSchema, tagEditSchema } from "@/lib/validation/tag";

export const createTagAction = action(createTagSchema, async (input, user) => {
  const { id, ...touched } = await createTag(user.id, input);
  await purgeAfterWrite(touched);
  return { id };
});

export const editTagAction = action(tagEditSchema, async (input, user) => {
  const { version, ...touched } = await editTag(user.id, input);
  await purgeAfterWrite(touched);
  return { version };
});

export const deleteTagAction = action(deleteTagSchema, async (input, user) => {
  await purgeAfterWrite(await deleteTag(user.id, input));
  return {};
});

export const mergeTagsAction = action(mergeTagsSchema, async (input, user) => {
  await purgeAfterWrite(await mergeTags(user.id, input));
  return { id: input.targetId };
});

export const setTagAction = action(setTagSchema, async (input, user) => {
  await purgeAfterWrite(await setTag(user.id, input));
  return { attached: input.attached };
});
