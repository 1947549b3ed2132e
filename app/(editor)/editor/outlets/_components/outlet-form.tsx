"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useWatch } from "react-hook-form";
import { editOutletAction, mergeOutletsAction } from "@/app/(editor)/editor/_actions/outlets";
import { CountryList } from "@/app/(editor)/editor/_components/country-list";
import { SubmitButton, TextField } from "@/app/(editor)/editor/_components/form-fields";
import { MergeTargetField } from "@/app/(editor)/editor/_components/merge-target-field";
import { useActionForm } from "@/app/(editor)/editor/_components/use-action-form";
import { useVersionedRecord } from "@/app/(editor)/editor/_components/use-versioned-record";
import { editOutletSchema, mergeOutletsSchema } from "@/lib/validation/outlet";

export function EditOutletForm({
  outlet,
}: {
  outlet: { id: string; version: number; name: string; domain: string; otherDomains: string; homepage: string; country: string; description: string };
}) {
  const record = useVersionedRecord(outlet, { name: "Name", domain: "Domain", otherDomains: "Other domains", homepage: "Homepage", country: "Country", description: "Description" });
  const { form, onSubmit, status } = useActionForm({
    schema: editOutletSchema,
    defaultValues: outlet,
    action: (values) => editOutletAction({ ...values, version: record.version }),
    record,
    onSuccess: () => ({ notice: "Outlet saved." }),
  });
  const { register, formState } = form;
  const { errors } = formState;
  return (
    <form className="form" noValidate aria-label="Edit outlet" onSubmit={onSubmit}>
      {status}
      <TextField id="outlet-name" label="Name" error={errors.name?.message} {...register("name")} />
      <div className="field">
        <label htmlFor="outlet-domain">Domain</label>
        <input id="outlet-domain" placeholder="news.example" aria-invalid={Boolean(errors.domain)} {...register("domain")} />
        {errors.domain && <span className="field__error">{errors.domain.message}</span>}
        <span className="field__hint">An imported link on this domain (or a subdomain) is filed under this outlet.</span>
      </div>
      <div className="field">
        <label htmlFor="outlet-other-domains">Other domains</label>
        <textarea id="outlet-other-domains" rows={2} aria-invalid={Boolean(errors.otherDomains)} {...register("otherDomains")} />
        {errors.otherDomains && <span className="field__error">{errors.otherDomains.message}</span>}
        <span className="field__hint">One per line: mobile, regional or former domains.</span>
      </div>
      <TextField id="outlet-homepage" label="Homepage" type="url" placeholder="https://news.example/" error={errors.homepage?.message} {...register("homepage")} />
      <div className="field">
        <label htmlFor="outlet-country">Country</label>
        <input id="outlet-country" list="outlet-country-list" autoComplete="off" aria-invalid={Boolean(errors.country)} {...register("country")} />
        <CountryList id="outlet-country-list" />
        {errors.country && <span className="field__error">{errors.country.message}</span>}
        <span className="field__hint">Where it publishes from, by name or two-letter code; readers see the name.</span>
      </div>
      <div className="field">
        <label htmlFor="outlet-description">Description</label>
        <textarea id="outlet-description" rows={3} aria-invalid={Boolean(errors.description)} {...register("description")} />
        {errors.description && <span className="field__error">{errors.description.message}</span>}
        <span className="field__hint">One or two sentences for readers, shown on the outlet&apos;s page.</span>
      </div>
      <SubmitButton submitting={formState.isSubmitting} busy="Saving…">
        Save outlet
      </SubmitButton>
    </form>
  );
}

/**
 * Merges this outlet into another the editor chooses, after they confirm; then
 * opens the kept outlet, which says what moved (`?merged=` this outlet's id).
 */
export function MergeOutletForm({ outlet, others, articles, feeds }: { outlet: { id: string; version: number; name: string }; others: { id: string; name: string }[]; articles: number; feeds: number }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const { form, onSubmit, status } = useActionForm({
    schema: mergeOutletsSchema,
    defaultValues: { sourceId: outlet.id, sourceVersion: outlet.version, targetId: "" },
    action: (values) => mergeOutletsAction({ ...values, sourceVersion: outlet.version }),
    refresh: false,
    onSuccess: (merged) => router.push(`/editor/outlets/${merged.id}?merged=${encodeURIComponent(outlet.id)}`),
  });
  const { formState } = form;
  const targetId = useWatch({ control: form.control, name: "targetId" });
  const target = others.find((o) => o.id === targetId)?.name;
  return (
    <form className="form" noValidate aria-label="Merge outlet" onSubmit={onSubmit}>
      {status}
      {/* A new choice is confirmed anew. */}
      <MergeTargetField control={form.control} id="merge-outlet-target" name={outlet.name} noun="outlet" others={others} onChoose={() => setConfirming(false)} />
      <span className="field__hint">
        The {articles} {articles === 1 ? "article" : "articles"} and {feeds} watched {feeds === 1 ? "feed" : "feeds"} of “{outlet.name}” become the kept outlet&apos;s, with their quotes; its domains
        become the kept outlet&apos;s other domains, its public address leads to the kept outlet&apos;s, and this outlet is deleted.
      </span>
      {confirming && target ? (
        <div className="toolbar">
          <span>
            Merge “{outlet.name}” into “{target}”? This cannot be undone.
          </span>
          <button type="submit" className="button button--danger" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? "Merging…" : "Merge"}
          </button>
          <button type="button" className="button button--secondary" disabled={formState.isSubmitting} onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      ) : (
        <div>
          <button type="button" className="button button--secondary" onClick={async () => setConfirming(await form.trigger())}>
            Merge outlets…
          </button>
        </div>
      )}
    </form>
  );
}
