import "server-only";
import { prisma, type Tx } from "./db";
import { ActionError } from "./errors";
import { isPlausibleSlug } from "./validation/text";
import { publicClaimWhere } from "./visibility";

/**
 * A claim's former addresses (model ClaimOldSlug): its slug before a rename and the
 * slugs of claims merged into it. Each old slug names the claim that holds it now, so
 * a chain (A merged into B, B renamed, B merged into C) resolves in one lookup: every
 * move re-points the old slugs it carries. proxy.ts answers 308 from an old address
 * of a published claim to its current one; the sitemap lists current slugs only.
 */

/** Is `slug` free for `claimId`: no other claim has it now or had it (old links must keep leading there)? */
export async function isClaimSlugFree(tx: Tx, slug: string, claimId: string | null = null): Promise<boolean> {
  const [current, old] = await Promise.all([
    tx.claim.findUnique({ where: { slug }, select: { id: true } }),
    tx.claimOldSlug.findUnique({ where: { slug }, select: { claimId: true } }),
  ]);
  return (!current || current.id === claimId) && (!old || old.claimId === claimId);
}

/**
 * Gives a claim a new slug, keeping the old one as a former address. Throws an
 * ActionError on the `slug` field when another claim has or had that address.
 */
export async function renameClaimSlug(tx: Tx, claim: { id: string; slug: string }, slug: string): Promise<void> {
  if (slug === claim.slug) return;
  if (!(await isClaimSlugFree(tx, slug, claim.id))) {
    throw new ActionError("Another claim has or had that address.", "invalid", { slug: ["Another claim has or had that address: choose another."] });
  }
  // Back to an address it had: that one is current again, not a former one.
  await tx.claimOldSlug.deleteMany({ where: { slug, claimId: claim.id } });
  await tx.claimOldSlug.create({ data: { slug: claim.slug, claimId: claim.id } });
  await tx.claim.update({ where: { id: claim.id }, data: { slug } });
}

/** Before `absorbed` is deleted by a merge: its address and its former ones lead to `survivorId`. */
export async function moveClaimAddresses(tx: Tx, absorbed: { id: string; slug: string }, survivorId: string): Promise<void> {
  await tx.claimOldSlug.updateMany({ where: { claimId: absorbed.id }, data: { claimId: survivorId } });
  await tx.claimOldSlug.create({ data: { slug: absorbed.slug, claimId: survivorId } });
}

/**
 * The current slug of the published claim that `slug` was a former address of,
 * or null (not a former address, or the claim it leads to is not public).
 */
export async function currentClaimSlug(slug: string): Promise<string | null> {
  if (!isPlausibleSlug(slug)) return null;
  const old = await prisma.claimOldSlug.findFirst({ where: { slug, claim: publicClaimWhere }, select: { claim: { select: { slug: true } } } });
  return old?.claim.slug ?? null;
}
