"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type FieldErrors, type UseFormRegister } from "react-hook-form";
import { addFeedAction, checkFeedAction, editFeedAction, setFeedActiveAction } from "@/app/(editor)/editor/_actions/feeds";
import { applyActionErrors, useActionRunner, type ServerProblem } from "@/app/(editor)/editor/_components/action-result";
import { ConflictNotice } from "@/app/(editor)/editor/_components/conflict-notice";
import { useVersionedRecord } from "@/app/(editor)/editor/_components/use-versioned-record";
import { feedCreateSchema, feedEditSchema, type FeedCreateInput, type FeedEditInput } from "@/lib/validation/feed";

interface OutletOption {
  id: string;
  name: string;
}

const FIELDS = ["url", "outletId", "intervalMinutes"] as const;

function FeedFields({
  register,
  errors,
  outlets,
  idPrefix,
}: {
  register: UseFormRegister<FeedCreateInput>;
  errors: FieldErrors<FeedCreateInput>;
  outlets: OutletOption[];
  idPrefix: string;
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
          <option value="">Choose the outlet…</option>
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
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const { register, handleSubmit, setError, reset, formState } = useForm<FeedCreateInput>({
    resolver: zodResolver(feedCreateSchema),
    defaultValues: { url: "", outletId: "", intervalMinutes: 30 },
  });
  return (
    <form
      className="form"
      noValidate
      aria-label="Watch a feed"
      onSubmit={handleSubmit(async (values) => {
        setProblem(null);
        setAdded(null);
        const result = await addFeedAction(values).catch(() => null);
        if (!result) return setProblem("The server could not be reached. Nothing was saved; try again.");
        if (!result.ok) return setProblem(applyActionErrors(result, setError, FIELDS).message);
        setAdded(values.url);
        reset({ url: "", outletId: values.outletId, intervalMinutes: values.intervalMinutes });
        router.refresh();
      })}
    >
      {problem && (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      )}
      {added && (
        <p className="notice notice--ok" role="status">
          Watching {added}. Its first poll is under way.
        </p>
      )}
      <FeedFields register={register} errors={formState.errors} outlets={outlets} idPrefix="new-feed" />
      <div>
        <button type="submit" className="button" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Adding…" : "Watch this feed"}
        </button>
      </div>
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
  const router = useRouter();
  const record = useVersionedRecord(feed, { url: "Feed address", outletId: "Outlet", intervalMinutes: "Minutes between polls", active: "Polling" });
  const [problem, setProblem] = useState<ServerProblem | null>(null);
  const [saved, setSaved] = useState(false);
  const { register, handleSubmit, setError, formState } = useForm<FeedEditInput>({
    resolver: zodResolver(feedEditSchema),
    defaultValues: feed,
  });
  return (
    <form
      className="form"
      noValidate
      aria-label="Edit feed"
      onSubmit={handleSubmit(async (values) => {
        setProblem(null);
        setSaved(false);
        const result = await editFeedAction({ ...values, version: record.version }).catch(() => null);
        if (!result) return setProblem({ message: "The server could not be reached. Nothing was saved; try again." });
        if (!result.ok) {
          if (result.code === "conflict") record.markStale();
          return setProblem(applyActionErrors(result, setError, FIELDS));
        }
        record.saved(result.data.version);
        setSaved(true);
        router.refresh();
      })}
    >
      <ConflictNotice stale={record.stale} message={problem?.message} changes={record.changes} onReload={() => { setProblem(null); record.reload(); }} onDismiss={record.dismiss} />
      {problem && !record.stale && (
        <p className="notice notice--error" role="alert">
          {problem.message}
        </p>
      )}
      {saved && (
        <p className="notice notice--ok" role="status">
          Saved.
        </p>
      )}
      <FeedFields register={register as unknown as UseFormRegister<FeedCreateInput>} errors={formState.errors} outlets={outlets} idPrefix="edit-feed" />
      <label className="row">
        <input type="checkbox" {...register("active")} /> Poll this feed
      </label>
      <div>
        <button type="submit" className="button" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Saving…" : "Save feed"}
        </button>
      </div>
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
