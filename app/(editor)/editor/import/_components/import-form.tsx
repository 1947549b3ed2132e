"use client";

import Link from "next/link";
import { useDeferredValue, useMemo, useState } from "react";
import { useWatch } from "react-hook-form";
import { cleanPastedText } from "@/lib/paste-cleaner";
import { importArticleSchema, MAX_ARTICLE_CHARS, type ImportArticleInput } from "@/lib/validation/import";
import { importArticleAction } from "@/app/(editor)/editor/_actions/import";
import { useActionForm } from "@/app/(editor)/editor/_components/use-action-form";
import { toBase64 } from "@/app/(editor)/editor/_components/to-base64";
import { MAX_PDF_BYTES } from "@/lib/validation/source-document";

type Outlet = { id: string; name: string };
type Done = { articleId: string; slug: string; created: boolean; quotes: number };

const MAX_FILE_BYTES = 2 * 1024 * 1024;

export function ImportForm({ outlets }: { outlets: Outlet[] }) {
  const [done, setDone] = useState<Done | null>(null);
  const [fileNote, setFileNote] = useState<string | null>(null);
  const { form, onSubmit, status } = useActionForm({
    schema: importArticleSchema,
    defaultValues: { outletId: outlets[0]?.id ?? "", newOutletName: "", title: "", byline: "", publishedAt: "", url: "", format: "text", content: "", stripBoilerplate: true },
    action: async (values) => {
      setDone(null);
      return importArticleAction(values);
    },
    refresh: false,
    onSuccess: (imported) => setDone(imported),
  });
  const {
    register,
    setValue,
    setError,
    control,
    formState: { errors, isSubmitting },
  } = form;
  const outletId = useWatch({ control, name: "outletId" });
  const format = useWatch({ control, name: "format" });
  const cleanPaste = useWatch({ control, name: "stripBoilerplate" });
  const content = useDeferredValue(useWatch({ control, name: "content" }) ?? "");
  const title = useWatch({ control, name: "title" });
  // What the server will store, computed by the same cleaner, so the editor sees it before saving.
  const cleaned = useMemo(
    () => (format === "text" && cleanPaste && content.trim() ? cleanPastedText(content, { removeFurniture: true, headlineFirst: !title?.trim() }) : null),
    [format, cleanPaste, content, title],
  );

  async function onFile(file: File | undefined) {
    setFileNote(null);
    if (!file) return;
    if (/\.pdf$/i.test(file.name) || file.type === "application/pdf") {
      if (file.size > MAX_PDF_BYTES) {
        setError("content", { message: `That PDF is larger than ${(MAX_PDF_BYTES / 1e6).toFixed(1)} MB.` });
        return;
      }
      setValue("format", "pdf");
      setValue("content", toBase64(new Uint8Array(await file.arrayBuffer())), { shouldValidate: true });
      setFileNote(`${file.name}: a PDF of ${(file.size / 1024).toFixed(0)} KB; its text is read when you import it.`);
      return;
    }
    if (file.size > MAX_FILE_BYTES) {
      setError("content", { message: "That file is larger than 2 MB: is it really one article?" });
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (bytes.includes(0)) {
      setError("content", { message: "That file is not text (it looks binary). Upload a .txt, .html or .pdf file." });
      return;
    }
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      setError("content", { message: "That file is not UTF-8 text. Save it as UTF-8 and upload it again." });
      return;
    }
    const isHtml = /\.html?$/i.test(file.name) || /^\s*<(?:!doctype|html)/i.test(text);
    setValue("format", isHtml ? "html" : "text");
    setValue("content", text, { shouldValidate: true });
    setFileNote(`${file.name}: ${text.length.toLocaleString("en")} characters, read as ${isHtml ? "HTML" : "text"}.`);
  }

  const err = (name: keyof ImportArticleInput) =>
    errors[name]?.message ? (
      <span id={`${name}-error`} className="field__error">
        {String(errors[name]?.message)}
      </span>
    ) : null;
  const aria = (name: keyof ImportArticleInput) => ({
    "aria-invalid": Boolean(errors[name]),
    "aria-describedby": errors[name] ? `${name}-error` : undefined,
  });

  return (
    <form className="form import-form" onSubmit={onSubmit} noValidate style={{ maxWidth: 760 }}>
      {status}
      {done && (
        <div className="notice notice--ok" role="status">
          {done.created ? "Imported." : "This article was already in Claimscope (same text): nothing was added."}{" "}
          {done.quotes} {done.quotes === 1 ? "quote" : "quotes"} found.{" "}
          <Link href={`/editor/articles/${done.articleId}`}>Review its quotes</Link> ·{" "}
          <Link href={`/articles/${done.slug}`}>Public page</Link>
        </div>
      )}

      <fieldset className="card" style={{ display: "grid", gap: "1rem" }}>
        <legend className="eyebrow">Outlet</legend>
        <div className="field">
          <label htmlFor="outletId">Existing outlet</label>
          <select id="outletId" {...register("outletId")} {...aria("outletId")}>
            <option value="">— a new outlet —</option>
            {outlets.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
          {err("outletId")}
        </div>
        {!outletId && (
          <div className="field">
            <label htmlFor="newOutletName">New outlet name</label>
            <input id="newOutletName" {...register("newOutletName")} {...aria("newOutletName")} />
            {err("newOutletName")}
          </div>
        )}
      </fieldset>

      <fieldset className="card" style={{ display: "grid", gap: "1rem" }}>
        <legend className="eyebrow">Article</legend>
        <div className="field">
          <label htmlFor="title">Headline</label>
          <input id="title" {...register("title")} {...aria("title")} />
          <span className="field__hint">Leave empty to use the text&apos;s first line (or the page title for HTML).</span>
          {err("title")}
        </div>
        <div className="grid grid--2">
          <div className="field">
            <label htmlFor="publishedAt">Published</label>
            <input id="publishedAt" type="date" {...register("publishedAt")} {...aria("publishedAt")} />
            {err("publishedAt")}
          </div>
          <div className="field">
            <label htmlFor="byline">Byline</label>
            <input id="byline" {...register("byline")} {...aria("byline")} />
            {err("byline")}
          </div>
        </div>
        <div className="field">
          <label htmlFor="url">Address (URL)</label>
          <input id="url" type="url" inputMode="url" placeholder="https://" {...register("url")} {...aria("url")} />
          {err("url")}
        </div>
      </fieldset>

      <fieldset className="card" style={{ display: "grid", gap: "1rem" }}>
        <legend className="eyebrow">Text</legend>
        <div className="field">
          <label htmlFor="file">Upload a .txt, .html or .pdf file</label>
          <input id="file" type="file" accept=".txt,.html,.htm,.pdf,text/plain,text/html,application/pdf" onChange={(e) => onFile(e.target.files?.[0])} />
          {fileNote && <span className="field__hint">{fileNote}</span>}
        </div>
        {format === "pdf" ? (
          <div className="field">
            {err("content")}
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setFileNote(null);
                setValue("format", "text");
                setValue("content", "");
              }}
            >
              Paste text instead of the PDF
            </button>
          </div>
        ) : (
          <>
            <div className="field">
              <label htmlFor="format">Format</label>
              <select id="format" {...register("format")}>
                <option value="text">Plain text</option>
                <option value="html">HTML page</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor="content">…or paste it here</label>
              <textarea id="content" rows={14} {...register("content")} {...aria("content")} />
              <span className="field__hint">Headline on the first line. At most {MAX_ARTICLE_CHARS.toLocaleString("en")} characters.</span>
              {err("content")}
            </div>
          </>
        )}
        {format === "text" && (
          <label style={{ display: "flex", gap: "0.5rem", alignItems: "center" }}>
            <input type="checkbox" {...register("stripBoilerplate")} /> Clean up the paste: join lines broken inside paragraphs
            (PDF, e-mail) and remove page furniture (navigation, promos, tag lists, reader comments)
          </label>
        )}
        {cleaned && <PastePreview cleaned={cleaned} />}
      </fieldset>

      <div>
        <button className="button" type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Importing and analysing…" : "Import article"}
        </button>
      </div>
    </form>
  );
}

/** What cleaning will do to the pasted text, shown before saving. */
function PastePreview({ cleaned }: { cleaned: ReturnType<typeof cleanPastedText> }) {
  const paragraphs = cleaned.text.split("\n").filter((l) => l.trim()).length;
  return (
    <section className="card" aria-label="Cleaned text preview" style={{ display: "grid", gap: "0.5rem" }}>
      <p className="field__hint" aria-live="polite">
        Will be stored as {paragraphs.toLocaleString("en")} {paragraphs === 1 ? "paragraph" : "paragraphs"}
        {cleaned.joinedLines > 0 ? `; ${cleaned.joinedLines.toLocaleString("en")} line breaks inside paragraphs joined` : ""}
        {cleaned.removed.length > 0 ? `; ${cleaned.removed.length.toLocaleString("en")} lines removed as page furniture (listed below)` : "; nothing removed"}.
      </p>
      {cleaned.skipped && <p className="notice">{cleaned.skipped}</p>}
      {cleaned.removed.length > 0 && (
        <details open>
          <summary>Removed as page furniture — untick “Clean up the paste” to keep them</summary>
          <ul>
            {cleaned.removed.slice(0, 200).map((line, i) => (
              <li key={i}>
                <del>{line}</del>
              </li>
            ))}
          </ul>
        </details>
      )}
      <details>
        <summary>Text as it will be stored</summary>
        <pre style={{ whiteSpace: "pre-wrap", maxHeight: "24rem", overflow: "auto" }}>{cleaned.text.slice(0, 20_000)}</pre>
      </details>
    </section>
  );
}
