"use client";

import { useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import { createVerdictLabelAction, deleteVerdictLabelAction, editVerdictLabelAction, moveVerdictLabelAction } from "@/app/(editor)/editor/_actions/verdict-labels";
import { useActionRunner } from "@/app/(editor)/editor/_components/action-result";
import { SubmitButton, TextField } from "@/app/(editor)/editor/_components/form-fields";
import { useActionForm } from "@/app/(editor)/editor/_components/use-action-form";
import { useVersionedRecord } from "@/app/(editor)/editor/_components/use-versioned-record";
import { createVerdictLabelSchema, editVerdictLabelSchema, ratingValueChoices, type CreateVerdictLabelInput } from "@/lib/validation/verdict-label";

type Choice = (typeof ratingValueChoices)[number];
const CHOICE_LABELS: Record<Choice, string> = { "": "None — not a degree of truth", "5": "5 — true", "4": "4", "3": "3", "2": "2", "1": "1 — false" };

function LabelFields({ form, idPrefix }: { form: UseFormReturn<CreateVerdictLabelInput>; idPrefix: string }) {
  const { register, formState } = form;
  const { errors } = formState;
  return (
    <>
      <TextField id={`${idPrefix}-name`} label="Name" error={errors.name?.message} {...register("name")} />
      <div className="field">
        <label htmlFor={`${idPrefix}-scale`}>Place on the truth scale</label>
        <select id={`${idPrefix}-scale`} aria-invalid={Boolean(errors.ratingValue)} {...register("ratingValue")}>
          {ratingValueChoices.map((c) => (
            <option key={c} value={c}>
              {CHOICE_LABELS[c]}
            </option>
          ))}
        </select>
        {errors.ratingValue && <span className="field__error">{errors.ratingValue.message}</span>}
      </div>
      <TextField id={`${idPrefix}-description`} label="Description" error={errors.description?.message} {...register("description")} />
    </>
  );
}

export function NewVerdictLabelForm() {
  const { form, onSubmit, status } = useActionForm({
    schema: createVerdictLabelSchema,
    defaultValues: { name: "", description: "", ratingValue: "" },
    action: createVerdictLabelAction,
    onSuccess: (_data, values, f) => {
      f.reset({ name: "", description: "", ratingValue: "" });
      return { notice: `Verdict “${values.name}” added.` };
    },
  });
  return (
    <form className="form" noValidate aria-label="New verdict" onSubmit={onSubmit}>
      {status}
      <LabelFields form={form} idPrefix="new-verdict" />
      <SubmitButton submitting={form.formState.isSubmitting} busy="Adding…">
        Add verdict
      </SubmitButton>
    </form>
  );
}

interface Label {
  id: string;
  version: number;
  name: string;
  description: string;
  ratingValue: Choice;
  uses: number;
}

function EditVerdictLabelForm({ label }: { label: Label }) {
  const fields = { id: label.id, version: label.version, name: label.name, description: label.description, ratingValue: label.ratingValue };
  const record = useVersionedRecord(fields, { name: "Name", ratingValue: "Place on the scale", description: "Description" });
  const { form, onSubmit, status } = useActionForm({
    schema: editVerdictLabelSchema,
    defaultValues: fields,
    action: (values) => editVerdictLabelAction({ ...values, version: record.version }),
    record,
    onSuccess: () => ({ notice: "Verdict saved." }),
  });
  return (
    <form className="form" noValidate aria-label={`Edit ${label.name}`} onSubmit={onSubmit}>
      {status}
      <LabelFields form={form as unknown as UseFormReturn<CreateVerdictLabelInput>} idPrefix={`verdict-${label.id}`} />
      <SubmitButton submitting={form.formState.isSubmitting} busy="Saving…" className="button button--small">
        Save verdict
      </SubmitButton>
    </form>
  );
}

/** One label: its name and scale, move up/down, edit, delete (refused while it rates a claim). */
export function VerdictLabelRow({ label, first, last }: { label: Label; first: boolean; last: boolean }) {
  const { run, busy, problem } = useActionRunner();
  const [editing, setEditing] = useState(false);
  return (
    <li className="card stack" aria-label={label.name}>
      <div className="row">
        <strong>{label.name}</strong>
        <span className="badge">{label.ratingValue === "" ? "off the scale" : `${label.ratingValue} of 5`}</span>
        <span className="muted small">
          rates {label.uses} {label.uses === 1 ? "claim" : "claims"}
        </span>
        <span className="toolbar">
          <button type="button" className="button button--secondary button--small" disabled={busy || first} aria-label={`Move ${label.name} up`} onClick={() => run(() => moveVerdictLabelAction({ id: label.id, version: label.version, direction: "up" }))}>
            ↑
          </button>
          <button type="button" className="button button--secondary button--small" disabled={busy || last} aria-label={`Move ${label.name} down`} onClick={() => run(() => moveVerdictLabelAction({ id: label.id, version: label.version, direction: "down" }))}>
            ↓
          </button>
          <button type="button" className="button button--secondary button--small" aria-expanded={editing} onClick={() => setEditing(!editing)}>
            {editing ? "Close" : "Edit"}
          </button>
          <button type="button" className="button button--ghost-danger button--small" disabled={busy} onClick={() => run(() => deleteVerdictLabelAction({ id: label.id, version: label.version }))}>
            Delete
          </button>
        </span>
      </div>
      {label.description && <p className="small muted">{label.description}</p>}
      {problem && (
        <p className="notice notice--error" role="alert">
          {problem.message}
        </p>
      )}
      {editing && <EditVerdictLabelForm label={label} />}
    </li>
  );
}
