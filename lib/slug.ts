import slugifyLib from "@sindresorhus/slugify";
import type { Tx } from "./db";

/** URL slug for a name; transliterates (é → e, ß → ss) and caps the length. */
export function slugify(input: string, maxLength = 80): string {
  const slug = slugifyLib(input, { decamelize: false }).slice(0, maxLength).replace(/(?<!-)-+$/, "");
  return slug || "untitled";
}

/** `base`, or `base-2`, `base-3`… : the first that `taken` says is free. */
export async function uniqueSlug(base: string, taken: (slug: string) => Promise<boolean>): Promise<string> {
  const root = slugify(base);
  if (!(await taken(root))) return root;
  for (let n = 2; n < 10_000; n++) {
    const candidate = `${root}-${n}`;
    if (!(await taken(candidate))) return candidate;
  }
  throw new Error(`no free slug for ${root}`);
}

/** A claim's slug: `base` made unique among claims, inside the transaction that creates the claim. */
export function uniqueClaimSlug(tx: Tx, base: string): Promise<string> {
  return uniqueSlug(base, async (s) => Boolean(await tx.claim.findUnique({ where: { slug: s }, select: { id: true } })));
}
