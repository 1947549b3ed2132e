import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { createArticle } from "./articles";
import { recordAudit } from "./audit";
import { contentHash } from "./content-hash";

export interface IngestInput {
  outletId: string;
  slug?: string | null;
  title: string;
  byline: string | null;
  url: string | null;
  publishedAt: Date | null;
  body: string;
  rawText: string | null;
  actorId: string | null;
}

export interface IngestResult {
  created: boolean;
  articleId: string;
  slug: string;
}

/**
 * Stores one article — de-duplicated by content hash — in one transaction:
 * either the article and everything derived from it is stored, or nothing is.
 */
export async function ingestArticle(prisma: PrismaClient, input: IngestInput): Promise<IngestResult> {
  const hash = contentHash(input.body);
  const existing = await prisma.article.findUnique({ where: { contentHash: hash }, select: { id: true, slug: true } });
  if (existing) return { created: false, articleId: existing.id, slug: existing.slug };

  return prisma.$transaction(
    async (tx) => {
      const article = await createArticle(tx, { ...input, contentHash: hash });
      await recordAudit(tx, {
        actorId: input.actorId,
        entityType: "article",
        entityId: article.id,
        action: "import",
        after: { title: input.title, outletId: input.outletId, slug: article.slug },
      });
      return { created: true, articleId: article.id, slug: article.slug };
    },
    { timeout: 60_000 },
  );
}
