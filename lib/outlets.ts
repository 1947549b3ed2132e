import "server-only";
import { prisma } from "./db";

export function listOutlets() {
  return prisma.outlet.findMany({
    orderBy: { name: "asc" },
    select: {
      id: true,
      slug: true,
      name: true,
      domain: true,
      country: true,
      description: true,
      _count: { select: { articles: true } },
    },
  });
}
