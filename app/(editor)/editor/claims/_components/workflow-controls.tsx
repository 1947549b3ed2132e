"use client";

import { useState } from "react";
import { setClaimStatusAction } from "@/app/(editor)/editor/_actions/claims";
import { useActionRunner } from "@/app/(editor)/editor/_components/action-result";
import { FormStatus, useActionForm } from "@/app/(editor)/editor/_components/use-action-form";
import { claimStatusSchema } from "@/lib/validation/claim";

const STEPS = [
  { status: "draft", label: "Draft" },
  { status: "in_review", label: "In review" },
  { status: "published", label: "Published" },
] as const;

type Claim = { id: string; version: number; status: string };

/** Draft → in review → published, and back (unpublishing is recorded, with the reason readers see). */
export function WorkflowControls({ claim }: { claim: Claim }) {
  const { run, busy, problem } = useActionRunner();
  const [withdrawing, setWithdrawing] = useState(false);
  const set = (status: "draft" | "in_review" | "published") => run(() => setClaimStatusAction({ id: claim.id, version: claim.version, status }));
  const small = "button button--small";
  return (
    <div className="stack">
      <div className="workflow">
        <ol className="workflow__steps" aria-label="Workflow">
          {STEPS.map((s) => (
            <li key={s.status} aria-current={claim.status === s.status ? "step" : undefined}>
              {s.label}
            </li>
          ))}
        </ol>
        <span className="spacer" />
        {claim.status === "draft" && (
          <button type="button" className={`${small} button--secondary`} disabled={busy} onClick={() => set("in_review")}>
            Submit for review
          </button>
        )}
        {claim.status === "in_review" && (
          <button type="button" className={`${small} button--secondary`} disabled={busy} onClick={() => set("draft")}>
            Back to draft
          </button>
        )}
        {claim.status !== "published" && (
          <button type="button" className={`${small} button--ok`} disabled={busy} onClick={() => set("published")}>
            Publish
          </button>
        )}
        {claim.status === "published" && !withdrawing && (
          <button type="button" className={`${small} button--ghost-danger`} disabled={busy} onClick={() => setWithdrawing(true)}>
            Unpublish…
          </button>
        )}
      </div>
      {withdrawing && <UnpublishForm claim={claim} onDone={() => setWithdrawing(false)} />}
      <FormStatus problem={problem && { ...problem, message: problem.code === "conflict" ? `${problem.message} Reload the page to see the current state.` : problem.message }} />
    </div>
  );
}

/** Unpublishing asks why: readers see the reason at the claim's old address. */
function UnpublishForm({ claim, onDone }: { claim: Claim; onDone: () => void }) {
  const { form, onSubmit, status } = useActionForm({
    schema: claimStatusSchema,
    defaultValues: { id: claim.id, version: claim.version, status: "in_review", note: "" },
    action: (values) => setClaimStatusAction({ ...values, version: claim.version, status: "in_review", note: values.note?.trim() || undefined }),
    onSuccess: () => onDone(),
  });
  const { register, formState } = form;
  return (
    <form className="form" noValidate aria-label="Unpublish" onSubmit={onSubmit}>
      {status}
      <div className="field">
        <label htmlFor="withdrawal-reason">Why it is withdrawn (readers see this at the old address)</label>
        <input id="withdrawal-reason" maxLength={1000} {...register("note")} />
      </div>
      <div className="row">
        <button type="submit" className="button button--ghost-danger button--small" disabled={formState.isSubmitting}>
          Unpublish
        </button>
        <button type="button" className="button button--secondary button--small" onClick={onDone}>
          Keep published
        </button>
      </div>
    </form>
  );
}
