"use server";

import { action } from "@/lib/action";
import { unlockSignIn } from "@/lib/sign-in-guard";
import { unlockSignInSchema } from "@/lib/validation/security";

/** An admin clears an account's or an address's sign-in delay (lib/sign-in-guard.ts checks the role again). */
export const unlockSignInAction = action(unlockSignInSchema, async (input, user) => unlockSignIn(user, input), { role: "admin" });
