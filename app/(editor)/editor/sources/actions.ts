"use server";

import { action } from "@/lib/action";
import { invalidate } from "@/lib/editor-cache";
import { createSourceDocument, editSourceDocument, linkClaimToSource } from "@/lib/source-documents";
import { createSourceDocumentSchema, editSourceDocumentSchema, linkClaimSourceSchema } from "@/lib/validation/source-document";

export const createSourceDocumentAction = action(createSourceDocumentSchema, async (input, user) => {
  const { id, dropped, ...touched } = await createSourceDocument(user.id, input);
  await invalidate(touched);
  return { id, dropped };
});

export const editSourceDocumentAction = action(editSourceDocumentSchema, async (input, user) => {
  const { version, dropped, passagesLost, ...touched } = await editSourceDocument(user.id, input);
  await invalidate(touched);
  return { version, dropped, passagesLost };
});

export const linkClaimSourceAction = action(linkClaimSourceSchema, async (input, user) => {
  const touched = await linkClaimToSource(user.id, input);
  await invalidate(touched);
  return { claims: touched.claims };
});
