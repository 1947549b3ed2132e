import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "./audit";
import { prisma } from "./db";
import type { Touched } from "./public-cache/keys";
import { ActionError, NotFoundError } from "./errors";
import type { RatingInput } from "./validation/rating";
import { assertVersion, updateVersioned } from "./versioned-write";

/** What an editor sets on a rating (lib/validation/rating.ts): its form loads these, its history records them. */
export const ratingFieldsSelect = {
  verdictLabelId: true,
  verdictExplanation: true,
  fidelityRating: true,
  fidelityExplanation: true,
  framingRating: true,
  framingExplanation: true,
} satisfies Prisma.RatingSelect;

const auditSelect = { id: true, claimId: true, ...ratingFieldsSelect, version: true } satisfies Prisma.RatingSelect;

export function listVerdictLabels() {
  return prisma.verdictLabel.findMany({ orderBy: { sortOrder: "asc" }, select: { id: true, slug: true, name: true, description: true, ratingValue: true } });
}

/**
 * Creates or updates a claim's rating. `version: null` means "there was no
 * rating when I opened the form": if someone rated it meanwhile, that is a conflict.
 * Recorded on the claim's history (entity "rating", id = the claim's id).
 */
export async function saveRating(actorId: string, input: RatingInput) {
  return prisma.$transaction(async (tx) => {
    const claim = await tx.claim.findUnique({ where: { id: input.claimId }, select: { slug: true, status: true, rating: { select: auditSelect } } });
    if (!claim) throw new NotFoundError("claim");
    if (!(await tx.verdictLabel.findUnique({ where: { id: input.verdictLabelId }, select: { id: true } }))) throw new NotFoundError("verdict");
    const data = {
      verdictLabelId: input.verdictLabelId,
      verdictExplanation: input.verdictExplanation,
      fidelityRating: input.fidelityRating,
      fidelityExplanation: input.fidelityExplanation,
      framingRating: input.framingRating,
      framingExplanation: input.framingExplanation,
      reviewerId: actorId,
    };
    const before = claim.rating;
    // A published verdict or rating that changes is corrected in public, with the editor's reason.
    const corrected =
      claim.status === "published" &&
      before !== null &&
      (before.verdictLabelId !== input.verdictLabelId || before.fidelityRating !== input.fidelityRating || before.framingRating !== input.framingRating);
    const readAfter = () => tx.rating.findUniqueOrThrow({ where: { claimId: input.claimId }, select: auditSelect });
    let after;
    if (input.version === null) {
      assertVersion(before, null, "Someone else rated this claim after you opened it. Reload to see their rating, then apply yours again.");
      await tx.rating.create({ data: { claimId: input.claimId, ...data, publishedAt: claim.status === "published" ? new Date() : null } });
      after = await readAfter();
      await recordAudit(tx, { actorId, entityType: "rating", entityId: input.claimId, action: "rate", before, after });
    } else {
      after = await updateVersioned(tx, "rating", {
        where: { claimId: input.claimId },
        version: input.version,
        data,
        audit: {
          actorId,
          entityType: "rating",
          entityId: input.claimId,
          action: corrected ? "correct" : before ? "re-rate" : "rate",
          before,
          after: corrected ? async () => ({ ...(await readAfter()), correctionNote: input.correctionNote }) : readAfter,
        },
      });
    }
    if (corrected) {
      if (!input.correctionNote || input.correctionNote.length < 10) {
        throw new ActionError("This claim is published: say why the verdict or rating changed. Readers see it as “Updated on DATE: REASON”.", "invalid", {
          correctionNote: ["Say why it changed, in at least 10 characters."],
        });
      }
      await tx.claimCorrection.create({ data: { claimId: input.claimId, note: input.correctionNote, actorId } });
    }
    // The verdict shows on the claim's own pages and rows that name it, and where pages filter or count by verdict.
    return { version: after.version, claims: [claim.slug], reach: "rating" } satisfies Touched & { version: number };
  });
}
