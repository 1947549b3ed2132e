"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { useActionForm } from "@/app/(editor)/editor/_components/use-action-form";
import { useVersionedRecord } from "@/app/(editor)/editor/_components/use-versioned-record";
import { SelectField } from "@/app/(editor)/editor/_components/select-field";
import { SubmitButton } from "@/app/(editor)/editor/_components/form-fields";
import { toBase64 } from "@/app/(editor)/editor/_components/to-base64";
import {
  createSourceDocumentSchema,
  editSourceDocumentSchema,
  MAX_PDF_BYTES,
  type EditSourceDocumentInput,
} from "@/lib/validation/source-document";
import { createSourceDocumentAction, editSourceDocumentAction } from "@/app/(editor)/editor/_actions/sources";
import type { ActionResult } from "@/lib/action";

const NEW = { version: 0, title: "", speakerId: null, publishedAt: null, url: null, format: "text", fileName: null };

interface Existing {
  id: string;
  version: number;
  title: string;
  speakerId: string | null;
  publishedAt: string | null;
  url: string | null;
  format: "text" | "html" | "pdf";
  fileName: string | null;
}

/**
 * A primary source's details and text: pasted, or read from a .txt, .html or
 * .pdf file (a PDF is sent as it is and read on the server, pages kept). With
 * `existing`, edits it; leaving the text alone keeps the stored text.
 */
export function SourceForm({ speakers, existing }: { speakers: { id: string; name: string }[]; existing?: Existing }) {
  const router = useRouter();
  const [fileNote, setFileNote] = useState<string | null>(null);
  // One form for both: a new source's values are the edit's without id, version and keepText.
  type Values = EditSourceDocumentInput;
  const defaultValues = (
    existing
      ? { ...existing, content: "", keepText: true }
      : { title: "", speakerId: "", publishedAt: "", url: "", format: "text", fileName: null, content: "" }
  ) as Values;
  // A new source has no version yet; the hook is called either way (rules of hooks).
  const record = useVersionedRecord(existing ?? NEW, { title: "Title", speakerId: "Issued by", publishedAt: "Date", url: "Address", format: "Format", fileName: "File" });
  const { form, onSubmit, status } = useActionForm({
    schema: (existing ? editSourceDocumentSchema : createSourceDocumentSchema) as typeof editSourceDocumentSchema,
    defaultValues,
    action: async (values): Promise<ActionResult<{ version: number; passagesLost: number } | { id: string }>> =>
      existing ? editSourceDocumentAction({ ...values, version: record.version }) : createSourceDocumentAction(values),
    record: existing ? record : undefined,
    // A new source opens its own page; an edited one re-renders this one.
    refresh: Boolean(existing),
    onSuccess: (data) => {
      if (existing) {
        const lost = "passagesLost" in data && data.passagesLost ? ` ${data.passagesLost} claim passages are no longer in the text: link them again.` : "";
        return { notice: `Saved.${lost}` };
      }
      if ("id" in data) router.push(`/editor/sources/${data.id}?added=1`);
    },
  });
  const { register, setValue, setError, control, formState } = form;
  const format = useWatch({ control, name: "format" });
  const keepText = useWatch({ control, name: "keepText" });
  const idPrefix = existing ? "source-edit" : "source-new";

  async function onFile(file: File | undefined) {
    setFileNote(null);
    if (!file) return;
    const isPdf = /\.pdf$/i.test(file.name) || file.type === "application/pdf";
    if (isPdf && file.size > MAX_PDF_BYTES) {
      setError("content", { message: `That PDF is larger than ${(MAX_PDF_BYTES / 1e6).toFixed(1)} MB.` });
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (isPdf) {
      setValue("format", "pdf");
      setValue("content", toBase64(bytes), { shouldValidate: true });
      setFileNote(`${file.name}: a PDF of ${(file.size / 1024).toFixed(0)} KB; its text is read when you save.`);
    } else {
      let text: string;
      try {
        text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      } catch {
        setError("content", { message: "That file is not UTF-8 text. Save it as UTF-8, or as PDF, and upload it again." });
        return;
      }
      const isHtml = /\.html?$/i.test(file.name) || /^\s*<(?:!doctype|html)/i.test(text);
      setValue("format", isHtml ? "html" : "text");
      setValue("content", text, { shouldValidate: true });
      setFileNote(`${file.name}: ${text.length.toLocaleString("en")} characters, read as ${isHtml ? "HTML" : "text"}.`);
    }
    setValue("fileName", file.name);
    setValue("keepText", false);
  }

  return (
    <form className="form" noValidate aria-label={existing ? "Edit source" : "New source"} onSubmit={onSubmit}>
      {status}
      <div className="field">
        <label htmlFor={`${idPrefix}-title`}>Title</label>
        <input id={`${idPrefix}-title`} aria-invalid={Boolean(formState.errors.title)} {...register("title")} />
        {formState.errors.title && <span className="field__error">{formState.errors.title.message}</span>}
      </div>
      <div className="form-grid">
        <SelectField id={`${idPrefix}-speaker`} label="Issued by" empty="No speaker" options={speakers.map((s) => ({ value: s.id, label: s.name }))} {...register("speakerId")} />
        <div className="field">
          <label htmlFor={`${idPrefix}-date`}>Date</label>
          <input id={`${idPrefix}-date`} type="date" aria-invalid={Boolean(formState.errors.publishedAt)} {...register("publishedAt")} />
          {formState.errors.publishedAt && <span className="field__error">{formState.errors.publishedAt.message}</span>}
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-url`}>Address (URL)</label>
        <input id={`${idPrefix}-url`} type="url" aria-invalid={Boolean(formState.errors.url)} {...register("url")} />
        {formState.errors.url && <span className="field__error">{formState.errors.url.message}</span>}
      </div>
      {existing && (
        <label className="checkbox">
          <input type="checkbox" {...register("keepText")} /> Keep the stored text
        </label>
      )}
      {(!existing || !keepText) && (
        <>
          <div className="field">
            <label htmlFor={`${idPrefix}-file`}>Upload a .txt, .html or .pdf file</label>
            <input id={`${idPrefix}-file`} type="file" accept=".txt,.html,.htm,.pdf,text/plain,text/html,application/pdf" onChange={(e) => onFile(e.target.files?.[0])} />
            {fileNote && <span className="field__hint">{fileNote}</span>}
          </div>
          {format !== "pdf" ? (
            <div className="field">
              <label htmlFor={`${idPrefix}-content`}>Or paste the text</label>
              <textarea id={`${idPrefix}-content`} rows={10} aria-invalid={Boolean(formState.errors.content)} {...register("content")} />
              {formState.errors.content && <span className="field__error">{formState.errors.content.message}</span>}
            </div>
          ) : (
            formState.errors.content && <span className="field__error">{formState.errors.content.message}</span>
          )}
        </>
      )}
      <SubmitButton submitting={formState.isSubmitting} busy="Saving…">
        {existing ? "Save source" : "Add source"}
      </SubmitButton>
    </form>
  );
}
