"use client";

import type { UseFormRegister } from "react-hook-form";
import type { z } from "zod";
import { saveRatingAction } from "@/app/(editor)/editor/_actions/claims";
import { useActionForm } from "@/app/(editor)/editor/_components/use-action-form";
import { useVersionedRecord } from "@/app/(editor)/editor/_components/use-versioned-record";
import { SubmitButton } from "@/app/(editor)/editor/_components/form-fields";
import { ratingSchema } from "@/lib/validation/rating";
import { FieldError } from "./field-error";

export interface EditableRating {
  version: number;
  verdictLabelId: string;
  verdictExplanation: string;
  fidelityRating: number;
  fidelityExplanation: string;
  framingRating: number;
  framingExplanation: string;
}

type RatingValues = z.input<typeof ratingSchema>;

// A claim not rated yet: version 0, nothing chosen. Module-level, so its identity is stable.
const UNRATED: EditableRating = { version: 0, verdictLabelId: "", verdictExplanation: "", fidelityRating: 0, fidelityExplanation: "", framingRating: 0, framingExplanation: "" };

/**
 * A 1–5 scale as radio buttons; a radio's value is a string, so the stored number is given as one.
 * `stored` is checked in the server's HTML too (register's defaultValue is the group's, not a radio's).
 */
function Scale({ name, low, high, register, stored, error }: { name: "fidelityRating" | "framingRating"; low: string; high: string; register: UseFormRegister<RatingValues>; stored: number | null; error?: string }) {
  return (
    <div>
      <div className="scale" role="radiogroup" aria-label={name === "fidelityRating" ? "Quote fidelity, 1 to 5" : "Framing, 1 to 5"}>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n}>
            <input type="radio" {...register(name)} value={String(n)} defaultValue={undefined} defaultChecked={stored === n} />
            <span>{n}</span>
          </label>
        ))}
      </div>
      <div className="scale__ends">
        <span>1 · {low}</span>
        <span>5 · {high}</span>
      </div>
      <FieldError message={error} />
    </div>
  );
}

function Explanation({ id, label, error, ...field }: { id: string; label: string; error?: string } & ReturnType<UseFormRegister<RatingValues>>) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} className="short" aria-invalid={Boolean(error)} {...field} />
      <FieldError message={error} />
    </div>
  );
}

/**
 * The claim's verdict and its fidelity and framing ratings. An already rated claim's form
 * opens with its stored values (verdict, both scales, the explanations).
 */
export function RatingForm({
  claimId,
  rating,
  labels,
  published = false,
}: {
  claimId: string;
  rating: EditableRating | null;
  labels: { id: string; name: string; description: string | null }[];
  /** A published claim's changed verdict or rating is a public correction: the form asks why. */
  published?: boolean;
}) {
  const record = useVersionedRecord(rating ?? UNRATED, {
    verdictLabelId: "Verdict",
    verdictExplanation: "Verdict explanation",
    fidelityRating: "Fidelity",
    fidelityExplanation: "Fidelity explanation",
    framingRating: "Framing",
    framingExplanation: "Framing explanation",
  });
  const labelName = (id: string) => labels.find((l) => l.id === id)?.name ?? id;
  const { form, onSubmit, status } = useActionForm({
    schema: ratingSchema,
    defaultValues: {
      claimId,
      version: rating?.version ?? null,
      verdictLabelId: rating?.verdictLabelId ?? "",
      verdictExplanation: rating?.verdictExplanation ?? "",
      fidelityRating: rating ? String(rating.fidelityRating) : undefined,
      fidelityExplanation: rating?.fidelityExplanation ?? "",
      framingRating: rating ? String(rating.framingRating) : undefined,
      framingExplanation: rating?.framingExplanation ?? "",
      correctionNote: "",
    },
    action: (values) => saveRatingAction({ ...values, version: record.version || null }),
    record,
    showChanges: (changes) => changes.map((c) => (c.field === "verdictLabelId" ? { ...c, before: labelName(c.before), after: labelName(c.after) } : c)),
    onSuccess: () => ({ notice: "Rating saved." }),
  });
  const { register, formState } = form;
  const errors = formState.errors;
  return (
    <form className="form" noValidate aria-label="Rating" onSubmit={onSubmit}>
      {status}
      <div className="field">
        <label htmlFor="r-verdict">Verdict</label>
        <select id="r-verdict" aria-invalid={Boolean(errors.verdictLabelId)} {...register("verdictLabelId")}>
          <option value="">Choose a verdict…</option>
          {labels.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
              {l.description ? ` — ${l.description}` : ""}
            </option>
          ))}
        </select>
        <FieldError message={errors.verdictLabelId?.message} />
      </div>
      <Explanation id="r-verdict-why" label="Why this verdict" error={errors.verdictExplanation?.message} {...register("verdictExplanation")} />
      <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }}>
        <legend className="field-legend">Quote fidelity</legend>
        <Scale name="fidelityRating" low="distorted" high="faithful" register={register} stored={rating?.fidelityRating ?? null} error={errors.fidelityRating?.message} />
      </fieldset>
      <Explanation id="r-fidelity-why" label="Why this fidelity rating" error={errors.fidelityExplanation?.message} {...register("fidelityExplanation")} />
      <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }}>
        <legend className="field-legend">Framing</legend>
        <Scale name="framingRating" low="loaded" high="neutral" register={register} stored={rating?.framingRating ?? null} error={errors.framingRating?.message} />
      </fieldset>
      <Explanation id="r-framing-why" label="Why this framing rating" error={errors.framingExplanation?.message} {...register("framingExplanation")} />
      {published && rating && (
        <div className="field">
          <label htmlFor="r-correction">If the verdict or a rating changes: why (readers see “Updated on DATE: …”)</label>
          <input id="r-correction" aria-invalid={Boolean(errors.correctionNote)} {...register("correctionNote")} />
          <FieldError message={errors.correctionNote?.message} />
        </div>
      )}
      <SubmitButton submitting={formState.isSubmitting} busy="Saving…" actionsClassName="form-actions">
        {rating ? "Save rating" : "Rate claim"}
      </SubmitButton>
    </form>
  );
}
