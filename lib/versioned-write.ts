import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { describeSpan, type TextAnchor } from "./anchoring/selectors";
import { recordAudit, type AuditInput } from "./audit";
import type { Tx } from "./db";
import { ConflictError } from "./errors";

/**
 * Versioned writes: where a save conflict is detected, for every editable record
 * (article, claim, quote, annotation, tag, rating, watched feed, alert, source document,
 * speaker, outlet, verdict label, alert webhook).
 *
 * A form carries the `version` of the record it loaded. A write succeeds only if
 * the row still has that version; it bumps the version and records the
 * AuditEvent in the caller's transaction, so a refused write changes nothing.
 * Of two editors saving the same version, the second gets a ConflictError; the
 * editor's form keeps their input and shows the version that won
 * (app/(editor)/editor/_components/use-versioned-record.ts).
 */

interface VersionedModels {
  article: { where: Prisma.ArticleWhereInput; data: Prisma.ArticleUncheckedUpdateManyInput };
  claim: { where: Prisma.ClaimWhereInput; data: Prisma.ClaimUncheckedUpdateManyInput };
  quote: { where: Prisma.QuoteWhereInput; data: Prisma.QuoteUncheckedUpdateManyInput };
  annotation: { where: Prisma.AnnotationWhereInput; data: Prisma.AnnotationUncheckedUpdateManyInput };
  tag: { where: Prisma.TagWhereInput; data: Prisma.TagUncheckedUpdateManyInput };
  rating: { where: Prisma.RatingWhereInput; data: Prisma.RatingUncheckedUpdateManyInput };
  feed: { where: Prisma.FeedWhereInput; data: Prisma.FeedUncheckedUpdateManyInput };
  alert: { where: Prisma.AlertWhereInput; data: Prisma.AlertUncheckedUpdateManyInput };
  sourceDocument: { where: Prisma.SourceDocumentWhereInput; data: Prisma.SourceDocumentUncheckedUpdateManyInput };
  speaker: { where: Prisma.SpeakerWhereInput; data: Prisma.SpeakerUncheckedUpdateManyInput };
  outlet: { where: Prisma.OutletWhereInput; data: Prisma.OutletUncheckedUpdateManyInput };
  verdictLabel: { where: Prisma.VerdictLabelWhereInput; data: Prisma.VerdictLabelUncheckedUpdateManyInput };
  alertWebhook: { where: Prisma.AlertWebhookWhereInput; data: Prisma.AlertWebhookUncheckedUpdateManyInput };
}

export type VersionedModel = keyof VersionedModels;

// Every versioned model has updateMany/deleteMany of this shape; Prisma's own
// generic signatures are not assignable to one type, hence the narrowing cast.
interface Delegate {
  updateMany(args: { where: object; data: object }): Promise<{ count: number }>;
  deleteMany(args: { where: object }): Promise<{ count: number }>;
}
const delegate = (tx: Tx, model: VersionedModel) => tx[model] as unknown as Delegate;

/** The event a write records; `after` may be a read made once the change is written. */
export type VersionedAudit<After> = Omit<AuditInput, "after"> & { after?: After | (() => Promise<After>) };

export interface VersionedChange<M extends VersionedModel, After> {
  /** The record: `{ id }`, or `{ claimId }` for a rating. */
  where: VersionedModels[M]["where"];
  /** The version the editor loaded. */
  version: number;
  /** What changes (the version is bumped here). */
  data?: VersionedModels[M]["data"];
  /** Recorded once the write succeeds; null when the caller records a richer event itself. */
  audit: VersionedAudit<After> | null;
  /** What the editor reads when someone else saved first (default: the generic message). */
  conflict?: string;
}

async function record<After>(tx: Tx, audit: VersionedAudit<After> | null): Promise<After> {
  if (!audit) return undefined as After;
  const after = typeof audit.after === "function" ? await (audit.after as () => Promise<After>)() : audit.after;
  await recordAudit(tx, { ...audit, after });
  return after as After;
}

/**
 * Writes `data` to the record if it still has `version`, bumps the version and
 * records the audit event. Returns the event's `after` (read after the write).
 * @throws ConflictError when the record has another version (or is gone).
 */
export async function updateVersioned<M extends VersionedModel, After = undefined>(tx: Tx, model: M, change: VersionedChange<M, After>): Promise<After> {
  const { count } = await delegate(tx, model).updateMany({
    where: { ...change.where, version: change.version },
    data: { ...change.data, version: { increment: 1 } },
  });
  if (count === 0) throw new ConflictError(change.conflict);
  return record(tx, change.audit);
}

/**
 * Deletes the record if it still has `version`, and records the audit event.
 * @throws ConflictError when the record has another version (or is gone).
 */
export async function deleteVersioned<M extends VersionedModel, After = undefined>(tx: Tx, model: M, change: Omit<VersionedChange<M, After>, "data">): Promise<void> {
  const { count } = await delegate(tx, model).deleteMany({ where: { ...change.where, version: change.version } });
  if (count === 0) throw new ConflictError(change.conflict);
  await record(tx, change.audit);
}

/**
 * Records changed as a consequence of another edit (moved by a merge, re-anchored
 * by a text correction): their version is bumped so that a form opened before is
 * refused. Their events, if any, are the caller's. Returns how many changed.
 */
export async function bumpVersions<M extends VersionedModel>(tx: Tx, model: M, where: VersionedModels[M]["where"], data: VersionedModels[M]["data"] = {}): Promise<number> {
  const { count } = await delegate(tx, model).updateMany({ where, data: { ...data, version: { increment: 1 } } });
  return count;
}

/**
 * For checks that must come before any other (a no-op, a validation message):
 * `current` is the record as stored, null when there is none; `version` null
 * means the editor saw none (a claim not yet rated).
 * @throws ConflictError when they differ.
 */
export function assertVersion(current: { version: number } | null, version: number | null, conflict?: string): void {
  if ((current?.version ?? null) !== version) throw new ConflictError(conflict);
}

/**
 * What an editor selected is still what they saw: `stillTrue` is false when
 * something in their selection changed since they loaded the page.
 * @throws ConflictError with `conflict`.
 */
export function assertSelectionCurrent(stillTrue: boolean, conflict: string): void {
  if (!stillTrue) throw new ConflictError(conflict);
}

/**
 * The W3C anchor of an editor's selection of an article's text. The offsets were
 * computed on the page they loaded: the text there must still be `exact`.
 * @throws ConflictError when the article's text changed under the selection.
 */
export function anchorSelection(body: string, selection: { start: number; end: number; exact: string }): TextAnchor {
  const anchor = describeSpan(body, selection.start, selection.end);
  assertSelectionCurrent(
    anchor !== null && anchor.exact === selection.exact.trim(),
    "The article text changed since you opened it, so the selection no longer matches. Reload the article and select the text again.",
  );
  return anchor!;
}
