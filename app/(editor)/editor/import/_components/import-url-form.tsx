"use client";

import Link from "next/link";
import { useState } from "react";
import { correctArticleAction } from "@/app/(editor)/editor/_actions/articles";
import { importUrlSchema } from "@/lib/validation/import";
import { importUrlAction } from "@/app/(editor)/editor/_actions/import";
import { useActionForm } from "@/app/(editor)/editor/_components/use-action-form";

type Outlet = { id: string; name: string };
type Done = {
  articleId: string;
  slug: string;
  title: string;
  created: boolean;
  quotes: number;
  found: { exact: string; speaker: string | null }[];
  correction: { version: number; body: string } | null;
};

/** Import by link: the server fetches the page (or PDF), and the quotes it finds are listed here. */
export function ImportUrlForm({ outlets }: { outlets: Outlet[] }) {
  const [done, setDone] = useState<Done | null>(null);
  const [corrected, setCorrected] = useState<string | null>(null);
  const { form, onSubmit, status, setProblem } = useActionForm({
    schema: importUrlSchema,
    defaultValues: { url: "", outletId: "" },
    action: async (values) => {
      setDone(null);
      setCorrected(null);
      return importUrlAction(values);
    },
    refresh: false,
    onSuccess: (imported) => setDone(imported),
  });
  const {
    register,
    formState: { errors, isSubmitting },
  } = form;

  async function applyCorrection() {
    if (!done?.correction) return;
    const result = await correctArticleAction({ id: done.articleId, version: done.correction.version, body: done.correction.body, note: "The outlet's page changed: re-imported from its URL." });
    if (!result.ok) {
      setProblem({ message: result.error, code: result.code });
      return;
    }
    const { anchored, fuzzy, orphaned } = result.data.summary;
    setCorrected(`Text corrected: ${anchored} quotes and annotations in place, ${fuzzy} re-anchored approximately, ${orphaned} orphaned.`);
    setDone({ ...done, correction: null });
  }

  return (
    <form className="form card" onSubmit={onSubmit} noValidate style={{ maxWidth: 760, display: "grid", gap: "1rem" }} aria-labelledby="import-url-heading">
      <h2 id="import-url-heading" style={{ margin: 0 }}>
        From a link
      </h2>
      {status}
      <div className="field">
        <label htmlFor="import-url">Article address (URL)</label>
        <input id="import-url" type="url" inputMode="url" placeholder="https://" {...register("url")} aria-invalid={Boolean(errors.url)} aria-describedby={errors.url ? "import-url-error" : undefined} />
        <span className="field__hint">A web page or a PDF. Title, byline, date and outlet come from the page; the page as received is kept with the article.</span>
        {errors.url && (
          <span id="import-url-error" className="field__error">
            {errors.url.message}
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor="import-url-outlet">Outlet</label>
        <select id="import-url-outlet" {...register("outletId")}>
          <option value="">— the site&apos;s own (found or created from its domain) —</option>
          {outlets.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <button className="button" type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Fetching and analysing…" : "Fetch and import"}
        </button>
      </div>
      {done && (
        <div className="notice notice--ok" role="status">
          <p style={{ marginTop: 0 }}>
            {done.created ? "Imported" : "Already in Claimscope"}: <Link href={`/editor/articles/${done.articleId}`}>{done.title}</Link>. {done.quotes}{" "}
            {done.quotes === 1 ? "quote" : "quotes"} found.
          </p>
          {done.correction && (
            <p>
              The page&apos;s text has changed since it was imported.{" "}
              <button type="button" className="button button--small" onClick={applyCorrection}>
                Apply the new text as a correction
              </button>
            </p>
          )}
          {corrected && <p>{corrected}</p>}
          {done.found.length > 0 && (
            <ul aria-label="Quotes found">
              {done.found.map((q, i) => (
                <li key={i}>
                  “{q.exact}” <span className="muted">— {q.speaker ?? "no speaker found"}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}
