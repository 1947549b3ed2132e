"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { correctArticleAction } from "@/app/(editor)/editor/_actions/articles";
import { correctArticleSchema } from "@/lib/validation/article";
import { applyActionErrors, type ServerProblem } from "@/app/(editor)/editor/_components/action-result";
import { ConflictNotice } from "@/app/(editor)/editor/_components/conflict-notice";
import { useVersionedRecord } from "@/app/(editor)/editor/_components/use-versioned-record";

type Values = z.input<typeof correctArticleSchema>;

export function CorrectionForm({ article, anchors }: { article: { id: string; version: number; body: string }; anchors: number }) {
  const router = useRouter();
  const record = useVersionedRecord(article, { body: "Article text" });
  const [problem, setProblem] = useState<ServerProblem | null>(null);
  const [done, setDone] = useState<{ anchored: number; fuzzy: number; orphaned: number } | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<Values, unknown, z.output<typeof correctArticleSchema>>({
    resolver: zodResolver(correctArticleSchema),
    defaultValues: { id: article.id, version: article.version, body: article.body, note: "" },
  });
  return (
    <form
      className="form"
      noValidate
      onSubmit={handleSubmit(async (values) => {
        setProblem(null);
        const result = await correctArticleAction({ ...values, version: record.version });
        if (!result.ok) {
          if (result.code === "conflict") record.markStale();
          setProblem(applyActionErrors(result, setError, ["body", "note"]));
          return;
        }
        record.saved(result.data.version);
        setDone(result.data.summary);
        router.refresh();
      })}
    >
      <ConflictNotice
        stale={record.stale}
        message={problem?.message}
        changes={record.changes?.map((c) => ({ ...c, before: "(previous text)", after: "(their corrected text)" })) ?? null}
        onReload={() => {
          setProblem(null);
          record.reload();
        }}
        onDismiss={record.dismiss}
      />
      {problem && !record.stale && (
        <p className="notice notice--error" role="alert">
          {problem.message}
        </p>
      )}
      {done && (
        <div className="notice notice--ok" role="status">
          Saved. {done.anchored} {done.anchored === 1 ? "anchor" : "anchors"} kept, {done.fuzzy} found again with changes, {done.orphaned} orphaned.{" "}
          <Link href={`/editor/articles/${article.id}`}>Back to the article</Link>
        </div>
      )}
      <div className="field">
        <label htmlFor="c-body">Article text</label>
        <textarea id="c-body" rows={24} style={{ fontFamily: "var(--serif)", lineHeight: 1.6 }} aria-invalid={Boolean(formState.errors.body)} {...register("body")} />
        {formState.errors.body ? (
          <span className="field__error">{formState.errors.body.message}</span>
        ) : (
          <span className="field__hint">One paragraph per line; the first line is the headline. {anchors} quotes and annotations will be re-anchored.</span>
        )}
      </div>
      <div className="field">
        <label htmlFor="c-note">What was corrected (for the history)</label>
        <input id="c-note" aria-invalid={Boolean(formState.errors.note)} {...register("note")} />
        {formState.errors.note && <span className="field__error">{formState.errors.note.message}</span>}
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Re-anchoring…" : "Save correction"}
        </button>
        <Link href={`/editor/articles/${article.id}`}>Cancel</Link>
      </div>
    </form>
  );
}
