import { z } from "zod";
import { newPasswordField as password } from "./password";
import { idField, safeString } from "./text";

export const createUserSchema = z.object({
  name: safeString("The name").refine((s) => !/[\r\n]/.test(s), { message: "The name must be one line." }).trim().min(2, "Enter the editor's name.").max(100, "At most 100 characters."),
  email: z.email("Enter a valid email address.").max(254),
  password,
  role: z.enum(["editor", "admin"]),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const setUserActiveSchema = z.object({ userId: idField().min(1), active: z.boolean() });
export type SetUserActiveInput = z.infer<typeof setUserActiveSchema>;

export const resetPasswordSchema = z.object({ userId: idField().min(1), password });
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;
