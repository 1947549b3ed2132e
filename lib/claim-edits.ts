import "server-only";
import type { ClaimStatus, Prisma } from "@/generated/prisma/client";
import { recordAudit } from "./audit";
import { prisma } from "./db";
import { ratingFieldsSelect } from "./ratings";
import type { Touched } from "./public-cache/keys";
import { ActionError, NotFoundError } from "./errors";
import { quoteCountsByClaim } from "./quote-counts";
import { keepOldAddress, moveAddresses, uniqueRecordSlug } from "./record-addresses";
import { claimSlug } from "./slug";
import { remeasureClaimQuotes } from "./stored-fidelity";
import type { ClaimEditInput, ClaimStatusInput, CreateClaimInput, MergeClaimsInput, SplitClaimInput } from "./validation/claim";
import { claimEditSchema, createClaimSchema } from "./validation/claim";
import { cleanSearchTerm } from "./validation/text";
import { assertSelectionCurrent, assertVersion, bumpVersions, updateVersioned } from "./versioned-write";
import { liveQuoteWhere, publicQuoteWhere } from "./visibility";

/**
 * Editor-side claim reads and every claim mutation. Public reads live in
 * lib/claims.ts; these see drafts too.
 */
const auditSelect = {
  id: true,
  slug: true,
  canonical: true,
  summary: true,
  speakerId: true,
  sourceDocumentId: true,
  rebutsId: true,
  status: true,
  publishedAt: true,
  version: true,
} satisfies Prisma.ClaimSelect;

export async function listClaimsForEditor({ status, q }: { status?: ClaimStatus; q?: string } = {}) {
  const claims = await prisma.claim.findMany({
    where: {
      ...(status ? { status } : {}),
      ...(q ? { canonical: { contains: cleanSearchTerm(q), mode: "insensitive" as const } } : {}),
    },
    orderBy: [{ updatedAt: "desc" }],
    take: 200,
    select: {
      id: true,
      slug: true,
      canonical: true,
      status: true,
      updatedAt: true,
      speaker: { select: { name: true } },
      rating: { select: { verdictLabel: { select: { name: true } } } },
      tags: { select: { tag: { select: { id: true, name: true, colour: true } } } },
    },
  });
  // The quotes editors work with, counted for the listed claims only (a relation `_count` counts every claim's: lib/quote-counts.ts).
  const counts = await quoteCountsByClaim(claims.map((c) => c.id), liveQuoteWhere);
  return claims.map((c) => ({ ...c, _count: { quotes: counts.get(c.id) ?? 0 } }));
}

/** Every claim, for the editor's claim picker (searched by wording, speaker and slug). */
export function listClaimOptions() {
  return prisma.claim.findMany({ orderBy: { canonical: "asc" }, select: { id: true, canonical: true, status: true, slug: true, speaker: { select: { name: true } } } });
}

export function getClaimForEditor(id: string) {
  return prisma.claim.findUnique({
    where: { id },
    select: {
      ...auditSelect,
      createdAt: true,
      updatedAt: true,
      speaker: { select: { id: true, name: true } },
      sourceDocument: { select: { id: true, title: true } },
      rebuts: { select: { id: true, canonical: true } },
      rebuttals: { select: { id: true, canonical: true } },
      tags: { select: { tag: { select: { id: true, name: true, colour: true, kind: true } } } },
      rating: { select: { version: true, ...ratingFieldsSelect, updatedAt: true, reviewer: { select: { name: true } } } },
      quotes: {
        orderBy: [{ article: { publishedAt: "asc" } }, { start: "asc" }],
        select: {
          id: true,
          exact: true,
          reviewStatus: true,
          anchorStatus: true,
          fidelity: true,
          version: true,
          article: { select: { id: true, title: true, publishedAt: true, outlet: { select: { name: true } } } },
          speaker: { select: { name: true } },
        },
      },
      annotations: { select: { id: true, exact: true, body: true, articleId: true, anchorStatus: true } },
    },
  });
}

export function listSourceDocumentOptions() {
  return prisma.sourceDocument.findMany({ orderBy: { title: "asc" }, select: { id: true, title: true } });
}

export async function createClaim(actorId: string, raw: CreateClaimInput) {
  const input = createClaimSchema.parse(raw);
  return prisma.$transaction(async (tx) => {
    const claim = await tx.claim.create({
      data: { slug: await uniqueRecordSlug(tx, "claim", claimSlug(input.canonical)), canonical: input.canonical, speakerId: input.speakerId },
      select: auditSelect,
    });
    await recordAudit(tx, { actorId, entityType: "claim", entityId: claim.id, action: "create", after: claim });
    return { id: claim.id, claims: [claim.slug] };
  });
}

/**
 * Edits wording, summary, speaker, source document and the counter-claim link, and
 * the address (slug) when one is given: the old address then answers 308 to the new
 * one (lib/record-addresses.ts), so public links keep working.
 */
export async function editClaim(actorId: string, raw: ClaimEditInput) {
  const input = claimEditSchema.parse(raw);
  return prisma.$transaction(async (tx) => {
    const before = await tx.claim.findUnique({ where: { id: input.id }, select: auditSelect });
    if (!before) throw new NotFoundError("claim");
    if (input.rebutsId && !(await tx.claim.findUnique({ where: { id: input.rebutsId }, select: { id: true } }))) throw new NotFoundError("answered claim");
    if (input.slug) await keepOldAddress(tx, "claim", before, input.slug);
    const after = await updateVersioned(tx, "claim", {
      where: { id: input.id },
      version: input.version,
      data: {
        canonical: input.canonical,
        summary: input.summary,
        speakerId: input.speakerId,
        sourceDocumentId: input.sourceDocumentId,
        rebutsId: input.rebutsId,
        ...(input.slug ? { slug: input.slug } : {}),
      },
      audit: { actorId, entityType: "claim", entityId: input.id, action: "edit", before, after: () => tx.claim.findUniqueOrThrow({ where: { id: input.id }, select: auditSelect }) },
    });
    // Another source document: every quote of the claim is measured against it.
    if (before.sourceDocumentId !== input.sourceDocumentId) await remeasureClaimQuotes(tx, [input.id]);
    // Wording only (same address, speaker, source and answered claim): no list's membership or counts move.
    const wordingOnly =
      before.slug === after.slug && before.speakerId === input.speakerId && before.sourceDocumentId === input.sourceDocumentId && before.rebutsId === input.rebutsId;
    return { version: after.version, claims: [...new Set([before.slug, after.slug])], ...(wordingOnly ? { reach: "text" as const } : {}) } satisfies Touched & { version: number };
  });
}

/**
 * Moves a claim through draft → in review → published, or back. Publishing needs
 * a rating and at least one confirmed quote: a public page without them says
 * nothing. Unpublishing is recorded like any other change.
 */
export async function setClaimStatus(actorId: string, input: ClaimStatusInput) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.claim.findUnique({
      where: { id: input.id },
      select: { ...auditSelect, rating: { select: { id: true } } },
    });
    if (!before) throw new NotFoundError("claim");
    assertVersion(before, input.version);
    if (before.status === input.status) return { version: before.version, claims: [before.slug] };
    if (input.status === "published") {
      if (!before.rating) throw new ActionError("Rate the claim before publishing it: readers see the verdict and both ratings.", "invalid");
      // One indexed lookup, not a relation `_count` (which counts every claim's quotes: lib/quote-counts.ts).
      if (!(await tx.quote.findFirst({ where: { claimId: input.id, ...publicQuoteWhere }, select: { id: true } }))) throw new ActionError("Confirm at least one quote of this claim before publishing it.", "invalid");
    }
    const now = new Date();
    const publishedAt = input.status === "published" ? now : null;
    // Unpublishing a published claim leaves a notice at its address (410, lib/withdrawn-claims.ts); publishing clears it.
    const withdrawal =
      input.status === "published" ? { withdrawnAt: null, withdrawalNote: null } : before.status === "published" ? { withdrawnAt: now, withdrawalNote: input.note ?? null } : {};
    const action = input.status === "published" ? "publish" : before.status === "published" ? "unpublish" : "status";
    await updateVersioned(tx, "claim", {
      where: { id: input.id },
      version: input.version,
      data: { status: input.status, publishedAt, ...withdrawal },
      audit: {
        actorId,
        entityType: "claim",
        entityId: input.id,
        action,
        before: { status: before.status, publishedAt: before.publishedAt },
        after: { status: input.status, publishedAt, ...(input.note ? { note: input.note } : {}) },
      },
    });
    if (before.rating) await tx.rating.update({ where: { claimId: input.id }, data: { publishedAt } });
    return { version: before.version + 1, claims: [before.slug] };
  });
}

/**
 * Merges `absorbed` into `survivor`: quotes, tags, annotations, counter-claim
 * links and (if the survivor has none) the rating move over; the absorbed claim
 * is deleted. Its history stays findable: the survivor records a "merge" event
 * naming it, and lib/audit.ts follows those events.
 */
export async function mergeClaims(actorId: string, input: MergeClaimsInput) {
  return prisma.$transaction(async (tx) => {
    const survivor = await tx.claim.findUnique({ where: { id: input.survivorId }, select: { ...auditSelect, rating: { select: { id: true } } } });
    const absorbed = await tx.claim.findUnique({
      where: { id: input.absorbedId },
      select: { ...auditSelect, rating: { select: { id: true } }, tags: { select: { tagId: true } } },
    });
    if (!survivor) throw new NotFoundError("claim");
    if (!absorbed) throw new NotFoundError("claim to merge");
    const { rating: survivorRating, ...survivorBefore } = survivor;
    const { rating: absorbedRating, tags, ...absorbedFields } = absorbed;
    const ratingMoved = Boolean(absorbedRating && !survivorRating);
    // Quotes and annotations move first: the merge's event counts them.
    const quotesMoved = await bumpVersions(tx, "quote", { claimId: absorbed.id }, { claimId: survivor.id });
    const annotationsMoved = await bumpVersions(tx, "annotation", { claimId: absorbed.id }, { claimId: survivor.id });
    await updateVersioned(tx, "claim", {
      where: { id: survivor.id },
      version: input.survivorVersion,
      // Keep the survivor's own fields; fill only what it lacks.
      data: {
        summary: survivor.summary ?? absorbed.summary,
        speakerId: survivor.speakerId ?? absorbed.speakerId,
        sourceDocumentId: survivor.sourceDocumentId ?? absorbed.sourceDocumentId,
        rebutsId: survivor.rebutsId ?? (absorbed.rebutsId === survivor.id ? null : absorbed.rebutsId),
      },
      audit: {
        actorId,
        entityType: "claim",
        entityId: survivor.id,
        action: "merge",
        before: survivorBefore,
        after: {
          absorbedId: absorbed.id,
          absorbedSlug: absorbed.slug,
          absorbedCanonical: absorbed.canonical,
          quotesMoved,
          annotationsMoved,
          tagsMoved: tags.length,
          ratingMoved,
        },
      },
    });
    // The absorbed claim's quotes were measured against its source: when the survivor's differs
    // (or the survivor had none and takes the absorbed one's), its quotes are measured again.
    if (survivor.sourceDocumentId !== absorbed.sourceDocumentId) await remeasureClaimQuotes(tx, [survivor.id]);
    if (tags.length) {
      await tx.claimTag.createMany({ data: tags.map((t) => ({ claimId: survivor.id, tagId: t.tagId })), skipDuplicates: true });
    }
    await tx.claim.updateMany({ where: { rebutsId: absorbed.id, id: { not: survivor.id } }, data: { rebutsId: survivor.id } });
    await tx.claim.updateMany({ where: { rebutsId: absorbed.id, id: survivor.id }, data: { rebutsId: null } });
    if (ratingMoved) await tx.rating.update({ where: { claimId: absorbed.id }, data: { claimId: survivor.id } });
    await moveAddresses(tx, "claim", absorbed, survivor.id);
    await tx.claim.delete({ where: { id: absorbed.id } });
    await recordAudit(tx, {
      actorId,
      entityType: "claim",
      entityId: absorbed.id,
      action: "merged_into",
      before: absorbedFields,
      after: { survivorId: survivor.id, survivorSlug: survivor.slug },
    });
    return { id: survivor.id, claims: [survivor.slug, absorbed.slug] };
  });
}

/** Splits the selected quotes off into a new draft claim with the same speaker and source. */
export async function splitClaim(actorId: string, input: SplitClaimInput) {
  return prisma.$transaction(async (tx) => {
    const claim = await tx.claim.findUnique({ where: { id: input.id }, select: auditSelect });
    if (!claim) throw new NotFoundError("claim");
    assertVersion(claim, input.version);
    const owned = await tx.quote.count({ where: { id: { in: input.quoteIds }, claimId: input.id } });
    assertSelectionCurrent(owned === new Set(input.quoteIds).size, "Some of the selected quotes no longer belong to this claim. Reload and select again.");
    const created = await tx.claim.create({
      data: {
        slug: await uniqueRecordSlug(tx, "claim", claimSlug(input.canonical)),
        canonical: input.canonical,
        speakerId: claim.speakerId,
        sourceDocumentId: claim.sourceDocumentId,
      },
      select: auditSelect,
    });
    await bumpVersions(tx, "quote", { id: { in: input.quoteIds } }, { claimId: created.id, matchScore: null });
    await recordAudit(tx, { actorId, entityType: "claim", entityId: created.id, action: "create", after: { ...created, splitFrom: claim.id, quoteIds: input.quoteIds } });
    await updateVersioned(tx, "claim", {
      where: { id: claim.id },
      version: input.version,
      audit: {
        actorId,
        entityType: "claim",
        entityId: claim.id,
        action: "split",
        before: { quoteIds: input.quoteIds },
        after: { newClaimId: created.id, newClaimCanonical: created.canonical },
      },
    });
    for (const quoteId of input.quoteIds) {
      await recordAudit(tx, { actorId, entityType: "quote", entityId: quoteId, action: "move", before: { claimId: claim.id }, after: { claimId: created.id } });
    }
    return { id: created.id, claims: [claim.slug, created.slug] };
  });
}
