import { z } from "zod";
import { idField, lineField } from "./text";

const id = idField().min(1);
const version = z.number().int().positive();

/**
 * A verdict label's place on the truth scale as the form sends it: "1" (false)
 * to "5" (true), or "" for a verdict that is not a degree of truth
 * (Unverifiable, Satire, Out of context), published by name only.
 */
export const ratingValueChoices = ["", "5", "4", "3", "2", "1"] as const;

const fields = {
  name: lineField({ label: "The name", max: 60 }).pipe(z.string().min(2, "Name the verdict in at least 2 characters.")),
  description: lineField({ label: "The description", min: 0, max: 300 }),
  ratingValue: z.enum(ratingValueChoices, { message: "Choose a place from 1 (false) to 5 (true), or none." }),
};

export const createVerdictLabelSchema = z.object(fields);
export type CreateVerdictLabelInput = z.infer<typeof createVerdictLabelSchema>;

export const editVerdictLabelSchema = z.object({ id, version, ...fields });
export type EditVerdictLabelInput = z.infer<typeof editVerdictLabelSchema>;

export const moveVerdictLabelSchema = z.object({ id, version, direction: z.enum(["up", "down"]) });
export type MoveVerdictLabelInput = z.infer<typeof moveVerdictLabelSchema>;

export const deleteVerdictLabelSchema = z.object({ id, version });
export type DeleteVerdictLabelInput = z.infer<typeof deleteVerdictLabelSchema>;

/** The stored ratingValue of a form's choice: null off the scale. */
export function ratingValueOf(choice: (typeof ratingValueChoices)[number]): number | null {
  return choice === "" ? null : Number(choice);
}
