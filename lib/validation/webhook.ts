import { z } from "zod";
import { httpUrlField } from "./text";

/** The webhook's address (checked again when it is saved and on every POST). */
const url = httpUrlField("The webhook address", "Give the address to POST alerts to.");

/** `version` is the webhook's as the admin loaded it; null when there was none. */
export const alertWebhookSchema = z.object({
  url,
  active: z.boolean(),
  newSecret: z.boolean(),
  version: z.number().int().positive().nullable(),
});
export type AlertWebhookInput = z.infer<typeof alertWebhookSchema>;

export const alertWebhookRemoveSchema = z.object({ version: z.number().int().positive() });
export type AlertWebhookRemoveInput = z.infer<typeof alertWebhookRemoveSchema>;
