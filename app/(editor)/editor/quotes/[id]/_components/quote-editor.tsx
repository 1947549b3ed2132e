"use client";

import { Controller, useWatch, type UseFormRegisterReturn } from "react-hook-form";
import { updateQuoteAction } from "@/app/(editor)/editor/_actions/quotes";
import { updateQuoteSchema } from "@/lib/validation/quote";
import { useActionForm } from "@/app/(editor)/editor/_components/use-action-form";
import { useVersionedRecord } from "@/app/(editor)/editor/_components/use-versioned-record";
import { ClaimPicker, type ClaimPickerOption } from "@/app/(editor)/editor/_components/claim-picker";
import { SelectField } from "@/app/(editor)/editor/_components/select-field";
import { SubmitButton } from "@/app/(editor)/editor/_components/form-fields";
import { nudgeEdge } from "@/lib/anchoring/selectors";

export interface EditableQuote {
  id: string;
  version: number;
  start: number;
  end: number;
  exact: string;
  speakerId: string | null;
  claimId: string | null;
  reviewStatus: "suggested" | "confirmed" | "rejected";
}

export function QuoteEditor({
  quote,
  body,
  speakers,
  claims,
}: {
  quote: EditableQuote;
  body: string;
  speakers: { id: string; name: string }[];
  claims: ClaimPickerOption[];
}) {
  const record = useVersionedRecord(quote, { exact: "Quoted words", speakerId: "Speaker", claimId: "Claim", reviewStatus: "Review status" });
  const { form, onSubmit, status } = useActionForm({
    schema: updateQuoteSchema,
    defaultValues: {
      id: quote.id,
      version: quote.version,
      start: quote.start,
      end: quote.end,
      speakerId: quote.speakerId ?? "",
      claimId: quote.claimId ?? "",
      reviewStatus: quote.reviewStatus,
    },
    action: (values) => updateQuoteAction({ ...values, version: record.version }),
    record,
    onSuccess: () => ({ notice: "Saved." }),
  });
  const { register, setValue, control, formState } = form;
  const start = Number(useWatch({ control, name: "start" }));
  const end = Number(useWatch({ control, name: "end" }));
  const validSpan = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= body.length && start < end;
  const from = Math.max(0, (validSpan ? start : quote.start) - 200);
  const to = Math.min(body.length, (validSpan ? end : quote.end) + 200);
  const orphaned = quote.start < 0;

  function move(edge: "start" | "end", direction: -1 | 1) {
    const value = edge === "start" ? start : end;
    const next = nudgeEdge(body, value, direction, edge);
    setValue(edge, Math.max(0, Math.min(body.length, next)), { shouldDirty: true });
  }

  return (
    <form className="form" noValidate onSubmit={onSubmit}>
      {status}
      <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }}>
        <legend className="field-legend">Span</legend>
        {orphaned ? (
          <p className="notice notice--info">
            This quote lost its place when the article text was corrected. Enter a new span below to re-anchor it, or reject it.
          </p>
        ) : null}
        <div className="span-preview" aria-live="polite">
          {validSpan ? (
            <>
              {from > 0 && "…"}
              {body.slice(from, start)}
              <mark>{body.slice(start, end)}</mark>
              {body.slice(end, to)}
              {to < body.length && "…"}
            </>
          ) : (
            <span className="muted">Choose a span inside the article (0 to {body.length}).</span>
          )}
        </div>
        <div className="row" style={{ marginTop: "0.5rem" }}>
          <EdgeControls edge="start" move={move} input={register("start", { valueAsNumber: true })} />
          <span className="spacer" />
          <EdgeControls edge="end" move={move} input={register("end", { valueAsNumber: true })} />
        </div>
        {(formState.errors.start || formState.errors.end) && (
          <span className="field__error">{formState.errors.start?.message ?? formState.errors.end?.message}</span>
        )}
      </fieldset>
      <div className="form-grid">
        <SelectField id="q-speaker" label="Speaker" empty="No speaker" options={speakers.map((s) => ({ value: s.id, label: s.name }))} {...register("speakerId")} />
        <Controller
          control={form.control}
          name="claimId"
          render={({ field }) => <ClaimPicker id="q-claim" label="Claim" options={claims} value={field.value ?? ""} onChange={field.onChange} />}
        />
        <div className="field">
          <label htmlFor="q-status">Review status</label>
          <select id="q-status" {...register("reviewStatus")}>
            <option value="suggested">Suggested</option>
            <option value="confirmed">Confirmed</option>
            <option value="rejected">Rejected</option>
          </select>
        </div>
      </div>
      <SubmitButton submitting={formState.isSubmitting} busy="Saving…" actionsClassName="form-actions">
        Save quote
      </SubmitButton>
    </form>
  );
}

/** One edge of the span: a word earlier or later, or an exact offset. */
function EdgeControls({ edge, move, input }: { edge: "start" | "end"; move: (edge: "start" | "end", direction: -1 | 1) => void; input: UseFormRegisterReturn }) {
  const label = edge === "start" ? "Start" : "End";
  return (
    <>
      <span className="small muted">{label}</span>
      <div className="nudges">
        <button type="button" className="button button--secondary button--small" onClick={() => move(edge, -1)} aria-label={`${label} one word earlier`}>
          ← word
        </button>
        <button type="button" className="button button--secondary button--small" onClick={() => move(edge, 1)} aria-label={`${label} one word later`}>
          word →
        </button>
      </div>
      <input aria-label={`${label} offset`} type="number" className="select-small" style={{ width: "6rem" }} {...input} />
    </>
  );
}
