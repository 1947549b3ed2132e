import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { ConflictError, NotFoundError } from "./action";
import { describeSpan } from "./anchoring/selectors";
import { recordAudit } from "./audit";
import { prisma } from "./db";
import type { Touched } from "./editor-cache";
import { createAnnotationSchema, type CreateAnnotationInput, type UpdateAnnotationInput } from "./validation/annotation";

const auditSelect = {
  id: true,
  articleId: true,
  claimId: true,
  exact: true,
  start: true,
  end: true,
  anchorStatus: true,
  anchorScore: true,
  body: true,
  motivation: true,
  version: true,
} satisfies Prisma.AnnotationSelect;

export function listArticleAnnotations(articleId: string) {
  return prisma.annotation.findMany({
    where: { articleId },
    orderBy: { start: "asc" },
    select: { ...auditSelect, prefix: true, suffix: true, createdAt: true, updatedAt: true, author: { select: { name: true } }, claim: { select: { id: true, canonical: true } } },
  });
}

/** A W3C Web Annotation on a span the editor selected (TextQuote + TextPosition selectors). */
export async function createAnnotation(actorId: string, raw: CreateAnnotationInput) {
  const input = createAnnotationSchema.parse(raw);
  return prisma.$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { id: input.articleId }, select: { id: true, slug: true, body: true } });
    if (!article) throw new NotFoundError("article");
    const anchor = describeSpan(article.body, input.start, input.end);
    if (!anchor || anchor.exact !== input.exact.trim()) {
      throw new ConflictError("The article text changed since you opened it, so the selection no longer matches. Reload the article and select the text again.");
    }
    if (input.claimId && !(await tx.claim.findUnique({ where: { id: input.claimId }, select: { id: true } }))) throw new NotFoundError("claim");
    const annotation = await tx.annotation.create({
      data: { articleId: article.id, ...anchor, body: input.body, motivation: input.motivation, claimId: input.claimId, authorId: actorId },
      select: auditSelect,
    });
    await recordAudit(tx, { actorId, entityType: "annotation", entityId: annotation.id, action: "create", after: annotation });
    return { id: annotation.id, articles: [article.slug] } satisfies Touched & { id: string };
  });
}

export async function updateAnnotation(actorId: string, input: UpdateAnnotationInput) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.annotation.findUnique({ where: { id: input.id }, select: auditSelect });
    if (!before) throw new NotFoundError("annotation");
    const { count } = await tx.annotation.updateMany({
      where: { id: input.id, version: input.version },
      data: { body: input.body, motivation: input.motivation, version: { increment: 1 } },
    });
    if (count === 0) throw new ConflictError();
    const after = await tx.annotation.findUniqueOrThrow({ where: { id: input.id }, select: auditSelect });
    await recordAudit(tx, { actorId, entityType: "annotation", entityId: input.id, action: "edit", before, after });
    return { version: after.version };
  });
}

export async function deleteAnnotation(actorId: string, input: { id: string; version: number }) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.annotation.findUnique({ where: { id: input.id }, select: auditSelect });
    if (!before) throw new NotFoundError("annotation");
    const { count } = await tx.annotation.deleteMany({ where: { id: input.id, version: input.version } });
    if (count === 0) throw new ConflictError();
    await recordAudit(tx, { actorId, entityType: "annotation", entityId: input.id, action: "delete", before });
    return { ok: true };
  });
}
