"use server";

import { action } from "@/lib/action";
import { purgeAfterWrite } from "@/lib/public-cache/purge";
import { createSourceDocument, editSourceDocument, linkClaimToSource } from "@/lib/source-documents";
import { createSourceDocumentSchema, editSourceDocumentSchema, linkClaimSourceSchema } from "@/lib/validation/source-document";

export const createSourceDocumentAction = action(createSourceDocumentSchema, async (input, user) => {
  const { id, ...touched } = await createSourceDocument(user.id, input);
  await purgeAfterWrite(touched);
  return { id };
});

export const editSourceDocumentAction = action(editSourceDocumentSchema, async (input, user) => {
  const { version, passagesLost, ...touched } = await editSourceDocument(user.id, input);
  await purgeAfterWrite(touched);
  return { version, passagesLost };
});

export const linkClaimSourceAction = action(linkClaimSourceSchema, async (input, user) => {
  const touched = await linkClaimToSource(user.id, input);
  await purgeAfterWrite(touched);
  return { claims: touched.claims };
});
