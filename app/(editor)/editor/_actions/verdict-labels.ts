"use server";

import { action } from "@/lib/action";
import { purgeAfterWrite } from "@/lib/public-cache/purge";
import { createVerdictLabelSchema, deleteVerdictLabelSchema, editVerdictLabelSchema, moveVerdictLabelSchema } from "@/lib/validation/verdict-label";
import { createVerdictLabel, deleteVerdictLabel, editVerdictLabel, moveVerdictLabel } from "@/lib/verdict-labels";

const admin = { role: "admin" } as const;

export const createVerdictLabelAction = action(
  createVerdictLabelSchema,
  async (input, user) => {
    const { id, ...touched } = await createVerdictLabel(user, input);
    await purgeAfterWrite(touched);
    return { id };
  },
  admin,
);

export const editVerdictLabelAction = action(
  editVerdictLabelSchema,
  async (input, user) => {
    const { version, ...touched } = await editVerdictLabel(user, input);
    await purgeAfterWrite(touched);
    return { version };
  },
  admin,
);

export const moveVerdictLabelAction = action(
  moveVerdictLabelSchema,
  async (input, user) => {
    await purgeAfterWrite(await moveVerdictLabel(user, input));
    return {};
  },
  admin,
);

export const deleteVerdictLabelAction = action(
  deleteVerdictLabelSchema,
  async (input, user) => {
    await purgeAfterWrite(await deleteVerdictLabel(user, input));
    return {};
  },
  admin,
);
