"use client";

import { useMemo } from "react";
import { Controller } from "react-hook-form";
import { editClaimAction } from "@/app/(editor)/editor/_actions/claims";
import { ClaimPicker, type ClaimPickerOption } from "@/app/(editor)/editor/_components/claim-picker";
import { SelectField } from "@/app/(editor)/editor/_components/select-field";
import { useActionForm } from "@/app/(editor)/editor/_components/use-action-form";
import { useVersionedRecord } from "@/app/(editor)/editor/_components/use-versioned-record";
import { SubmitButton } from "@/app/(editor)/editor/_components/form-fields";
import { claimEditSchema } from "@/lib/validation/claim";
import { FieldError, short } from "./field-error";

export interface EditableClaim {
  id: string;
  version: number;
  slug: string;
  canonical: string;
  summary: string | null;
  speakerId: string | null;
  sourceDocumentId: string | null;
  rebutsId: string | null;
}

/** A claim's wording, summary, speaker, source document and the claim it answers. */
export function ClaimEditForm({
  claim,
  speakers,
  documents,
  claims,
}: {
  claim: EditableClaim;
  speakers: { id: string; name: string }[];
  documents: { id: string; title: string }[];
  claims: ClaimPickerOption[];
}) {
  const record = useVersionedRecord(claim, {
    canonical: "Wording",
    summary: "Summary",
    speakerId: "Speaker",
    sourceDocumentId: "Source document",
    rebutsId: "Answers claim",
    slug: "Address",
  });
  const { form, onSubmit, status } = useActionForm({
    schema: claimEditSchema,
    defaultValues: {
      id: claim.id,
      version: claim.version,
      canonical: claim.canonical,
      summary: claim.summary ?? "",
      speakerId: claim.speakerId ?? "",
      sourceDocumentId: claim.sourceDocumentId ?? "",
      rebutsId: claim.rebutsId ?? "",
      slug: claim.slug,
    },
    action: (values) => editClaimAction({ ...values, version: record.version }),
    record,
    onSuccess: () => ({ notice: "Claim saved." }),
  });
  const { register, formState } = form;
  const errors = formState.errors;
  const others = useMemo(() => claims.filter((c) => c.id !== claim.id), [claims, claim.id]);
  return (
    <form className="form" noValidate aria-label="Edit claim" onSubmit={onSubmit}>
      {status}
      <div className="field">
        <label htmlFor="c-canonical">Canonical wording</label>
        <textarea id="c-canonical" className="short" aria-invalid={Boolean(errors.canonical)} {...register("canonical")} />
        <FieldError message={errors.canonical?.message} />
      </div>
      <div className="field">
        <label htmlFor="c-summary">Summary</label>
        <textarea id="c-summary" className="short" aria-invalid={Boolean(errors.summary)} {...register("summary")} />
        <FieldError message={errors.summary?.message} />
      </div>
      <div className="field">
        <label htmlFor="c-slug">Address</label>
        <input id="c-slug" aria-invalid={Boolean(errors.slug)} aria-describedby="c-slug-hint" {...register("slug")} />
        <FieldError message={errors.slug?.message} />
        <span className="field__hint" id="c-slug-hint">
          /claims/… on the public site. After a change, the old address leads here (308).
        </span>
      </div>
      <div className="form-grid">
        <SelectField id="c-speaker" label="Speaker" empty="Not set" options={speakers.map((s) => ({ value: s.id, label: s.name }))} {...register("speakerId")} />
        <SelectField id="c-source" label="Source document" empty="Not set" options={documents.map((d) => ({ value: d.id, label: short(d.title, 60) }))} {...register("sourceDocumentId")} />
        <div>
          <Controller
            control={form.control}
            name="rebutsId"
            render={({ field }) => (
              <ClaimPicker id="c-rebuts" label="Answers (counter-claim to)" options={others} value={field.value ?? ""} onChange={field.onChange} invalid={Boolean(errors.rebutsId)} />
            )}
          />
          <FieldError message={errors.rebutsId?.message} />
        </div>
      </div>
      <SubmitButton submitting={formState.isSubmitting} busy="Saving…" actionsClassName="form-actions">
        Save claim
      </SubmitButton>
    </form>
  );
}
