import "server-only";
import type { AddressKind } from "@/generated/prisma/enums";
import { prisma, type Tx } from "./db";
import { ActionError } from "./errors";
import { uniqueSlug } from "./slug";
import { isPlausibleSlug } from "./validation/text";
import { publicClaimWhere } from "./visibility";

export type { AddressKind };

/**
 * The former public addresses of claims, speakers and outlets (model OldSlug): a
 * record's slug before a rename and the slugs of records merged into it. Each old
 * slug names the record that holds it now, so a chain (A merged into B, B renamed,
 * B merged into C) resolves in one lookup: every move re-points the old slugs it
 * carries. proxy.ts answers 308 from an old address of a public record to its
 * current one; the sitemap lists current slugs only. Deleting a record deletes its
 * old slugs (triggers, migration record_old_slugs).
 */

/** Per kind: the record that holds a slug now, and the slug of a record a reader may open (null: none, or not public). */
const records: Record<AddressKind, { holder(tx: Tx, slug: string): Promise<{ id: string } | null>; publicSlug(id: string): Promise<{ slug: string } | null>; noun: string }> = {
  claim: {
    noun: "claim",
    holder: (tx, slug) => tx.claim.findUnique({ where: { slug }, select: { id: true } }),
    publicSlug: (id) => prisma.claim.findFirst({ where: { id, ...publicClaimWhere }, select: { slug: true } }),
  },
  // Every speaker and outlet has a public page (lib/speakers.ts, lib/outlets.ts).
  speaker: {
    noun: "speaker",
    holder: (tx, slug) => tx.speaker.findUnique({ where: { slug }, select: { id: true } }),
    publicSlug: (id) => prisma.speaker.findUnique({ where: { id }, select: { slug: true } }),
  },
  outlet: {
    noun: "outlet",
    holder: (tx, slug) => tx.outlet.findUnique({ where: { slug }, select: { id: true } }),
    publicSlug: (id) => prisma.outlet.findUnique({ where: { id }, select: { slug: true } }),
  },
};

/** Is `slug` free for record `recordId` of `kind`: no other record of that kind has it now or had it (old links must keep leading there)? */
export async function isRecordSlugFree(tx: Tx, kind: AddressKind, slug: string, recordId: string | null = null): Promise<boolean> {
  const [current, old] = await Promise.all([
    records[kind].holder(tx, slug),
    tx.oldSlug.findUnique({ where: { kind_slug: { kind, slug } }, select: { recordId: true } }),
  ]);
  return (!current || current.id === recordId) && (!old || old.recordId === recordId);
}

/** `base` as a slug (lib/slug.ts), made unique among the records of `kind` and their former addresses, inside the transaction that writes it. */
export function uniqueRecordSlug(tx: Tx, kind: AddressKind, base: string, recordId: string | null = null): Promise<string> {
  return uniqueSlug(base, async (s) => !(await isRecordSlugFree(tx, kind, s, recordId)));
}

/**
 * Before a record's slug changes from `record.slug` to `slug` (the caller writes the
 * new slug, in its versioned update): keeps the old one as a former address.
 * Throws an ActionError on the `slug` field when another record of that kind has or
 * had that address.
 */
export async function keepOldAddress(tx: Tx, kind: AddressKind, record: { id: string; slug: string }, slug: string): Promise<void> {
  if (slug === record.slug) return;
  if (!(await isRecordSlugFree(tx, kind, slug, record.id))) {
    const message = `Another ${records[kind].noun} has or had that address.`;
    throw new ActionError(message, "invalid", { slug: [`${message} Choose another.`] });
  }
  // Back to an address it had: that one is current again, not a former one.
  await tx.oldSlug.deleteMany({ where: { kind, slug, recordId: record.id } });
  await tx.oldSlug.create({ data: { kind, slug: record.slug, recordId: record.id } });
}

/** Before `absorbed` is deleted by a merge: its address and its former ones lead to `survivorId`. */
export async function moveAddresses(tx: Tx, kind: AddressKind, absorbed: { id: string; slug: string }, survivorId: string): Promise<void> {
  await tx.oldSlug.updateMany({ where: { kind, recordId: absorbed.id }, data: { recordId: survivorId } });
  await tx.oldSlug.create({ data: { kind, slug: absorbed.slug, recordId: survivorId } });
}

/**
 * The current slug of the public record of `kind` that `slug` was a former address
 * of, or null: not a former address, or the record it leads to is not public (a
 * claim not published).
 */
export async function currentSlug(kind: AddressKind, slug: string): Promise<string | null> {
  if (!isPlausibleSlug(slug)) return null;
  const old = await prisma.oldSlug.findUnique({ where: { kind_slug: { kind, slug } }, select: { recordId: true } });
  if (!old) return null;
  const found = await records[kind].publicSlug(old.recordId);
  return found?.slug ?? null;
}
