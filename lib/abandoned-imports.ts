import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { database } from "./db";
import { importHolder, TX_OPTIONS, WRITE_CHUNK_ROWS } from "./import-transactions";

// Imports that did not complete: lib/ingest-write.ts writes a big article in parts beside a
// PendingImport row and deletes the row with the last part; a crash leaves the row, and the
// next import of the same text removes the partial article here before storing it again.

/** A PendingImport not touched for this long on PostgreSQL belongs to an import that is gone. */
const ABANDONED_AFTER_MS = 5 * 60_000;

/**
 * Removes an article whose import did not complete (its PendingImport row is
 * there): its quotes, then the article, then the draft claims only its quotes
 * held that no editor has touched. Speakers it created stay (a name, harmless).
 * In short transactions, like the import that wrote it.
 */
export async function removePartialArticle(prisma: PrismaClient, articleId: string): Promise<void> {
  const claims = (
    await prisma.quote.findMany({ where: { articleId, claimId: { not: null } }, select: { claimId: true }, distinct: ["claimId"] })
  ).map((q) => q.claimId!);
  for (;;) {
    const ids = (
      await prisma.quote.findMany({ where: { articleId, article: { pendingImport: { isNot: null } } }, select: { id: true }, take: WRITE_CHUNK_ROWS })
    ).map((q) => q.id);
    if (!ids.length) break;
    await prisma.quote.deleteMany({ where: { id: { in: ids } } });
  }
  await prisma.$transaction(async (tx) => {
    await tx.article.deleteMany({ where: { id: articleId, pendingImport: { isNot: null } } });
    await tx.claim.deleteMany({
      where: { id: { in: claims }, status: "draft", version: 1, quotes: { none: {} }, rating: null, rebuttals: { none: {} }, tags: { none: {} } },
    });
  }, TX_OPTIONS);
}

/**
 * Removes the partial articles (PendingImport) with these
 * content hashes whose import is gone: on the embedded database, which one
 * process opens, any other process's; on PostgreSQL, one not written to for
 * ABANDONED_AFTER_MS. An import still under way is left alone.
 */
export async function removeAbandonedImports(prisma: PrismaClient, hashes: string[]): Promise<void> {
  const pending = await prisma.pendingImport.findMany({
    where: { article: { contentHash: { in: hashes } } },
    select: { articleId: true, holder: true, touchedAt: true },
  });
  for (const p of pending) {
    const gone = p.holder !== importHolder && (database.kind === "pglite" || Date.now() - p.touchedAt.getTime() > ABANDONED_AFTER_MS);
    if (gone) await removePartialArticle(prisma, p.articleId);
  }
}
