import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "./audit";
import { prisma, type Tx } from "./db";
import type { Touched } from "./public-cache/keys";
import { ActionError, NotFoundError } from "./errors";
import { slugify, uniqueSlug } from "./slug";
import type { CreateTagInput, DeleteTagInput, MergeTagsInput, SetTagInput, TagEditInput } from "./validation/tag";
import { bumpVersions, deleteVersioned, updateVersioned } from "./versioned-write";

const auditSelect = { id: true, name: true, slug: true, colour: true, kind: true, version: true } satisfies Prisma.TagSelect;

export function listTags() {
  return prisma.tag.findMany({
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    // Every tag's count, so counting the whole tag–quote table is the work to do.
    // eslint-disable-next-line no-restricted-syntax
    select: { ...auditSelect, _count: { select: { claims: true, quotes: true } } },
  });
}

/** What carries a tag: shown before it is deleted or merged away. */
export async function getTagUsage(id: string) {
  const tag = await prisma.tag.findUnique({
    where: { id },
    select: {
      ...auditSelect,
      claims: { take: 50, select: { claim: { select: { id: true, canonical: true, status: true } } } },
      quotes: { take: 50, select: { quote: { select: { id: true, exact: true, article: { select: { title: true } } } } } },
      _count: { select: { claims: true } },
    },
  });
  if (!tag) return null;
  // Its own quotes counted on their own (lib/quote-counts.ts says why not a relation _count).
  return { ...tag, _count: { ...tag._count, quotes: await prisma.quoteTag.count({ where: { tagId: id } }) } };
}

async function slugOfTagsOn(tx: Tx, tagId: string) {
  const rows = await tx.claimTag.findMany({ where: { tagId }, select: { claim: { select: { slug: true } } } });
  return rows.map((r) => r.claim.slug);
}

async function nameTaken(tx: Tx, name: string, exceptId?: string) {
  const row = await tx.tag.findFirst({ where: { name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } });
  return Boolean(row);
}

export async function createTag(actorId: string, input: CreateTagInput) {
  return prisma.$transaction(async (tx) => {
    if (await nameTaken(tx, input.name)) throw new ActionError("A tag with that name exists.", "invalid", { name: ["A tag with that name exists."] });
    const slug = await uniqueSlug(input.name, async (s) => Boolean(await tx.tag.findUnique({ where: { slug: s }, select: { id: true } })));
    const tag = await tx.tag.create({ data: { ...input, slug }, select: auditSelect });
    await recordAudit(tx, { actorId, entityType: "tag", entityId: tag.id, action: "create", after: tag });
    return { id: tag.id, tags: true } satisfies Touched & { id: string };
  });
}

/** Renames, recolours or re-kinds a tag; a rename moves the slug too. */
export async function editTag(actorId: string, input: TagEditInput) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.tag.findUnique({ where: { id: input.id }, select: auditSelect });
    if (!before) throw new NotFoundError("tag");
    if (await nameTaken(tx, input.name, input.id)) throw new ActionError("A tag with that name exists.", "invalid", { name: ["A tag with that name exists."] });
    const slug =
      slugify(input.name) === before.slug
        ? before.slug
        : await uniqueSlug(input.name, async (s) => Boolean(await tx.tag.findFirst({ where: { slug: s, id: { not: input.id } }, select: { id: true } })));
    const after = await updateVersioned(tx, "tag", {
      where: { id: input.id },
      version: input.version,
      data: { name: input.name, colour: input.colour, kind: input.kind, slug },
      audit: {
        actorId,
        entityType: "tag",
        entityId: input.id,
        action: before.name !== input.name ? "rename" : "edit",
        before,
        after: () => tx.tag.findUniqueOrThrow({ where: { id: input.id }, select: auditSelect }),
      },
    });
    return { version: after.version, tags: true, claims: await slugOfTagsOn(tx, input.id) } satisfies Touched & { version: number };
  });
}

export async function deleteTag(actorId: string, input: DeleteTagInput) {
  return prisma.$transaction(async (tx) => {
    const before = await tx.tag.findUnique({
      where: { id: input.id },
      select: { ...auditSelect, claims: { select: { claimId: true } }, quotes: { select: { quoteId: true } } },
    });
    if (!before) throw new NotFoundError("tag");
    const claims = await slugOfTagsOn(tx, input.id);
    await deleteVersioned(tx, "tag", {
      where: { id: input.id },
      version: input.version,
      audit: {
        actorId,
        entityType: "tag",
        entityId: input.id,
        action: "delete",
        before: { ...before, claims: before.claims.map((c) => c.claimId), quotes: before.quotes.map((q) => q.quoteId) },
      },
    });
    return { tags: true, claims } satisfies Touched;
  });
}

/** Moves every use of `source` to `target`, then deletes `source`. */
export async function mergeTags(actorId: string, input: MergeTagsInput) {
  return prisma.$transaction(async (tx) => {
    const source = await tx.tag.findUnique({
      where: { id: input.sourceId },
      select: { ...auditSelect, claims: { select: { claimId: true } }, quotes: { select: { quoteId: true } } },
    });
    const target = await tx.tag.findUnique({ where: { id: input.targetId }, select: auditSelect });
    if (!source) throw new NotFoundError("tag");
    if (!target) throw new NotFoundError("tag to keep");
    const claims = await slugOfTagsOn(tx, source.id);
    await tx.claimTag.createMany({ data: source.claims.map((c) => ({ claimId: c.claimId, tagId: target.id })), skipDuplicates: true });
    await tx.quoteTag.createMany({ data: source.quotes.map((q) => ({ quoteId: q.quoteId, tagId: target.id })), skipDuplicates: true });
    // The tag kept changes under anyone editing it; its event comes before the absorbed tag's.
    await bumpVersions(tx, "tag", { id: target.id });
    await recordAudit(tx, {
      actorId,
      entityType: "tag",
      entityId: target.id,
      action: "merge",
      after: { absorbedId: source.id, absorbedName: source.name, claims: source.claims.length, quotes: source.quotes.length },
    });
    await deleteVersioned(tx, "tag", {
      where: { id: source.id },
      version: input.sourceVersion,
      audit: { actorId, entityType: "tag", entityId: source.id, action: "merged_into", before: source, after: { targetId: target.id, targetName: target.name } },
    });
    return { tags: true, claims } satisfies Touched;
  });
}

/**
 * Attaches or detaches a tag. Recorded on the claim's or quote's history; it does
 * not bump their version, so tagging never makes a colleague's open form stale.
 */
export async function setTag(actorId: string, input: SetTagInput) {
  return prisma.$transaction(async (tx) => {
    const tag = await tx.tag.findUnique({ where: { id: input.tagId }, select: { id: true, name: true } });
    if (!tag) throw new NotFoundError("tag");
    let claimSlug: string | null = null;
    let articleSlug: string | null = null;
    if (input.target === "claim") {
      const claim = await tx.claim.findUnique({ where: { id: input.targetId }, select: { slug: true } });
      if (!claim) throw new NotFoundError("claim");
      claimSlug = claim.slug;
      if (input.attached) await tx.claimTag.createMany({ data: [{ claimId: input.targetId, tagId: tag.id }], skipDuplicates: true });
      else await tx.claimTag.deleteMany({ where: { claimId: input.targetId, tagId: tag.id } });
    } else {
      const quote = await tx.quote.findUnique({ where: { id: input.targetId }, select: { article: { select: { slug: true } }, claim: { select: { slug: true } } } });
      if (!quote) throw new NotFoundError("quote");
      claimSlug = quote.claim?.slug ?? null;
      articleSlug = quote.article.slug;
      if (input.attached) await tx.quoteTag.createMany({ data: [{ quoteId: input.targetId, tagId: tag.id }], skipDuplicates: true });
      else await tx.quoteTag.deleteMany({ where: { quoteId: input.targetId, tagId: tag.id } });
    }
    await recordAudit(tx, {
      actorId,
      entityType: input.target,
      entityId: input.targetId,
      action: input.attached ? "tag" : "untag",
      before: input.attached ? undefined : { tag: tag.name },
      after: input.attached ? { tag: tag.name } : undefined,
    });
    // On a claim: its rows, tag filters, facets and counts; on a quote, quote counts and figures may move too.
    return { tags: true, claims: [claimSlug], articles: [articleSlug], ...(input.target === "claim" ? { reach: "tags" as const } : {}) } satisfies Touched;
  });
}
