"use client";

import { useMemo, useState } from "react";
import { Controller, useWatch } from "react-hook-form";
import { mergeClaimsAction } from "@/app/(editor)/editor/_actions/claims";
import { Combobox } from "@/app/(editor)/editor/_components/combobox";
import { useActionForm } from "@/app/(editor)/editor/_components/use-action-form";
import { mergeClaimsSchema } from "@/lib/validation/claim";
import { FieldError, short } from "./field-error";

const quotesLabel = (n: number) => `${n} ${n === 1 ? "quote" : "quotes"}`;

/** Merges another claim into this one, after showing what will move. */
export function MergeClaimForm({
  claim,
  others,
}: {
  claim: { id: string; version: number };
  others: { id: string; canonical: string; status?: string; quotes: number }[];
}) {
  const [confirming, setConfirming] = useState(false);
  const { form, onSubmit, status } = useActionForm({
    schema: mergeClaimsSchema,
    defaultValues: { survivorId: claim.id, survivorVersion: claim.version, absorbedId: "" },
    action: async (values) => {
      const result = await mergeClaimsAction({ ...values, survivorVersion: claim.version });
      setConfirming(false);
      return result;
    },
    onSuccess: (_merged, _values, f) => {
      f.reset({ survivorId: claim.id, survivorVersion: claim.version, absorbedId: "" });
      return { notice: "Merged: its quotes, tags, annotations and history are now this claim's, and its old address leads here." };
    },
  });
  const { formState, control } = form;
  const options = useMemo(() => others.map((o) => ({ value: o.id, label: o.canonical, detail: [quotesLabel(o.quotes), o.status].filter(Boolean).join(" · ") })), [others]);
  const absorbedId = useWatch({ control, name: "absorbedId" });
  const absorbed = others.find((o) => o.id === absorbedId);
  return (
    <form
      className="form"
      noValidate
      aria-label="Merge another claim into this one"
      onSubmit={(e) => {
        if (!confirming) {
          // First press: validate, then ask to confirm with what will move.
          e.preventDefault();
          void form.trigger("absorbedId").then((ok) => setConfirming(ok));
          return;
        }
        void onSubmit(e);
      }}
    >
      {status}
      <div className="field">
        {/* A search box over the other claims (they can be thousands), as every claim picker. */}
        <Controller
          control={control}
          name="absorbedId"
          render={({ field }) => (
            <Combobox
              id="merge-claim"
              label="Claim to merge into this one"
              placeholder="Search claims by wording or status…"
              options={options}
              value={field.value}
              onChange={(value) => {
                field.onChange(value);
                setConfirming(false);
              }}
              invalid={Boolean(formState.errors.absorbedId)}
            />
          )}
        />
        <FieldError message={formState.errors.absorbedId?.message} />
      </div>
      {confirming && absorbed && (
        <p className="notice notice--info">
          “{short(absorbed.canonical, 120)}” will be deleted; its {quotesLabel(absorbed.quotes)}, tags, annotations and history move here.
          {absorbed.status === "published" ? " It is published: its public address will lead to this claim." : ""}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className={confirming ? "button button--danger button--small" : "button button--secondary button--small"} disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Merging…" : confirming ? "Yes, merge" : "Merge…"}
        </button>
        {confirming && (
          <button type="button" className="button button--secondary button--small" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
