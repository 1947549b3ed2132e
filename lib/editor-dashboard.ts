import "server-only";
import type { ClaimStatus } from "@/generated/prisma/client";
import { prisma } from "./db";

/** The editor's home page figures. */
export async function getEditorDashboard() {
  const [articles, suggestedQuotes, claims, publishedClaims, byStatus, openAlerts] = await Promise.all([
    prisma.article.count(),
    countSuggestedQuotes(),
    prisma.claim.count(),
    prisma.claim.count({ where: { status: "published" } }),
    prisma.claim.groupBy({ by: ["status"], _count: { _all: true } }),
    prisma.alert.count({ where: { status: "open" } }),
  ]);
  const claimsByStatus: Record<ClaimStatus, number> = { draft: 0, in_review: 0, published: 0 };
  for (const row of byStatus) claimsByStatus[row.status] = row._count._all;
  return { articles, suggestedQuotes, claims, publishedClaims, claimsByStatus, openAlerts };
}

/** Quotes waiting in the review queue (the editor menu's badge). */
export function countSuggestedQuotes(): Promise<number> {
  return prisma.quote.count({ where: { reviewStatus: "suggested" } });
}
