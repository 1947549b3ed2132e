import { z } from "zod";
import { idField, isCleanText, safeString } from "./text";

const id = idField().min(1);
const version = z.number().int().positive();
const optionalId = idField().nullable().transform((v) => v || null);

export const reviewStatusValues = ["suggested", "confirmed", "rejected"] as const;

/** The review queue's filters, from URL search params. */
export const reviewQueueFilterSchema = z.object({
  status: z.enum([...reviewStatusValues, "all"]).catch("suggested").default("suggested"),
  outlet: z.string().max(120).refine(isCleanText).optional().catch(undefined),
  speaker: z.string().max(120).refine(isCleanText).optional().catch(undefined),
  claim: z.string().max(120).refine(isCleanText).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type ReviewQueueFilter = z.infer<typeof reviewQueueFilterSchema>;

export const reviewQuotesSchema = z.object({
  items: z.array(z.object({ id, version })).min(1, "Select at least one quote.").max(500, "Review at most 500 quotes at once."),
  decision: z.enum(reviewStatusValues),
});
export type ReviewQuotesInput = z.infer<typeof reviewQuotesSchema>;

const span = {
  start: z.number().int().min(0),
  end: z.number().int().min(1),
};

/** A quote made by an editor from a selection; `exact` guards against a stale page. */
export const createQuoteSchema = z
  .object({
    articleId: id,
    articleVersion: version,
    ...span,
    exact: z.string().min(1, "Select some text first.").max(5000, "A quote is at most 5,000 characters."),
    speakerId: optionalId,
    claimId: optionalId,
  })
  .refine((v) => v.end > v.start, { path: ["end"], message: "Select some text first." });
export type CreateQuoteInput = z.infer<typeof createQuoteSchema>;

export const updateQuoteSchema = z
  .object({
    id,
    version,
    ...span,
    speakerId: optionalId,
    claimId: optionalId,
    reviewStatus: z.enum(reviewStatusValues),
  })
  .refine((v) => v.end > v.start, { path: ["end"], message: "The span must end after it starts." });
export type UpdateQuoteInput = z.infer<typeof updateQuoteSchema>;

export const quoteToNewClaimSchema = z.object({
  id,
  version,
  canonical: safeString("The claim").trim().min(5, "Write the claim in at least 5 characters.").max(1000, "At most 1,000 characters."),
});
export type QuoteToNewClaimInput = z.infer<typeof quoteToNewClaimSchema>;

export const bulkMoveQuotesSchema = z.object({
  items: z.array(z.object({ id, version })).min(1, "Select at least one quote.").max(500),
  claimId: optionalId,
});
export type BulkMoveQuotesInput = z.infer<typeof bulkMoveQuotesSchema>;
