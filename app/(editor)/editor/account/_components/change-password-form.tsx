"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormStatus } from "@/app/(editor)/editor/_components/use-action-form";
import { authClient } from "@/lib/auth-client";
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/validation/auth";

const fields = [
  { name: "currentPassword", label: "Current password", autoComplete: "current-password" },
  { name: "newPassword", label: "New password", autoComplete: "new-password" },
  { name: "confirmPassword", label: "Repeat new password", autoComplete: "new-password" },
] as const;

/**
 * The signed-in editor's password. It talks to better-auth's client, not to a
 * server action, so it keeps its own submit; its notices are the shared FormStatus.
 */
export function ChangePasswordForm() {
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const {
    register,
    handleSubmit,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<ChangePasswordInput>({
    resolver: zodResolver(changePasswordSchema),
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
  });

  async function onSubmit(values: ChangePasswordInput) {
    setStatus(null);
    const { error } = await authClient.changePassword({
      currentPassword: values.currentPassword,
      newPassword: values.newPassword,
      revokeOtherSessions: true,
    });
    if (error) {
      setStatus({
        ok: false,
        message:
          error.status === 429
            ? "Too many attempts. Wait a minute, then try again."
            : error.code === "INVALID_PASSWORD"
              ? "The current password is not right."
              : (error.message ?? "The password could not be changed."),
      });
      return;
    }
    reset();
    setStatus({ ok: true, message: "Password changed. Your other sessions were signed out." });
  }

  return (
    <form className="form" aria-label="Change password" onSubmit={handleSubmit(onSubmit)} noValidate>
      <FormStatus problem={status && !status.ok ? status : null} notice={status?.ok ? status.message : null} />
      {fields.map((f) => (
        <div className="field" key={f.name}>
          <label htmlFor={f.name}>{f.label}</label>
          <input id={f.name} type="password" autoComplete={f.autoComplete} aria-invalid={Boolean(errors[f.name])} {...register(f.name)} />
          {errors[f.name] && <span className="field__error">{errors[f.name]?.message}</span>}
        </div>
      ))}
      <button className="button" type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Saving…" : "Change password"}
      </button>
    </form>
  );
}
