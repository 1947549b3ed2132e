import { z } from "zod";
import { idField, safeString } from "./text";

const id = idField().min(1);
const version = z.number().int().positive();
const optionalId = idField().nullable().transform((v) => v || null);

export const claimStatusValues = ["draft", "in_review", "published"] as const;

export const claimEditSchema = z
  .object({
  id,
  version,
  canonical: safeString("The claim").trim().min(5, "Write the claim in at least 5 characters.").max(1000, "At most 1,000 characters."),
  summary: safeString("The summary").trim().max(4000, "At most 4,000 characters.").nullable().transform((v) => v || null),
  speakerId: optionalId,
  sourceDocumentId: optionalId,
  // The claim this one answers (a counter-claim), or null.
  rebutsId: optionalId,
  // The claim's address (/claims/SLUG); absent or empty: unchanged. The old one answers 308 to the new.
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .max(80, "At most 80 characters.")
    .refine((v) => v === "" || /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(v), "Use lower-case letters, digits and single hyphens, such as pakistan-safe-haven.")
    .optional()
    .transform((v) => v || undefined),
})
  .refine((v) => v.rebutsId !== v.id, { path: ["rebutsId"], message: "A claim cannot answer itself." });
export type ClaimEditInput = z.input<typeof claimEditSchema>;

export const claimStatusSchema = z.object({
  id,
  version,
  status: z.enum(claimStatusValues),
  note: safeString("The note").trim().max(1000, "At most 1,000 characters.").optional(),
});
export type ClaimStatusInput = z.infer<typeof claimStatusSchema>;

export const mergeClaimsSchema = z
  .object({
    survivorId: id,
    survivorVersion: version,
    absorbedId: id.min(1, "Choose the claim to merge into this one."),
  })
  .refine((v) => v.survivorId !== v.absorbedId, { path: ["absorbedId"], message: "A claim cannot be merged with itself." });
export type MergeClaimsInput = z.infer<typeof mergeClaimsSchema>;

export const splitClaimSchema = z.object({
  id,
  version,
  quoteIds: z.array(id).min(1, "Select the quotes to split off.").max(500),
  canonical: safeString("The claim").trim().min(5, "Write the new claim in at least 5 characters.").max(1000, "At most 1,000 characters."),
});
export type SplitClaimInput = z.infer<typeof splitClaimSchema>;

export const createClaimSchema = z.object({
  canonical: safeString("The claim").trim().min(5, "Write the claim in at least 5 characters.").max(1000, "At most 1,000 characters."),
  speakerId: optionalId,
});
export type CreateClaimInput = z.input<typeof createClaimSchema>;
