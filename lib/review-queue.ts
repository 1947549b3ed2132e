import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { textAnchorSelect } from "./anchoring/selectors";
import { prisma } from "./db";
import { quoteReviewSelect } from "./quotes";
import type { ReviewQueueFilter } from "./validation/quote";

export const REVIEW_PAGE_SIZE = 50;

/** Suggested (or reviewed) quotes across all articles, oldest article first within the newest imports. */
export async function listReviewQueue(filter: ReviewQueueFilter) {
  const where: Prisma.QuoteWhereInput = {
    ...(filter.status !== "all" ? { reviewStatus: filter.status } : {}),
    ...(filter.outlet ? { article: { outlet: { slug: filter.outlet } } } : {}),
    ...(filter.speaker === "none" ? { speakerId: null } : filter.speaker ? { speaker: { slug: filter.speaker } } : {}),
    ...(filter.claim === "none" ? { claimId: null } : filter.claim ? { claimId: filter.claim } : {}),
  };
  const [total, quotes] = await Promise.all([
    prisma.quote.count({ where }),
    prisma.quote.findMany({
      where,
      orderBy: [{ article: { publishedAt: "desc" } }, { articleId: "asc" }, { start: "asc" }],
      skip: (filter.page - 1) * REVIEW_PAGE_SIZE,
      take: REVIEW_PAGE_SIZE,
      select: {
        id: true,
        ...textAnchorSelect,
        ...quoteReviewSelect,
        attributionReason: true,
        article: { select: { id: true, title: true, outlet: { select: { name: true } } } },
        speaker: { select: { id: true, name: true } },
        claim: { select: { id: true, canonical: true, status: true } },
      },
    }),
  ]);
  return { total, quotes, pages: Math.max(1, Math.ceil(total / REVIEW_PAGE_SIZE)) };
}

/** The review filters' outlets and speakers (by slug); the claims come from listClaimOptions (lib/claim-edits.ts). */
export async function getReviewFilterOptions() {
  const [outlets, speakers] = await Promise.all([
    prisma.outlet.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true } }),
    prisma.speaker.findMany({ orderBy: { name: "asc" }, select: { slug: true, name: true, acronyms: true } }),
  ]);
  return { outlets, speakers };
}
