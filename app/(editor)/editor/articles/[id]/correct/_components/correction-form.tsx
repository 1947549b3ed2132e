"use client";

import Link from "next/link";
import { correctArticleAction } from "@/app/(editor)/editor/_actions/articles";
import { correctArticleSchema } from "@/lib/validation/article";
import { useActionForm } from "@/app/(editor)/editor/_components/use-action-form";
import { useVersionedRecord } from "@/app/(editor)/editor/_components/use-versioned-record";
import { TextField } from "@/app/(editor)/editor/_components/form-fields";

export function CorrectionForm({ article, anchors }: { article: { id: string; version: number; body: string }; anchors: number }) {
  const record = useVersionedRecord(article, { body: "Article text" });
  const { form, onSubmit, status } = useActionForm({
    schema: correctArticleSchema,
    defaultValues: { id: article.id, version: article.version, body: article.body, note: "" },
    action: (values) => correctArticleAction({ ...values, version: record.version }),
    record,
    // A whole article's text is too long to show; say that it changed.
    showChanges: (changes) => changes.map((c) => ({ ...c, before: "(previous text)", after: "(their corrected text)" })),
    onSuccess: ({ summary: done }) => ({
      notice: (
        <>
          Saved. {done.anchored} {done.anchored === 1 ? "anchor" : "anchors"} kept, {done.fuzzy} found again with changes, {done.orphaned} orphaned.{" "}
          <Link href={`/editor/articles/${article.id}`}>Back to the article</Link>
        </>
      ),
    }),
  });
  const { register, formState } = form;
  return (
    <form className="form" noValidate onSubmit={onSubmit}>
      {status}
      <div className="field">
        <label htmlFor="c-body">Article text</label>
        <textarea id="c-body" rows={24} style={{ fontFamily: "var(--serif)", lineHeight: 1.6 }} aria-invalid={Boolean(formState.errors.body)} {...register("body")} />
        {formState.errors.body ? (
          <span className="field__error">{formState.errors.body.message}</span>
        ) : (
          <span className="field__hint">One paragraph per line; the first line is the headline. {anchors} quotes and annotations will be re-anchored.</span>
        )}
      </div>
      <TextField id="c-note" label="What was corrected (for the history)" error={formState.errors.note?.message} {...register("note")} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Re-anchoring…" : "Save correction"}
        </button>
        <Link href={`/editor/articles/${article.id}`}>Cancel</Link>
      </div>
    </form>
  );
}
