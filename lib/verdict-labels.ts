import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { listEntityHistory, recordAudit } from "./audit";
import type { CurrentUser } from "./auth";
import { prisma, type Tx } from "./db";
import { ActionError, ConflictError, NotFoundError } from "./errors";
import type { Touched } from "./public-cache/keys";
import { uniqueSlug } from "./slug";
import {
  ratingValueOf,
  type CreateVerdictLabelInput,
  type DeleteVerdictLabelInput,
  type EditVerdictLabelInput,
  type MoveVerdictLabelInput,
} from "./validation/verdict-label";
import { deleteVersioned, updateVersioned } from "./versioned-write";

/**
 * Verdict labels, managed by admins: name, description, place on the truth
 * scale (ClaimReview ratingValue 1..5, nearer 5 more true, or none: published
 * by name only) and order. A label's slug (the /claims?verdict= filter) stays
 * when it is renamed. A label that rates a claim cannot be deleted.
 */

type Actor = Pick<CurrentUser, "id" | "role">;

const labelAuditSelect = { id: true, name: true, description: true, ratingValue: true, sortOrder: true, version: true } satisfies Prisma.VerdictLabelSelect;

/** Only admins change the labels every rating uses (the action checks too; this keeps lib callers honest). */
function assertAdmin(actor: Actor) {
  if (actor.role !== "admin") throw new ActionError("Only an admin can change verdict labels.", "forbidden");
}

/** Every label in order, with how many claims it rates. */
export async function listVerdictLabelsForAdmin() {
  const rows = await prisma.verdictLabel.findMany({
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    select: { ...labelAuditSelect, slug: true, _count: { select: { ratings: true } } },
  });
  return rows.map(({ _count, ...l }) => ({ ...l, uses: _count.ratings }));
}

async function claimsRatedWith(tx: Tx, labelId: string): Promise<string[]> {
  const rows = await tx.rating.findMany({ where: { verdictLabelId: labelId }, select: { claim: { select: { slug: true } } } });
  return rows.map((r) => r.claim.slug);
}

async function assertNameFree(tx: Tx, name: string, exceptId?: string) {
  const other = await tx.verdictLabel.findFirst({ where: { name: { equals: name, mode: "insensitive" }, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { name: true } });
  if (other) {
    const message = `There is already a verdict called “${other.name}”.`;
    throw new ActionError(message, "invalid", { name: [message] });
  }
}

/** Adds a label at the end of the list. */
export async function createVerdictLabel(actor: Actor, input: CreateVerdictLabelInput) {
  assertAdmin(actor);
  return prisma.$transaction(async (tx) => {
    await assertNameFree(tx, input.name);
    const last = await tx.verdictLabel.aggregate({ _max: { sortOrder: true } });
    const slug = await uniqueSlug(input.name, async (s) => Boolean(await tx.verdictLabel.findUnique({ where: { slug: s }, select: { id: true } })));
    const label = await tx.verdictLabel.create({
      data: { slug, name: input.name, description: input.description || null, ratingValue: ratingValueOf(input.ratingValue), sortOrder: (last._max.sortOrder ?? -1) + 1 },
      select: labelAuditSelect,
    });
    await recordAudit(tx, { actorId: actor.id, entityType: "verdictLabel", entityId: label.id, action: "create", after: label });
    return { id: label.id, verdicts: true } satisfies Touched & { id: string };
  });
}

/** Renames a label, or changes its description or its place on the truth scale; every claim it rates shows the change. */
export async function editVerdictLabel(actor: Actor, input: EditVerdictLabelInput) {
  assertAdmin(actor);
  return prisma.$transaction(async (tx) => {
    const before = await tx.verdictLabel.findUnique({ where: { id: input.id }, select: labelAuditSelect });
    if (!before) throw new NotFoundError("verdict label");
    await assertNameFree(tx, input.name, input.id);
    const after = await updateVersioned(tx, "verdictLabel", {
      where: { id: input.id },
      version: input.version,
      data: { name: input.name, description: input.description || null, ratingValue: ratingValueOf(input.ratingValue) },
      audit: {
        actorId: actor.id,
        entityType: "verdictLabel",
        entityId: input.id,
        action: before.name !== input.name ? "rename" : "edit",
        before,
        after: () => tx.verdictLabel.findUniqueOrThrow({ where: { id: input.id }, select: labelAuditSelect }),
      },
    });
    return { version: after.version, verdicts: true, claims: await claimsRatedWith(tx, input.id) } satisfies Touched & { version: number };
  });
}

/** Moves a label one place up or down the list (it swaps places with its neighbour, whose version is bumped too). */
export async function moveVerdictLabel(actor: Actor, input: MoveVerdictLabelInput) {
  assertAdmin(actor);
  return prisma.$transaction(async (tx) => {
    const labels = await tx.verdictLabel.findMany({ orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: labelAuditSelect });
    const at = labels.findIndex((l) => l.id === input.id);
    if (at < 0) throw new NotFoundError("verdict label");
    if (labels[at].version !== input.version) throw new ConflictError();
    const to = input.direction === "up" ? at - 1 : at + 1;
    if (to < 0 || to >= labels.length) throw new ActionError(`“${labels[at].name}” is already ${input.direction === "up" ? "first" : "last"}.`, "invalid");
    // Renumber the whole list in its new order, so equal or gapped sortOrders cannot stall a move.
    const order = labels.map((l) => l.id);
    [order[at], order[to]] = [order[to], order[at]];
    for (const [i, id] of order.entries()) {
      if (id === input.id || id === labels[to].id) continue;
      if (labels.find((l) => l.id === id)!.sortOrder !== i) await tx.verdictLabel.update({ where: { id }, data: { sortOrder: i } });
    }
    await updateVersioned(tx, "verdictLabel", {
      where: { id: input.id },
      version: input.version,
      data: { sortOrder: to },
      audit: { actorId: actor.id, entityType: "verdictLabel", entityId: input.id, action: "move", before: { position: at + 1 }, after: { position: to + 1 } },
    });
    await updateVersioned(tx, "verdictLabel", { where: { id: labels[to].id }, version: labels[to].version, data: { sortOrder: at }, audit: null });
    return { verdicts: true } satisfies Touched;
  });
}

/** Deletes a label that rates no claim; one in use is refused with how many claims it rates. */
export async function deleteVerdictLabel(actor: Actor, input: DeleteVerdictLabelInput) {
  assertAdmin(actor);
  return prisma.$transaction(async (tx) => {
    const before = await tx.verdictLabel.findUnique({ where: { id: input.id }, select: { ...labelAuditSelect, _count: { select: { ratings: true } } } });
    if (!before) throw new NotFoundError("verdict label");
    const { _count, ...label } = before;
    if (_count.ratings > 0) {
      throw new ActionError(
        `“${label.name}” is the verdict of ${_count.ratings} ${_count.ratings === 1 ? "claim" : "claims"}, so it cannot be deleted. Rate ${_count.ratings === 1 ? "that claim" : "those claims"} with another verdict first, or rename this one.`,
        "invalid",
      );
    }
    await deleteVersioned(tx, "verdictLabel", {
      where: { id: input.id },
      version: input.version,
      audit: { actorId: actor.id, entityType: "verdictLabel", entityId: input.id, action: "delete", before: label },
    });
    return { verdicts: true } satisfies Touched;
  });
}

/** Every verdict label's history, newest first (deleted labels included). */
export function getVerdictLabelsHistory() {
  return listEntityHistory("verdictLabel");
}
