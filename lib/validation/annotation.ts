import { z } from "zod";
import { idField, safeString } from "./text";

const id = idField().min(1);
const version = z.number().int().positive();

export const motivationValues = ["commenting", "questioning", "assessing", "tagging"] as const;

const body = safeString("The note").trim().min(1, "Write the note.").max(5000, "At most 5,000 characters.");

export const createAnnotationSchema = z
  .object({
    articleId: id,
    articleVersion: version,
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    exact: z.string().min(1, "Select some text first.").max(5000),
    body,
    motivation: z.enum(motivationValues),
    claimId: idField().nullable().transform((v) => v || null),
  })
  .refine((v) => v.end > v.start, { path: ["end"], message: "Select some text first." });
export type CreateAnnotationInput = z.input<typeof createAnnotationSchema>;

export const updateAnnotationSchema = z.object({ id, version, body, motivation: z.enum(motivationValues) });
export type UpdateAnnotationInput = z.infer<typeof updateAnnotationSchema>;

export const deleteAnnotationSchema = z.object({ id, version });

/** Annotations are editors' notes, private unless an editor marks one public (then the public export carries it). */
export const setAnnotationPublicSchema = z.object({ id, version, isPublic: z.boolean() });
export type SetAnnotationPublicInput = z.infer<typeof setAnnotationPublicSchema>;
