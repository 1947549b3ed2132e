import { z } from "zod";
import { idField, safeString } from "./text";

export const correctArticleSchema = z.object({
  id: idField().min(1),
  version: z.number().int().positive(),
  body: safeString("The article text")
    .transform((v) => v.replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().min(20, "The article text is too short.").max(500_000, "At most 500,000 characters.")),
  note: safeString("The note").trim().max(500, "At most 500 characters.").optional(),
});
export type CorrectArticleInput = z.input<typeof correctArticleSchema>;
