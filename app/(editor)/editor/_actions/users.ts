"use server";

import { headers } from "next/headers";
import { action } from "@/lib/action";
import { createEditor, resetEditorPassword, setEditorActive } from "@/lib/users";
import { createUserSchema, resetPasswordSchema, setUserActiveSchema } from "@/lib/validation/user";

export const createUserAction = action(createUserSchema, async (input, user) => createEditor(await headers(), user.id, input), { role: "admin" });

export const setUserActiveAction = action(setUserActiveSchema, async (input, user) => setEditorActive(await headers(), user.id, input), { role: "admin" });

export const resetPasswordAction = action(resetPasswordSchema, async (input, user) => resetEditorPassword(await headers(), user.id, input), { role: "admin" });
