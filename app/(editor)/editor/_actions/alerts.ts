"use server";

import { action } from "@/lib/action";
import { resolveAlert } from "@/lib/alerts";
import { purgeAfterWrite } from "@/lib/public-cache/purge";
import { alertResolveSchema } from "@/lib/validation/feed";

export const resolveAlertAction = action(alertResolveSchema, async (input, user) => {
  await purgeAfterWrite(await resolveAlert(user.id, input));
  return { decision: input.decision };
});
