"use client";

import { useState } from "react";
import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { addFeedAction, checkFeedAction, editFeedAction, setFeedActiveAction } from "@/app/(editor)/editor/_actions/feeds";
import { useActionRunner } from "@/app/(editor)/editor/_components/action-result";
import { useActionForm } from "@/app/(editor)/editor/_components/use-action-form";
import { useVersionedRecord } from "@/app/(editor)/editor/_components/use-versioned-record";
import { SubmitButton } from "@/app/(editor)/editor/_components/form-fields";
import { feedCreateSchema, feedEditSchema, type FeedCreateInput } from "@/lib/validation/feed";

interface OutletOption {
  id: string;
  name: string;
}

function FeedFields({
  register,
  errors,
  outlets,
  idPrefix,
  outletFromAddress,
}: {
  register: UseFormRegister<FeedCreateInput>;
  errors: FieldErrors<FeedCreateInput>;
  outlets: OutletOption[];
  idPrefix: string;
  /** A new feed may leave the outlet to its address's domain (found or created). */
  outletFromAddress: boolean;
}) {
  return (
    <div className="form-grid">
      <div className="field">
        <label htmlFor={`${idPrefix}-url`}>Feed address</label>
        <input id={`${idPrefix}-url`} type="url" inputMode="url" placeholder="https://example.org/feed.xml" aria-invalid={Boolean(errors.url)} {...register("url")} />
        <span className="field__hint">RSS, Atom, JSON Feed or a news sitemap.</span>
        {errors.url && <span className="field__error">{errors.url.message}</span>}
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-outlet`}>Outlet</label>
        <select id={`${idPrefix}-outlet`} aria-invalid={Boolean(errors.outletId)} {...register("outletId")}>
          <option value="">{outletFromAddress ? "The feed's site (found by its domain, or added)" : "Choose the outlet…"}</option>
          {outlets.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
        {errors.outletId && <span className="field__error">{errors.outletId.message}</span>}
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-interval`}>Minutes between polls</label>
        <input id={`${idPrefix}-interval`} type="number" min={5} max={1440} step={1} aria-invalid={Boolean(errors.intervalMinutes)} {...register("intervalMinutes", { valueAsNumber: true })} />
        {errors.intervalMinutes && <span className="field__error">{errors.intervalMinutes.message}</span>}
      </div>
    </div>
  );
}

export function NewFeedForm({ outlets }: { outlets: OutletOption[] }) {
  const { form, onSubmit, status } = useActionForm({
    schema: feedCreateSchema,
    defaultValues: { url: "", outletId: "", intervalMinutes: 30 },
    action: addFeedAction,
    onSuccess: (_data, values, { reset }) => {
      reset({ url: "", outletId: values.outletId, intervalMinutes: values.intervalMinutes });
      return { notice: `Watching ${values.url}. Its first poll is under way.` };
    },
  });
  const { register, formState } = form;
  return (
    <form className="form" noValidate aria-label="Watch a feed" onSubmit={onSubmit}>
      {status}
      <FeedFields register={register} errors={formState.errors} outlets={outlets} idPrefix="new-feed" outletFromAddress />
      <SubmitButton submitting={formState.isSubmitting} busy="Adding…">
        Watch this feed
      </SubmitButton>
    </form>
  );
}

export interface EditableFeed {
  id: string;
  version: number;
  url: string;
  outletId: string;
  intervalMinutes: number;
  active: boolean;
}

export function EditFeedForm({ feed, outlets }: { feed: EditableFeed; outlets: OutletOption[] }) {
  const record = useVersionedRecord(feed, { url: "Feed address", outletId: "Outlet", intervalMinutes: "Minutes between polls", active: "Polling" });
  const { form, onSubmit, status } = useActionForm({
    schema: feedEditSchema,
    defaultValues: feed,
    action: (values) => editFeedAction({ ...values, version: record.version }),
    record,
    onSuccess: () => ({ notice: "Saved." }),
  });
  const { register, formState } = form;
  return (
    <form className="form" noValidate aria-label="Edit feed" onSubmit={onSubmit}>
      {status}
      <FeedFields register={register as unknown as UseFormRegister<FeedCreateInput>} errors={formState.errors} outlets={outlets} idPrefix="edit-feed" outletFromAddress={false} />
      <label className="row">
        <input type="checkbox" {...register("active")} /> Poll this feed
      </label>
      <SubmitButton submitting={formState.isSubmitting} busy="Saving…">
        Save feed
      </SubmitButton>
    </form>
  );
}

/** "Check now" and pause/resume, for a row of the feed list. */
export function FeedButtons({ feed }: { feed: { id: string; version: number; active: boolean; url: string } }) {
  const { run, busy, problem } = useActionRunner();
  const [checked, setChecked] = useState(false);
  return (
    <div className="row">
      {feed.active && (
        <button
          type="button"
          className="button button--small button--secondary"
          disabled={busy}
          aria-label={`Check ${feed.url} now`}
          onClick={async () => {
            setChecked(false);
            if (await run(() => checkFeedAction({ id: feed.id }))) setChecked(true);
          }}
        >
          Check now
        </button>
      )}
      <button
        type="button"
        className="button button--small button--secondary"
        disabled={busy}
        aria-label={`${feed.active ? "Pause" : "Resume"} ${feed.url}`}
        onClick={() => run(() => setFeedActiveAction({ id: feed.id, version: feed.version, active: !feed.active }))}
      >
        {feed.active ? "Pause" : "Resume"}
      </button>
      {checked && (
        <span className="small muted" role="status">
          Poll queued
        </span>
      )}
      {problem && (
        <span className="field__error" role="alert">
          {problem.message}
        </span>
      )}
    </div>
  );
}
