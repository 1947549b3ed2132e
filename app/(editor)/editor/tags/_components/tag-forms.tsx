"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { createTagAction, deleteTagAction, mergeTagsAction, editTagAction } from "@/app/(editor)/editor/_actions/tags";
import { createTagSchema, mergeTagsSchema, tagKindValues, tagEditSchema, type CreateTagInput } from "@/lib/validation/tag";
import { useActionRunner } from "@/app/(editor)/editor/_components/action-result";
import { SubmitButton, TextField } from "@/app/(editor)/editor/_components/form-fields";
import { useActionForm } from "@/app/(editor)/editor/_components/use-action-form";
import { useVersionedRecord } from "@/app/(editor)/editor/_components/use-versioned-record";

const PALETTE = ["#1d4ed8", "#067647", "#b42318", "#b54708", "#6d28d9", "#0e7490", "#be185d", "#64748b"];

function TagFields({ register, errors, idPrefix }: { register: ReturnType<typeof useForm<CreateTagInput>>["register"]; errors: Partial<Record<"name" | "colour" | "kind", { message?: string }>>; idPrefix: string }) {
  return (
    <div className="form-grid">
      <TextField id={`${idPrefix}-name`} label="Name" error={errors.name?.message} {...register("name")} />
      <div className="field">
        <label htmlFor={`${idPrefix}-kind`}>Kind</label>
        <select id={`${idPrefix}-kind`} {...register("kind")}>
          {tagKindValues.map((k) => (
            <option key={k} value={k}>
              {k[0].toUpperCase() + k.slice(1)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-colour`}>Colour</label>
        <div className="row">
          <input id={`${idPrefix}-colour`} type="color" style={{ width: "3rem", padding: "0.15rem", height: "2.4rem" }} aria-invalid={Boolean(errors.colour)} {...register("colour")} />
          <span className="small muted">or type #rrggbb</span>
        </div>
        {errors.colour && <span className="field__error">{errors.colour.message}</span>}
      </div>
    </div>
  );
}

export function NewTagForm() {
  const { form, onSubmit, status } = useActionForm({
    schema: createTagSchema,
    defaultValues: { name: "", colour: PALETTE[0], kind: "topic" },
    action: createTagAction,
    onSuccess: (_tag, values, form) => {
      form.reset({ name: "", colour: values.colour, kind: values.kind });
      return { notice: `Tag “${values.name}” created.` };
    },
  });
  const { register, formState } = form;
  return (
    <form className="form" noValidate aria-label="New tag" onSubmit={onSubmit}>
      {status}
      <TagFields register={register} errors={formState.errors} idPrefix="new-tag" />
      <SubmitButton submitting={formState.isSubmitting} busy="Creating…">
        Create tag
      </SubmitButton>
    </form>
  );
}

export function EditTagForm({ tag }: { tag: { id: string; version: number; name: string; colour: string; kind: "topic" | "entity" | "framing" } }) {
  const record = useVersionedRecord(tag, { name: "Name", colour: "Colour", kind: "Kind" });
  const { form, onSubmit, status } = useActionForm({
    schema: tagEditSchema,
    defaultValues: tag,
    action: (values) => editTagAction({ ...values, version: record.version }),
    record,
    onSuccess: () => ({ notice: "Tag saved." }),
  });
  const { register, formState } = form;
  return (
    <form className="form" noValidate aria-label="Edit tag" onSubmit={onSubmit}>
      {status}
      <TagFields register={register as unknown as ReturnType<typeof useForm<CreateTagInput>>["register"]} errors={formState.errors} idPrefix="edit-tag" />
      <SubmitButton submitting={formState.isSubmitting} busy="Saving…">
        Save tag
      </SubmitButton>
    </form>
  );
}

export function MergeTagForm({ tag, others }: { tag: { id: string; version: number; name: string }; others: { id: string; name: string; kind: string }[] }) {
  const router = useRouter();
  const { form, onSubmit, status } = useActionForm({
    schema: mergeTagsSchema,
    defaultValues: { sourceId: tag.id, sourceVersion: tag.version, targetId: "" },
    action: (values) => mergeTagsAction({ ...values, sourceVersion: tag.version }),
    refresh: false,
    onSuccess: (merged) => router.push(`/editor/tags/${merged.id}`),
  });
  const { register, formState } = form;
  return (
    <form className="form" noValidate aria-label="Merge tag" onSubmit={onSubmit}>
      {status}
      <div className="field">
        <label htmlFor="merge-target">Merge “{tag.name}” into</label>
        <select id="merge-target" aria-invalid={Boolean(formState.errors.targetId)} {...register("targetId")}>
          <option value="">Choose the tag to keep…</option>
          {others.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name} ({o.kind})
            </option>
          ))}
        </select>
        {formState.errors.targetId && <span className="field__error">{formState.errors.targetId.message}</span>}
        <span className="field__hint">Every claim and quote carrying “{tag.name}” gets the kept tag; “{tag.name}” is deleted.</span>
      </div>
      <SubmitButton submitting={formState.isSubmitting} busy="Merging…" className="button button--secondary">
        Merge tags
      </SubmitButton>
    </form>
  );
}

export function DeleteTagButton({ tag, uses }: { tag: { id: string; version: number; name: string }; uses: number }) {
  const router = useRouter();
  const { run, busy, problem } = useActionRunner();
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="stack">
      {problem && (
        <p className="notice notice--error" role="alert">
          {problem.message}
        </p>
      )}
      {confirming ? (
        <div className="row">
          <span>
            Delete “{tag.name}”{uses > 0 ? ` and remove it from ${uses} ${uses === 1 ? "claim or quote" : "claims and quotes"}` : ""}?
          </span>
          <button
            type="button"
            className="button button--danger button--small"
            disabled={busy}
            onClick={async () => {
              const done = await run(() => deleteTagAction({ id: tag.id, version: tag.version }), { refresh: false });
              if (done) router.push("/editor/tags");
            }}
          >
            Delete tag
          </button>
          <button type="button" className="button button--secondary button--small" onClick={() => setConfirming(false)}>
            Keep
          </button>
        </div>
      ) : (
        <button type="button" className="button button--ghost-danger" onClick={() => setConfirming(true)}>
          Delete…
        </button>
      )}
    </div>
  );
}
