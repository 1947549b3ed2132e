import { z } from "zod";
import { PUBLISHED_PASSWORDS } from "../demo-accounts";

/** A password someone chooses now: the length better-auth accepts, and never one printed in the README. */
export const newPasswordField = z
  .string()
  .min(10, "Use at least 10 characters.")
  .max(128, "Passwords are at most 128 characters.")
  .refine((p) => !PUBLISHED_PASSWORDS.includes(p), { message: "That password is printed in the README: choose another." });
