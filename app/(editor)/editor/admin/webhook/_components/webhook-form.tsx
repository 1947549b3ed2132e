"use client";

import { useState } from "react";
import { removeAlertWebhookAction, saveAlertWebhookAction } from "@/app/(editor)/editor/_actions/webhooks";
import { useActionRunner } from "@/app/(editor)/editor/_components/action-result";
import { useActionForm } from "@/app/(editor)/editor/_components/use-action-form";
import { SubmitButton } from "@/app/(editor)/editor/_components/form-fields";
import { alertWebhookSchema } from "@/lib/validation/webhook";

interface Props {
  webhook: { url: string; active: boolean; version: number; secretHint: string } | null;
}

/** Sets the alert webhook; a new secret is shown here once, right after it is made. */
export function WebhookForm({ webhook }: Props) {
  const [secret, setSecret] = useState<string | null>(null);
  const { form, onSubmit, status } = useActionForm({
    schema: alertWebhookSchema,
    defaultValues: { url: webhook?.url ?? "", active: webhook?.active ?? true, newSecret: false, version: webhook?.version ?? null },
    action: saveAlertWebhookAction,
    onSuccess: (data, _values, f) => {
      f.setValue("version", data.version);
      f.setValue("newSecret", false);
      setSecret(data.secret);
      return { notice: data.secret ? "Saved, with a new secret (below)." : "Saved." };
    },
  });
  const { register, formState } = form;
  const e = formState.errors;
  return (
    <form className="form" noValidate aria-label="Alert webhook" onSubmit={onSubmit}>
      {status}
      {secret && (
        <div className="notice notice--ok" role="status" aria-label="New secret">
          <p>Copy the signing secret now: it is not shown again.</p>
          <code className="secret" data-testid="webhook-secret">
            {secret}
          </code>
        </div>
      )}
      <div className="field">
        <label htmlFor="wh-url">Address (POST)</label>
        <input id="wh-url" type="url" autoComplete="off" aria-invalid={Boolean(e.url)} {...register("url")} />
        {e.url ? <span className="field__error">{e.url.message}</span> : <span className="field__hint">An https:// address on the public internet.</span>}
      </div>
      <label className="row">
        <input type="checkbox" {...register("active")} /> Send alerts
      </label>
      {webhook && (
        <label className="row">
          <input type="checkbox" {...register("newSecret")} /> Make a new secret (the current one, {webhook.secretHint}, stops working)
        </label>
      )}
      <SubmitButton submitting={formState.isSubmitting} busy="Saving…">
        {webhook ? "Save webhook" : "Set up webhook"}
      </SubmitButton>
    </form>
  );
}

export function RemoveWebhookButton({ version }: { version: number }) {
  const { run, busy, problem } = useActionRunner();
  return (
    <div className="stack">
      <button type="button" className="button button--danger button--small" disabled={busy} onClick={() => run(() => removeAlertWebhookAction({ version }))}>
        Remove webhook
      </button>
      {problem && (
        <p className="field__error" role="alert">
          {problem.message}
        </p>
      )}
    </div>
  );
}
