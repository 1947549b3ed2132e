"use server";

import { action } from "@/lib/action";
import { editOutlet, mergeOutlets } from "@/lib/outlets";
import { purgeAfterWrite } from "@/lib/public-cache/purge";
import { editOutletSchema, mergeOutletsSchema } from "@/lib/validation/outlet";

export const editOutletAction = action(editOutletSchema, async (input, user) => {
  const { version, ...touched } = await editOutlet(user.id, input);
  await purgeAfterWrite(touched);
  return { version };
});

export const mergeOutletsAction = action(mergeOutletsSchema, async (input, user) => {
  const { id, moved, ...touched } = await mergeOutlets(user.id, input);
  await purgeAfterWrite(touched);
  return { id, moved };
});
