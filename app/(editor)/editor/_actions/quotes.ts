"use server";

import { action } from "@/lib/action";
import { purgeAfterWrite } from "@/lib/public-cache/purge";
import { createClaimFromQuote, createEditorQuote, moveQuotes, reviewQuotes, updateQuote } from "@/lib/quotes";
import { bulkMoveQuotesSchema, createQuoteSchema, quoteToNewClaimSchema, reviewQuotesSchema, updateQuoteSchema } from "@/lib/validation/quote";

export const reviewQuotesAction = action(reviewQuotesSchema, async (input, user) => {
  const { count, ...touched } = await reviewQuotes(user.id, input);
  await purgeAfterWrite(touched);
  return { count };
});

export const createQuoteAction = action(createQuoteSchema, async (input, user) => {
  const { id, ...touched } = await createEditorQuote(user.id, input);
  await purgeAfterWrite(touched);
  return { id };
});

export const updateQuoteAction = action(updateQuoteSchema, async (input, user) => {
  const { version, ...touched } = await updateQuote(user.id, input);
  await purgeAfterWrite(touched);
  return { version };
});

export const moveQuotesAction = action(bulkMoveQuotesSchema, async (input, user) => {
  const { count, ...touched } = await moveQuotes(user.id, input);
  await purgeAfterWrite(touched);
  return { count };
});

export const quoteToNewClaimAction = action(quoteToNewClaimSchema, async (input, user) => {
  const { claimId, ...touched } = await createClaimFromQuote(user.id, input);
  await purgeAfterWrite(touched);
  return { claimId };
});
