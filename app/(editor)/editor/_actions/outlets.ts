"use server";

import { action } from "@/lib/action";
import { editOutlet } from "@/lib/outlets";
import { purgeAfterWrite } from "@/lib/public-cache/purge";
import { editOutletSchema } from "@/lib/validation/outlet";

export const editOutletAction = action(editOutletSchema, async (input, user) => {
  const { version, ...touched } = await editOutlet(user.id, input);
  await purgeAfterWrite(touched);
  return { version };
});
