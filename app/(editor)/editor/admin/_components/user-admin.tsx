"use client";

import { useState } from "react";
import { createUserAction, resetPasswordAction, setUserActiveAction } from "@/app/(editor)/editor/_actions/users";
import { createUserSchema, resetPasswordSchema } from "@/lib/validation/user";
import { useActionRunner } from "@/app/(editor)/editor/_components/action-result";
import { useActionForm } from "@/app/(editor)/editor/_components/use-action-form";
import { SubmitButton, TextField } from "@/app/(editor)/editor/_components/form-fields";

export function CreateUserForm() {
  const { form, onSubmit, status } = useActionForm({
    schema: createUserSchema,
    defaultValues: { name: "", email: "", password: "", role: "editor" },
    action: createUserAction,
    onSuccess: (_user, values, form) => {
      form.reset();
      return { notice: `Account for ${values.email} created. Give them the password by a safe channel; they can change it under Account.` };
    },
  });
  const { register, formState } = form;
  const e = formState.errors;
  return (
    <form className="form" noValidate aria-label="New account" onSubmit={onSubmit}>
      {status}
      <TextField id="u-name" label="Name" error={e.name?.message} autoComplete="off" {...register("name")} />
      <TextField id="u-email" label="Email" error={e.email?.message} type="email" autoComplete="off" {...register("email")} />
      <div className="field">
        <label htmlFor="u-password">First password</label>
        <input id="u-password" type="password" autoComplete="new-password" aria-invalid={Boolean(e.password)} {...register("password")} />
        {e.password ? <span className="field__error">{e.password.message}</span> : <span className="field__hint">At least 10 characters.</span>}
      </div>
      <div className="field">
        <label htmlFor="u-role">Role</label>
        <select id="u-role" {...register("role")}>
          <option value="editor">Editor</option>
          <option value="admin">Admin (can manage accounts)</option>
        </select>
      </div>
      <SubmitButton submitting={formState.isSubmitting} busy="Creating…">
        Create account
      </SubmitButton>
    </form>
  );
}

export function UserRowActions({ user, self }: { user: { id: string; name: string; banned: boolean }; self: boolean }) {
  const { run, busy, problem } = useActionRunner();
  const [resetting, setResetting] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const passwordForm = useActionForm({
    schema: resetPasswordSchema,
    defaultValues: { userId: user.id, password: "" },
    action: resetPasswordAction,
    refresh: false,
    onSuccess: (_done, _values, form) => {
      form.reset();
      setResetting(false);
      setDone("Password reset; their sessions were ended.");
    },
  });
  const { register, formState } = passwordForm.form;
  // A refusal without a field (e.g. the account is gone) is shown under the password field too.
  const passwordError = formState.errors.password?.message ?? passwordForm.problem?.message;
  return (
    <div className="stack" style={{ minWidth: "14rem" }}>
      <div className="row">
        {!self &&
          (user.banned ? (
            <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => run(() => setUserActiveAction({ userId: user.id, active: true }))}>
              Reactivate
            </button>
          ) : (
            <button
              type="button"
              className="button button--ghost-danger button--small"
              disabled={busy}
              aria-label={`Deactivate ${user.name}`}
              onClick={() => run(() => setUserActiveAction({ userId: user.id, active: false }))}
            >
              Deactivate
            </button>
          ))}
        <button type="button" className="button button--secondary button--small" aria-expanded={resetting} onClick={() => setResetting(!resetting)}>
          Reset password
        </button>
      </div>
      {problem && (
        <p className="field__error" role="alert">
          {problem.message}
        </p>
      )}
      {done && (
        <p className="small" role="status" style={{ color: "var(--ok)", margin: 0 }}>
          {done}
        </p>
      )}
      {resetting && (
        <form className="row" noValidate onSubmit={passwordForm.onSubmit}>
          <input type="password" aria-label={`New password for ${user.name}`} autoComplete="new-password" className="select-small" aria-invalid={Boolean(passwordError)} {...register("password")} />
          <button type="submit" className="button button--small" disabled={formState.isSubmitting}>
            Set
          </button>
          {passwordError && <span className="field__error" style={{ width: "100%" }}>{passwordError}</span>}
        </form>
      )}
    </div>
  );
}
