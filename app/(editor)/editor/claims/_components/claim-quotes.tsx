"use client";

import Link from "next/link";
import { useState } from "react";
import { splitClaimAction } from "@/app/(editor)/editor/_actions/claims";
import { AnchorBadge, ReviewBadge } from "@/app/(editor)/editor/_components/status-badge";
import { useActionForm } from "@/app/(editor)/editor/_components/use-action-form";
import { splitClaimSchema } from "@/lib/validation/claim";
import { FieldError, short } from "./field-error";

type ClaimQuote = {
  id: string;
  exact: string;
  reviewStatus: string;
  anchorStatus: string;
  article: { id: string; title: string; outlet: { name: string } };
  speaker: { name: string } | null;
};

const quotesLabel = (n: number) => `${n} ${n === 1 ? "quote" : "quotes"}`;

/**
 * The claim's quotes, with a selection to split off into a new claim. The split's result
 * (or refusal) shows above the list, with a link to the new claim.
 */
export function ClaimQuotes({ claim, quotes }: { claim: { id: string; version: number; canonical: string }; quotes: ClaimQuote[] }) {
  const [selected, setSelected] = useState<string[]>([]);
  const { form, onSubmit, status } = useActionForm({
    schema: splitClaimSchema,
    defaultValues: { id: claim.id, version: claim.version, quoteIds: [], canonical: "" },
    action: (values) => splitClaimAction({ ...values, version: claim.version }),
    onSuccess: (created, values, f) => {
      setSelected([]);
      f.reset({ id: claim.id, version: claim.version, quoteIds: [], canonical: "" });
      return {
        notice: (
          <>
            Split {quotesLabel(values.quoteIds.length)} off into a new draft claim: <Link href={`/editor/claims/${created.id}`}>{short(values.canonical, 80)}</Link>
          </>
        ),
      };
    },
  });
  const { register, formState, setValue } = form;
  const toggle = (id: string) => {
    const next = selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id];
    setSelected(next);
    setValue("quoteIds", next, { shouldValidate: formState.isSubmitted });
  };
  if (quotes.length === 0) {
    return (
      <div className="stack">
        {status}
        <p className="muted small">
          No quotes yet. Move quotes here from the <Link href="/editor/review">review queue</Link> or mark them in an <Link href="/editor/articles">article</Link>.
        </p>
      </div>
    );
  }
  return (
    <div className="stack">
      {status}
      <div className="table-wrap">
        <table className="table quote-table">
          <thead>
            <tr>
              <th>
                <span className="visually-hidden">Select</span>
              </th>
              <th>Quote</th>
              <th>Outlet</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {quotes.map((q) => (
              <tr key={q.id}>
                <td>
                  <input type="checkbox" aria-label={`Select quote ${short(q.exact, 40)}`} checked={selected.includes(q.id)} onChange={() => toggle(q.id)} />
                </td>
                <td>
                  <Link className="q" href={`/editor/quotes/${q.id}`}>
                    “{short(q.exact, 180)}”
                  </Link>
                  <div className="small muted">{q.speaker?.name ?? "no speaker"}</div>
                </td>
                <td>
                  <Link href={`/editor/articles/${q.article.id}#quote-${q.id}`}>{q.article.outlet.name}</Link>
                </td>
                <td>
                  <ReviewBadge status={q.reviewStatus} /> <AnchorBadge status={q.anchorStatus} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {selected.length > 0 && (
        <form className="form card" noValidate aria-label="Split into a new claim" onSubmit={onSubmit}>
          <h3>Split {quotesLabel(selected.length)} off into a new claim</h3>
          <FieldError message={formState.errors.quoteIds?.message} />
          <div className="field">
            <label htmlFor="split-canonical">Wording of the new claim</label>
            <textarea id="split-canonical" className="short" aria-invalid={Boolean(formState.errors.canonical)} {...register("canonical")} />
            <FieldError message={formState.errors.canonical?.message} />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button--small" disabled={formState.isSubmitting}>
              {formState.isSubmitting ? "Splitting…" : "Split into new claim"}
            </button>
            <button type="button" className="button button--secondary button--small" onClick={() => (setSelected([]), setValue("quoteIds", []))}>
              Clear selection
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
