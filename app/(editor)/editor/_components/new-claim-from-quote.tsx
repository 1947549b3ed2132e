"use client";

import { useRouter } from "next/navigation";
import { quoteToNewClaimAction } from "@/app/(editor)/editor/_actions/quotes";
import { quoteToNewClaimSchema } from "@/lib/validation/quote";
import { useActionForm } from "@/app/(editor)/editor/_components/use-action-form";

/** Opening quotation marks and closing ones, stripped from a quote to start a claim's wording. */
const OUTER_MARKS = /^[“"‘']|[”"’']$/g;

/**
 * Starts a new draft claim from a quote: the editor words the claim neutrally (the
 * quote's words to begin with); the quote moves to the new claim and is confirmed,
 * and the editor is taken to the claim. Used on the quote page and in the review queue.
 */
export function NewClaimFromQuote({ quote, compact = false }: { quote: { id: string; version: number; exact: string }; compact?: boolean }) {
  const router = useRouter();
  const { form, onSubmit, status } = useActionForm({
    schema: quoteToNewClaimSchema,
    defaultValues: { id: quote.id, version: quote.version, canonical: quote.exact.replace(OUTER_MARKS, "") },
    action: (values) => quoteToNewClaimAction({ ...values, version: quote.version }),
    refresh: false,
    onSuccess: (created) => router.push(`/editor/claims/${created.claimId}`),
  });
  const { register, formState } = form;
  const id = `canonical-${quote.id}`;
  return (
    <form className="form" noValidate onSubmit={onSubmit}>
      {status}
      <div className="field">
        <label htmlFor={id}>The claim, in neutral wording</label>
        <textarea id={id} className="short" aria-invalid={Boolean(formState.errors.canonical)} {...register("canonical")} />
        {formState.errors.canonical ? (
          <span className="field__error">{formState.errors.canonical.message}</span>
        ) : (
          <span className="field__hint">The quote moves to the new draft claim and is confirmed.</span>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className={compact ? "button button--small" : "button button--secondary"} disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Creating…" : compact ? "Create claim" : "Create a claim from this quote"}
        </button>
      </div>
    </form>
  );
}
