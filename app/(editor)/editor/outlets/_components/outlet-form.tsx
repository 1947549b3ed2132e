"use client";

import { editOutletAction } from "@/app/(editor)/editor/_actions/outlets";
import { useActionForm } from "@/app/(editor)/editor/_components/use-action-form";
import { useVersionedRecord } from "@/app/(editor)/editor/_components/use-versioned-record";
import { editOutletSchema } from "@/lib/validation/outlet";

export function EditOutletForm({ outlet }: { outlet: { id: string; version: number; name: string; domain: string; otherDomains: string; homepage: string } }) {
  const record = useVersionedRecord(outlet, { name: "Name", domain: "Domain", otherDomains: "Other domains", homepage: "Homepage" });
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
      <div className="field">
        <label htmlFor="outlet-name">Name</label>
        <input id="outlet-name" aria-invalid={Boolean(errors.name)} {...register("name")} />
        {errors.name && <span className="field__error">{errors.name.message}</span>}
      </div>
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
      <div className="field">
        <label htmlFor="outlet-homepage">Homepage</label>
        <input id="outlet-homepage" type="url" placeholder="https://news.example/" aria-invalid={Boolean(errors.homepage)} {...register("homepage")} />
        {errors.homepage && <span className="field__error">{errors.homepage.message}</span>}
      </div>
      <div>
        <button type="submit" className="button" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Saving…" : "Save outlet"}
        </button>
      </div>
    </form>
  );
}
