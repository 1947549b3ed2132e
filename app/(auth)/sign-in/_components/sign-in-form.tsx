"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { authClient } from "@/lib/auth-client";
import { signInSchema, type SignInInput } from "@/lib/validation/auth";

export function SignInForm({ next }: { next: string }) {
  const router = useRouter();
  const [serverError, setServerError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SignInInput>({ resolver: zodResolver(signInSchema), defaultValues: { email: "", password: "" } });

  async function onSubmit(values: SignInInput) {
    setServerError(null);
    const { error } = await authClient.signIn.email({ email: values.email, password: values.password });
    if (error) {
      setServerError(
        error.status === 429
          ? (error.message ?? "Too many sign-in attempts. Wait a minute, then try again.")
          : error.status === 503
            ? (error.message ?? "The server is busy or its database is unavailable. Try again in a minute.")
          : error.status === 401 || error.status === 403
            ? "That email and password do not match an active editor account."
            : "Sign-in failed. Try again in a moment.",
      );
      return;
    }
    router.replace(next);
    router.refresh();
  }

  return (
    <form className="form" onSubmit={handleSubmit(onSubmit)} noValidate>
      {serverError && (
        <p className="notice notice--error" role="alert">
          {serverError}
        </p>
      )}
      <div className="field">
        <label htmlFor="email">Email</label>
        <input id="email" type="email" autoComplete="username" aria-invalid={Boolean(errors.email)} aria-describedby={errors.email ? "email-error" : undefined} {...register("email")} />
        {errors.email && <span id="email-error" className="field__error">{errors.email.message}</span>}
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input id="password" type="password" autoComplete="current-password" aria-invalid={Boolean(errors.password)} aria-describedby={errors.password ? "password-error" : undefined} {...register("password")} />
        {errors.password && <span id="password-error" className="field__error">{errors.password.message}</span>}
      </div>
      <button className="button" type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
