"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import {
  createClaimAction,
  editClaimAction,
  mergeClaimsAction,
  saveRatingAction,
  setClaimStatusAction,
  splitClaimAction,
} from "@/app/(editor)/editor/_actions/claims";
import { claimEditSchema, createClaimSchema, mergeClaimsSchema, splitClaimSchema } from "@/lib/validation/claim";
import { ratingSchema } from "@/lib/validation/rating";
import { applyActionErrors, useActionRunner, type ServerProblem } from "@/app/(editor)/editor/_components/action-result";
import { ConflictNotice } from "@/app/(editor)/editor/_components/conflict-notice";
import { AnchorBadge, ReviewBadge } from "@/app/(editor)/editor/_components/status-badge";
import { useVersionedRecord } from "@/app/(editor)/editor/_components/use-versioned-record";
import { SelectField } from "@/app/(editor)/editor/_components/select-field";

type Option = { id: string; name: string };
type ClaimOption = { id: string; canonical: string; status?: string };

const short = (text: string, n = 80) => (text.length > n ? `${text.slice(0, n)}…` : text);

function ErrorText({ message }: { message?: string }) {
  return message ? <span className="field__error">{message}</span> : null;
}

export interface EditableClaim {
  id: string;
  version: number;
  canonical: string;
  summary: string | null;
  speakerId: string | null;
  sourceDocumentId: string | null;
  rebutsId: string | null;
}

type EditValues = z.input<typeof claimEditSchema>;

export function ClaimEditForm({
  claim,
  speakers,
  documents,
  claims,
}: {
  claim: EditableClaim;
  speakers: Option[];
  documents: { id: string; title: string }[];
  claims: ClaimOption[];
}) {
  const router = useRouter();
  const record = useVersionedRecord(claim, {
    canonical: "Wording",
    summary: "Summary",
    speakerId: "Speaker",
    sourceDocumentId: "Source document",
    rebutsId: "Answers claim",
  });
  const [problem, setProblem] = useState<ServerProblem | null>(null);
  const [saved, setSaved] = useState(false);
  const { register, handleSubmit, setError, formState } = useForm<EditValues, unknown, z.output<typeof claimEditSchema>>({
    resolver: zodResolver(claimEditSchema),
    defaultValues: {
      id: claim.id,
      version: claim.version,
      canonical: claim.canonical,
      summary: claim.summary ?? "",
      speakerId: claim.speakerId ?? "",
      sourceDocumentId: claim.sourceDocumentId ?? "",
      rebutsId: claim.rebutsId ?? "",
    },
  });
  const errors = formState.errors;
  return (
    <form
      className="form"
      noValidate
      aria-label="Edit claim"
      onSubmit={handleSubmit(async (values) => {
        setProblem(null);
        setSaved(false);
        const result = await editClaimAction({ ...values, version: record.version });
        if (!result.ok) {
          if (result.code === "conflict") record.markStale();
          setProblem(applyActionErrors(result, setError, ["canonical", "summary", "speakerId", "sourceDocumentId", "rebutsId"]));
          return;
        }
        record.saved(result.data.version);
        setSaved(true);
        router.refresh();
      })}
    >
      <ConflictNotice
        stale={record.stale}
        message={problem?.message}
        changes={record.changes}
        onReload={() => {
          setProblem(null);
          record.reload();
        }}
        onDismiss={record.dismiss}
      />
      {problem && !record.stale && (
        <p className="notice notice--error" role="alert">
          {problem.message}
        </p>
      )}
      {saved && !problem && (
        <p className="notice notice--ok" role="status">
          Claim saved.
        </p>
      )}
      <div className="field">
        <label htmlFor="c-canonical">Canonical wording</label>
        <textarea id="c-canonical" className="short" aria-invalid={Boolean(errors.canonical)} {...register("canonical")} />
        <ErrorText message={errors.canonical?.message} />
      </div>
      <div className="field">
        <label htmlFor="c-summary">Summary</label>
        <textarea id="c-summary" className="short" aria-invalid={Boolean(errors.summary)} {...register("summary")} />
        <ErrorText message={errors.summary?.message} />
      </div>
      <div className="form-grid">
        <SelectField id="c-speaker" label="Speaker" empty="Not set" options={speakers.map((s) => ({ value: s.id, label: s.name }))} {...register("speakerId")} />
        <div className="field">
          <label htmlFor="c-source">Source document</label>
          <select id="c-source" {...register("sourceDocumentId")}>
            <option value="">Not set</option>
            {documents.map((d) => (
              <option key={d.id} value={d.id}>
                {short(d.title, 60)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="c-rebuts">Answers (counter-claim to)</label>
          <select id="c-rebuts" aria-invalid={Boolean(errors.rebutsId)} {...register("rebutsId")}>
            <option value="">Nothing</option>
            {claims
              .filter((c) => c.id !== claim.id)
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {short(c.canonical, 60)}
                </option>
              ))}
          </select>
          <ErrorText message={errors.rebutsId?.message} />
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Saving…" : "Save claim"}
        </button>
      </div>
    </form>
  );
}

const STEPS = [
  { status: "draft", label: "Draft" },
  { status: "in_review", label: "In review" },
  { status: "published", label: "Published" },
] as const;

/** Draft → in review → published, and back (unpublishing is recorded). */
export function WorkflowControls({ claim }: { claim: { id: string; version: number; status: string } }) {
  const { run, busy, problem } = useActionRunner();
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState("");
  const set = (status: "draft" | "in_review" | "published", note?: string) =>
    run(() => setClaimStatusAction({ id: claim.id, version: claim.version, status, ...(note ? { note } : {}) }));
  return (
    <div className="stack">
      <div className="workflow">
        <ol className="workflow__steps" aria-label="Workflow">
          {STEPS.map((s) => (
            <li key={s.status} aria-current={claim.status === s.status ? "step" : undefined}>
              {s.label}
            </li>
          ))}
        </ol>
        <span className="spacer" />
        {claim.status === "draft" && (
          <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => set("in_review")}>
            Submit for review
          </button>
        )}
        {claim.status === "in_review" && (
          <>
            <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => set("draft")}>
              Back to draft
            </button>
            <button type="button" className="button button--ok button--small" disabled={busy} onClick={() => set("published")}>
              Publish
            </button>
          </>
        )}
        {claim.status === "draft" && (
          <button type="button" className="button button--ok button--small" disabled={busy} onClick={() => set("published")}>
            Publish
          </button>
        )}
        {claim.status === "published" && !withdrawing && (
          <button type="button" className="button button--ghost-danger button--small" disabled={busy} onClick={() => setWithdrawing(true)}>
            Unpublish…
          </button>
        )}
      </div>
      {withdrawing && (
        <form
          className="form"
          aria-label="Unpublish"
          onSubmit={async (e) => {
            e.preventDefault();
            if ((await set("in_review", reason.trim() || undefined)) !== null) setWithdrawing(false);
          }}
        >
          <div className="field">
            <label htmlFor="withdrawal-reason">Why it is withdrawn (readers see this at the old address)</label>
            <input id="withdrawal-reason" value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} />
          </div>
          <div className="row">
            <button type="submit" className="button button--ghost-danger button--small" disabled={busy}>
              Unpublish
            </button>
            <button type="button" className="button button--secondary button--small" onClick={() => setWithdrawing(false)}>
              Keep published
            </button>
          </div>
        </form>
      )}
      {problem && (
        <p className="notice notice--error" role="alert">
          {problem.message}
          {problem.code === "conflict" && " Reload the page to see the current state."}
        </p>
      )}
    </div>
  );
}

export interface EditableRating {
  version: number;
  verdictLabelId: string;
  verdictExplanation: string;
  fidelityRating: number;
  fidelityExplanation: string;
  framingRating: number;
  framingExplanation: string;
}

type RatingValues = z.input<typeof ratingSchema>;

function Scale({ name, low, high, register, error }: { name: "fidelityRating" | "framingRating"; low: string; high: string; register: ReturnType<typeof useForm<RatingValues>>["register"]; error?: string }) {
  return (
    <div>
      <div className="scale" role="radiogroup" aria-label={name === "fidelityRating" ? "Quote fidelity, 1 to 5" : "Framing, 1 to 5"}>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n}>
            <input type="radio" value={n} {...register(name)} />
            <span>{n}</span>
          </label>
        ))}
      </div>
      <div className="scale__ends">
        <span>1 · {low}</span>
        <span>5 · {high}</span>
      </div>
      <ErrorText message={error} />
    </div>
  );
}

export function RatingForm({
  claimId,
  rating,
  labels,
  published = false,
}: {
  claimId: string;
  rating: EditableRating | null;
  labels: { id: string; name: string; description: string | null }[];
  /** A published claim's changed verdict or rating is a public correction: the form asks why. */
  published?: boolean;
}) {
  const router = useRouter();
  // Stable across re-renders: a new object each render would look like a new server version.
  const tracked = useMemo(
    () => rating ?? { version: 0, verdictLabelId: "", verdictExplanation: "", fidelityRating: 0, fidelityExplanation: "", framingRating: 0, framingExplanation: "" },
    [rating],
  );
  const record = useVersionedRecord(tracked, {
    verdictLabelId: "Verdict",
    verdictExplanation: "Verdict explanation",
    fidelityRating: "Fidelity",
    fidelityExplanation: "Fidelity explanation",
    framingRating: "Framing",
    framingExplanation: "Framing explanation",
  });
  const [problem, setProblem] = useState<ServerProblem | null>(null);
  const [saved, setSaved] = useState(false);
  const { register, handleSubmit, setError, formState } = useForm<RatingValues, unknown, z.output<typeof ratingSchema>>({
    resolver: zodResolver(ratingSchema),
    defaultValues: {
      claimId,
      version: rating?.version ?? null,
      verdictLabelId: rating?.verdictLabelId ?? "",
      verdictExplanation: rating?.verdictExplanation ?? "",
      fidelityRating: rating?.fidelityRating,
      fidelityExplanation: rating?.fidelityExplanation ?? "",
      framingRating: rating?.framingRating,
      framingExplanation: rating?.framingExplanation ?? "",
      correctionNote: "",
    },
  });
  const errors = formState.errors;
  return (
    <form
      className="form"
      noValidate
      aria-label="Rating"
      onSubmit={handleSubmit(async (values) => {
        setProblem(null);
        setSaved(false);
        const result = await saveRatingAction({ ...values, version: record.version || null });
        if (!result.ok) {
          if (result.code === "conflict") record.markStale();
          setProblem(applyActionErrors(result, setError, ["verdictLabelId", "verdictExplanation", "fidelityRating", "fidelityExplanation", "framingRating", "framingExplanation", "correctionNote"]));
          return;
        }
        record.saved(result.data.version);
        setSaved(true);
        router.refresh();
      })}
    >
      <ConflictNotice
        stale={record.stale}
        message={problem?.message}
        changes={record.changes?.map((c) => (c.field === "verdictLabelId" ? { ...c, before: labels.find((l) => l.id === c.before)?.name ?? c.before, after: labels.find((l) => l.id === c.after)?.name ?? c.after } : c)) ?? null}
        onReload={() => {
          setProblem(null);
          record.reload();
        }}
        onDismiss={record.dismiss}
      />
      {problem && !record.stale && (
        <p className="notice notice--error" role="alert">
          {problem.message}
        </p>
      )}
      {saved && !problem && (
        <p className="notice notice--ok" role="status">
          Rating saved.
        </p>
      )}
      <div className="field">
        <label htmlFor="r-verdict">Verdict</label>
        <select id="r-verdict" aria-invalid={Boolean(errors.verdictLabelId)} {...register("verdictLabelId")}>
          <option value="">Choose a verdict…</option>
          {labels.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
              {l.description ? ` — ${l.description}` : ""}
            </option>
          ))}
        </select>
        <ErrorText message={errors.verdictLabelId?.message} />
      </div>
      <div className="field">
        <label htmlFor="r-verdict-why">Why this verdict</label>
        <textarea id="r-verdict-why" className="short" aria-invalid={Boolean(errors.verdictExplanation)} {...register("verdictExplanation")} />
        <ErrorText message={errors.verdictExplanation?.message} />
      </div>
      <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }}>
        <legend className="field-legend">Quote fidelity</legend>
        <Scale name="fidelityRating" low="distorted" high="faithful" register={register} error={errors.fidelityRating?.message} />
      </fieldset>
      <div className="field">
        <label htmlFor="r-fidelity-why">Why this fidelity rating</label>
        <textarea id="r-fidelity-why" className="short" aria-invalid={Boolean(errors.fidelityExplanation)} {...register("fidelityExplanation")} />
        <ErrorText message={errors.fidelityExplanation?.message} />
      </div>
      <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }}>
        <legend className="field-legend">Framing</legend>
        <Scale name="framingRating" low="loaded" high="neutral" register={register} error={errors.framingRating?.message} />
      </fieldset>
      <div className="field">
        <label htmlFor="r-framing-why">Why this framing rating</label>
        <textarea id="r-framing-why" className="short" aria-invalid={Boolean(errors.framingExplanation)} {...register("framingExplanation")} />
        <ErrorText message={errors.framingExplanation?.message} />
      </div>
      {published && rating && (
        <div className="field">
          <label htmlFor="r-correction">If the verdict or a rating changes: why (readers see “Updated on DATE: …”)</label>
          <input id="r-correction" aria-invalid={Boolean(errors.correctionNote)} {...register("correctionNote")} />
          <ErrorText message={errors.correctionNote?.message} />
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="button" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Saving…" : rating ? "Save rating" : "Rate claim"}
        </button>
      </div>
    </form>
  );
}

type ClaimQuote = {
  id: string;
  exact: string;
  reviewStatus: string;
  anchorStatus: string;
  article: { id: string; title: string; outlet: { name: string } };
  speaker: { name: string } | null;
};

/** The claim's quotes, with a selection to split off into a new claim. */
export function ClaimQuotes({ claim, quotes }: { claim: { id: string; version: number; canonical: string }; quotes: ClaimQuote[] }) {
  const router = useRouter();
  const [selected, setSelected] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<z.input<typeof splitClaimSchema>>({
    resolver: zodResolver(splitClaimSchema),
    defaultValues: { id: claim.id, version: claim.version, quoteIds: [], canonical: "" },
  });
  if (quotes.length === 0) {
    return (
      <p className="muted small">
        No quotes yet. Move quotes here from the <Link href="/editor/review">review queue</Link> or mark them in an <Link href="/editor/articles">article</Link>.
      </p>
    );
  }
  return (
    <div className="stack">
      <div className="table-wrap">
        <table className="table quote-table">
          <thead>
            <tr>
              <th>
                <span className="visually-hidden">Select</span>
              </th>
              <th>Quote</th>
              <th>Outlet</th>
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {quotes.map((q) => (
              <tr key={q.id}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Select quote ${short(q.exact, 40)}`}
                    checked={selected.includes(q.id)}
                    onChange={() => setSelected((s) => (s.includes(q.id) ? s.filter((x) => x !== q.id) : [...s, q.id]))}
                  />
                </td>
                <td>
                  <Link className="q" href={`/editor/quotes/${q.id}`}>
                    “{short(q.exact, 180)}”
                  </Link>
                  <div className="small muted">{q.speaker?.name ?? "no speaker"}</div>
                </td>
                <td>
                  <Link href={`/editor/articles/${q.article.id}#quote-${q.id}`}>{q.article.outlet.name}</Link>
                </td>
                <td>
                  <ReviewBadge status={q.reviewStatus} /> <AnchorBadge status={q.anchorStatus} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {selected.length > 0 && (
        <form
          className="form card"
          noValidate
          aria-label="Split into a new claim"
          onSubmit={handleSubmit(async (values) => {
            setProblem(null);
            const result = await splitClaimAction({ ...values, version: claim.version, quoteIds: selected });
            if (!result.ok) {
              setProblem(applyActionErrors(result, setError, ["canonical"]).message);
              return;
            }
            router.push(`/editor/claims/${result.data.id}`);
          })}
        >
          <h3>
            Split {selected.length} {selected.length === 1 ? "quote" : "quotes"} off into a new claim
          </h3>
          {problem && (
            <p className="notice notice--error" role="alert">
              {problem}
            </p>
          )}
          <div className="field">
            <label htmlFor="split-canonical">Wording of the new claim</label>
            <textarea id="split-canonical" className="short" aria-invalid={Boolean(formState.errors.canonical)} {...register("canonical")} />
            <ErrorText message={formState.errors.canonical?.message} />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button--small" disabled={formState.isSubmitting}>
              {formState.isSubmitting ? "Splitting…" : "Split into new claim"}
            </button>
            <button type="button" className="button button--secondary button--small" onClick={() => setSelected([])}>
              Clear selection
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

/** Merges another claim into this one, after showing what will move. */
export function MergeClaimForm({ claim, others }: { claim: { id: string; version: number }; others: (ClaimOption & { quotes: number })[] }) {
  const router = useRouter();
  const [problem, setProblem] = useState<ServerProblem | null>(null);
  const [confirming, setConfirming] = useState(false);
  const { register, handleSubmit, setError, formState, control } = useForm<z.input<typeof mergeClaimsSchema>>({
    resolver: zodResolver(mergeClaimsSchema),
    defaultValues: { survivorId: claim.id, survivorVersion: claim.version, absorbedId: "" },
  });
  const absorbedId = useWatch({ control, name: "absorbedId" });
  const absorbed = others.find((o) => o.id === absorbedId);
  return (
    <form
      className="form"
      noValidate
      aria-label="Merge another claim into this one"
      onSubmit={handleSubmit(async (values) => {
        if (!confirming) {
          setConfirming(true);
          return;
        }
        setProblem(null);
        const result = await mergeClaimsAction({ ...values, survivorVersion: claim.version });
        if (!result.ok) {
          setConfirming(false);
          setProblem(applyActionErrors(result, setError, ["absorbedId"]));
          return;
        }
        setConfirming(false);
        router.refresh();
      })}
    >
      {problem && (
        <p className="notice notice--error" role="alert">
          {problem.message}
        </p>
      )}
      <div className="field">
        <label htmlFor="merge-claim">Claim to merge into this one</label>
        <select id="merge-claim" aria-invalid={Boolean(formState.errors.absorbedId)} {...register("absorbedId", { onChange: () => setConfirming(false) })}>
          <option value="">Choose a claim…</option>
          {others.map((o) => (
            <option key={o.id} value={o.id}>
              {short(o.canonical, 70)} ({o.quotes} {o.quotes === 1 ? "quote" : "quotes"})
            </option>
          ))}
        </select>
        <ErrorText message={formState.errors.absorbedId?.message} />
      </div>
      {confirming && absorbed && (
        <p className="notice notice--info">
          “{short(absorbed.canonical, 120)}” will be deleted; its {absorbed.quotes} {absorbed.quotes === 1 ? "quote" : "quotes"}, tags, annotations and history move
          here.{absorbed.status === "published" ? " It is published: its public page will go." : ""}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className={confirming ? "button button--danger button--small" : "button button--secondary button--small"} disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Merging…" : confirming ? "Yes, merge" : "Merge…"}
        </button>
        {confirming && (
          <button type="button" className="button button--secondary button--small" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

export function NewClaimForm({ speakers }: { speakers: Option[] }) {
  const router = useRouter();
  const [problem, setProblem] = useState<string | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<z.input<typeof createClaimSchema>, unknown, z.output<typeof createClaimSchema>>({
    resolver: zodResolver(createClaimSchema),
    defaultValues: { canonical: "", speakerId: "" },
  });
  return (
    <form
      className="form"
      noValidate
      aria-label="New claim"
      onSubmit={handleSubmit(async (values) => {
        setProblem(null);
        const result = await createClaimAction(values);
        if (!result.ok) {
          setProblem(applyActionErrors(result, setError, ["canonical", "speakerId"]).message);
          return;
        }
        router.push(`/editor/claims/${result.data.id}`);
      })}
    >
      {problem && (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      )}
      <div className="field">
        <label htmlFor="new-canonical">Claim, in neutral wording</label>
        <textarea id="new-canonical" className="short" aria-invalid={Boolean(formState.errors.canonical)} {...register("canonical")} />
        <ErrorText message={formState.errors.canonical?.message} />
      </div>
      <SelectField id="new-speaker" label="Speaker" empty="Not set" options={speakers.map((s) => ({ value: s.id, label: s.name }))} {...register("speakerId")} />
      <button type="submit" className="button" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? "Creating…" : "Create draft claim"}
      </button>
    </form>
  );
}
