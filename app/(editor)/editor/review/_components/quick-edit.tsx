"use client";

import Link from "next/link";
import { useState } from "react";
import { Controller } from "react-hook-form";
import { updateQuoteAction } from "@/app/(editor)/editor/_actions/quotes";
import type { listReviewQueue } from "@/lib/review-queue";
import { updateQuoteSchema } from "@/lib/validation/quote";
import { ClaimPicker, type ClaimPickerOption } from "@/app/(editor)/editor/_components/claim-picker";
import { NewClaimFromQuote } from "@/app/(editor)/editor/_components/new-claim-from-quote";
import { useActionForm } from "@/app/(editor)/editor/_components/use-action-form";

export type QueueQuote = Awaited<ReturnType<typeof listReviewQueue>>["quotes"][number];
export type Option = { id: string; name: string };
export type ClaimOption = ClaimPickerOption & { status: string };

export function truncate(text: string, n: number) {
  return text.length > n ? `${text.slice(0, n)}…` : text;
}

/** Change the speaker or the claim of a quote (saving confirms it), or start a new claim from it. */
export function QuickEdit({ quote, claims, speakers, onDone }: { quote: QueueQuote; claims: ClaimOption[]; speakers: Option[]; onDone: (message: string) => void }) {
  const [mode, setMode] = useState<"edit" | "new-claim">("edit");
  return (
    <>
      <div className="tabs" role="group" aria-label="What to change">
        <button type="button" aria-pressed={mode === "edit"} onClick={() => setMode("edit")}>
          Speaker and claim
        </button>
        <button type="button" aria-pressed={mode === "new-claim"} onClick={() => setMode("new-claim")}>
          Start a new claim
        </button>
      </div>
      {mode === "edit" ? <QuickEditFields quote={quote} claims={claims} speakers={speakers} onDone={onDone} /> : <NewClaimFromQuote quote={quote} compact />}
    </>
  );
}

function QuickEditFields({ quote, claims, speakers, onDone }: { quote: QueueQuote; claims: ClaimOption[]; speakers: Option[]; onDone: (message: string) => void }) {
  const { form, onSubmit, status } = useActionForm({
    schema: updateQuoteSchema,
    defaultValues: {
      id: quote.id,
      version: quote.version,
      start: 0,
      end: 1,
      speakerId: quote.speaker?.id ?? "",
      claimId: quote.claim?.id ?? "",
      reviewStatus: "confirmed",
    },
    // The span stays where it is: this form changes the speaker and the claim only.
    action: (values) => updateQuoteAction({ ...values, start: quote.start, end: quote.end }),
    onSuccess: () => onDone("Saved and confirmed."),
  });
  const { register, formState } = form;
  return (
    <form className="form" noValidate onSubmit={onSubmit}>
      {status}
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`speaker-${quote.id}`}>Speaker</label>
          <select id={`speaker-${quote.id}`} {...register("speakerId")}>
            <option value="">No speaker</option>
            {speakers.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <Controller
          control={form.control}
          name="claimId"
          render={({ field }) => <ClaimPicker id={`claim-${quote.id}`} label="Claim" options={claims} value={field.value ?? ""} onChange={field.onChange} />}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--small" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Saving…" : "Save and confirm"}
        </button>
        <Link href={`/editor/quotes/${quote.id}`} className="small">
          Adjust the span…
        </Link>
      </div>
    </form>
  );
}
