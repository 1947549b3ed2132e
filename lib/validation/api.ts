import { z } from "zod";

const slug = z
  .string()
  .trim()
  .max(200, "A slug has at most 200 characters.")
  .regex(/^[a-z0-9][a-z0-9-]*$/, "A slug has lower-case letters, digits and hyphens.")
  .optional()
  .or(z.literal("").transform(() => undefined));

export const MAX_PER_PAGE = 100;

/** Pagination shared by every list endpoint. */
export const pageSchema = z.object({
  page: z.coerce.number({ error: "page must be a number." }).int("page must be a whole number.").min(1, "page starts at 1.").max(10_000, "page is at most 10000.").default(1),
  perPage: z.coerce
    .number({ error: "perPage must be a number." })
    .int("perPage must be a whole number.")
    .min(1, "perPage is at least 1.")
    .max(MAX_PER_PAGE, `perPage is at most ${MAX_PER_PAGE}.`)
    .default(20),
});

/** GET /api/claims and the claims browse page. */
export const claimListSchema = pageSchema.extend({ tag: slug, speaker: slug, outlet: slug, verdict: slug });
export type ClaimListInput = z.infer<typeof claimListSchema>;

/** GET /api/quotes and the quotes CSV export. */
export const quoteListSchema = pageSchema.extend({ claim: slug, outlet: slug, article: slug });
export type QuoteListInput = z.infer<typeof quoteListSchema>;

/** GET /api/articles. */
export const articleListSchema = pageSchema.extend({ outlet: slug });
export type ArticleListInput = z.infer<typeof articleListSchema>;

export const slugParamSchema = z.string().trim().min(1).max(200).regex(/^[a-z0-9][a-z0-9-]*$/);
