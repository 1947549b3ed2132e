"use client";

import { useRouter } from "next/navigation";
import { editSpeakerAction, mergeSpeakersAction } from "@/app/(editor)/editor/_actions/speakers";
import { CountryList } from "@/app/(editor)/editor/_components/country-list";
import { SubmitButton } from "@/app/(editor)/editor/_components/form-fields";
import { MergeTargetField } from "@/app/(editor)/editor/_components/merge-target-field";
import { useActionForm } from "@/app/(editor)/editor/_components/use-action-form";
import { useVersionedRecord } from "@/app/(editor)/editor/_components/use-versioned-record";
import { editSpeakerSchema, mergeSpeakersSchema, SPEAKER_KIND_LABELS, speakerKindValues, type SpeakerKindValue } from "@/lib/validation/speaker";

/** The speaker as its form edits it: aliases and acronyms one per line, the country by its English name ("" for none). */
export interface SpeakerFormValues {
  id: string;
  version: number;
  name: string;
  kind: SpeakerKindValue;
  title: string;
  country: string;
  aliases: string;
  acronyms: string;
}

export function EditSpeakerForm({ speaker }: { speaker: SpeakerFormValues }) {
  const record = useVersionedRecord(speaker, { name: "Name", kind: "Kind", title: "Title or role", country: "Country", aliases: "Aliases", acronyms: "Acronyms" });
  const { form, onSubmit, status } = useActionForm({
    schema: editSpeakerSchema,
    defaultValues: speaker,
    action: (values) => editSpeakerAction({ ...values, version: record.version }),
    record,
    onSuccess: () => ({ notice: "Speaker saved." }),
  });
  const { register, formState } = form;
  const { errors } = formState;
  return (
    <form className="form" noValidate aria-label="Edit speaker" onSubmit={onSubmit}>
      {status}
      <div className="field">
        <label htmlFor="speaker-name">Name</label>
        <input id="speaker-name" aria-invalid={Boolean(errors.name)} {...register("name")} />
        {errors.name && <span className="field__error">{errors.name.message}</span>}
        <span className="field__hint">The name alone: “Jane Roe”, “Ministry of Water”. A new name gives the speaker a new public address; the old one leads to it.</span>
      </div>
      <div className="field">
        <label htmlFor="speaker-title">Title or role</label>
        <input id="speaker-title" aria-invalid={Boolean(errors.title)} {...register("title")} />
        {errors.title && <span className="field__error">{errors.title.message}</span>}
        <span className="field__hint">“Foreign Minister”, “spokesperson”: shown beside the name, never in it.</span>
      </div>
      <div className="field">
        <label htmlFor="speaker-kind">Kind</label>
        <select id="speaker-kind" aria-invalid={Boolean(errors.kind)} {...register("kind")}>
          {speakerKindValues.map((k) => (
            <option key={k} value={k}>
              {SPEAKER_KIND_LABELS[k]}
            </option>
          ))}
        </select>
        {errors.kind && <span className="field__error">{errors.kind.message}</span>}
      </div>
      <div className="field">
        <label htmlFor="speaker-country">Country</label>
        <input id="speaker-country" list="speaker-country-list" autoComplete="off" aria-invalid={Boolean(errors.country)} aria-describedby="speaker-country-hint" {...register("country")} />
        <CountryList id="speaker-country-list" />
        {errors.country && <span className="field__error">{errors.country.message}</span>}
        <span className="field__hint" id="speaker-country-hint">
          The country the speaker belongs to, by name or two-letter code (“Pakistan”, “PK”); empty for none.
        </span>
      </div>
      <div className="field">
        <label htmlFor="speaker-acronyms">Acronyms</label>
        <textarea id="speaker-acronyms" rows={2} aria-invalid={Boolean(errors.acronyms)} {...register("acronyms")} />
        {errors.acronyms && <span className="field__error">{errors.acronyms.message}</span>}
        <span className="field__hint">“WHO”, “ISPR”, one per line: a quote attributed to one is the speaker&apos;s, and readers see it as the acronym.</span>
      </div>
      <div className="field">
        <label htmlFor="speaker-aliases">Aliases</label>
        <textarea id="speaker-aliases" rows={3} aria-invalid={Boolean(errors.aliases)} {...register("aliases")} />
        {errors.aliases && <span className="field__error">{errors.aliases.message}</span>}
        <span className="field__hint">Other names outlets use (“Foggy Bottom”, “the ministry”), one per line.</span>
      </div>
      <SubmitButton submitting={formState.isSubmitting} busy="Saving…">
        Save speaker
      </SubmitButton>
    </form>
  );
}

export function MergeSpeakerForm({ speaker, others, uses }: { speaker: { id: string; version: number; name: string }; others: { id: string; name: string }[]; uses: number }) {
  const router = useRouter();
  const { form, onSubmit, status } = useActionForm({
    schema: mergeSpeakersSchema,
    defaultValues: { sourceId: speaker.id, sourceVersion: speaker.version, targetId: "" },
    action: (values) => mergeSpeakersAction({ ...values, sourceVersion: speaker.version }),
    refresh: false,
    onSuccess: (merged) => router.push(`/editor/speakers/${merged.id}`),
  });
  const { formState } = form;
  return (
    <form className="form" noValidate aria-label="Merge speaker" onSubmit={onSubmit}>
      {status}
      <MergeTargetField control={form.control} id="merge-speaker-target" name={speaker.name} noun="speaker" others={others} />
      <span className="field__hint">
        The {uses} quotes, claims and sources of “{speaker.name}” become the kept speaker&apos;s, “{speaker.name}” becomes one of its aliases, and this speaker is deleted.
      </span>
      <SubmitButton submitting={formState.isSubmitting} busy="Merging…" className="button button--secondary">
        Merge speakers
      </SubmitButton>
    </form>
  );
}
