"use server";

import { action } from "@/lib/action";
import { removeAlertWebhook, saveAlertWebhook } from "@/lib/alert-webhooks";
import { alertWebhookRemoveSchema, alertWebhookSchema } from "@/lib/validation/webhook";

/** Admins only: returns the new version, and the new secret the one time it is made. */
export const saveAlertWebhookAction = action(alertWebhookSchema, (input, user) => saveAlertWebhook(user.id, input), { role: "admin" });

export const removeAlertWebhookAction = action(
  alertWebhookRemoveSchema,
  async (input, user) => {
    await removeAlertWebhook(user.id, input.version);
    return {};
  },
  { role: "admin" },
);
