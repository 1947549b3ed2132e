import { z } from "zod";
import { newPasswordField } from "./password";

export const signInSchema = z.object({
  email: z.email("Enter a valid email address.").max(254, "That email address is too long."),
  password: z.string().min(1, "Enter your password.").max(128, "Passwords are at most 128 characters."),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(128),
    newPassword: newPasswordField,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords differ.",
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from the current one.",
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;
