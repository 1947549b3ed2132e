"use client";

import { useRouter } from "next/navigation";
import { createClaimAction } from "@/app/(editor)/editor/_actions/claims";
import { SelectField } from "@/app/(editor)/editor/_components/select-field";
import { useActionForm } from "@/app/(editor)/editor/_components/use-action-form";
import { createClaimSchema } from "@/lib/validation/claim";
import { FieldError } from "./field-error";

/** A new draft claim, written by hand; the editor is taken to it. */
export function NewClaimForm({ speakers }: { speakers: { id: string; name: string }[] }) {
  const router = useRouter();
  const { form, onSubmit, status } = useActionForm({
    schema: createClaimSchema,
    defaultValues: { canonical: "", speakerId: "" },
    action: createClaimAction,
    refresh: false,
    onSuccess: (created) => router.push(`/editor/claims/${created.id}`),
  });
  const { register, formState } = form;
  return (
    <form className="form" noValidate aria-label="New claim" onSubmit={onSubmit}>
      {status}
      <div className="field">
        <label htmlFor="new-canonical">Claim, in neutral wording</label>
        <textarea id="new-canonical" className="short" aria-invalid={Boolean(formState.errors.canonical)} {...register("canonical")} />
        <FieldError message={formState.errors.canonical?.message} />
      </div>
      <SelectField id="new-speaker" label="Speaker" empty="Not set" options={speakers.map((s) => ({ value: s.id, label: s.name }))} {...register("speakerId")} />
      <button type="submit" className="button" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Creating…" : "Create draft claim"}
      </button>
    </form>
  );
}
