import "server-only";
import { prisma } from "./db";

export async function getEditorDashboard() {
  const [articles, suggestedQuotes, claims, publishedClaims] = await Promise.all([
    prisma.article.count(),
    prisma.quote.count({ where: { reviewStatus: "suggested" } }),
    prisma.claim.count(),
    prisma.claim.count({ where: { status: "published" } }),
  ]);
  return { articles, suggestedQuotes, claims, publishedClaims };
}
