import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "./audit";
import { prisma } from "./db";
import type { Touched } from "./public-cache/keys";
import { NotFoundError } from "./errors";
import { createAnnotationSchema, type CreateAnnotationInput, type SetAnnotationPublicInput, type UpdateAnnotationInput } from "./validation/annotation";
import { anchorSelection, deleteVersioned, updateVersioned } from "./versioned-write";

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
  isPublic: true,
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
    const anchor = anchorSelection(article.body, input);
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
    const after = await updateVersioned(tx, "annotation", {
      where: { id: input.id },
      version: input.version,
      data: { body: input.body, motivation: input.motivation },
      audit: { actorId, entityType: "annotation", entityId: input.id, action: "edit", before, after: () => tx.annotation.findUniqueOrThrow({ where: { id: input.id }, select: auditSelect }) },
    });
    return { version: after.version };
  });
}

export async function deleteAnnotation(actorId: string, input: { id: string; version: number }) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.annotation.findUnique({ where: { id: input.id }, select: auditSelect });
    if (!before) throw new NotFoundError("annotation");
    await deleteVersioned(tx, "annotation", { where: { id: input.id }, version: input.version, audit: { actorId, entityType: "annotation", entityId: input.id, action: "delete", before } });
    return { ok: true };
  });
}

/**
 * Marks an annotation public (the public W3C export then carries it, while it
 * is about a published claim and still anchored) or private again.
 */
export async function setAnnotationPublic(actorId: string, input: SetAnnotationPublicInput) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.annotation.findUnique({ where: { id: input.id }, select: { ...auditSelect, article: { select: { slug: true } }, claim: { select: { slug: true } } } });
    if (!before) throw new NotFoundError("annotation");
    await updateVersioned(tx, "annotation", {
      where: { id: input.id },
      version: input.version,
      data: { isPublic: input.isPublic },
      audit: {
        actorId,
        entityType: "annotation",
        entityId: input.id,
        action: input.isPublic ? "make-public" : "make-private",
        before: { isPublic: before.isPublic },
        after: { isPublic: input.isPublic },
      },
    });
    return { version: before.version + 1, articles: [before.article.slug], claims: [before.claim?.slug] } satisfies Touched & { version: number };
  });
}
