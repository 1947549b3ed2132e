"use client";

import { useState } from "react";
import { Controller } from "react-hook-form";
import { createAnnotationAction } from "@/app/(editor)/editor/_actions/articles";
import { createQuoteAction } from "@/app/(editor)/editor/_actions/quotes";
import { ClaimPicker } from "@/app/(editor)/editor/_components/claim-picker";
import { SelectField } from "@/app/(editor)/editor/_components/select-field";
import { useActionForm } from "@/app/(editor)/editor/_components/use-action-form";
import { describeSpan, type TextAnchor } from "@/lib/anchoring/selectors";
import { createAnnotationSchema, motivationValues } from "@/lib/validation/annotation";
import { createQuoteSchema } from "@/lib/validation/quote";
import type { ClaimOption } from "./workspace-types";

interface SelectionProps {
  article: { id: string; version: number };
  anchor: TextAnchor;
  claims: ClaimOption[];
  /** After a save, with the notice to show once the form is gone. */
  onDone: (message: string) => void;
  onCancel: () => void;
}

export type SelectionTab = "quote" | "annotation";

/** The pending selection and the two things it can become: a confirmed quote or an annotation. */
export function SelectionCard({
  speakers,
  tab,
  setTab,
  ...props
}: SelectionProps & { speakers: { id: string; name: string }[]; tab: SelectionTab; setTab: (tab: SelectionTab) => void }) {
  const { anchor } = props;
  return (
    <section className="card selection-card" aria-label="Selected text">
      <h2 className="side-title">Selected text</h2>
      <blockquote>{anchor.exact}</blockquote>
      <p className="small muted">
        Characters {anchor.start}–{anchor.end}. Adjust with <kbd>Shift</kbd>+<kbd>←</kbd>/<kbd>→</kbd> (end) or <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>←</kbd>/<kbd>→</kbd> (start) in the text.
      </p>
      <div className="tabs" role="group" aria-label="Make the selection">
        <button type="button" aria-pressed={tab === "quote"} onClick={() => setTab("quote")}>
          Quote
        </button>
        <button type="button" aria-pressed={tab === "annotation"} onClick={() => setTab("annotation")}>
          Annotation
        </button>
      </div>
      {tab === "quote" ? (
        <NewQuoteForm key={`q-${anchor.start}-${anchor.end}`} speakers={speakers} {...props} />
      ) : (
        <NewAnnotationForm key={`a-${anchor.start}-${anchor.end}`} {...props} />
      )}
    </section>
  );
}

/** No selection yet: how to make one, and a search that selects exact words. */
export function MarkPassageCard({ body, onFound }: { body: string; onFound: (anchor: TextAnchor) => void }) {
  return (
    <section className="card">
      <h2 className="side-title">Mark a passage</h2>
      <p className="small muted" style={{ marginBottom: "0.6rem" }}>
        Select text in the article with the mouse to make it a quote or annotate it — or find it by typing:
      </p>
      <FindText body={body} onFound={onFound} />
    </section>
  );
}

function FindText({ body, onFound }: { body: string; onFound: (anchor: TextAnchor) => void }) {
  const [text, setText] = useState("");
  const [missing, setMissing] = useState(false);
  return (
    <form
      className="row"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        const needle = text.trim();
        if (!needle) return;
        const start = body.indexOf(needle);
        const anchor = start >= 0 ? describeSpan(body, start, start + needle.length) : null;
        setMissing(!anchor);
        if (anchor) onFound(anchor);
      }}
    >
      <input
        aria-label="Find text to select"
        className="select-small"
        style={{ flex: 1, minWidth: "10rem" }}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setMissing(false);
        }}
        placeholder="Exact words from the article"
      />
      <button type="submit" className="button button--secondary button--small">
        Select
      </button>
      {missing && (
        <span className="field__error" role="alert" style={{ width: "100%" }}>
          Those exact words are not in the article.
        </span>
      )}
    </form>
  );
}

const spanOf = (article: SelectionProps["article"], anchor: TextAnchor) => ({
  articleId: article.id,
  articleVersion: article.version,
  start: anchor.start,
  end: anchor.end,
  exact: anchor.exact,
});

function FormButtons({ submitting, label, onCancel }: { submitting: boolean; label: string; onCancel: () => void }) {
  return (
    <div className="form-actions">
      <button type="submit" className="button button--small" disabled={submitting}>
        {submitting ? "Saving…" : label}
      </button>
      <button type="button" className="button button--secondary button--small" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}


function NewQuoteForm({ article, anchor, speakers, claims, onDone, onCancel }: SelectionProps & { speakers: { id: string; name: string }[] }) {
  const { form, onSubmit, status } = useActionForm({
    schema: createQuoteSchema,
    defaultValues: { ...spanOf(article, anchor), speakerId: "", claimId: "" },
    action: createQuoteAction,
    onSuccess: () => onDone("Quote created and confirmed."),
  });
  const { register, formState, control } = form;
  return (
    <form className="form" noValidate onSubmit={onSubmit}>
      {status}
      <SelectField id="nq-speaker" label="Speaker" empty="No speaker" options={speakers.map((s) => ({ value: s.id, label: s.name }))} {...register("speakerId")} />
      {/* The claim picker is a search box, as on the quote page and in the review queue. */}
      <Controller control={control} name="claimId" render={({ field }) => <ClaimPicker id="nq-claim" label="Claim" options={claims} value={field.value ?? ""} onChange={field.onChange} />} />
      <FormButtons submitting={formState.isSubmitting} label="Create quote" onCancel={onCancel} />
    </form>
  );
}

function NewAnnotationForm({ article, anchor, claims, onDone, onCancel }: SelectionProps) {
  const { form, onSubmit, status } = useActionForm({
    schema: createAnnotationSchema,
    defaultValues: { ...spanOf(article, anchor), body: "", motivation: "commenting", claimId: "" },
    action: createAnnotationAction,
    onSuccess: () => onDone("Annotation added."),
  });
  const { register, formState, control } = form;
  return (
    <form className="form" noValidate onSubmit={onSubmit}>
      {status}
      <div className="field">
        <label htmlFor="na-body">Note</label>
        <textarea id="na-body" className="short" aria-invalid={Boolean(formState.errors.body)} {...register("body")} />
        {formState.errors.body && <span className="field__error">{formState.errors.body.message}</span>}
      </div>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="na-motivation">Kind</label>
          <select id="na-motivation" {...register("motivation")}>
            {motivationValues.map((m) => (
              <option key={m} value={m}>
                {m[0].toUpperCase() + m.slice(1)}
              </option>
            ))}
          </select>
        </div>
        <Controller control={control} name="claimId" render={({ field }) => <ClaimPicker id="na-claim" label="About claim" options={claims} value={field.value ?? ""} onChange={field.onChange} />} />
      </div>
      <FormButtons submitting={formState.isSubmitting} label="Add annotation" onCancel={onCancel} />
    </form>
  );
}
