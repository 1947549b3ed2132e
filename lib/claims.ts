import "server-only";
import { prisma } from "./db";

export function listPublishedClaims({ take = 50 }: { take?: number } = {}) {
  return prisma.claim.findMany({
    where: { status: "published" },
    orderBy: { publishedAt: "desc" },
    take,
    select: {
      id: true,
      slug: true,
      canonical: true,
      summary: true,
      speaker: { select: { name: true, slug: true } },
      _count: { select: { quotes: { where: { reviewStatus: { not: "rejected" } } } } },
    },
  });
}
