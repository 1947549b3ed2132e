import { z } from "zod";
import { idField, safeString } from "./text";

const explanation = (what: string) =>
  safeString(`The ${what} explanation`).trim().min(10, `Explain the ${what} in at least 10 characters.`).max(4000, "At most 4,000 characters.");
// Coerced: radio buttons give their value as a string ("4") in the form.
const scale = (what: string) =>
  z.coerce.number({ error: `Choose a ${what} from 1 to 5.` }).int().min(1, `Choose a ${what} from 1 to 5.`).max(5, `Choose a ${what} from 1 to 5.`);

export const ratingSchema = z.object({
  claimId: idField().min(1),
  // The rating's version as loaded, or null when the claim had no rating yet.
  version: z.number().int().positive().nullable(),
  verdictLabelId: idField().min(1, "Choose a verdict."),
  verdictExplanation: explanation("verdict"),
  fidelityRating: scale("fidelity rating"),
  fidelityExplanation: explanation("fidelity rating"),
  framingRating: scale("framing rating"),
  framingExplanation: explanation("framing rating"),
  // On a published claim, a changed verdict or rating is a correction readers see: "Updated on DATE: NOTE".
  correctionNote: safeString("The correction note")
    .trim()
    .max(1000, "At most 1,000 characters.")
    .nullish()
    .transform((v) => v || null),
});
export type RatingInput = Omit<z.infer<typeof ratingSchema>, "correctionNote"> & { correctionNote?: string | null };
