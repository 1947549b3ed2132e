import "server-only";
import type { Tx } from "./db";
import { deleteVersioned } from "./versioned-write";

/** The audit action of a draft claim the analysis made (lib/ingest-records.ts createClaimFromAnalysis). */
export const MACHINE_DRAFT_ACTION = "create-from-analysis";

/** What isUntouchedDraft reads of a claim. */
export const UNTOUCHED_DRAFT_SELECT = {
  status: true,
  version: true,
  rating: { select: { claimId: true } },
  _count: { select: { rebuttals: true, tags: true, annotations: true } },
} as const;

/**
 * A draft no editor has touched: never edited (version 1), not published, no rating,
 * rebuttal, tag or annotation. Only such a claim may be deleted when it is left empty.
 */
export function isUntouchedDraft(c: { status: string; version: number; rating: unknown; _count: { rebuttals: number; tags: number; annotations: number } }): boolean {
  return c.status === "draft" && c.version === 1 && !c.rating && !c._count.rebuttals && !c._count.tags && !c._count.annotations;
}

/**
 * After quotes left claims (rejected, moved elsewhere, re-linked), deletes each of `claimIds`
 * that is a draft the analysis made, untouched by editors, and now has no quote other than
 * rejected ones: a suggestion nobody wanted leaves no empty claim behind. Rejected quotes
 * on it keep their review state and lose the link (the relation is ON DELETE SET NULL).
 * A published, edited, rated or tagged claim, or one an editor created, is never deleted.
 * Records a "delete-empty-suggestion" event per claim; returns the deleted ids.
 */
export async function deleteEmptyMachineDrafts(tx: Tx, actorId: string | null, claimIds: Iterable<string | null | undefined>): Promise<string[]> {
  const ids = [...new Set([...claimIds].filter((id): id is string => Boolean(id)))];
  if (!ids.length) return [];
  const candidates = await tx.claim.findMany({
    where: { id: { in: ids }, quotes: { none: { reviewStatus: { not: "rejected" } } } },
    select: { ...UNTOUCHED_DRAFT_SELECT, id: true, slug: true, canonical: true },
  });
  const untouched = candidates.filter(isUntouchedDraft);
  if (!untouched.length) return [];
  const madeByAnalysis = new Set(
    (
      await tx.auditEvent.findMany({
        where: { entityType: "claim", action: MACHINE_DRAFT_ACTION, entityId: { in: untouched.map((c) => c.id) } },
        select: { entityId: true },
      })
    ).map((e) => e.entityId),
  );
  const deleted: string[] = [];
  for (const c of untouched) {
    if (!madeByAnalysis.has(c.id)) continue;
    await deleteVersioned(tx, "claim", {
      where: { id: c.id },
      version: c.version,
      audit: { actorId, entityType: "claim", entityId: c.id, action: "delete-empty-suggestion", before: { slug: c.slug, canonical: c.canonical } },
    });
    deleted.push(c.id);
  }
  return deleted;
}
